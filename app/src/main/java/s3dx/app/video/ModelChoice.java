package s3dx.app.video;

import static s3dx.app.i18n.I18n.t;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import onnx.Onnx.ModelProto;
import s3dx.checkpoint.PretrainedImport;
import s3dx.evidence.ClassActivation;
import s3dx.infer.OnnxSession;
import s3dx.infer.UntrainedModel;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;
import s3dx.net.Network;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.weights.SafeTensors;
import s3dx.weights.WeightMismatchException;
import s3dx.weights.WeightSet;
import s3dx.onnx.OnnxModelFile;
import s3dx.synth.MotionClass;
import s3dx.train.TrainModels;

/**
 * Where a model comes from: a demo model shipped in assets/models, an ONNX file the user opened, Kinetics-400 S3D
 * weights imported from a PyTorch checkpoint the user has, a model trained in the app, or seeded untrained weights
 * for a design (whose predictions mean nothing). {@link ModelLoader} opens one off the FX thread.
 */
public sealed interface ModelChoice {
    /** The untrained model's clip: small enough to run live on a laptop CPU. */
    int UNTRAINED_SIZE = 112;
    /** The crop the Kinetics-400 S3D weights were trained at (the head's 7x7 pooling needs it). */
    int IMPORTED_SIZE = 224;

    /** The name shown in the model menus. */
    String name();

    /** The architecture, where known before opening (null for an ONNX file the user opened). */
    Design design();

    /** Opens the session (slow: importing, building and optimising the graph); call off the FX thread. */
    OnnxSession open() throws IOException;

    /**
     * Opens the session with the class activation map output ({@code cam}): what {@link #open} gives when it has
     * one; a file from before that output existed is rebuilt with it (in memory, from its own design and weights).
     */
    default OnnxSession openWithClassMaps() throws IOException {
        return open();
    }

    /** What the loader says while {@link #open} runs. */
    default String loadingMessage() {
        return t("player.loading", name());
    }

    /** Whether the user chose this model: it stays when the design changes. */
    default boolean chosenByUser() {
        return false;
    }

    /** Seeded weights: predictions that mean nothing. */
    default boolean untrained() {
        return false;
    }

    /** Whether {@link #save} can write this model as ONNX (one imported or trained in the app). */
    default boolean savable() {
        return false;
    }

    /** Writes the model as an ONNX file. */
    default void save(Path out) throws IOException {
        throw new IllegalStateException(name() + " is not saved from the player");
    }

    /** The file name offered when saving. */
    default String saveName() {
        return TrainModels.fileName(design());
    }

    /** A demo model shipped in assets/models. */
    record Demo(String name, Path file, Design design) implements ModelChoice {
        /** With class activation maps: the demos are small, and a teacher asks for the maps in class. */
        @Override
        public OnnxSession open() throws IOException {
            return ClassActivation.open(file, OnnxSession.Settings.threads(threads()));
        }
    }

    /** An ONNX file the user opened. */
    record OnnxFile(String name, Path file) implements ModelChoice {
        @Override
        public Design design() {
            return null;
        }

        @Override
        public OnnxSession open() throws IOException {
            return OnnxSession.open(file, threads());
        }

        @Override
        public OnnxSession openWithClassMaps() throws IOException {
            return ClassActivation.open(file, OnnxSession.Settings.threads(threads()));
        }

        @Override
        public boolean chosenByUser() {
            return true;
        }
    }

    /** S3D with the Kinetics-400 weights of a checkpoint, read (as data only) when opened and again when saved. */
    record Imported(String name, Path file, Design design) implements ModelChoice {
        @Override
        public OnnxSession open() throws IOException {
            return OnnxSession.open(importCheckpoint().toByteArray(), threads());
        }

        @Override
        public String loadingMessage() {
            return t("player.importing", file.getFileName(), design.frames());
        }

        @Override
        public boolean chosenByUser() {
            return true;
        }

        @Override
        public boolean savable() {
            return true;
        }

        @Override
        public void save(Path out) throws IOException {
            OnnxModelFile.write(importCheckpoint(), out);
        }

        @Override
        public String saveName() {
            String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "");
            return stem + "_" + design.frames() + "x" + IMPORTED_SIZE + "x" + IMPORTED_SIZE + ".onnx";
        }

        private ModelProto importCheckpoint() throws IOException {
            return PretrainedImport.read(file, PretrainedImport.Format.AUTO, design.frames(), design.height()).onnx();
        }
    }

    /** Seeded weights for a design. */
    record Untrained(String name, Design design) implements ModelChoice {
        @Override
        public OnnxSession open() throws IOException {
            return OnnxSession.open(UntrainedModel.onnx(design, labels(design), 1), threads());
        }

        @Override
        public String loadingMessage() {
            return t("player.building", design.frames());
        }

        @Override
        public boolean untrained() {
            return true;
        }
    }

    /** A design's weights in a safetensors file (the spec's names, as {@code s3dx export --weights} takes them). */
    record Weights(String name, Path file, Design design) implements ModelChoice {
        @Override
        public OnnxSession open() throws IOException {
            Network net = Network.of(design);
            WeightSet w;
            try {
                w = SafeTensors.read(file).weights().requireFits(net);
            } catch (WeightMismatchException e) {
                throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
            }
            ModelInfo info = ModelInfo.defaults(design).withLabels(labels(design));
            return OnnxSession.open(OnnxModelBuilder.build(net, w, info).toByteArray(), threads());
        }

        @Override
        public boolean chosenByUser() {
            return true;
        }
    }

    /** A model trained in the app, kept in memory (its ONNX graph and the description it carries). */
    record Trained(String name, Design design, byte[] onnx) implements ModelChoice {
        @Override
        public OnnxSession open() throws IOException {
            return OnnxSession.open(onnx, threads());
        }

        @Override
        public boolean savable() {
            return true;
        }

        @Override
        public void save(Path out) throws IOException {
            OnnxModelFile.write(ModelProto.parseFrom(onnx), out);
        }
    }

    static ModelChoice demo(Path file, Design design) {
        return new Demo(t("model.demo", file.getFileName()), file, design);
    }

    static ModelChoice file(Path file) {
        return new OnnxFile(file.getFileName().toString(), file);
    }

    /** S3D with the Kinetics-400 weights of a torchvision or kylemin/S3D checkpoint, for {@code frames}-frame 224x224 clips. */
    static ModelChoice imported(Path checkpoint, int frames) {
        Design d = Preset.S3D.design().withClip(frames, IMPORTED_SIZE, IMPORTED_SIZE).withClasses(PretrainedImport.KINETICS_CLASSES);
        return new Imported(t("model.imported", checkpoint.getFileName()), checkpoint, d);
    }

    /**
     * A model file the user picked or dropped: ONNX as it is, a PyTorch checkpoint (.pth, .pt) imported, safetensors
     * weights built into {@code design} (null: S3D-G) at a {@code frames}-frame clip.
     */
    static ModelChoice forFile(Path file, int frames, Design design) {
        if (isCheckpoint(file)) return imported(file, frames);
        if (!isWeights(file)) return file(file);
        Design d = (design == null ? Preset.S3D_G.design() : design).withClip(frames, UNTRAINED_SIZE, UNTRAINED_SIZE);
        return new Weights(t("model.weights", file.getFileName()), file, d);
    }

    static boolean isWeights(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
    }

    static boolean isCheckpoint(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pth") || n.endsWith(".pt");
    }

    /** A model file by its name: ONNX, a PyTorch checkpoint or safetensors weights. */
    static boolean isModel(Path file) {
        return isCheckpoint(file) || isWeights(file) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    static ModelChoice untrained(Design design, int clipLength) {
        Design d = design.withClip(clipLength, UNTRAINED_SIZE, UNTRAINED_SIZE);
        return new Untrained(t("model.untrained", d.frames(), d.height(), d.width()), d);
    }

    static ModelChoice trained(ModelProto model, ModelInfo info) {
        return new Trained(t("model.trained", TrainModels.describe(info.design())), info.design(), model.toByteArray());
    }

    /** A design's class names: the MotionShapes classes when there are ten, else numbers. */
    private static List<String> labels(Design design) {
        return design.classes() == MotionClass.values().length ? MotionClass.labels() : ModelInfo.numberedLabels(design.classes());
    }

    /** Inference threads: all cores but one, which is left to decoding and the UI. */
    private static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The demo models among {@code files} (*.onnx with our metadata, as {@code Assets.models} lists them), each with its design. */
    static List<ModelChoice> demos(List<Path> files) {
        List<ModelChoice> out = new ArrayList<>();
        for (Path p : files) {
            try {
                out.add(demo(p, OnnxModelFile.read(p).info().design()));
            } catch (IOException | RuntimeException e) {
                System.err.println("skipping demo model " + p + ": " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing(ModelChoice::name));
        return out;
    }

    /** The model among {@code models} whose architecture (block modes, gates, first temporal kernel) is the design's. */
    static Optional<ModelChoice> matching(List<ModelChoice> models, Design design) {
        if (design == null) return Optional.empty();
        return models.stream().filter(m -> m.design() != null && PresetMatch.sameArchitecture(m.design(), design)).findFirst();
    }
}
