package s3dx.checkpoint;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared torchvision S3D checkpoint (random weights, zip format), read and mapped to spec names. */
class TorchvisionCheckpointTest {

    private static LinkedHashMap<String, Tensor> seed;

    @BeforeAll
    static void readSeed() throws IOException {
        seed = PyTorchCheckpoint.read(SeedFixture.checkpoint());
    }

    @Test
    void readsEveryTensorWithTheTsvNameAndShapeInFileOrder() throws IOException {
        LinkedHashMap<String, long[]> tsv = SeedFixture.tsv();
        assertEquals(464, seed.size());
        assertEquals(new ArrayList<>(tsv.keySet()), new ArrayList<>(seed.keySet()));
        tsv.forEach((key, shape) -> assertArrayEquals(shape, seed.get(key).shape(), key));
    }

    @Test
    void tensorsHoldTheBytesOfTheirStorageRecords() throws IOException {
        // data.pkl names storage 0 for the first tensor and 463 for the last; read those records directly.
        assertArrayEquals(rawFloats("s3d_torchvision_seed1/data/0"), seed.get("features.0.0.0.weight").data());
        assertArrayEquals(rawFloats("s3d_torchvision_seed1/data/463"), seed.get("classifier.1.bias").data());
    }

    @Test
    void mapsToTheSpecNamesOfPresetS3dWithNothingLeftOver() throws IOException {
        LinkedHashMap<String, long[]> expected = SeedFixture.expectedSpecShapes();
        LinkedHashMap<String, Tensor> spec = TorchvisionKeys.toSpecNames(seed, expected);

        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(spec.keySet()));
        assertEquals(seed.get("features.0.0.0.weight"), spec.get("Conv2d_1a_7x7/spatial/conv.weight"));
        assertEquals(seed.get("features.8.branch1.1.1.1.running_var"), spec.get("Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/bn.running_var"));
        assertEquals(seed.get("features.15.branch3.1.0.weight"), spec.get("Mixed_5c/Branch_3/Conv2d_0b_1x1/conv.weight"));
        assertEquals(seed.get("classifier.1.bias"), spec.get("Logits/Conv2d_0c_1x1/conv.bias"));
        // Shapes from the spec's table, not from the tsv: Mixed_4b's Branch_1 is 96->208, Mixed_5c's Branch_3 is 128.
        assertArrayEquals(new long[]{208, 96, 1, 3, 3}, spec.get("Mixed_4b/Branch_1/Conv2d_0b_3x3/spatial/conv.weight").shape());
        assertArrayEquals(new long[]{208, 208, 3, 1, 1}, spec.get("Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/conv.weight").shape());
        assertArrayEquals(new long[]{128, 832, 1, 1, 1}, spec.get("Mixed_5c/Branch_3/Conv2d_0b_1x1/conv.weight").shape());
        assertArrayEquals(new long[]{400, 1024, 1, 1, 1}, spec.get("Logits/Conv2d_0c_1x1/conv.weight").shape());
        // The spec's anchor: preset S3D has 8,320,048 params (BN running statistics are buffers).
        long params = spec.entrySet().stream().filter(e -> !e.getKey().contains("running_"))
                .mapToLong(e -> e.getValue().numel()).sum();
        assertEquals(8_320_048, params);
        assertEquals("Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/bn.running_var",
                TorchvisionKeys.specName("features.8.branch1.1.1.1.running_var").orElseThrow());
        assertTrue(TorchvisionKeys.specName("features.8.branch1.1.1.1.num_batches_tracked").isEmpty());
    }

    @Test
    void theSameWeightsInTheLegacyFormatReadTheSame(@TempDir Path tmp) throws IOException {
        Path legacy = tmp.resolve("s3d_legacy.pth");
        TorchSaveWriter.writeLegacy(legacy, seed);
        assertEquals(seed, PyTorchCheckpoint.read(legacy));
    }

    @Test
    void kyleminNamesWithDataParallelPrefixInTheLegacyFormatMapToTheSameTensors(@TempDir Path tmp) throws IOException {
        LinkedHashMap<String, Tensor> kylemin = new LinkedHashMap<>();
        seed.forEach((key, t) -> kylemin.put("module." + kyleminKey(key), t));
        Path file = tmp.resolve("S3D_kinetics400.pt");
        TorchSaveWriter.writeLegacy(file, kylemin);

        LinkedHashMap<String, Tensor> read = PyTorchCheckpoint.read(file);
        assertEquals(new ArrayList<>(kylemin.keySet()), new ArrayList<>(read.keySet()));
        assertTrue(read.containsKey("module.base.8.branch1.1.bn_t.running_var"));
        assertTrue(read.containsKey("module.fc.0.weight"));

        LinkedHashMap<String, long[]> expected = SeedFixture.expectedSpecShapes();
        LinkedHashMap<String, Tensor> viaKylemin = KyleminKeys.toSpecNames(read, expected);
        LinkedHashMap<String, Tensor> viaTorchvision = TorchvisionKeys.toSpecNames(seed, expected);
        assertEquals(viaTorchvision, viaKylemin);
        assertEquals(new ArrayList<>(viaTorchvision.keySet()), new ArrayList<>(viaKylemin.keySet()));
        // Without the prefix too, as kylemin's own main.py strips it.
        assertEquals(viaTorchvision, KyleminKeys.toSpecNames(kyleminWithoutPrefix(), expected));
    }

    @Test
    void aTrainingCheckpointGivesTheStateDictItWraps(@TempDir Path tmp) throws IOException {
        Map<String, TorchSaveWriter.Stored> stored = TorchSaveWriter.float32(seed, "");
        for (TorchSaveWriter.Wrap wrap : List.of(TorchSaveWriter.Wrap.STATE_DICT, TorchSaveWriter.Wrap.MODEL)) {
            Path file = tmp.resolve(wrap + ".pth");
            TorchSaveWriter.writeZip(file, "ckpt", TorchSaveWriter.stateDictPickle(stored, wrap, false),
                    TorchSaveWriter.storages(stored), null);
            assertEquals(seed, PyTorchCheckpoint.read(file), wrap.toString());
        }
    }

    private static LinkedHashMap<String, Tensor> kyleminWithoutPrefix() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        seed.forEach((key, t) -> out.put(kyleminKey(key), t));
        return out;
    }

    private static final Pattern SEPARABLE = Pattern.compile("features\\.(\\d+)\\.((?:branch[12]\\.1\\.)?)([01])\\.([01])\\.(\\w+)");
    private static final Pattern UNIT = Pattern.compile("features\\.(\\d+)\\.((?:branch\\d\\.\\d\\.)?)([01])\\.(\\w+)");

    /**
     * kylemin/S3D's name for a torchvision key, by the two model.py files: torchvision's conv unit is a
     * Sequential (0 conv, 1 bn), kylemin's BasicConv3d has conv and bn, its SepConv3d conv_s, bn_s, conv_t, bn_t;
     * torchvision's branch0 is a bare unit, kylemin's a Sequential of one.
     */
    static String kyleminKey(String key) {
        if (key.startsWith("classifier.1.")) return "fc.0." + key.substring("classifier.1.".length());
        key = key.replace(".branch0.", ".branch0.0."); // kylemin wraps branch0's unit in a Sequential
        Matcher m = SEPARABLE.matcher(key);
        if (m.matches() && (m.group(1).equals("0") || m.group(1).equals("3") || !m.group(2).isEmpty())) {
            String part = (m.group(4).equals("0") ? "conv" : "bn") + (m.group(3).equals("0") ? "_s" : "_t");
            return "base." + m.group(1) + "." + m.group(2) + part + "." + m.group(5);
        }
        m = UNIT.matcher(key);
        if (m.matches()) return "base." + m.group(1) + "." + m.group(2) + (m.group(3).equals("0") ? "conv" : "bn") + "." + m.group(4);
        throw new AssertionError("no kylemin name for " + key);
    }

    private static float[] rawFloats(String record) throws IOException {
        try (ZipFile zip = new ZipFile(SeedFixture.checkpoint().toFile()); InputStream in = zip.getInputStream(zip.getEntry(record))) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
    }
}
