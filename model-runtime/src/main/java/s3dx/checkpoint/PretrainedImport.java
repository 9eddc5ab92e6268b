package s3dx.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preprocessing;
import s3dx.net.Preset;
import s3dx.net.TensorSpec;
import s3dx.onnx.ModelInfo;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightSet;

/**
 * Turns a Kinetics-400 S3D checkpoint people already have (torchvision or kylemin/S3D) into preset S3D's
 * weights with the preprocessing that checkpoint was trained with and the Kinetics-400 labels.
 */
public final class PretrainedImport {

    public enum Format {
        AUTO, TORCHVISION, KYLEMIN;

        public static Format detect(Map<String, Tensor> stateDict, Path file) throws CheckpointException {
            for (String k : stateDict.keySet()) {
                String key = k.startsWith("module.") ? k.substring(7) : k;
                if (key.startsWith("features.")) return TORCHVISION;
                if (key.startsWith("base.")) return KYLEMIN;
            }
            throw new CheckpointException(file + ": neither torchvision (features.*) nor kylemin/S3D (base.*) keys; "
                    + "pass --format if you know which it is");
        }
    }

    public record Imported(Format format, ModelInfo info, WeightSet weights) {
        public Network network() {
            return Network.of(info.design());
        }

        /** The imported network as our ONNX model (weights, preprocessing and labels inside). */
        public onnx.Onnx.ModelProto onnx() {
            return s3dx.onnx.OnnxModelBuilder.build(network(), weights, info);
        }
    }

    public static final int KINETICS_CLASSES = 400;

    private PretrainedImport() {}

    /** Reads {@code file} (never running code from it) and maps it onto preset S3D at the given clip size. */
    public static Imported read(Path file, Format format, int frames, int size) throws IOException {
        Design design = Preset.S3D.design().withClip(frames, size, size).withClasses(KINETICS_CLASSES);
        Network network = Network.of(design);
        LinkedHashMap<String, Tensor> stateDict = PyTorchCheckpoint.read(file);
        Format f = format == Format.AUTO ? Format.detect(stateDict, file) : format;
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (TensorSpec t : network.tensors()) expected.put(t.name(), t.shape());
        LinkedHashMap<String, Tensor> named;
        try {
            named = f == Format.TORCHVISION ? TorchvisionKeys.toSpecNames(stateDict, expected) : KyleminKeys.toSpecNames(stateDict, expected);
        } catch (CheckpointException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new CheckpointException(file + ": " + e.getMessage());
        }
        int resize = Math.round(size * 256f / 224f);
        Preprocessing pre = f == Format.TORCHVISION
                ? new Preprocessing(Preprocessing.Scaling.UNIT, Preprocessing.KINETICS_MEAN, Preprocessing.KINETICS_STD, resize, size, frames)
                : Preprocessing.symmetric(resize, size, frames);
        ModelInfo info = new ModelInfo(design, pre, kineticsLabels(),
                "S3D imported from " + file.getFileName() + " (" + f.name().toLowerCase(Locale.ROOT) + " checkpoint)");
        return new Imported(f, info, new WeightSet(named).requireFits(network));
    }

    /** Kinetics-400 class names in torchvision's order. */
    public static List<String> kineticsLabels() {
        try (InputStream in = PretrainedImport.class.getResourceAsStream("/s3dx/assets/kinetics400_labels.txt")) {
            if (in == null) throw new IllegalStateException("kinetics400_labels.txt is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
