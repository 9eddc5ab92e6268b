package s3dx.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.video.ClipSampler;
import s3dx.video.ClipWindow;
import s3dx.video.RgbFrame;
import s3dx.video.VideoException;
import s3dx.video.VideoReader;

/**
 * Runs a model over a video's sliding windows: the one code path from clip to prediction, shared by the
 * {@code predict} command and the player. Windows are cut by {@link ClipSampler} with the model's
 * {@link Preprocessing}; each gives a {@link Prediction} with its time span, class probabilities, gate
 * activations and energy maps. Not thread-safe (one session run at a time).
 */
public final class WindowPredictor {

    /** How windows are cut: T frames, every {@code step}-th source frame, a window every {@code stride} frames. */
    public record Windowing(int clipLength, int step, int stride, boolean reverse) {
        /** Limits that keep a window's frames in memory and its span in an int. */
        public static final int MAX_STEP = 10_000, MAX_STRIDE = 1_000_000;

        public Windowing {
            if (clipLength < 1 || step < 1 || stride < 1) {
                throw new IllegalArgumentException("clip length, step and stride must be at least 1, got "
                        + clipLength + ", " + step + ", " + stride);
            }
            if (clipLength > s3dx.net.Design.MAX_FRAMES) {
                throw new IllegalArgumentException("clip length " + clipLength + " is over the limit of " + s3dx.net.Design.MAX_FRAMES + " frames");
            }
            if (step > MAX_STEP) throw new IllegalArgumentException("step " + step + " is over the limit of " + MAX_STEP);
            if (stride > MAX_STRIDE) throw new IllegalArgumentException("stride " + stride + " is over the limit of " + MAX_STRIDE);
        }

        public static Windowing defaults(int clipLength) {
            return new Windowing(clipLength, 1, Math.max(1, clipLength / 2), false);
        }

        public Windowing withReverse(boolean r) {
            return new Windowing(clipLength, step, stride, r);
        }

        /** Source frames one window covers. */
        public int span() {
            return (clipLength - 1) * step + 1;
        }

        /** Start of the latest complete window that ends at or before {@code frame} (inclusive), or -1. */
        public long latestStartEndingAt(long frame) {
            long s = frame - span() + 1;
            return s < 0 ? -1 : s / stride * stride;
        }
    }

    /** One class with its probability. */
    public record Ranked(int index, String label, float prob) {
    }

    /**
     * The model's answer for one window.
     * @param gates [C] per gate scope, in network order; energy [T',H',W'] per block
     */
    public record Prediction(long startFrame, long endFrame, double startSeconds, double endSeconds, boolean reversed,
                             float[] probs, List<String> labels, Map<String, float[]> gates, Map<String, Tensor> energy) {
        public Prediction {
            gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
            energy = Collections.unmodifiableMap(new LinkedHashMap<>(energy));
        }

        public List<Ranked> top(int k) {
            return IntStream.range(0, probs.length).boxed()
                    .sorted((a, b) -> Float.compare(probs[b], probs[a]))
                    .limit(k).map(c -> new Ranked(c, labels.get(c), probs[c])).toList();
        }

        public Ranked best() {
            return top(1).get(0);
        }

        /** The same prediction without its energy maps, the bulk of its memory (they feed only the frame overlay). */
        public Prediction withoutEnergy() {
            return new Prediction(startFrame, endFrame, startSeconds, endSeconds, reversed, probs, labels, gates, Map.of());
        }
    }

    private final OnnxSession session;
    private final Preprocessing preprocessing;
    private final List<String> labels;
    private float[] clipBuffer;

    public WindowPredictor(OnnxSession session, Preprocessing preprocessing, List<String> labels) {
        this.session = session;
        this.preprocessing = preprocessing;
        this.labels = List.copyOf(labels);
    }

    /** Uses the model's own preprocessing and labels; fails when the model does not describe itself. */
    public static WindowPredictor of(OnnxSession session) {
        var info = session.info().orElseThrow(() -> new InferenceException(InferenceException.Problem.NO_METADATA, session.file(),
                "the model has no S3D Explorer metadata (preprocessing, labels); export it with 's3dx export'", null, null));
        return new WindowPredictor(session, info.preprocessing(), info.labels());
    }

    public List<String> labels() {
        return labels;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public ClipSampler sampler(Windowing w) {
        return ClipSampler.of(preprocessing).withClipLength(w.clipLength()).withStep(w.step())
                .withStride(w.stride()).withReverse(w.reverse());
    }

    /** Runs the model on one window cut by {@link #sampler}. */
    public Prediction predict(ClipWindow w, boolean reversed) {
        InferenceResult r = session.run(w.clip());
        Map<String, float[]> gates = new LinkedHashMap<>();
        r.gates().forEach((scope, t) -> gates.put(scope, first(t).data()));
        Map<String, Tensor> energy = new LinkedHashMap<>();
        r.energy().forEach((block, t) -> energy.put(block, first(t)));
        float[] probs = first(r.probs()).data();
        if (probs.length != labels.size()) {
            throw new InferenceException(InferenceException.Problem.BAD_OUTPUT, session.file(),
                    "the model gives " + probs.length + " classes but has " + labels.size() + " labels", probs.length + " ≠ " + labels.size(), null);
        }
        return new Prediction(w.startFrame(), w.endFrame(), w.startSeconds(), w.endSeconds(), reversed, probs, labels, gates, energy);
    }

    /**
     * The window starting at {@code startFrame}, made from its frames ({@code frames.get(i)} is source frame
     * {@code startFrame + i*step}); gives the same clip as the streaming sampler does for that window.
     */
    public Prediction predict(Windowing w, long startFrame, List<RgbFrame> frames, double fps) {
        Tensor clip = sampler(w).toTensor(frames, clipBuffer);
        clipBuffer = clip.data();   // the tensor stays inside this call, so its array can be refilled next time
        long end = startFrame + w.span();
        return predict(new ClipWindow(startFrame, end, startFrame / fps, end / fps, clip), w.reverse());
    }

    /** Every window of the video in order, streaming (decodes the video once). */
    public void forEachWindow(Path video, Windowing w, Consumer<Prediction> sink) throws VideoException {
        try (VideoReader r = VideoReader.open(video)) {
            ClipSampler.Windows ws = sampler(w).windows(r);
            for (ClipWindow cw; (cw = ws.next()) != null; ) sink.accept(predict(cw, w.reverse()));
        }
    }

    public List<Prediction> predictAll(Path video, Windowing w) throws VideoException {
        List<Prediction> out = new ArrayList<>();
        forEachWindow(video, w, out::add);
        return out;
    }

    private static Tensor first(Tensor t) {
        if (t.rank() < 1 || t.dim(0) < 1) throw new InferenceException("empty model output " + t.shapeString());
        long[] s = new long[t.rank() - 1];
        System.arraycopy(t.shape(), 1, s, 0, s.length);
        int n = (int) Tensor.numel(s);
        if (n == t.data().length) return new Tensor(s, t.data());   // batch of one: the outputs are ours alone
        float[] d = new float[n];
        System.arraycopy(t.data(), 0, d, 0, n);
        return new Tensor(s, d);
    }
}
