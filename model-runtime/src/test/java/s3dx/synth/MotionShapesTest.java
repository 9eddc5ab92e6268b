package s3dx.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.video.ClipSampler;
import s3dx.video.RgbFrame;
import s3dx.video.VideoReader;
import s3dx.video.VideoInfo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class MotionShapesTest {

    static final int S = 64, T = 8;
    static final MotionShapes CLEAN = new MotionShapes(MotionShapes.Options.defaults(S, T).clean());
    static final MotionShapes FULL = new MotionShapes(MotionShapes.Options.defaults(S, T));
    static final MotionShapes HELD_OUT = new MotionShapes(MotionShapes.Options.defaults(S, T).withSettings(MotionShapes.Settings.HELD_OUT));
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6};

    // ------------------------------------------------------------ labels

    @Test
    void labelsFileAndResourceMatchTheEnum() throws Exception {
        Path assets = Path.of("..", "assets", "motionshapes_labels.txt");
        assertEquals(MotionClass.labelsText(), Files.readString(assets), "assets file out of date");
        try (InputStream in = MotionClass.class.getResourceAsStream(MotionClass.LABELS_RESOURCE)) {
            assertNotNull(in, "classpath resource");
            assertEquals(MotionClass.labelsText(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(10, MotionClass.labels().size());
        assertEquals("moving left", MotionClass.of(0).label());
        assertEquals(MotionClass.FADING_OUT, MotionClass.ofLabel("fading out"));
    }

    @ParameterizedTest
    @EnumSource(MotionClass.class)
    void partnersArePairs(MotionClass c) {
        assertNotEquals(c, c.partner());
        assertEquals(c, c.partner().partner());
        assertEquals(c.index() / 2, c.partner().index() / 2);
    }

    // ------------------------------------------------------------ determinism and reversal

    @Test
    void sameSeedSameBytes() {
        for (MotionClass c : MotionClass.values()) {
            assertEquals(FULL.clip(77, c).frames(), FULL.clip(77, c).frames());
            assertNotEquals(FULL.clip(77, c).frames(), FULL.clip(78, c).frames());
        }
        assertEquals(FULL.clip(5).frames(), new MotionShapes(MotionShapes.Options.defaults(S, T)).clip(5).frames());
        MotionShapes.Batch a = FULL.batch(9, 6, Preprocessing.symmetric(S, S, T));
        MotionShapes.Batch b = FULL.batch(9, 6, Preprocessing.symmetric(S, S, T));
        assertEquals(a.video(), b.video());
        assertArrayEquals(a.labels(), b.labels());
        assertNotEquals(a.video(), FULL.batch(10, 6, Preprocessing.symmetric(S, S, T)).video());
    }

    @ParameterizedTest
    @EnumSource(MotionClass.class)
    void reversedClipIsExactlyAPartnerClip(MotionClass c) {
        for (MotionShapes gen : List.of(FULL, HELD_OUT)) {
            for (long seed : SEEDS) {
                MotionShapes.Clip clip = gen.clip(seed, c);
                MotionShapes.Clip rev = clip.reversed();
                assertEquals(c.partner(), rev.label());
                assertEquals(gen.clip(seed, c.partner()).frames(), rev.frames(), c + " seed " + seed);
                assertNotEquals(clip.frames(), rev.frames());
            }
        }
    }

    // ------------------------------------------------------------ the classes mean what they say

    /** Shape pixels: those differing from the (uniform) clean background, the commonest colour. */
    static boolean[] mask(RgbFrame f, int[] bg) {
        boolean[] m = new boolean[f.width() * f.height()];
        for (int i = 0; i < m.length; i++) {
            int p = i * 3;
            int d = Math.abs((f.rgb()[p] & 0xFF) - bg[0]) + Math.abs((f.rgb()[p + 1] & 0xFF) - bg[1])
                    + Math.abs((f.rgb()[p + 2] & 0xFF) - bg[2]);
            m[i] = d > 30;
        }
        return m;
    }

    static int[] background(RgbFrame f) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int i = 0; i < f.width() * f.height(); i++) {
            int p = i * 3, key = ((f.rgb()[p] & 0xFF) << 16) | ((f.rgb()[p + 1] & 0xFF) << 8) | (f.rgb()[p + 2] & 0xFF);
            count.merge(key, 1, Integer::sum);
        }
        int key = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new int[]{key >> 16, (key >> 8) & 0xFF, key & 0xFF};
    }

    /** {area, cx, cy, orientation} of the mask (orientation from second moments, y down). */
    static double[] moments(boolean[] m, int w) {
        double n = 0, sx = 0, sy = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) {
            n++;
            sx += i % w;
            sy += i / w;
        }
        double cx = sx / n, cy = sy / n, mxx = 0, myy = 0, mxy = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) {
            double dx = i % w - cx, dy = i / w - cy;
            mxx += dx * dx;
            myy += dy * dy;
            mxy += dx * dy;
        }
        return new double[]{n, cx, cy, 0.5 * Math.atan2(2 * mxy, mxx - myy)};
    }

    static List<double[]> track(MotionShapes.Clip clip) {
        int[] bg = background(clip.frames().get(clip.frames().size() / 2));
        List<double[]> out = new ArrayList<>();
        for (RgbFrame f : clip.frames()) out.add(moments(mask(f, bg), f.width()));
        return out;
    }

    static double contrast(RgbFrame f, int[] bg) {
        double s = 0;
        for (int i = 0; i < f.width() * f.height(); i++) {
            for (int c = 0; c < 3; c++) s += Math.abs((f.rgb()[i * 3 + c] & 0xFF) - bg[c]);
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"MOVING_LEFT", "MOVING_RIGHT", "MOVING_UP", "MOVING_DOWN"})
    void movingShapesMoveThatWay(MotionClass c) {
        boolean horizontal = c == MotionClass.MOVING_LEFT || c == MotionClass.MOVING_RIGHT;
        for (long seed : SEEDS) {
            List<double[]> tr = assertMovesThatWay(CLEAN.clip(seed, c));
            int along = horizontal ? 1 : 2, across = horizontal ? 2 : 1;
            double total = tr.get(T - 1)[along] - tr.get(0)[along];
            assertTrue(Math.abs(total) > 0.3 * S, c + " moved " + total);
            assertEquals(tr.get(0)[across], tr.get(T - 1)[across], 1.5, c + " drifted across");
        }
    }

    /** Checks that a clean moving clip's shape steps its class's way every frame at a steady area; returns its track. */
    static List<double[]> assertMovesThatWay(MotionShapes.Clip clip) {
        MotionClass c = clip.label();
        int along = c == MotionClass.MOVING_LEFT || c == MotionClass.MOVING_RIGHT ? 1 : 2;
        int sign = c == MotionClass.MOVING_RIGHT || c == MotionClass.MOVING_DOWN ? 1 : -1;
        List<double[]> tr = track(clip);
        for (int t = 1; t < tr.size(); t++) {
            double step = tr.get(t)[along] - tr.get(t - 1)[along];
            assertTrue(sign * step > 0.5, c + " seed " + clip.seed() + " frame " + t + " step " + step);
        }
        assertEquals(tr.get(0)[0], tr.get(tr.size() - 1)[0], 0.15 * tr.get(0)[0], c + " area changed");
        return tr;
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"GROWING", "SHRINKING"})
    void growingAndShrinking(MotionClass c) {
        for (long seed : SEEDS) {
            List<double[]> tr = track(CLEAN.clip(seed, c));
            for (int t = 1; t < T; t++) {
                double ratio = tr.get(t)[0] / tr.get(t - 1)[0];
                assertTrue(c == MotionClass.GROWING ? ratio > 1.02 : ratio < 0.98, c + " seed " + seed + " ratio " + ratio);
            }
            double total = tr.get(T - 1)[0] / tr.get(0)[0];
            assertTrue(c == MotionClass.GROWING ? total > 3 : total < 1 / 3.0, c + " area ratio " + total);
            assertEquals(tr.get(0)[1], tr.get(T - 1)[1], 1.0, "centre stays");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"ROTATING_CLOCKWISE", "ROTATING_COUNTERCLOCKWISE"})
    void rotationDirection(MotionClass c) {
        // On screen (y down) clockwise means the orientation angle atan2(dy, dx) increases.
        int sign = c == MotionClass.ROTATING_CLOCKWISE ? 1 : -1;
        for (long seed : SEEDS) {
            List<double[]> tr = track(CLEAN.clip(seed, c));
            double total = 0;
            for (int t = 1; t < T; t++) {
                double d = tr.get(t)[3] - tr.get(t - 1)[3];
                d = Math.IEEEremainder(d, Math.PI);  // orientation is defined modulo 180 degrees
                assertTrue(sign * d > 0, c + " seed " + seed + " frame " + t + " turned " + Math.toDegrees(d));
                total += d;
            }
            assertTrue(sign * total > Math.toRadians(45), c + " turned " + Math.toDegrees(total));
            assertEquals(tr.get(0)[0], tr.get(T - 1)[0], 0.15 * tr.get(0)[0], "area stays");
            assertEquals(tr.get(0)[1], tr.get(T - 1)[1], 1.5, "centre stays");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MotionClass.class, names = {"FADING_IN", "FADING_OUT"})
    void fading(MotionClass c) {
        for (long seed : SEEDS) {
            MotionShapes.Clip clip = CLEAN.clip(seed, c);
            int[] bg = background(clip.frames().get(0));
            double[] con = clip.frames().stream().mapToDouble(f -> contrast(f, bg)).toArray();
            for (int t = 1; t < T; t++) {
                assertTrue(c == MotionClass.FADING_IN ? con[t] > con[t - 1] : con[t] < con[t - 1],
                        c + " seed " + seed + " contrast " + Arrays.toString(con));
            }
            double lo = Math.min(con[0], con[T - 1]), hi = Math.max(con[0], con[T - 1]);
            assertTrue(hi > 5 * lo, c + " contrast " + Arrays.toString(con));
        }
    }

    // ------------------------------------------------------------ held-out generator settings

    static final MotionShapes CLEAN16 = new MotionShapes(MotionShapes.Options.defaults(S, 16).clean());
    static final MotionShapes HELD_CLEAN16 = new MotionShapes(CLEAN16.options().withSettings(MotionShapes.Settings.HELD_OUT));

    @Test
    void heldOutSettingsMoveAndTurnFasterThanTrainingsMainBand() {
        for (long seed = 0; seed < 12; seed++) {
            double held = travelled(HELD_CLEAN16.clip(seed, MotionClass.MOVING_RIGHT)), seen = travelled(CLEAN16.clip(seed, MotionClass.MOVING_RIGHT));
            assertTrue(held > 0.55 && held < 0.75, "held-out travel " + held + ", seed " + seed);
            assertTrue(seen < 0.56, "clean training travel " + seen + ", seed " + seed);
            assertTrue(turned(HELD_CLEAN16.clip(seed, MotionClass.ROTATING_CLOCKWISE)) > Math.toRadians(165), "held-out turn, seed " + seed);
            assertTrue(turned(CLEAN16.clip(seed, MotionClass.ROTATING_CLOCKWISE)) < Math.toRadians(165), "training turn, seed " + seed);
        }
    }

    @Test
    void trainingDrawsAroundTheHeldOutRangesButNeverInThem() {
        for (MotionShapes.Knob k : List.of(MotionShapes.SIZE, MotionShapes.TRAVEL, MotionShapes.GROWTH, MotionShapes.FADE_SPAN, MotionShapes.NOISE_SCALE)) {
            SplittableRandom rng = new SplittableRandom(7);
            int below = 0, above = 0, n = 4000;
            for (int i = 0; i < n; i++) {
                double v = k.draw(rng, false, true), h = k.draw(rng, true, true);
                assertTrue(h >= k.heldFrom() && h <= k.heldTo(), k + " held-out " + h);
                assertFalse(v >= k.heldFrom() && v <= k.heldTo(), k + " training " + v);
                if (v < k.heldFrom()) below++; else above++;
            }
            int outer = Math.min(below, above);
            assertTrue(outer > 0.2 * n && outer < 0.3 * n, k + ": " + below + " below, " + above + " above the held-out range");
        }
    }

    @Test
    void withoutVarietyTrainingKeepsToTheMainBand() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double v = MotionShapes.TRAVEL.draw(rng, false, false);
            assertTrue(v >= MotionShapes.TRAVEL.from() && v <= MotionShapes.TRAVEL.to(), "clean travel " + v);
        }
    }

    /** How far the shape's centre moves over a clean clip, as a fraction of the frame. */
    static double travelled(MotionShapes.Clip clip) {
        List<double[]> tr = track(clip);
        return (tr.get(tr.size() - 1)[1] - tr.get(0)[1]) / S;
    }


    @Test
    void heldOutSettingsPaintTheShapeInHuesTrainingNeverUses() {
        for (long seed = 0; seed < 30; seed++) {
            double[] held = hueAndSaturation(HELD_CLEAN16.clip(seed, MotionClass.GROWING)), seen = hueAndSaturation(CLEAN16.clip(seed, MotionClass.GROWING));
            assertTrue(held[1] > 0.4 && held[0] >= 155 && held[0] <= 225, "held-out hue " + Arrays.toString(held));
            assertTrue(seen[1] < 0.2 || seen[0] < 165 || seen[0] > 215, "training hue " + Arrays.toString(seen));
        }
    }

    /** Total clockwise turn of the shape's orientation over a clean clip. */
    static double turned(MotionShapes.Clip clip) {
        List<double[]> tr = track(clip);
        double total = 0;
        for (int t = 1; t < tr.size(); t++) total += Math.IEEEremainder(tr.get(t)[3] - tr.get(t - 1)[3], Math.PI);
        return total;
    }

    /** {hue in degrees, saturation} of the commonest colour of the shape in a clean clip's last frame. */
    static double[] hueAndSaturation(MotionShapes.Clip clip) {
        RgbFrame f = clip.frames().get(clip.frames().size() - 1);
        int[] bg = background(f);
        boolean[] m = mask(f, bg);
        Map<Integer, Integer> count = new HashMap<>();
        for (int i = 0; i < m.length; i++) if (m[i]) count.merge(((f.rgb()[i * 3] & 0xFF) << 16) | ((f.rgb()[i * 3 + 1] & 0xFF) << 8) | (f.rgb()[i * 3 + 2] & 0xFF), 1, Integer::sum);
        int c = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        float[] hsb = java.awt.Color.RGBtoHSB(c >> 16, (c >> 8) & 0xFF, c & 0xFF, null);
        return new double[]{hsb[0] * 360, hsb[1]};
    }

    @Test
    void classesAreDrawnFromTheSeedAndAllOccur() {
        int[] seen = new int[10];
        for (long s = 0; s < 200; s++) seen[MotionShapes.classFor(s).index()]++;
        for (int n : seen) assertTrue(n > 5, Arrays.toString(seen));
        assertEquals(MotionShapes.classFor(123), FULL.clip(123).label());
    }

    // ------------------------------------------------------------ tensors and files

    @Test
    void batchMatchesTheClipSamplerOnTheSameFrames() {
        Preprocessing pre = Preprocessing.symmetric(72, 64, T);
        MotionShapes gen = MotionShapes.forTraining(pre);
        assertEquals(72, gen.options().width());
        MotionShapes.Batch b = gen.batch(3, 5, pre);
        assertArrayEquals(new long[]{5, 3, T, 64, 64}, b.video().shape());
        int item = 3 * T * 64 * 64;
        for (int i = 0; i < 5; i++) {
            long seed = MotionShapes.itemSeed(3, i);
            MotionShapes.Clip clip = gen.clip(seed);
            assertEquals(clip.label().index(), b.labels()[i]);
            Tensor one = ClipSampler.of(pre).toTensor(clip.frames());
            assertArrayEquals(one.data(), Arrays.copyOfRange(b.video().data(), i * item, (i + 1) * item), "item " + i);
        }
        for (float v : b.video().data()) assertTrue(v >= -1f && v <= 1f);
    }

    @Test
    void writesMp4ThatDecodesBack(@TempDir Path dir) throws Exception {
        MotionShapes gen = new MotionShapes(MotionShapes.Options.defaults(S, 12));
        MotionShapes.Clip clip = gen.clip(4, MotionClass.GROWING);
        Path f = dir.resolve("growing.mp4");
        MotionShapes.write(clip, f, 12);
        try (VideoReader r = VideoReader.open(f)) {
            VideoInfo info = r.info();
            assertEquals("h264", info.codec());
            assertEquals(12, info.frameCount());
            assertEquals(12.0, info.fps(), 1e-6);
            List<RgbFrame> back = r.readAll();
            for (int i = 0; i < 12; i++) {
                double d = back.get(i).meanAbsDiff(clip.frames().get(i));
                assertTrue(d < 8, "frame " + i + " differs by " + d);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void episodesPlayClipsOfOneClassBackToBack() {
        MotionShapes.Clip three = FULL.episodes(42, MotionClass.MOVING_LEFT, 3);
        int t = FULL.options().frames();
        assertEquals(3 * t, three.frames().size());
        assertEquals(FULL.clip(42, MotionClass.MOVING_LEFT).frames(), three.frames().subList(0, t));
        assertEquals(FULL.clip(MotionShapes.itemSeed(42, 2), MotionClass.MOVING_LEFT).frames(), three.frames().subList(2 * t, 3 * t));
        assertNotEquals(three.frames().subList(0, t), three.frames().subList(t, 2 * t));
    }
}
