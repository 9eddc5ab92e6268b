package s3dx.app.video;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import s3dx.checkpoint.PretrainedImport;
import s3dx.infer.OnnxSession;
import s3dx.infer.UntrainedModel;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import onnx.Onnx.ModelProto;
import s3dx.onnx.OnnxModelFile;
import s3dx.synth.MotionClass;

/**
 * Where the player's model comes from: a demo model shipped in assets/models, an ONNX file the user opened,
 * Kinetics-400 S3D weights imported from a PyTorch checkpoint the user has, a model trained in the app, or
 * seeded untrained weights for a design (whose predictions mean nothing).
 */
public record ModelChoice(Kind kind, String name, Path file, Design design, byte[] onnx) {
    public enum Kind { DEMO, FILE, IMPORTED, UNTRAINED, TRAINED }

    /** The untrained model's clip: small enough to run live on a laptop CPU. */
    public static final int UNTRAINED_SIZE = 112;
    /** The crop the Kinetics-400 S3D weights were trained at (the head's 7x7 pooling needs it). */
    public static final int IMPORTED_SIZE = 224;

    public static ModelChoice demo(Path file, Design design) {
        return new ModelChoice(Kind.DEMO, s3dx.app.i18n.I18n.t("model.demo", file.getFileName()), file, design, null);
    }

    public static ModelChoice file(Path file) {
        return new ModelChoice(Kind.FILE, file.getFileName().toString(), file, null, null);
    }

    /**
     * S3D with the Kinetics-400 weights of a torchvision or kylemin/S3D checkpoint, taking {@code frames}-frame
     * 224x224 clips; the checkpoint is read (as data only) when the model is opened.
     */
    public static ModelChoice imported(Path checkpoint, int frames) {
        Design d = Preset.S3D.design().withClip(frames, IMPORTED_SIZE, IMPORTED_SIZE).withClasses(PretrainedImport.KINETICS_CLASSES);
        return new ModelChoice(Kind.IMPORTED, s3dx.app.i18n.I18n.t("model.imported", checkpoint.getFileName()), checkpoint, d, null);
    }

    /** A model file the user picked or dropped: ONNX as it is, a PyTorch checkpoint (.pth, .pt) imported. */
    public static ModelChoice forFile(Path file, int frames) {
        return isCheckpoint(file) ? imported(file, frames) : file(file);
    }

    public static boolean isCheckpoint(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".pth") || n.endsWith(".pt");
    }

    public static ModelChoice untrained(Design design, int clipLength) {
        Design d = design.withClip(clipLength, UNTRAINED_SIZE, UNTRAINED_SIZE);
        return new ModelChoice(Kind.UNTRAINED, s3dx.app.i18n.I18n.t("model.untrained", d.frames(), d.height(), d.width()), null, d, null);
    }

    /** A model trained in the app, kept in memory (its ONNX graph and the description it carries). */
    public static ModelChoice trained(ModelProto model, ModelInfo info) {
        String what = s3dx.train.TrainModels.describe(info.design());
        return new ModelChoice(Kind.TRAINED, s3dx.app.i18n.I18n.t("model.trained", what), null, info.design(), model.toByteArray());
    }

    public boolean untrained() {
        return kind == Kind.UNTRAINED;
    }

    /** Opens the session (slow: importing, building and optimising the graph); call off the FX thread. */
    public OnnxSession open() throws IOException {
        if (kind == Kind.TRAINED) return OnnxSession.open(onnx, threads());
        if (kind == Kind.IMPORTED) return OnnxSession.open(importCheckpoint().toByteArray(), threads());
        if (kind != Kind.UNTRAINED) return OnnxSession.open(file, threads());
        List<String> labels = design.classes() == MotionClass.values().length ? MotionClass.labels()
                : ModelInfo.numberedLabels(design.classes());
        return OnnxSession.open(UntrainedModel.onnx(design, labels, 1), threads());
    }

    /** Whether {@link #save} can write this model as ONNX (one imported or trained in the app; the others are files already or seeded). */
    public boolean savable() {
        return kind == Kind.IMPORTED || kind == Kind.TRAINED;
    }

    /** Writes the model as an ONNX file (an imported checkpoint is read again: the player keeps only its session). */
    public void save(Path out) throws IOException {
        if (kind == Kind.TRAINED) OnnxModelFile.write(ModelProto.parseFrom(onnx), out);
        else if (kind == Kind.IMPORTED) OnnxModelFile.write(importCheckpoint(), out);
        else throw new IllegalStateException(kind + " models are not saved from the player");
    }

    private ModelProto importCheckpoint() throws IOException {
        return PretrainedImport.read(file, PretrainedImport.Format.AUTO, design.frames(), design.height()).onnx();
    }

    /** Inference threads: all cores but one, which is left to decoding and the UI. */
    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The demo models in {@code dir} (*.onnx with our metadata), each with its design. */
    public static List<ModelChoice> demos(Path dir) {
        List<ModelChoice> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.onnx")) {
            for (Path p : ds) {
                try {
                    out.add(demo(p, OnnxModelFile.read(p).info().design()));
                } catch (IOException | RuntimeException e) {
                    System.err.println("skipping demo model " + p + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> a.name.compareTo(b.name));
        return out;
    }

    /** The demo whose architecture (block modes, gates, first temporal kernel) is the design's. */
    public static Optional<ModelChoice> matching(List<ModelChoice> demos, Design design) {
        if (design == null) return Optional.empty();
        return demos.stream().filter(d -> sameArchitecture(d.design, design)).findFirst();
    }

    public static boolean sameArchitecture(Design a, Design b) {
        return a.blocks().equals(b.blocks()) && a.firstTemporalKernel() == b.firstTemporalKernel();
    }

    @Override
    public String toString() {
        return name;
    }
}
