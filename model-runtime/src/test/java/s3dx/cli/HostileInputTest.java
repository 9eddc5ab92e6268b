package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.design.DesignJson;
import s3dx.net.Preset;
import s3dx.tensor.Npy;
import s3dx.tensor.Tensor;

/**
 * Issue 19's careless and hostile command lines: outputs that are inputs, devices and FIFOs, absurd sizes,
 * broken design files and escape sequences in names. Each gives one line on stderr and exit 1, fast, and
 * leaves every file the user had as it was.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static Path model, clip;

    @BeforeAll
    static void files() throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.txt"), "\u001b[31mred\u001b[0m\nsecond\nthird\n");
        model = dir.resolve("m.onnx");
        CliRun r = CliRun.of("export", "--preset", "s3d-g", "--frames", "8", "--size", "32", "--width", "0.125", "--classes", "3",
                "--labels", labels.toString(), "--out", model.toString());
        assertEquals(0, r.exit(), r.err());
        clip = dir.resolve("clip.npy");
        Npy.write(Tensor.zeros(1, 3, 8, 32, 32), clip);
    }

    private static CliRun fails(String expected, String... args) {
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("unexpected") || r.err().contains("internal error"), r.err());
        return r;
    }

    @Test
    void aWarmUpAsLongAsTheRunIsRefusedBeforeTraining() {
        fails("--warmup must be 0 to 9 steps, got 10", "train", "--preset", "i2d", "--frames", "8", "--size", "32", "--width", "0.125",
                "--steps", "10", "--warmup", "10", "--out", dir.resolve("w.onnx").toString());
        fails("--warmup must be 0 to 9 steps, got -1", "sweep", "--designs", "presets", "--seeds", "0", "--steps", "10", "--warmup", "-1",
                "--out", dir.resolve("sweep").toString());
        assertFalse(Files.exists(dir.resolve("w.onnx")) || Files.exists(dir.resolve("sweep")));
    }

    /** Results files with parts missing, as hand edits or other tools leave them: refused with what is missing. */
    @Test
    void aResultsFileWithoutItsPartsIsRefusedByName() throws Exception {
        String protocol = "\"protocol\":{\"steps\":2,\"batch\":4,\"learningRate\":0.002,\"frames\":8,\"size\":32,\"width\":0.125,\"evalClips\":4}";
        Path noRuns = Files.writeString(dir.resolve("no-runs.json"), "{" + protocol + "}");
        Path noProtocol = Files.writeString(dir.resolve("no-protocol.json"), "{\"runs\":[]}");
        Path bareRun = Files.writeString(dir.resolve("bare-run.json"), "{" + protocol + ",\"runs\":[{\"id\":\"s3d_s0\"}]}");
        fails("no-runs.json: not a sweep's results.json (no \"runs\" list)", "sweep-report", noRuns.toString());
        fails("no-protocol.json: not a sweep's results.json (no \"protocol\")", "sweep-report", noProtocol.toString());
        fails("bare-run.json: not a sweep's results.json (a run without \"id\", \"design\" or \"command\")", "sweep-report", bareRun.toString());
        fails("bare-run.json: not a sweep's results.json", "sweep", "--designs", "presets", "--seeds", "0", "--steps", "2",
                "--out", dir.resolve("resumed").toString(), "--resume-from", bareRun.toString());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
        byte[] before = Files.readAllBytes(clip);
        fails("is also an input", "infer", "--model", model.toString(), "--input-npy", clip.toString(), "--json", clip.toString());
        fails("is also an input", "infer", "--model", model.toString(), "--input-npy", clip.toString(),
                "--json", dir.resolve(".").resolve("m.onnx").toString());
        fails("is also an input", "predict", "--model", model.toString(), "--video", clip.toString(), "--csv", model.toString());
        fails("is also an input", "import", "--checkpoint", clip.toString(), "--out", clip.toString());
        assertArrayEquals(before, Files.readAllBytes(clip));
    }

    @Test
    void devicesAndFifosAreRefusedAsInputsAndOutputs() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        fails("is a device, FIFO or socket", "infer", "--model", model.toString(), "--input-npy", "/dev/zero");
        fails("is a device, FIFO or socket", "import", "--checkpoint", "/dev/zero", "--out", dir.resolve("x.onnx").toString());
        fails("is a device, FIFO or socket", "infer", "--model", model.toString(), "--input-npy", clip.toString(), "--json", "/dev/null");
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        fails("is a device, FIFO or socket", "count", "--design", fifo.toString());
        fails("is a device, FIFO or socket", "infer", "--model", fifo.toString(), "--input-npy", clip.toString());
        fails("is a device, FIFO or socket", "predict", "--model", model.toString(), "--video", fifo.toString());
    }

    @Test
    void aFailingCommandLeavesAnExistingOutputAsItWas() throws Exception {
        Path json = Files.writeString(dir.resolve("keep.json"), "keep me");
        Path wrongClip = dir.resolve("wrong.npy");
        Npy.write(Tensor.zeros(1, 3, 9, 32, 32), wrongClip);
        fails("clip has shape", "infer", "--model", model.toString(), "--input-npy", wrongClip.toString(), "--json", json.toString());
        assertEquals("keep me", Files.readString(json));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void outputsAreWrittenWithTheUsualPermissionsNotOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // created under the same umask
        Path json = dir.resolve("perm.json");
        assertEquals(0, CliRun.of("infer", "--model", model.toString(), "--input-npy", clip.toString(), "--json", json.toString()).exit());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
    }

    @Test
    void sizesBeyondTheLimitsAreRefusedNamingTheLimit() {
        fails("must be between 1 and 4096, got 1000000000", "count", "--preset", "s3d", "--frames", "1000000000");
        fails("must be between 1 and 4096, got 1000000000", "count", "--preset", "s3d", "--size", "1000000000");
        fails("at most 16, got 1.0E9", "count", "--preset", "s3d", "--width", "1e9");
        fails("an ONNX model holds at most", "export", "--preset", "s3d", "--width", "16", "--classes", "1000000",
                "--out", dir.resolve("big.onnx").toString());
        fails("over the limit of 4096 frames", "predict", "--model", model.toString(), "--video", clip.toString(), "--clip", "1000000000");
        fails("over the limit of 10000", "predict", "--model", model.toString(), "--video", clip.toString(), "--step", "1000000000");
    }

    @Test
    void countsAtTheLimitsAreExactAndPositive() {
        CliRun r = CliRun.of("count", "--preset", "s3d-g", "--frames", "4096", "--size", "4096", "--width", "16", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\"macs\" : -"), r.out());
    }

    @Test
    void brokenDesignFilesGiveOneLineNamingTheFile() throws Exception {
        String good = DesignJson.toJson(Preset.S3D.design());
        Path nul = Files.writeString(dir.resolve("null.s3dx.json"), "null");
        fails(nul + ": design: the file holds null", "count", "--design", nul.toString());
        Path dup = Files.writeString(dir.resolve("dup.s3dx.json"), good.replaceFirst("\\{", "{\"classes\": 3,"));
        fails("Duplicate field 'classes'", "count", "--design", dup.toString());
        Path half = Files.writeString(dir.resolve("half.s3dx.json"), good.replaceFirst("\"frames\" : 64", "\"frames\" : 16.5"));
        fails("clip.frames: wrong type", "count", "--design", half.toString());
        Path nullBlock = Files.writeString(dir.resolve("nb.s3dx.json"), good.replaceFirst("\\{\\s*\"mode\" : \"sep3d\",\\s*\"gated\" : false\\s*}", "null"));
        assertNotEquals(good, Files.readString(nullBlock));
        fails("missing or null", "count", "--design", nullBlock.toString());
        Path binary = Files.write(dir.resolve("bin.s3dx.json"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        fails("is not UTF-8 text", "count", "--design", binary.toString());
    }

    @Test
    void namesFromFilesReachTheTerminalEscaped() {
        CliRun r = CliRun.of("infer", "--model", model.toString(), "--input-npy", clip.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("\\u001b[31mred\\u001b[0m"), r.out());
        assertEquals("a\\u000ab\\u202e", Main.printable("a\nb\u202e"));
    }

    @Test
    void labelsThatDoNotMatchTheModelsClassesAreRefused() throws Exception {
        fails("has 2 labels but the design has 3 classes", "export", "--preset", "s3d-g", "--frames", "8", "--size", "32",
                "--width", "0.125", "--classes", "3", "--labels", Files.writeString(dir.resolve("two.txt"), "a\nb\n").toString(),
                "--out", dir.resolve("two.onnx").toString());
    }

    @Test
    void metadataWithZeroStdIsRefused() {
        String json = "{\"scaling\":\"UNIT\",\"mean\":[0,0,0],\"std\":[0,1,1],\"resizeShortSide\":36,\"cropSize\":32,\"frames\":4}";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s3dx.onnx.ModelInfo.fromMetadata(java.util.Map.of(s3dx.onnx.ModelInfo.ARCHITECTURE, DesignJson.toJson(Preset.S3D.design()),
                        s3dx.onnx.ModelInfo.PREPROCESSING, json), null, "m.onnx"));
        assertTrue(e.getMessage().contains("std 0.0 must be a finite number > 0"), e.getMessage());
    }

    @Test
    void anOversizedOrBrokenNpyIsRefusedWithItsShape() throws Exception {
        byte[] bytes = Npy.toBytes(Tensor.zeros(2, 2));
        String header = new String(bytes, StandardCharsets.ISO_8859_1).replace("(2, 2)", "(4611686018427387904, 4)");
        Path huge = Files.write(dir.resolve("huge.npy"), header.getBytes(StandardCharsets.ISO_8859_1));
        fails("more than 2^63 elements", "infer", "--model", model.toString(), "--input-npy", huge.toString());
    }
}
