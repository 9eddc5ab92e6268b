package s3dx.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor.Ranked;
import s3dx.net.Preprocessing;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.synth.MotionClass;
import s3dx.tensor.Tensor;
import s3dx.video.ClipSampler;
import s3dx.video.VideoException;
import s3dx.video.VideoReader;

/**
 * The paper's temporal experiments on one window, in one batched forward pass: the same T-frame window as cut
 * from the video, reversed, shuffled, frozen, at double and at half speed. Does the model's answer depend on the
 * order and speed of the frames? A model without temporal convolutions (I2D) barely notices; S3D-G names the
 * time-reversal partner when the clip is reversed.
 */
public final class TemporalProbe {

    /** The experiments; each picks, for every one of the T input frames, a frame of the source. */
    public enum Experiment {
        ORIGINAL("original"),
        REVERSED("reversed"),
        SHUFFLED("frames shuffled"),
        STATIC("one frame repeated"),
        DOUBLE_SPEED("every second frame"),
        HALF_SPEED("frames repeated");

        private final String label;

        Experiment(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * Source frame of input frame i, for a T-frame clip taken from a source of {@code available} frames that
         * starts where the window starts. Double speed reads up to 2T-1 source frames; when the source is shorter
         * it repeats its last frame (as {@link ClipSampler} pads a short video). Static repeats frame T/2; shuffled
         * is a permutation drawn from {@code seed}.
         */
        public int[] order(int t, int available, long seed) {
            int[] o = new int[t];
            for (int i = 0; i < t; i++) {
                o[i] = switch (this) {
                    case ORIGINAL, SHUFFLED -> i;
                    case REVERSED -> t - 1 - i;
                    case STATIC -> t / 2;
                    case DOUBLE_SPEED -> Math.min(2 * i, available - 1);
                    case HALF_SPEED -> i / 2;
                };
            }
            if (this == SHUFFLED) {
                SplittableRandom rng = new SplittableRandom(seed);
                for (int i = t - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1), x = o[i];
                    o[i] = o[j];
                    o[j] = x;
                }
            }
            return o;
        }
    }

    /**
     * One experiment's outcome.
     * @param originalTop1Prob the probability of the original clip's top-1 class
     * @param flippedToPartner the top-1 is the time-reversal partner of the original top-1 (false without partners)
     */
    public record Row(Experiment experiment, Ranked top1, float originalTop1Prob, boolean flippedToPartner) {}

    /** The table for one model and window; {@code hasPartners} says whether the labels come in reversed pairs. */
    public record Table(Ranked originalTop1, boolean hasPartners, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }

        public Row row(Experiment e) {
            return rows.get(e.ordinal());
        }
    }

    private TemporalProbe() {}

    /** Source frames a T-frame probe reads from the window's start (double speed needs 2T-1). */
    public static int sourceFrames(int t) {
        return 2 * t - 1;
    }

    /** The probe's source for the window starting at {@code startFrame}: [1,3,2T-1,H,W], padded at the video's end. */
    public static Tensor source(VideoReader reader, Preprocessing pre, long startFrame) throws VideoException {
        return ClipSampler.of(pre).withClipLength(sourceFrames(pre.frames())).clipAt(reader, startFrame).clip();
    }

    /** The window itself: the first T frames of a source. */
    public static Tensor window(Tensor source, int t) {
        return Clips.firstFrames(source, t);
    }

    /** Every experiment on a source [1,3,S,H,W] (S >= T) for a T-frame model, shuffled with {@code seed}. */
    public static Table run(OnnxSession session, List<String> labels, Tensor source, int t, long seed) {
        Clips.requireOneClip(source);
        int available = Clips.frames(source);
        if (available < t) throw new IllegalArgumentException("need at least " + t + " source frames, got " + available);
        Experiment[] all = Experiment.values();
        int[][] orders = new int[all.length][];
        for (Experiment e : all) orders[e.ordinal()] = e.order(t, available, seed);
        Tensor probs = session.run(Clips.gather(source, orders), Set.of(OnnxModelBuilder.PROBS)).get(OnnxModelBuilder.PROBS);
        if (probs.dim(1) != labels.size()) {
            throw new IllegalArgumentException("the model gives " + probs.dim(1) + " classes but has " + labels.size() + " labels");
        }
        float[] original = Clips.row(probs, Experiment.ORIGINAL.ordinal());
        int top = Clips.argmax(original);
        OptionalInt partner = MotionClass.partnerIndex(labels, top);
        List<Row> rows = new ArrayList<>();
        for (Experiment e : all) {
            float[] p = Clips.row(probs, e.ordinal());
            int c = Clips.argmax(p);
            rows.add(new Row(e, new Ranked(c, labels.get(c), p[c]), p[top], partner.isPresent() && c == partner.getAsInt()));
        }
        return new Table(new Ranked(top, labels.get(top), original[top]), partner.isPresent(), rows);
    }
}
