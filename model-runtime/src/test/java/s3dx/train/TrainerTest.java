package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import s3dx.weights.WeightInit;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

class TrainerTest {
    /** Small and quick: S3D-G at 8x32x32, width 0.125 (8..128 channels). */
    static final Design TINY = Preset.S3D_G.design().withClip(8, 32, 32).withWidthMultiplier(0.125).withClasses(10);

    @Test
    void aShortRunLowersTheLoss() {
        // gradients, Adam and BN training mode together: repeated steps on one batch must drive its loss down
        Network net = Network.of(TINY);
        MotionShapes.Batch batch = new MotionData(TINY).trainBatch(5, 0, 8);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
        List<Double> losses = new ArrayList<>();
        try (DjlNetwork djl = DjlNetwork.of(net, WeightInit.seeded(net, 5))) {
            for (int i = 0; i < 20; i++) losses.add(Trainer.step(djl, adam, batch, 10)[0]);
            float[] var = djl.weights().get("Conv2d_1a_7x7/spatial/bn.running_var").data();
            assertNotEquals(1f, var[0], 1e-3f, "BN running statistics follow the batches (PyTorch momentum 0.1)");
        }
        double first = losses.get(0), last = losses.subList(17, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(last < 0.7 * first, "loss should fall: " + losses);
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
    void warmUpRaisesTheLearningRateLinearlyThenTheCosineTakesOver() {
        List<Double> rates = new ArrayList<>();
        TrainConfig c = new TrainConfig(TINY, 8, 4, 1, 2e-3, true, 4, 0);
        TrainResult r = Trainer.train(c, p -> rates.add(p.learningRate()), () -> false);
        assertEquals(8, r.stepsDone());
        for (int i = 1; i < 4; i++) assertTrue(rates.get(i) > rates.get(i - 1), "warming up: " + rates);
        assertTrue(rates.get(0) < 1e-3, "starts low: " + rates);
        assertTrue(rates.get(4) > 1.5e-3 && rates.get(7) < 0.6e-3, "then decays over the steps left: " + rates);
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(TINY, 8, 4, 1, 2e-3, true, 8, 0));
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
