package s3dx.video;

import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts network clips out of videos: {@code clipLength} frames taken every {@code frameStep}-th source frame,
 * windows starting every {@code windowStride} source frames, each frame resized (short side) and centre-cropped
 * as {@link Preprocessing} says, normalised, optionally reversed in time, as [1,3,T,H,W] tensors.
 *
 * <p>Streaming: {@link #windows(VideoReader)} decodes the video once, sequentially, and keeps only the
 * preprocessed frames of the current window (a ring of {@link #span()} slots); frames no window uses are
 * skipped without RGB conversion. Immutable; each {@link Windows} is single-threaded.
 *
 * <pre>{@code
 * ClipSampler s = ClipSampler.of(pre).withClipLength(16).withStep(1).withStride(8).withReverse(false);
 * try (VideoReader r = VideoReader.open(path)) {
 *     ClipSampler.Windows w = s.windows(r);
 *     for (ClipWindow cw; (cw = w.next()) != null; ) model.run(cw.clip());
 * }
 * }</pre>
 */
public record ClipSampler(Preprocessing preprocessing, int clipLength, int frameStep, int windowStride, boolean reverse) {

    public ClipSampler {
        if (clipLength <= 0) throw new IllegalArgumentException("clip length must be positive, got " + clipLength);
        if (frameStep <= 0) throw new IllegalArgumentException("frame step must be positive, got " + frameStep);
        if (windowStride <= 0) throw new IllegalArgumentException("window stride must be positive, got " + windowStride);
        if (preprocessing.cropSize() <= 0) throw new IllegalArgumentException("crop size must be positive");
    }

    /** T = {@code pre.frames()}, step 1, non-overlapping windows (stride T), forward in time. */
    public static ClipSampler of(Preprocessing pre) {
        int t = Math.max(1, pre.frames());
        return new ClipSampler(pre, t, 1, t, false);
    }

    public ClipSampler withClipLength(int t) {
        return new ClipSampler(preprocessing, t, frameStep, windowStride, reverse);
    }

    public ClipSampler withStep(int k) {
        return new ClipSampler(preprocessing, clipLength, k, windowStride, reverse);
    }

    public ClipSampler withStride(int s) {
        return new ClipSampler(preprocessing, clipLength, frameStep, s, reverse);
    }

    public ClipSampler withReverse(boolean r) {
        return new ClipSampler(preprocessing, clipLength, frameStep, windowStride, r);
    }

    /** Source frames one clip covers: (T-1)*step + 1. */
    public int span() {
        return (clipLength - 1) * frameStep + 1;
    }

    public int cropSize() {
        return preprocessing.cropSize();
    }

    public long[] clipShape() {
        int c = cropSize();
        return new long[]{1, 3, clipLength, c, c};
    }

    /**
     * Turns exactly T already-chosen frames (in time order) into a [1,3,T,H,W] clip, reversed if set.
     */
    public Tensor toTensor(List<RgbFrame> frames) {
        return toTensor(frames, null);
    }

    /**
     * As {@link #toTensor(List)}, writing into {@code reuse} when it has the clip's size (a full-size clip is
     * 38 MB: reusing it keeps a player's steady stream of windows from churning the heap).
     */
    public Tensor toTensor(List<RgbFrame> frames, float[] reuse) {
        if (frames.size() != clipLength) {
            throw new IllegalArgumentException("need " + clipLength + " frames, got " + frames.size());
        }
        FrameResizer rs = FrameResizer.of(preprocessing);
        int c = cropSize(), plane = c * c;
        float[] data = reuse != null && reuse.length == 3 * clipLength * plane ? reuse : new float[3 * clipLength * plane];
        byte[] crop = new byte[plane * 3];
        for (int t = 0; t < clipLength; t++) {
            rs.resizeCrop(frames.get(t), crop);
            int tt = reverse ? clipLength - 1 - t : t;
            rs.normalize(crop, data, tt * plane, clipLength * plane);
        }
        return new Tensor(clipShape(), data);
    }

    /** A pull-style stream of windows over the reader, starting at its current position. */
    public Windows windows(VideoReader reader) {
        return new Windows(reader);
    }

    /** Calls {@code sink} for each window of the video, streaming. */
    public void forEachWindow(Path video, Consumer<ClipWindow> sink) throws VideoException {
        try (VideoReader r = VideoReader.open(video)) {
            Windows w = windows(r);
            for (ClipWindow cw; (cw = w.next()) != null; ) sink.accept(cw);
        }
    }

    /** All windows of a video in a list (each holds its tensor: mind the memory for long videos). */
    public List<ClipWindow> allWindows(Path video) throws VideoException {
        List<ClipWindow> out = new ArrayList<>();
        forEachWindow(video, out::add);
        return out;
    }

    /** The one clip starting at {@code startFrame} (seeks there exactly); padded like a short video if needed. */
    public ClipWindow clipAt(VideoReader reader, long startFrame) throws VideoException {
        reader.seek(startFrame);
        ClipWindow w = windows(reader).next();
        if (w == null) throw new VideoException(reader.file(), VideoException.Problem.PAST_END,
                "no frames at or after frame " + startFrame, null);
        return w;
    }

    /**
     * Sliding windows over one video. Window w covers source frames
     * {@code [base + w*stride, base + w*stride + span)} and uses every step-th of them. Only complete windows are
     * produced, except that a video shorter than one span still gives one window: its missing frames repeat the
     * last decoded one.
     */
    public final class Windows {
        private final VideoReader reader;
        private final long base;
        private final double fps;
        private final FrameResizer resizer = FrameResizer.of(preprocessing);
        private final int span = span();
        private final int plane = cropSize() * cropSize();
        private final float[][] ring = new float[span][];
        private final long[] ringIndex = new long[span];
        private final byte[] crop = new byte[plane * 3];
        private long decoded;          // frames consumed from the reader, relative to base
        private long window;           // index of the next window
        private boolean eof;

        private Windows(VideoReader reader) {
            this.reader = reader;
            this.base = reader.position();
            this.fps = reader.info().fps();
            java.util.Arrays.fill(ringIndex, -1);
        }

        /** The next window, or null when the video has no more complete windows. */
        public ClipWindow next() throws VideoException {
            long start = window * windowStride;
            long end = start + span;
            while (!eof && decoded < end) {
                if (needed(decoded)) {
                    RgbFrame f = reader.next();
                    if (f == null) {
                        eof = true;
                        break;
                    }
                    store(decoded, f);
                } else if (!reader.skip()) {
                    eof = true;
                    break;
                }
                decoded++;
            }
            if (decoded < end) {
                // Video ended inside this window: only a video shorter than one window gets a padded clip.
                if (window != 0 || decoded == 0) return null;
                end = decoded;
            }
            int t = clipLength;
            float[] data = new float[3 * t * plane];
            int tPlane = t * plane;
            long lastUsable = start + (end - 1 - start) / frameStep * frameStep;  // padded clips repeat it
            for (int i = 0; i < t; i++) {
                long idx = Math.min(start + (long) i * frameStep, lastUsable);
                if (ringIndex[slot(idx)] != idx) throw new IllegalStateException("frame " + idx + " not kept");
                float[] f = ring[slot(idx)];
                int tt = reverse ? t - 1 - i : i;
                for (int c = 0; c < 3; c++) System.arraycopy(f, c * plane, data, c * tPlane + tt * plane, plane);
            }
            window++;
            long s = base + start, e = base + end;
            return new ClipWindow(s, e, seconds(s), seconds(e), new Tensor(clipShape(), data));
        }

        private double seconds(long frame) {
            return fps > 0 ? frame / fps : Double.NaN;
        }

        private int slot(long idx) {
            return (int) (idx % span);
        }

        /** Whether some window uses relative frame i. */
        private boolean needed(long i) {
            long wLo = Math.max(window, ceilDiv(i - span + 1, windowStride));
            long wHi = Math.floorDiv(i, windowStride);
            for (long w = wLo; w <= wHi; w++) {
                if ((i - w * windowStride) % frameStep == 0) return true;
            }
            return false;
        }

        private void store(long i, RgbFrame f) {
            int s = slot(i);
            if (ring[s] == null) ring[s] = new float[3 * plane];
            resizer.resizeCrop(f, crop);
            resizer.normalize(crop, ring[s], 0, plane);
            ringIndex[s] = i;
        }

        private static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }
    }
}
