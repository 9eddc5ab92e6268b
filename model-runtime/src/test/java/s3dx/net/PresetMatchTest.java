package s3dx.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import s3dx.synth.MotionClass;

class PresetMatchTest {
    @Test
    void everyPresetAtEveryBoundaryAndSizeIsRecognised() {
        for (Preset p : Preset.values()) {
            for (Block b : p.hasBoundary() ? Block.TOGGLEABLE : java.util.Collections.<Block>singletonList(null)) {
                Design d;
                try {
                    d = p.design(b);
                } catch (DesignException e) {
                    continue;
                }
                // at its last boundary Bottom-Heavy is all 3D: that design is I3D, which comes first
                PresetMatch m = PresetMatch.of(DemoSize.DEFAULT.applyTo(d)).orElseThrow(() -> new AssertionError(p + " " + b));
                assertTrue(PresetMatch.sameArchitecture(d, m.preset().design(m.boundary())), p + " at " + b);
                if (b == null || b == p.defaultBoundary()) assertEquals(p, m.preset());
            }
        }
        assertFalse(PresetMatch.of(Preset.S3D_G.design()).orElseThrow().nonDefaultBoundary());
        assertTrue(PresetMatch.of(Preset.TOP_HEAVY_I3D.design(Block.Mixed_5b)).orElseThrow().nonDefaultBoundary());
    }

    @Test
    void aChangedKernelGateOrModeIsNoPreset() {
        assertTrue(PresetMatch.of(Preset.S3D_G.design().withFirstTemporalKernel(3)).isEmpty(), "first temporal kernel");
        assertTrue(PresetMatch.of(Preset.TOP_HEAVY_I3D.design().withAllGated(true)).isEmpty(), "gates");
        assertTrue(PresetMatch.of(Preset.S3D.design().withMode(Block.Mixed_5c, ConvMode.TWO_D)).isEmpty(), "a block's mode");
        assertTrue(PresetMatch.sameArchitecture(Preset.S3D.design(), DemoSize.DEFAULT.applyTo(Preset.S3D.design())));
        assertFalse(PresetMatch.sameArchitecture(Preset.S3D.design(), Preset.S3D_G.design()));
    }

    @Test
    void theDemoSizeHasOneClassPerMotionShapesClass() {
        Design d = DemoSize.DEFAULT.applyTo(Preset.I2D.design());
        assertEquals(MotionClass.values().length, d.classes());
        assertEquals(0.25, d.widthMultiplier());
        assertEquals(16, d.frames());
        assertEquals(64, d.height());
        assertEquals(64, d.width());
    }
}
