package s3dx.train;

import java.util.SplittableRandom;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preprocessing;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.tensor.Tensor;

/**
 * MotionShapes clips at a design's clip size, as the trainer and the held-out evaluation draw them.
 * Training batch {@code k} of a run with seed {@code s} and held-out batch {@code k} use batch seeds from
 * two separate streams of {@code s} (salted differently), so held-out clips are never training clips; held-out
 * clips also come with generator settings training never sees ({@link MotionShapes.Settings#HELD_OUT}).
 */
public final class MotionData {
    private static final long TRAIN_SALT = 0x7A1A_5EED_0000_0001L, HELD_OUT_SALT = 0x4E1D_0077_0000_0002L;

    private final Design design;
    private final Preprocessing preprocessing;
    private final MotionShapes shapes, heldOutSettingsShapes;

    public MotionData(Design design) {
        if (design.height() != design.width()) {
            throw new DesignException("size", "MotionShapes clips are square; got " + design.height() + "x" + design.width());
        }
        if (design.classes() != MotionClass.values().length) {
            throw new DesignException("classes", "MotionShapes has " + MotionClass.values().length + " classes; the design has " + design.classes());
        }
        this.design = design;
        this.preprocessing = preprocessing(design);
        this.shapes = MotionShapes.forTraining(preprocessing);
        this.heldOutSettingsShapes = MotionShapes.forTraining(preprocessing, MotionShapes.Settings.HELD_OUT);
    }

    /**
     * How MotionShapes tensors are made for a design: frames rendered at the clip size (no resize, no crop),
     * scaled to [0,1], then torchvision's Kinetics mean/std.
     */
    public static Preprocessing preprocessing(Design d) {
        return new Preprocessing(Preprocessing.Scaling.UNIT, Preprocessing.KINETICS_MEAN, Preprocessing.KINETICS_STD,
                d.height(), d.height(), d.frames());
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public Design design() {
        return design;
    }

    /** Training batch {@code step} of a run with this seed. */
    public MotionShapes.Batch trainBatch(long seed, int step, int n) {
        return shapes.batch(streamSeed(seed ^ TRAIN_SALT, step), n, preprocessing);
    }

    /** Held-out batch {@code index}: training's generator settings, from a seed stream that training never draws from. */
    public MotionShapes.Batch heldOutBatch(long seed, int index, int n) {
        return heldOutBatch(seed, index, n, MotionShapes.Settings.TRAINING);
    }

    /** Held-out batch {@code index} drawn with the given generator settings (HELD_OUT: settings training never sees). */
    public MotionShapes.Batch heldOutBatch(long seed, int index, int n, MotionShapes.Settings settings) {
        MotionShapes gen = settings == MotionShapes.Settings.HELD_OUT ? heldOutSettingsShapes : shapes;
        return gen.batch(streamSeed(seed ^ HELD_OUT_SALT, index), n, preprocessing);
    }

    private static long streamSeed(long salted, int index) {
        return new SplittableRandom(salted).split().nextLong() + 0x9E3779B97F4A7C15L * (index + 1L);
    }

    /** The clips of a [N,3,T,H,W] batch played backwards (frame t becomes frame T-1-t). */
    public static Tensor reverseTime(Tensor video) {
        long[] s = video.shape();
        if (s.length != 5) throw new IllegalArgumentException("expected [N,3,T,H,W], got " + video.shapeString());
        int t = (int) s[2], plane = (int) (s[3] * s[4]);
        int outer = (int) (s[0] * s[1]);
        float[] in = video.data(), out = new float[in.length];
        for (int o = 0; o < outer; o++) {
            int base = o * t * plane;
            for (int f = 0; f < t; f++) System.arraycopy(in, base + f * plane, out, base + (t - 1 - f) * plane, plane);
        }
        return new Tensor(s, out);
    }
}
