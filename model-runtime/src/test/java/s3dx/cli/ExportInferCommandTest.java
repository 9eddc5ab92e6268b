package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.onnx.OnnxModelFile;
import s3dx.tensor.Npy;
import s3dx.tensor.Tensor;
import s3dx.weights.SafeTensors;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

class ExportInferCommandTest {
    static final String[] SMALL = {"--preset", "s3d-g", "--frames", "16", "--size", "112", "--width", "0.25", "--classes", "4"};

    static String[] args(String cmd, String[] design, String... more) {
        String[] a = new String[1 + design.length + more.length];
        a[0] = cmd;
        System.arraycopy(design, 0, a, 1, design.length);
        System.arraycopy(more, 0, a, 1 + design.length, more.length);
        return a;
    }

    @Test
    void exportThenInferWritesTopClassesAndEveryOutput(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx"), labels = dir.resolve("labels.txt"), clip = dir.resolve("clip.npy"), json = dir.resolve("out.json");
        Files.writeString(labels, "abseiling\nair drumming\narchery\narm wrestling\n");
        CliRun e = CliRun.of(args("export", SMALL, "--seed", "3", "--labels", labels.toString(), "--out", model.toString()));
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().startsWith("wrote " + model), e.out());

        Tensor x = Tensor.zeros(2, 3, 16, 112, 112);
        for (int i = 0; i < x.data().length; i++) x.data()[i] = (float) Math.sin(i * 0.001);
        Npy.write(x, clip);
        CliRun r = CliRun.of("infer", "--model", model.toString(), "--input-npy", clip.toString(),
                "--top", "2", "--json", json.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("clip 1:") && r.out().contains(" 2. "), r.out());
        assertTrue(r.out().matches("(?s).*(abseiling|air drumming|archery|arm wrestling).*"), r.out());

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        JsonNode out = j.get("outputs");
        assertEquals("[2,4]", out.get("logits").get("shape").toString());
        assertEquals(8, out.get("probs").get("data").size());
        assertEquals(2 + 37 + 11, out.size(), "logits, probs, 37 gates, 11 energy maps");
        assertEquals("[2,48]", out.get("gate/Conv2d_2c_3x3").get("shape").toString());
        assertEquals("[2,2,3,3]", out.get("energy/Mixed_5c").get("shape").toString());
        assertEquals(2, j.get("top").get(0).size());
    }

    @Test
    void exportUsesSafetensorsWeightsAndNamesBadTensors(@TempDir Path dir) throws Exception {
        Network net = Network.of(Preset.S3D_G.design().withClip(16, 112, 112).withWidthMultiplier(0.25).withClasses(4));
        WeightSet w = WeightInit.seeded(net, 77);
        Path st = dir.resolve("w.safetensors"), model = dir.resolve("m.onnx");
        SafeTensors.write(w, Map.of(), st);
        CliRun ok = CliRun.of(args("export", SMALL, "--weights", st.toString(), "--out", model.toString()));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(w.tensors(), OnnxModelFile.read(model).weights().tensors());

        SafeTensors.write(w.with("Mixed_4c/Branch_2/gate.bias", Tensor.zeros(3)), Map.of(), st);
        CliRun bad = CliRun.of(args("export", SMALL, "--weights", st.toString(), "--out", model.toString()));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("Mixed_4c/Branch_2/gate.bias is [3], expected [16]"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), "one line: " + bad.err());
    }

    @Test
    void userErrorsAreOneLineWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx"), clip = dir.resolve("clip.npy");
        assertEquals(0, CliRun.of(args("export", SMALL, "--out", model.toString())).exit());
        Npy.write(Tensor.zeros(1, 3, 8, 112, 112), clip);
        CliRun r = CliRun.of("infer", "--model", model.toString(), "--input-npy", clip.toString());
        assertEquals(1, r.exit());
        assertEquals("s3dx infer: clip has shape [1,3,8,112,112] but this model takes [N,3,16,112,112]", r.err().strip());
        CliRun missing = CliRun.of("infer", "--model", dir.resolve("none.onnx").toString(), "--input-npy", clip.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().strip().endsWith("none.onnx: no such file"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");
        CliRun noClip = CliRun.of("infer", "--model", model.toString(), "--input-npy", dir.resolve("none.npy").toString());
        assertEquals("s3dx infer: " + dir.resolve("none.npy") + ": no such file", noClip.err().strip());
        assertEquals(1, noClip.exit());
        CliRun both = CliRun.of(args("export", SMALL, "--seed", "1", "--weights", "w.safetensors", "--out", model.toString()));
        assertEquals("s3dx export: give --weights or --seed, not both", both.err().strip());
    }

    @Test
    void rank4ClipIsTakenAsABatchOfOne(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx"), clip = dir.resolve("clip.npy"), json = dir.resolve("o.json");
        assertEquals(0, CliRun.of(args("export", SMALL, "--out", model.toString())).exit());
        Npy.write(Tensor.zeros(3, 16, 112, 112), clip);
        CliRun r = CliRun.of("infer", "--model", model.toString(), "--input-npy", clip.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(new long[]{1, 3, 16, 112, 112},
                new ObjectMapper().convertValue(new ObjectMapper().readTree(json.toFile()).get("input").get("shape"), long[].class));
    }
}
