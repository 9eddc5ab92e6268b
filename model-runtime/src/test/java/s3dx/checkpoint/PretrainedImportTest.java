package s3dx.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.infer.InferenceResult;
import s3dx.infer.OnnxSession;
import s3dx.net.Preprocessing;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.onnx.OnnxModelFile;
import s3dx.tensor.Tensor;
import s3dx.testing.SharedReference;

/** The reference checkpoint, imported and run in ONNX Runtime, gives torchvision's logits. */
class PretrainedImportTest {
    static final Path REF = Path.of(System.getProperty("s3dx.shared", "../../shared"), "reference/torchvision-s3d");
    static final Path PTH = REF.resolve("s3d_torchvision_seed1.pth");

    @BeforeAll
    static void needsReference() {
        SharedReference.require("torchvision-s3d/s3d_torchvision_seed1.pth");
    }

    /** The input of the logits file's header: x[0,c,t,h,w] = sin(0.3(c+1) + 0.05t(c+2) + 0.011h(1+t mod 3) - 0.007w(c+1)). */
    static Tensor referenceInput() {
        int T = 16, S = 224;
        float[] x = new float[3 * T * S * S];
        int i = 0;
        for (int c = 0; c < 3; c++)
            for (int t = 0; t < T; t++)
                for (int h = 0; h < S; h++)
                    for (int w = 0; w < S; w++)
                        x[i++] = (float) Math.sin(0.3 * (c + 1) + 0.05 * t * (c + 2) + 0.011 * h * (1 + (t % 3)) - 0.007 * w * (c + 1));
        return new Tensor(new long[]{1, 3, T, S, S}, x);
    }

    static float[] expectedLogits() throws Exception {
        List<String> lines = Files.readAllLines(REF.resolve("s3d_torchvision_seed1_logits.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        float[] e = new float[lines.size()];
        for (int i = 0; i < e.length; i++) e[i] = Float.parseFloat(lines.get(i).strip());
        return e;
    }

    static float[] logitsOf(PretrainedImport.Imported imp, Path dir) throws Exception {
        Path model = dir.resolve("s3d.onnx");
        OnnxModelFile.write(OnnxModelBuilder.build(imp.network(), imp.weights(), imp.info()), model);
        try (OnnxSession s = OnnxSession.open(model)) {
            InferenceResult r = s.run(referenceInput());
            return r.logits().data();
        }
    }

    @Test
    void torchvisionCheckpointGivesTorchvisionLogits(@TempDir Path dir) throws Exception {
        PretrainedImport.Imported imp = PretrainedImport.read(PTH, PretrainedImport.Format.AUTO, 16, 224);
        assertEquals(PretrainedImport.Format.TORCHVISION, imp.format());
        assertEquals(Preprocessing.Scaling.UNIT, imp.info().preprocessing().scaling());
        assertEquals(400, imp.info().labels().size());
        assertEquals("abseiling", imp.info().labels().get(0));
        float[] expected = expectedLogits();
        float[] got = logitsOf(imp, dir);
        assertEquals(400, expected.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - got[i]));
        assertTrue(worst < 1e-4, "largest logit difference " + worst);
    }

    @Test
    void kyleminLegacyCheckpointImportsToTheSameModel(@TempDir Path dir) throws Exception {
        LinkedHashMap<String, Tensor> torchvision = PyTorchCheckpoint.read(PTH);
        PretrainedImport.Imported reference = PretrainedImport.read(PTH, PretrainedImport.Format.TORCHVISION, 16, 224);
        // rename every spec tensor to its kylemin key with a DataParallel prefix, and save in the legacy format
        Map<String, Tensor> kylemin = new LinkedHashMap<>();
        for (String key : torchvision.keySet()) {
            if (key.endsWith("num_batches_tracked")) continue;
            String spec = TorchvisionKeys.specName(key).orElseThrow();
            kylemin.put("module." + kyleminKeyFor(spec), torchvision.get(key));
        }
        Path legacy = dir.resolve("S3D_kinetics400.pt");
        TorchSaveWriter.writeLegacy(legacy, kylemin);
        PretrainedImport.Imported imp = PretrainedImport.read(legacy, PretrainedImport.Format.AUTO, 16, 224);
        assertEquals(PretrainedImport.Format.KYLEMIN, imp.format());
        assertEquals(Preprocessing.Scaling.SYMMETRIC, imp.info().preprocessing().scaling());
        assertEquals(reference.weights().tensors(), imp.weights().tensors());
    }

    /** Inverts KyleminKeys by search: finds the kylemin key that maps to a spec name. */
    private static final Map<String, String> KYLEMIN_BY_SPEC = new LinkedHashMap<>();

    private static String kyleminKeyFor(String spec) {
        if (KYLEMIN_BY_SPEC.isEmpty()) {
            String[] parts = {"conv.weight", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
                    "conv_s.weight", "bn_s.weight", "bn_s.bias", "bn_s.running_mean", "bn_s.running_var",
                    "conv_t.weight", "bn_t.weight", "bn_t.bias", "bn_t.running_mean", "bn_t.running_var"};
            for (int i = 0; i <= 15; i++) {
                for (String prefix : List.of("base." + i + ".", "base." + i + ".branch0.0.", "base." + i + ".branch1.0.", "base." + i + ".branch1.1.",
                        "base." + i + ".branch2.0.", "base." + i + ".branch2.1.", "base." + i + ".branch3.1.")) {
                    for (String p : parts) KyleminKeys.specName(prefix + p).ifPresent(s -> KYLEMIN_BY_SPEC.put(s, prefix + p));
                }
            }
            KyleminKeys.specName("fc.0.weight").ifPresent(s -> KYLEMIN_BY_SPEC.put(s, "fc.0.weight"));
            KyleminKeys.specName("fc.0.bias").ifPresent(s -> KYLEMIN_BY_SPEC.put(s, "fc.0.bias"));
        }
        String k = KYLEMIN_BY_SPEC.get(spec);
        if (k == null) throw new AssertionError("no kylemin key for " + spec);
        return k;
    }

    @Test
    void unrecognisedKeysAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path odd = dir.resolve("resnet.pth");
        TorchSaveWriter.writeZip(odd, Map.of("layer1.0.conv1.weight", Tensor.zeros(4, 3, 3, 3)));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PretrainedImport.read(odd, PretrainedImport.Format.AUTO, 16, 224));
        assertTrue(e.getMessage().startsWith(odd.toString()), e.getMessage());
        CheckpointException forced = assertThrows(CheckpointException.class, () -> PretrainedImport.read(odd, PretrainedImport.Format.TORCHVISION, 16, 224));
        assertTrue(forced.getMessage().contains("layer1.0.conv1.weight"), forced.getMessage());
    }
}
