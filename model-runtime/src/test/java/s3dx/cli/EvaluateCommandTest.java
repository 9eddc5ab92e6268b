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
}
