package s3dx.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playing the picture backwards: every frame once, last to first, whatever the chunk size. */
class ReversedFramesTest {
    @TempDir
    Path dir;

    @Test
    void givesEveryFrameLastToFirst() throws Exception {
        List<RgbFrame> frames = TestVideos.frames();
        Path avi = TestVideos.write(dir.resolve("exact.avi"), VideoWriter.Codec.PNG, frames);
        List<RgbFrame> expected = new ArrayList<>(frames);
        Collections.reverse(expected);
        for (int chunk : new int[]{1, 7, 30, 64}) {
            try (VideoReader r = VideoReader.open(avi)) {
                ReversedFrames rf = chunk == 64 ? ReversedFrames.of(r) : new ReversedFrames(r, frames.size(), chunk);
                List<RgbFrame> got = new ArrayList<>();
                List<Long> positions = new ArrayList<>();
                for (RgbFrame f; (f = rf.next()) != null; ) {
                    got.add(f);
                    positions.add(rf.position() + 1);
                }
                assertEquals(expected, got, "chunk " + chunk);
                assertEquals(frames.size() - 1L, positions.get(0));
                assertEquals(0L, positions.get(positions.size() - 1));
                assertNull(rf.next());
            }
        }
    }

    @Test
    void anEndPastTheVideoStartsAtItsLastFrame() throws Exception {
        List<RgbFrame> frames = TestVideos.frames();
        Path avi = TestVideos.write(dir.resolve("exact.avi"), VideoWriter.Codec.PNG, frames);
        try (VideoReader r = VideoReader.open(avi)) {
            ReversedFrames rf = new ReversedFrames(r, frames.size() + 5, 8);
            assertEquals(frames.get(frames.size() - 1), rf.next());
            assertEquals(frames.size() - 2L, rf.position());
        }
    }
}
