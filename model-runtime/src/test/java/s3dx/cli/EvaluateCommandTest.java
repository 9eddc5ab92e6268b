package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3dx evaluate}: a MotionShapes model's held-out tests from the command line, and a clear refusal of other models. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void theS3dgDemoModelIsTestedWithTrainingsAndHeldOutSettings() {
        Assumptions.assumeTrue(Files.exists(Path.of(ProbeCommandTest.S3DG)), "demo model not shipped");
        CliRun r = CliRun.of("evaluate", "--model", ProbeCommandTest.S3DG, "--clips", "32", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("32 held-out clips (seed 0, training settings): accuracy "), lines[0]);
        assertTrue(lines[1].startsWith("32 held-out clips (seed 0, held-out settings): accuracy "), lines[1]);
        for (String line : lines) {
            Matcher m = Pattern.compile("accuracy ([0-9.]+)%; reversed clips: partner label ([0-9.]+)%").matcher(line);
            assertTrue(m.find(), line);
            assertTrue(Double.parseDouble(m.group(1)) >= 80 && Double.parseDouble(m.group(2)) >= 80, line);
        }
    }

    @Test
    void aModelWithOtherClassesIsRefusedInOneLine() {
        Path model = dir.resolve("three.onnx");
        CliRun export = CliRun.of("export", "--preset", "s3d-g", "--frames", "8", "--size", "32", "--width", "0.125", "--classes", "3",
                "--out", model.toString());
        assertEquals(0, export.exit(), export.err());
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--clips", "4");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(model + " is not a MotionShapes model") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void theS3dgDemoModelNamesMostClipsOfAnotherRenderer() {
        Assumptions.assumeTrue(Files.exists(Path.of(ProbeCommandTest.S3DG)), "demo model not shipped");
        Path clips = dir.resolve("plain");
        CliRun synth = CliRun.of("synth", "--renderer", "plain", "--count", "30", "--size", "96x72", "--seed", "5", "--out", clips.toString());
        assertEquals(0, synth.exit(), synth.err());
        assertTrue(synth.out().startsWith("wrote 30 plain mp4 clips (96x72, 16 frames"), synth.out());
        CliRun r = CliRun.of("evaluate", "--model", ProbeCommandTest.S3DG, "--videos", clips.resolve("manifest.csv").toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        Matcher m = Pattern.compile("30 videos: accuracy ([0-9.]+)%; reversed: partner label ([0-9.]+)%, same label ([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        // chance is 10%; a model blind to the order of frames keeps the same label on reversed clips
        assertTrue(Double.parseDouble(m.group(1)) >= 60 && Double.parseDouble(m.group(2)) >= 60 && Double.parseDouble(m.group(3)) <= 20, r.out());
        assertTrue(r.out().contains("\n  moving left "), r.out());
    }

    @Test
    void aBadManifestIsRefusedNamingItsLine() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of(ProbeCommandTest.S3DG)), "demo model not shipped");
        Path manifest = dir.resolve("manifest.csv");
        Files.write(dir.resolve("broken.mp4"), new byte[]{0, 1, 2, 3, 'n', 'o', 't', ' ', 'v', 'i', 'd', 'e', 'o'});
        String[][] cases = {
                {"file,label\nmissing.mp4,moving left\n", "manifest.csv: line 2: no video file"},
                {"broken.mp4,flying\n", "manifest.csv: line 1: 'flying' is not one of the model's 10 labels"},
                {"\"broken.mp4,moving left\n", "manifest.csv: line 1: expected 'file,label'"},
                {"file,label\n", "manifest.csv: lists no videos"},
                {"broken.mp4,moving_left\n", "broken.mp4"},
        };
        // a spreadsheet's manifest: byte-order mark, CRLF, quoted fields
        Files.copy(Path.of(ProbeCommandTest.S3DG).resolveSibling("../clips/moving_left.mp4"), dir.resolve("a, b.mp4"));
        Files.writeString(manifest, "\uFEFFfile,label\r\n\"a, b.mp4\",\"moving left\"\r\n");
        CliRun ok = CliRun.of("evaluate", "--model", ProbeCommandTest.S3DG, "--videos", manifest.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains(": 1 videos: accuracy 100.0%; reversed: partner label 100.0%"), ok.out());
        for (String[] c : cases) {
            Files.writeString(manifest, c[0]);
            CliRun r = CliRun.of("evaluate", "--model", ProbeCommandTest.S3DG, "--videos", manifest.toString());
            assertEquals(1, r.exit(), c[0] + ": " + r.out() + r.err());
            assertTrue(r.err().contains(c[1]) && !r.err().contains("\tat "), c[0] + ": " + r.err());
        }
    }
}
