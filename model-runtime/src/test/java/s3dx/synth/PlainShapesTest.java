package s3dx.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import s3dx.video.RgbFrame;

/** The plain renderer draws what its labels say, in MotionShapes' conventions (y down, clockwise on screen). */
class PlainShapesTest {
    static final int W = 96, H = 72, T = 12;
    static final PlainShapes CLEAN = new PlainShapes(W, H, T, 0);
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void sameSeedSameClipAndThePartnerIsTheClipBackwards() {
        PlainShapes noisy = new PlainShapes(W, H, T, 20);
        MotionShapes.Clip a = noisy.clip(3, MotionClass.GROWING);
        assertEquals(a, noisy.clip(3, MotionClass.GROWING));
        assertEquals(a.reversed(), noisy.clip(3, MotionClass.SHRINKING));
        assertNotEquals(a.frames(), noisy.clip(4, MotionClass.GROWING).frames());
        assertEquals(T, a.frames().size());
        RgbFrame f = a.frames().get(0);
        assertEquals(List.of(W, H), List.of(f.width(), f.height()));
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"MOVING_LEFT", "MOVING_RIGHT", "MOVING_UP", "MOVING_DOWN"})
    void movingShapesMoveThatWay(MotionClass c) {
        for (long seed : SEEDS) MotionShapesTest.assertMovesThatWay(CLEAN.clip(seed, c));
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"GROWING", "SHRINKING"})
    void growingAndShrinking(MotionClass c) {
        for (long seed : SEEDS) {
            List<double[]> tr = MotionShapesTest.track(CLEAN.clip(seed, c));
            double total = tr.get(T - 1)[0] / tr.get(0)[0];
            assertTrue(c == MotionClass.GROWING ? total > 2.5 : total < 1 / 2.5, c + " seed " + seed + " area ratio " + total);
            assertEquals(tr.get(0)[1], tr.get(T - 1)[1], 3.0, "centre stays");  // a triangle grows about its circumcentre, not its centroid
        }
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"ROTATING_CLOCKWISE", "ROTATING_COUNTERCLOCKWISE"})
    void rotationDirection(MotionClass c) {
        int sign = c == MotionClass.ROTATING_CLOCKWISE ? 1 : -1;
        for (long seed : SEEDS) {
            List<double[]> tr = MotionShapesTest.track(CLEAN.clip(seed, c));
            double total = 0;
            for (int t = 1; t < T; t++) {
                double d = Math.IEEEremainder(tr.get(t)[3] - tr.get(t - 1)[3], Math.PI);
                assertTrue(sign * d > 0, c + " seed " + seed + " frame " + t + " turned " + Math.toDegrees(d));
                total += d;
            }
            assertTrue(sign * total > Math.toRadians(50), c + " turned " + Math.toDegrees(total));
        }
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"FADING_IN", "FADING_OUT"})
    void fading(MotionClass c) {
        for (long seed : SEEDS) {
            MotionShapes.Clip clip = CLEAN.clip(seed, c);
            int[] bg = MotionShapesTest.background(clip.frames().get(0));
            double[] con = clip.frames().stream().mapToDouble(f -> MotionShapesTest.contrast(f, bg)).toArray();
            for (int t = 1; t < T; t++) {
                assertTrue(c == MotionClass.FADING_IN ? con[t] > con[t - 1] : con[t] < con[t - 1], c + " seed " + seed + " " + Arrays.toString(con));
            }
        }
    }
}
