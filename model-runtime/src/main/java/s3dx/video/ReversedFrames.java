package s3dx.video;

import java.util.ArrayList;
import java.util.List;

/**
 * A video's frames from the last to the first, for playing the picture backwards. Decoders only go forward, so
 * it seeks to the start of a chunk of {@code chunk} frames, decodes the chunk forward and hands it out in reverse:
 * one seek per chunk, and memory for one chunk. Single-threaded, like its reader.
 */
public final class ReversedFrames {
    private final VideoReader reader;
    private final int chunk;
    private final List<RgbFrame> pending = new ArrayList<>();
    private long chunkStart;   // first frame of the chunk in pending, or of the next one to read
    private long next;         // index of the frame next() returns

    /** Frames {@code end-1, end-2, ..., 0}; an {@code end} past the video starts at its last frame. */
    public ReversedFrames(VideoReader reader, long end, int chunk) {
        if (end < 0 || chunk < 1) throw new IllegalArgumentException("need end >= 0 and chunk >= 1, got " + end + ", " + chunk);
        this.reader = reader;
        this.chunk = chunk;
        this.chunkStart = end;
        this.next = end - 1;
    }

    /** The whole video backwards, 64 frames a chunk. */
    public static ReversedFrames of(VideoReader reader) {
        return new ReversedFrames(reader, Math.max(0, reader.info().frameCount()), 64);
    }

    /** Index of the frame {@link #next()} returns (-1 when done); exact once the first frame has come. */
    public long position() {
        return next;
    }

    /** The next frame backwards in time, or null after frame 0. */
    public RgbFrame next() throws VideoException {
        while (pending.isEmpty()) {
            if (chunkStart <= 0) return null;
            long end = chunkStart;
            chunkStart = Math.max(0, end - chunk);
            reader.seek(chunkStart);
            for (long i = chunkStart; i < end; i++) {
                RgbFrame f = reader.next();
                if (f == null) break;
                pending.add(f);
            }
            next = chunkStart + pending.size() - 1;   // the video may end before the declared count
        }
        next--;
        return pending.remove(pending.size() - 1);
    }
}
