package s3dx.video;

import java.nio.file.Path;

/** A video could not be opened, read or written; the message names the file and the problem. */
public class VideoException extends Exception {

    private final Path file;

    public VideoException(Path file, String problem) {
        this(file, problem, null);
    }

    public VideoException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file concerned (may be null for in-memory sources). */
    public Path file() {
        return file;
    }
}
