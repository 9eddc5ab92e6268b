package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3dx probe temporal|occlusion|cam} on a demo clip with the demo models: tables, CSV, and one-line errors. */
class ProbeCommandTest {
    static final String S3DG = "../assets/models/s3d-g_16x64x64_w0.25_motionshapes.onnx", I2D = "../assets/models/i2d_16x64x64_w0.25_motionshapes.onnx";
    static final String CLIP = "../assets/clips/moving_left.mp4";

    @TempDir
    Path dir;

    @BeforeAll
    static void demoAssets() {
        Assumptions.assumeTrue(Files.exists(Path.of(S3DG)) && Files.exists(Path.of(I2D)) && Files.exists(Path.of(CLIP)), "demo assets not shipped");
    }

    @Test
    void temporalTableHasAColumnPerModelAndS3dgFlipsWhenReversed() throws Exception {
        Path csv = dir.resolve("t.csv");
        CliRun r = CliRun.of("probe", "temporal", "--model", S3DG, "--model", I2D, "--video", CLIP, "--threads", "2", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("s3d-g_16x64x64") && r.out().contains("i2d_16x64x64") && r.out().contains("frames shuffled"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 2 * 6, rows.size());
        assertEquals("model,experiment,top1,top1_prob,original_top1,original_top1_prob,flipped_to_partner", rows.get(0));
        // The demo clip's first window: S3D-G says "moving left" and "moving right" when reversed; I2D keeps its label.
        assertTrue(rows.get(1).startsWith("s3d-g_16x64x64_w0.25_motionshapes.onnx,original,moving left,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("s3d-g_16x64x64_w0.25_motionshapes.onnx,reversed,moving right,") && rows.get(2).endsWith(",true"), rows.get(2));
        assertTrue(rows.get(8).contains(",reversed,") && rows.get(8).endsWith(",false"), rows.get(8));
    }

    @Test
    void occlusionWritesACellPerRowAndTheTimeStrip() throws Exception {
        Path csv = dir.resolve("o.csv");
        CliRun r = CliRun.of("probe", "occlusion", "--model", S3DG, "--video", CLIP, "--cell-frames", "8", "--cell-pixels", "32",
                "--class", "moving left", "--threads", "2", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("occlusion of 'moving left'"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 2 * 2 * 2 + 2, rows.size());
        assertTrue(rows.get(1).startsWith("cell,0,8,0,32,0,32,moving left,"), rows.get(1));
        assertTrue(rows.get(rows.size() - 1).startsWith("frames,8,16,0,64,0,64,moving left,"), rows.get(rows.size() - 1));
    }

    @Test
    void camPrintsTheMapOverMixed5c() throws Exception {
        Path csv = dir.resolve("c.csv");
        CliRun r = CliRun.of("probe", "cam", "--model", S3DG, "--video", CLIP, "--class", "1", "--threads", "2", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("'moving right' over a 2x2x2 grid"), r.out());
        assertEquals(1 + 8, Files.readAllLines(csv).size());
    }

    @Test
    void mistakesGiveOneLine() {
        CliRun none = CliRun.of("probe");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("name a probe"), none.err());
        CliRun badClass = CliRun.of("probe", "cam", "--model", S3DG, "--video", CLIP, "--class", "flying");
        assertEquals(1, badClass.exit());
        assertEquals("s3dx cam: --class: the model has no class 'flying'", badClass.err().strip());
        CliRun noVideo = CliRun.of("probe", "temporal", "--model", S3DG, "--video", "missing.mp4");
        assertEquals(1, noVideo.exit());
        assertTrue(noVideo.err().contains("missing.mp4: no such file"), noVideo.err());
        CliRun badFill = CliRun.of("probe", "occlusion", "--model", S3DG, "--video", CLIP, "--fill", "purple");
        assertEquals(1, badFill.exit());
        assertTrue(badFill.err().contains("use one of zero, clip_mean"), badFill.err());
    }

    @Test
    void theCsvNeverOverwritesTheVideo() throws Exception {
        Path video = Files.copy(Path.of(CLIP), dir.resolve("clip.mp4"));
        byte[] before = Files.readAllBytes(video);
        CliRun r = CliRun.of("probe", "cam", "--model", S3DG, "--video", video.toString(), "--threads", "2", "--csv", video.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("is also an input"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(video)), "the video is as it was");
    }
}
