package s3dx.infer;

/** A model that cannot be loaded or run; the message says what was wrong in the user's terms. */
public class InferenceException extends RuntimeException {
    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
