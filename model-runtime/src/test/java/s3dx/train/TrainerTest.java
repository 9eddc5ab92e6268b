package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.tensor.Tensor;

class TrainerTest {
    /** Small and quick: S3D-G at 8x32x32, width 0.125 (8..128 channels). */
    static final Design TINY = Preset.S3D_G.design().withClip(8, 32, 32).withWidthMultiplier(0.125).withClasses(10);

    @Test
    void aShortRunLowersTheLoss() {
        List<TrainProgress> seen = new ArrayList<>();
        TrainConfig c = new TrainConfig(TINY, 40, 8, 5, 3e-3, false, 16);
        TrainResult r = Trainer.train(c, seen::add, () -> false);
        assertEquals(40, r.stepsDone());
        assertEquals(40, seen.size());
        assertTrue(!r.cancelled());
        double first = seen.subList(0, 5).stream().mapToDouble(TrainProgress::loss).average().orElseThrow();
        double last = seen.subList(35, 40).stream().mapToDouble(TrainProgress::loss).average().orElseThrow();
        assertTrue(last < first - 0.1, "loss should fall: first 5 steps " + first + ", last 5 " + last);
        assertTrue(r.weights().check(Network.of(TINY)).isEmpty());
        assertEquals(16, r.evaluation().clips());
        // BN running statistics moved off their start (PyTorch momentum 0.1), so eval mode sees real statistics
        float[] var = r.weights().get("Conv2d_1a_7x7/spatial/bn.running_var").data();
        assertNotEquals(1f, var[0], 1e-3f);
    }

    @Test
    void cancellationStopsAndKeepsTheWeightsSoFar() {
        AtomicInteger steps = new AtomicInteger();
        TrainResult r = Trainer.train(TrainConfig.of(TINY, 50, 4, 1), p -> steps.set(p.step()), () -> steps.get() >= 3);
        assertTrue(r.cancelled());
        assertEquals(3, r.stepsDone());
        assertNull(r.evaluation());
        assertTrue(r.weights().check(Network.of(TINY)).isEmpty());
    }

    @Test
    void reversingABatchGivesThePartnerClassClips() {
        Design d = TINY.withClip(6, 32, 32);
        MotionData data = new MotionData(d);
        MotionShapes.Batch b = data.heldOutBatch(9, 0, 2);
        Tensor rev = MotionData.reverseTime(b.video());
        Tensor back = MotionData.reverseTime(rev);
        assertArrayEquals(b.video().data(), back.data());
        int plane = 32 * 32, t = 6;
        assertEquals(b.video().data()[0], rev.data()[(t - 1) * plane]);
        // a forward clip of one class is the reversal of its partner class
        MotionShapes shapes = MotionShapes.forTraining(data.preprocessing());
        MotionShapes.Clip c = shapes.clip(42, MotionClass.GROWING);
        assertEquals(MotionClass.SHRINKING, c.reversed().label());
    }

    @Test
    void trainingAndHeldOutClipsComeFromDifferentStreams() {
        MotionData data = new MotionData(TINY);
        float[] train = data.trainBatch(1, 0, 2).video().data();
        float[] held = data.heldOutBatch(1, 0, 2).video().data();
        assertTrue(!java.util.Arrays.equals(train, held));
        assertArrayEquals(train, data.trainBatch(1, 0, 2).video().data());
    }
}
