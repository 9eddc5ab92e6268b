package s3dx.video;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ClipSamplerTest {

    @TempDir
    static Path dir;
    static Path video;            // 30 frames 64x48 at 25 fps
    static List<RgbFrame> decoded; // its frames, decoded sequentially

    /** torchvision-style normalisation, short side 40, crop 32, 4 frames. */
    static final Preprocessing PRE = new Preprocessing(Preprocessing.Scaling.UNIT, Preprocessing.KINETICS_MEAN, Preprocessing.KINETICS_STD, 40, 32, 4);

    @BeforeAll
    static void setUp() throws Exception {
        video = TestVideos.write(dir.resolve("v.mp4"), VideoWriter.Codec.H264, TestVideos.frames());
        try (VideoReader r = VideoReader.open(video)) {
            decoded = r.readAll();
        }
    }

    @Test
    void tensorShapeAndNormalisation() {
        RgbFrame f = RgbFrame.blank(64, 48);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) f.set(x, y, 200, 100, 20);
        ClipSampler s = ClipSampler.of(PRE);
        Tensor t = s.toTensor(List.of(f, f, f, f));
        assertArrayEquals(new long[]{1, 3, 4, 32, 32}, t.shape());
        int plane = 32 * 32 * 4;
        for (int c = 0; c < 3; c++) {
            float want = PRE.normalize(new int[]{200, 100, 20}[c], c);
            for (int i = 0; i < plane; i++) assertEquals(want, t.data()[c * plane + i], 1e-6f);
        }
    }

    @Test
    void windowsCoverTheVideoWithTimestamps() throws Exception {
        // T=4, step 3 -> span 10; stride 7 -> starts 0, 7, 14 (14+10=24 <= 30), 21 would end at 31 > 30
        ClipSampler s = ClipSampler.of(PRE).withClipLength(4).withStep(3).withStride(7);
        assertEquals(10, s.span());
        List<ClipWindow> ws = s.allWindows(video);
        assertEquals(3, ws.size());
        for (int w = 0; w < 3; w++) {
            ClipWindow cw = ws.get(w);
            assertEquals(7L * w, cw.startFrame());
            assertEquals(7L * w + 10, cw.endFrame());
            assertEquals(7.0 * w / 25, cw.startSeconds(), 1e-9);
            assertEquals((7.0 * w + 10) / 25, cw.endSeconds(), 1e-9);
            // the streamed clip equals the clip built from the sequentially decoded frames it names
            List<RgbFrame> picked = new ArrayList<>();
            for (int i = 0; i < 4; i++) picked.add(decoded.get(7 * w + 3 * i));
            assertEquals(s.toTensor(picked), cw.clip(), "window " + w);
        }
    }

    @Test
    void overlappingWindowsStride1() throws Exception {
        ClipSampler s = ClipSampler.of(PRE).withClipLength(4).withStep(2).withStride(1);
        List<ClipWindow> ws = s.allWindows(video);
        assertEquals(30 - 7 + 1, ws.size());
        for (int w : new int[]{0, 1, 5, 22, 23}) {
            List<RgbFrame> picked = new ArrayList<>();
            for (int i = 0; i < 4; i++) picked.add(decoded.get(w + 2 * i));
            assertEquals(s.toTensor(picked), ws.get(w).clip(), "window " + w);
        }
    }

    @Test
    void reversedClipIsTheFramesInReverseOrder() throws Exception {
        ClipSampler fwd = ClipSampler.of(PRE).withClipLength(4).withStep(2).withStride(8);
        ClipSampler rev = fwd.withReverse(true);
        List<ClipWindow> a = fwd.allWindows(video), b = rev.allWindows(video);
        assertEquals(a.size(), b.size());
        for (int w = 0; w < a.size(); w++) {
            assertEquals(a.get(w).startFrame(), b.get(w).startFrame());
            Tensor f = a.get(w).clip(), r = b.get(w).clip();
            assertNotEquals(f, r);
            assertEquals(flipTime(f), r);
            List<RgbFrame> backwards = new ArrayList<>();
            for (int i = 3; i >= 0; i--) backwards.add(decoded.get(8 * w + 2 * i));
            assertEquals(fwd.toTensor(backwards), r);
        }
    }

    @Test
    void shortVideoGivesOnePaddedClip() throws Exception {
        ClipSampler s = ClipSampler.of(PRE).withClipLength(8).withStep(5).withStride(4);  // span 36 > 30
        List<ClipWindow> ws = s.allWindows(video);
        assertEquals(1, ws.size());
        assertEquals(0, ws.get(0).startFrame());
        assertEquals(30, ws.get(0).endFrame());
        List<RgbFrame> picked = new ArrayList<>();
        for (int i = 0; i < 8; i++) picked.add(decoded.get(Math.min(5 * i, 25)));  // 25 = last frame on the grid
        assertEquals(s.toTensor(picked), ws.get(0).clip());
    }

    @Test
    void clipAtSeeksExactly() throws Exception {
        ClipSampler s = ClipSampler.of(PRE).withClipLength(4).withStep(1);
        try (VideoReader r = VideoReader.open(video)) {
            ClipWindow cw = s.clipAt(r, 13);
            assertEquals(13, cw.startFrame());
            assertEquals(17, cw.endFrame());
            assertEquals(s.toTensor(decoded.subList(13, 17)), cw.clip());
        }
    }

    @Test
    void resizerKeepsSizeIdentityAndAveragesWhenDownscaling() {
        RgbFrame f = TestVideos.frames(32, 32, 2).get(0);
        FrameResizer same = new FrameResizer(32, 32, 32, null);
        assertEquals(f, same.resizeCrop(f));

        // 2x downscale of a 1-pixel checkerboard gives flat grey, not aliasing
        RgbFrame check = RgbFrame.blank(64, 48);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) {
            int v = ((x + y) & 1) == 0 ? 0 : 200;
            check.set(x, y, v, v, v);
        }
        RgbFrame small = new FrameResizer(24, 24, 24, null).resizeCrop(check);
        for (byte b : small.rgb()) assertEquals(100, b & 0xFF, 2);

        // short side resized, then centre crop: a frame whose left half is red and right half blue
        RgbFrame halves = RgbFrame.blank(80, 40);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 80; x++) halves.set(x, y, x < 40 ? 255 : 0, 0, x < 40 ? 0 : 255);
        FrameResizer rs = new FrameResizer(20, 20, 20, null);
        assertArrayEquals(new int[]{40, 20}, rs.resizedSize(80, 40));
        RgbFrame out = rs.resizeCrop(halves);
        assertEquals(255, out.get(2, 10, 0));   // crop spans resized x 10..30: left of 20 red, right blue
        assertEquals(255, out.get(17, 10, 2));
    }

    @Test
    void upscalingIsBilinear() {
        RgbFrame f = RgbFrame.blank(2, 2);
        f.set(0, 0, 0, 0, 0);
        f.set(1, 0, 100, 100, 100);
        f.set(0, 1, 100, 100, 100);
        f.set(1, 1, 200, 200, 200);
        RgbFrame big = new FrameResizer(4, 4, 4, null).resizeCrop(f);
        // half-pixel centres: output x=1 samples source x=0.25 -> 0.75*a + 0.25*b
        assertEquals(0, big.get(0, 0, 0));
        assertEquals(25, big.get(1, 0, 0));
        assertEquals(75, big.get(2, 0, 0));
        assertEquals(50, big.get(1, 1, 0), 1);
        assertEquals(200, big.get(3, 3, 0));
    }

    static Tensor flipTime(Tensor t) {
        long[] s = t.shape();
        int tt = (int) s[2], plane = (int) (s[3] * s[4]);
        float[] d = t.data(), o = new float[d.length];
        for (int c = 0; c < 3; c++) for (int i = 0; i < tt; i++) {
            System.arraycopy(d, (c * tt + i) * plane, o, (c * tt + tt - 1 - i) * plane, plane);
        }
        return new Tensor(s, o);
    }

    @Test
    void flipHelperIsNotIdentity() {
        Tensor t = new Tensor(new long[]{1, 3, 2, 1, 1}, new float[]{1, 2, 3, 4, 5, 6});
        assertTrue(Arrays.equals(new float[]{2, 1, 4, 3, 6, 5}, flipTime(t).data()));
    }
}
