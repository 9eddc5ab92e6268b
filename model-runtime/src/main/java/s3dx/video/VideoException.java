package s3dx.video;

import java.nio.file.Path;

/**
 * A video could not be opened, read or written; the message names the file and the problem (in English, for
 * the CLI and logs). The parts are kept too ({@link #problem}, {@link #file}, {@link #detail}) so that a UI can
 * say the same in its own language.
 */
public class VideoException extends Exception {

    /** What went wrong, for UIs that word it themselves; {@link #OTHER} when only the message says. */
    public enum Problem {
        NOT_FOUND, IS_DIRECTORY, NOT_READABLE, EMPTY, CANNOT_READ,
        /** FFmpeg cannot read the container at all. */
        NOT_VIDEO,
        /** A container without a video stream (audio only, or a text file FFmpeg took for one). */
        NO_VIDEO_STREAM, UNSUPPORTED_CODEC, NO_FRAMES, NO_FRAME_SIZE, TOO_LARGE, CANNOT_OPEN,
        TRUNCATED, DECODE_FAILED, SEEK_FAILED,
        /** A clip was asked for at or after the last frame. */
        PAST_END,
        WRITE_FAILED, OTHER
    }

    private final Path file;
    private final Problem problem;
    private final String detail;

    /** An unclassified problem: UIs can only show the English message. */
    public VideoException(Path file, String message) {
        this(file, Problem.OTHER, message, null, null);
    }

    public VideoException(Path file, String message, Throwable cause) {
        this(file, Problem.OTHER, message, null, cause);
    }

    /** {@code message} says it in English; {@code detail} (may be null) is the raw fact worth adding in any language. */
    public VideoException(Path file, Problem problem, String message, String detail) {
        this(file, problem, message, detail, null);
    }

    public VideoException(Path file, Problem problem, String message, String detail, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.problem = problem;
        this.detail = detail;
    }

    /** The file concerned (may be null for in-memory sources). */
    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }

    /** Extra information (an FFmpeg error, a codec, a size), or null. */
    public String detail() {
        return detail;
    }
}
