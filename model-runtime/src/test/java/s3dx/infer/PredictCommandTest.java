package s3dx.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.cli.CliRun;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.video.RgbFrame;
import s3dx.video.VideoReader;

/** The predict command and {@link WindowPredictor} on a generated MotionShapes mp4 with an untrained S3D-G. */
class PredictCommandTest {
    static final Design DESIGN = Preset.S3D_G.design().withClip(16, 64, 64).withWidthMultiplier(0.25).withClasses(10);
    @TempDir
    static Path dir;
    static Path model, video;

    @BeforeAll
    static void files() throws Exception {
        model = Files.write(dir.resolve("s3dg.onnx"), UntrainedModel.onnx(DESIGN, MotionClass.labels(), 5));
        video = dir.resolve("left.mp4");
        MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 40)).clip(3, MotionClass.MOVING_LEFT), video, 25);
    }


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void printsOneTimelineLinePerWindowAndCsvMatchesWindowPredictor() throws Exception {
        Path csv = dir.resolve("t.csv");
        CliRun r = run("predict", "--model", model.toString(), "--video", video.toString(), "--clip", "16", "--stride", "8",
                "--csv", csv.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().filter(l -> l.matches("\\s*\\d+\\.\\d+s-.*")).toList();
        assertEquals(4, lines.size(), "(40-16)/8+1 windows: " + r.out());
        assertTrue(lines.get(1).startsWith("    0.32s-  0.96s"), lines.get(1));
        assertEquals(3, lines.get(0).split("%").length - (lines.get(0).endsWith("%") ? 0 : 1), "top 3: " + lines.get(0));

        List<WindowPredictor.Prediction> expected;
        try (OnnxSession s = OnnxSession.open(model, 1)) {
            expected = WindowPredictor.of(s).predictAll(video, new WindowPredictor.Windowing(16, 1, 8, false));
        }
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("start_frame,end_frame,start_s,end_s,reversed,top1,p1,top2,p2,top3,p3,p(moving left)"), rows.get(0));
        for (int w = 0; w < 4; w++) {
            String[] f = rows.get(w + 1).split(",");
            assertEquals(expected.get(w).startFrame(), Long.parseLong(f[0]));
            assertEquals(expected.get(w).best().label(), f[5]);
            for (int c = 0; c < 10; c++) assertEquals(expected.get(w).probs()[c], Float.parseFloat(f[11 + c]), 1e-5);
        }
    }

    @Test
    void reverseFeedsTimeReversedWindowsAndFrameListPathMatchesStreaming() throws Exception {
        WindowPredictor.Windowing fw = new WindowPredictor.Windowing(16, 2, 8, false);
        try (OnnxSession s = OnnxSession.open(model, 1); VideoReader reader = VideoReader.open(video)) {
            WindowPredictor p = WindowPredictor.of(s);
            List<WindowPredictor.Prediction> fwd = p.predictAll(video, fw), rev = p.predictAll(video, fw.withReverse(true));
            assertEquals(fwd.size(), rev.size());
            assertFalse(fwd.get(0).reversed());
            assertTrue(rev.get(0).reversed());
            assertNotEquals(fwd.get(0).probs()[0], rev.get(0).probs()[0]);
            assertEquals(37, fwd.get(0).gates().size());
            assertEquals(11, fwd.get(0).energy().size());
            // The frame-list path (the player's) gives the same as the streaming path for the same window.
            long start = fwd.get(1).startFrame();
            List<RgbFrame> frames = new ArrayList<>();
            for (int i = 0; i < 16; i++) frames.add(reader.frameAt(start + 2L * i));
            WindowPredictor.Prediction q = p.predict(fw.withReverse(true), start, frames, reader.info().fps());
            assertArrayEquals(rev.get(1).probs(), q.probs(), 1e-6f);
            assertArrayEquals(rev.get(1).gates().get("Mixed_4b/Branch_1"), q.gates().get("Mixed_4b/Branch_1"), 1e-6f);
        }
    }

    @Test
    void errorsAreOneLine() {
        CliRun noVideo = run("predict", "--model", model.toString(), "--video", dir.resolve("nope.mp4").toString());
        assertEquals(1, noVideo.exit());
        assertEquals("s3dx predict: " + dir.resolve("nope.mp4") + ": no such file", noVideo.err().strip());
        CliRun noModel = run("predict", "--model", dir.resolve("nope.onnx").toString(), "--video", video.toString());
        assertEquals(1, noModel.exit());
        assertEquals(1, noModel.err().strip().lines().count(), noModel.err());
        CliRun badStride = run("predict", "--model", model.toString(), "--video", video.toString(), "--stride", "0");
        assertEquals(1, badStride.exit());
        assertTrue(badStride.err().contains("--stride must be at least 1"), badStride.err());
    }
}
