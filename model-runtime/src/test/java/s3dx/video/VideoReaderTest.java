package s3dx.video;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class VideoReaderTest {

    @TempDir
    static Path dir;
    static List<RgbFrame> frames;
    static Path mp4;

    @BeforeAll
    static void setUp() throws Exception {
        frames = TestVideos.frames();
        mp4 = TestVideos.write(dir.resolve("clip.mp4"), VideoWriter.Codec.H264, frames);
    }

    /** Each container/codec decodes to the right count, rate, size and roughly the right pixels. */
    @ParameterizedTest
    @CsvSource({
            "clip_h264.mp4, H264, h264, 8",
            "clip_mpeg4.mov, MPEG4, mpeg4, 8",
            "clip_mjpeg.avi, MJPEG, mjpeg, 8",
            "clip_vp9.webm, VP9, vp9, 8",
            "clip.gif, GIF, gif, 40",
            "clip_png.avi, PNG, png, 0"})
    void decodesGeneratedClips(String name, VideoWriter.Codec codec, String codecName, double tolerance) throws Exception {
        Path f = TestVideos.write(dir.resolve(name), codec, frames);
        try (VideoReader r = VideoReader.open(f)) {
            VideoInfo info = r.info();
            assertEquals(TestVideos.W, info.width());
            assertEquals(TestVideos.H, info.height());
            assertEquals(TestVideos.FPS, info.fps(), 0.01, info.toString());
            assertEquals(codecName, info.codec());
            assertEquals(TestVideos.FRAMES, info.frameCount(), info.toString());
            assertEquals(TestVideos.FRAMES / TestVideos.FPS, info.durationSeconds(), 0.05, info.toString());
            List<RgbFrame> got = r.readAll();
            assertEquals(TestVideos.FRAMES, got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(TestVideos.W, got.get(i).width());
                double d = got.get(i).meanAbsDiff(frames.get(i));
                assertTrue(d <= tolerance, name + " frame " + i + " differs by " + d);
            }
            assertNull(r.next(), "end of stream");
        }
    }

    @Test
    void losslessCodecRoundTripsExactly() throws Exception {
        Path f = TestVideos.write(dir.resolve("exact.avi"), VideoWriter.Codec.PNG, frames);
        try (VideoReader r = VideoReader.open(f)) {
            assertEquals(frames, r.readAll());
        }
    }

    @Test
    void seekingIsExact() throws Exception {
        List<RgbFrame> sequential;
        try (VideoReader r = VideoReader.open(mp4)) {
            sequential = r.readAll();
        }
        // consecutive frames differ (noise + motion), so an off-by-one seek cannot pass
        for (int i = 1; i < sequential.size(); i++) assertNotEquals(sequential.get(i - 1), sequential.get(i));
        try (VideoReader r = VideoReader.open(mp4)) {
            for (int n : new int[]{17, 3, 0, 29, 10, 11, 9, 25}) {
                r.seek(n);
                assertEquals(n, r.position());
                assertEquals(sequential.get(n), r.next(), "frame after seek to " + n);
                if (n + 1 < sequential.size()) {
                    assertEquals(sequential.get(n + 1), r.next(), "decoding goes on after seek to " + n);
                }
            }
            assertNull(r.frameAt(30), "past the end");
        }
    }

    @Test
    void skipMovesWithoutConverting() throws Exception {
        try (VideoReader r = VideoReader.open(mp4)) {
            RgbFrame first = r.next();
            assertTrue(r.skip());
            assertTrue(r.skip());
            assertEquals(3, r.position());
            RgbFrame third;
            try (VideoReader r2 = VideoReader.open(mp4)) {
                third = r2.frameAt(3);
            }
            assertEquals(third, r.next());
            assertNotEquals(first, third);
        }
    }

    // ------------------------------------------------------------ bad input

    /** Fails with {@code problem} in the message, and reports the kind of problem to UIs as {@code kind}. */
    private static void assertFails(Path f, String problem, VideoException.Problem kind) {
        VideoException e = assertThrows(VideoException.class, () -> {
            try (VideoReader r = VideoReader.open(f)) {
                r.readAll();
            }
        });
        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains(problem), e.getMessage());
        assertEquals(f, e.file());
        assertEquals(kind, e.problem(), e.getMessage());
    }

    @Test
    void missingFile() {
        assertFails(dir.resolve("nope.mp4"), "not found", VideoException.Problem.NOT_FOUND);
    }

    @Test
    void directory() throws IOException {
        assertFails(Files.createDirectories(dir.resolve("adir.mp4")), "directory", VideoException.Problem.IS_DIRECTORY);
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(Files.write(dir.resolve("empty.mp4"), new byte[0]), "empty", VideoException.Problem.EMPTY);
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[100_000];
        new Random(3).nextBytes(junk);
        assertFails(Files.write(dir.resolve("junk.mp4"), junk), "not a video", VideoException.Problem.NOT_VIDEO);
    }

    @Test
    void textFile() throws IOException {
        assertFails(Files.writeString(dir.resolve("notes.avi"), "hello, this is not a video\n".repeat(100)), "not a video", VideoException.Problem.NOT_VIDEO);
    }

    @Test
    void zeroFrames() throws Exception {
        // AVI keeps the (empty) stream in its header; MP4 drops a track without samples altogether.
        Path avi = dir.resolve("zero.avi");
        try (VideoWriter w = VideoWriter.open(avi, 64, 48, 25, VideoWriter.Codec.MJPEG, 10)) {
            assertEquals(0, w.framesWritten());
        }
        assertTrue(Files.size(avi) > 0);
        assertFails(avi, "contains no video frames", VideoException.Problem.NO_FRAMES);
        Path mp4 = dir.resolve("zero.mp4");
        try (VideoWriter w = VideoWriter.open(mp4, 64, 48, 25, VideoWriter.Codec.MPEG4, 10)) {
            assertEquals(0, w.framesWritten());
        }
        assertFails(mp4, "no video stream", VideoException.Problem.NO_VIDEO_STREAM);
        Path webm = dir.resolve("zero.webm");
        try (VideoWriter w = VideoWriter.open(webm, 64, 48, 25, VideoWriter.Codec.VP9, 10)) {
            assertEquals(0, w.framesWritten());
        }
        assertFails(webm, "not a video file ffmpeg can read (end of file)", VideoException.Problem.NOT_VIDEO);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] all = Files.readAllBytes(mp4);
        Path f = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(all, all.length / 2));
        assertFails(f, "not a video", VideoException.Problem.NOT_VIDEO);
    }

    @ParameterizedTest
    @CsvSource({"cut.avi, MJPEG", "cut.webm, VP9"})
    void truncatedFileWithHeaderIntact(String name, VideoWriter.Codec codec) throws Exception {
        // The header survives (frame count or duration), the frame data stops at 60%: decoding must say so.
        byte[] all = Files.readAllBytes(TestVideos.write(dir.resolve("whole_" + name), codec, frames));
        Path f = Files.write(dir.resolve(name), Arrays.copyOf(all, all.length * 6 / 10));
        assertFails(f, "truncated", VideoException.Problem.TRUNCATED);
        VideoException e = assertThrows(VideoException.class, () -> {
            try (VideoReader r = VideoReader.open(f)) {
                while (r.skip()) {
                    assertTrue(r.position() < 30);
                }
            }
        });
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains("of 30 declared"), e.getMessage());
    }

    @Test
    void unsupportedCodec() throws Exception {
        Path good = TestVideos.write(dir.resolve("tagged.avi"), VideoWriter.Codec.PNG, frames.subList(0, 3));
        byte[] b = Files.readAllBytes(good);
        // The AVI header names the codec by FourCC (stream handler and bitmap compression): make it unknown.
        String tag = "MPNG";
        int replaced = replaceAll(b, tag.getBytes(StandardCharsets.US_ASCII), "QQQZ".getBytes(StandardCharsets.US_ASCII));
        assertTrue(replaced >= 1, "FourCC found in header");
        Path f = Files.write(dir.resolve("unknown_codec.avi"), b);
        assertFails(f, "unsupported video codec", VideoException.Problem.UNSUPPORTED_CODEC);
    }

    @Test
    void hugeResolutionIsRefused() throws Exception {
        Path f = dir.resolve("huge.avi");
        try (VideoWriter w = VideoWriter.open(f, 8200, 16, 25, VideoWriter.Codec.MJPEG, 1)) {
            w.write(RgbFrame.blank(8200, 16));
        }
        assertFails(f, "too large", VideoException.Problem.TOO_LARGE);
        // and a smaller limit refuses an ordinary file
        VideoException e = assertThrows(VideoException.class, () -> VideoReader.open(mp4, 32));
        assertTrue(e.getMessage().contains("64x48"), e.getMessage());
    }

    private static int replaceAll(byte[] b, byte[] what, byte[] with) {
        int n = 0;
        for (int i = 0; i + what.length <= Math.min(b.length, 4096); i++) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                System.arraycopy(with, 0, b, i, with.length);
                n++;
            }
        }
        return n;
    }
}
