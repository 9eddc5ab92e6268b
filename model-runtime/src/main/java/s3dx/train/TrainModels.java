package s3dx.train;

import java.util.Locale;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import s3dx.synth.MotionClass;

/** Glue between a training run and an exported model: its {@link ModelInfo} and the held-out test. */
public final class TrainModels {
    private TrainModels() {}

    /**
     * The description an exported trained model carries: the design, MotionShapes' preprocessing and labels,
     * and a line on how it was trained (and how it did on held-out clips, when tested).
     */
    public static ModelInfo modelInfo(TrainResult r) {
        Design d = r.design();
        TrainConfig c = r.config();
        String text = String.format(Locale.ROOT, "%s trained on MotionShapes by s3dx train: %d%s steps x %d clips, seed %d, Adam %s%s",
                describe(d), r.stepsDone(), r.cancelled() ? " (interrupted) of " + c.steps() : "", c.batch(), c.seed(),
                number(c.learningRate()), c.cosine() ? " cosine" : "");
        if (r.evaluation() != null) text += "; held-out: " + r.evaluation();
        return new ModelInfo(d, MotionData.preprocessing(d), MotionClass.labels(), text);
    }

    /** Eval-mode held-out test of a run's weights with DJL. */
    public static Evaluation heldOut(TrainResult r, int clips) {
        s3dx.net.Network net = s3dx.net.Network.of(r.design());
        try (DjlNetwork djl = DjlNetwork.of(net, r.weights())) {
            return HeldOut.evaluate(djl::predict, r.design(), r.config().seed(), clips, r.config().batch());
        }
    }

    /** The preset a design is (at any clip size, width and class count), or "custom design". */
    public static String describe(Design d) {
        for (Preset p : Preset.values()) {
            Block[] boundaries = p.hasBoundary() ? Block.TOGGLEABLE.toArray(Block[]::new) : new Block[]{null};
            for (Block b : boundaries) {
                Design pd;
                try {
                    pd = p.design(b);
                } catch (RuntimeException e) {
                    continue;
                }
                if (pd.blocks().equals(d.blocks()) && pd.firstTemporalKernel() == d.firstTemporalKernel()) {
                    return p.displayName() + (p.hasBoundary() && b != p.defaultBoundary() ? " (boundary " + b.name() + ")" : "");
                }
            }
        }
        return "custom design";
    }

    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.valueOf(v);
    }
}
