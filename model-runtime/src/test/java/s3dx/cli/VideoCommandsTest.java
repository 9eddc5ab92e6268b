package s3dx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.synth.MotionClass;
import s3dx.video.VideoReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VideoCommandsTest {


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void synthWritesClipsAndManifestThenVideoInfoReadsThem(@TempDir Path dir) throws Exception {
        CliRun r = run("synth", "--count", "3", "--out", dir.toString(), "--seed", "5", "--frames", "6", "--size", "32");
        assertEquals(0, r.exit(), r.err());
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.csv"));
        assertEquals("file,label", manifest.get(0));
        assertEquals(4, manifest.size());
        assertEquals(MotionClass.labelsText(), Files.readString(dir.resolve("labels.txt")));
        for (String line : manifest.subList(1, 4)) {
            String[] f = line.split(",");
            MotionClass.ofLabel(f[1]);  // a real label
            try (VideoReader v = VideoReader.open(dir.resolve(f[0]))) {
                assertEquals(6, v.info().frameCount());
                assertEquals(32, v.info().width());
            }
        }
        String first = manifest.get(1).split(",")[0];
        CliRun info = run("video-info", "--count", dir.resolve(first).toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("32x32"), info.out());
        assertTrue(info.out().contains("decoded:   6 frames"), info.out());
    }

    @Test
    void badInputIsOneLineOnStderr(@TempDir Path dir) throws Exception {
        Path junk = Files.write(dir.resolve("junk.webm"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        for (String[] args : new String[][]{
                {"video-info", dir.resolve("missing.mp4").toString()},
                {"video-info", junk.toString()},
                {"synth", "--count", "0", "--out", dir.toString()},
                {"synth", "--count", "1", "--out", dir.toString(), "--size", "33"},
                {"synth", "--count", "1", "--out", dir.toString(), "--size", "64x"},
                {"synth", "--count", "1", "--out", dir.toString(), "--size", "96x72"},   // MotionShapes is square
                {"synth", "--count", "1", "--out", dir.toString(), "--renderer", "plain", "--held-out-settings"},
                {"synth", "--count", "1", "--out", dir.toString(), "--renderer", "povray"},
                {"synth", "--count", "1", "--out", junk.resolve("sub").toString()}}) {
            CliRun r = run(args);
            assertNotEquals(0, r.exit(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        CliRun r = run("video-info", junk.toString());
        assertTrue(r.err().contains("junk.webm"), r.err());
    }
}
