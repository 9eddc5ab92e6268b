package s3dx.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import s3dx.synth.MotionClass;

class SelfTestTest {
    @Test
    void clipLabelsComeFromFileNames() {
        assertEquals(MotionClass.MOVING_LEFT, SelfTest.labelOf(Path.of("moving_left.mp4")));
        assertEquals(MotionClass.ROTATING_COUNTERCLOCKWISE, SelfTest.labelOf(Path.of("clip_00003_rotating_counterclockwise.mp4")));
        assertEquals(MotionClass.FADING_IN, SelfTest.labelOf(Path.of("demo-fading-in.webm")));
        assertNull(SelfTest.labelOf(Path.of("holiday.mp4")));
    }

    @Test
    void passesOnThisCheckout() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = SelfTest.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, report);
        assertTrue(report.contains("self-test passed"), report);
        assertTrue(report.contains("probabilities sum to 1.0000"), report);
    }
}
