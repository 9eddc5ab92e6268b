package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import s3dx.net.DemoSize;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.platform.Cpu;

class EngineCheckTest {
    static Network demo(Preset p) {
        return Network.of(DemoSize.DEFAULT.applyTo(p.design()));
    }

    static final Network DEMO = demo(Preset.S3D_G);

    @Test
    void theEngineAsDjlNetworkRunsItPassesOnEveryPresetsShapes() {
        for (Preset p : Preset.values()) {
            Network net = demo(p);
            EngineCheck.Result r = EngineCheck.check(EngineCheck.shapes(net), DjlNetwork::conv3d);
            assertTrue(r.passed(), p + ": " + r);
            assertTrue(r.shapesChecked() >= 5, p + " has convolutions to check: " + r);
        }
    }

    @Test
    void aWrongForwardIsCaught() {
        EngineCheck.Result r = EngineCheck.check(EngineCheck.shapes(DEMO), (x, w, s, p) -> DjlNetwork.conv3d(x, w, s, p).mul(1.01f));
        assertFalse(r.passed());
        assertEquals("output", r.failedPart());
    }

    @Test
    void aNanIsCaught() {
        EngineCheck.Result r = EngineCheck.check(EngineCheck.shapes(DEMO), (x, w, s, p) -> DjlNetwork.conv3d(x, w, s, p).div(0f).mul(0f));
        assertFalse(r.passed());
        assertTrue(Double.isNaN(r.error()), r.toString());
    }

    @Test
    void aWrongGradientIsCaughtEvenWhenTheOutputIsRight() {
        // Adds 0 to the output but sum(w) - its own detached copy to the gradient graph: d/dw becomes wrong.
        EngineCheck.Conv gradFault = (x, w, s, p) -> {
            NDArray extra = w.sum().sub(w.sum().stopGradient());
            return DjlNetwork.conv3d(x, w, s, p).add(extra);
        };
        EngineCheck.Result r = EngineCheck.check(EngineCheck.shapes(DEMO), gradFault);
        assertFalse(r.passed());
        assertEquals("weight gradient", r.failedPart());
    }

    @Test
    void theMessageNamesTheCpuTheShapeAndTheRemedyAndNotTheLearningRate() {
        EngineCheck.Result r = new EngineCheck.Result(12, "conv 24->32 channels, kernel 1x3x3, stride 1", "output", 12.8, 0.01);
        String m = EngineCheck.failureMessage(r, new Cpu("AMD EPYC 9B45", Cpu.Isa.AVX512, 2));
        assertTrue(m.contains("AMD EPYC 9B45, AVX-512"), m);
        assertTrue(m.contains("conv 24->32 channels, kernel 1x3x3"), m);
        assertTrue(m.contains("ONEDNN_MAX_CPU_ISA=SSE41"), m);
        assertFalse(m.contains("learning rate"), m);
    }
}
