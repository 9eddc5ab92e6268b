package s3dx.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import onnx.Onnx.ModelProto;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.PresetMatch;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.onnx.OnnxModelFile;
import s3dx.synth.MotionClass;

/** Glue between a training run and an exported model: its {@link ModelInfo}, its ONNX file and name, and the held-out test. */
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
        if (r.heldOutSettings() != null) text += "; " + r.heldOutSettings();
        return new ModelInfo(d, MotionData.preprocessing(d), MotionClass.labels(), text);
    }

    /** A run as an ONNX model: the design's graph, the trained weights and {@link #modelInfo}. */
    public static ModelProto onnx(TrainResult r) {
        return OnnxModelBuilder.build(Network.of(r.design()), r.weights(), modelInfo(r));
    }

    /** Writes a run's model ({@code s3dx train --out} and the app's Train tab both save through here). */
    public static void writeOnnx(TrainResult r, Path file) throws IOException {
        OnnxModelFile.write(onnx(r), file);
    }

    /**
     * A file name in the shipped demo models' style, {@code s3d-g_16x64x64_w0.25_motionshapes.onnx}: preset
     * (with its boundary when not the default; "custom" otherwise), clip, width.
     */
    public static String fileName(Design d) {
        PresetMatch m = PresetMatch.of(d).orElse(null);
        String what = m == null ? "custom" : m.preset().id() + (m.nonDefaultBoundary() ? "-" + m.boundary().name().toLowerCase(Locale.ROOT) : "");
        return String.format(Locale.ROOT, "%s_%dx%dx%d_w%s_motionshapes.onnx", what, d.frames(), d.height(), d.width(),
                number(d.widthMultiplier()));
    }

    /** Eval-mode held-out tests of a run's weights with DJL, with training's and with held-out generator settings. */
    public static TrainResult heldOut(TrainResult r, int clips) {
        Network net = Network.of(r.design());
        try (DjlNetwork djl = DjlNetwork.of(net, r.weights())) {
            return HeldOut.evaluateBoth(r, djl::predict, clips);
        }
    }

    /** The preset a design is (at any clip size, width and class count), or "custom design". */
    public static String describe(Design d) {
        PresetMatch m = PresetMatch.of(d).orElse(null);
        if (m == null) return "custom design";
        return m.preset().displayName() + (m.nonDefaultBoundary() ? " (boundary " + m.boundary().name() + ")" : "");
    }

    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.valueOf(v);
    }
}
