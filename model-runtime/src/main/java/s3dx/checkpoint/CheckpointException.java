package s3dx.checkpoint;

import java.io.IOException;

/** A checkpoint that cannot be read or does not fit: the message says which file, key or global, and why. */
public class CheckpointException extends IOException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
