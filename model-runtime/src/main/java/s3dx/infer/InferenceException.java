package s3dx.infer;

import java.nio.file.Path;

/**
 * A model that cannot be loaded or run; the message says what was wrong in the user's terms (in English, for
 * the CLI and logs). The parts are kept too ({@link #problem}, {@link #file}, {@link #detail}) so that a UI can
 * say the same in its own language.
 */
public class InferenceException extends RuntimeException {

    /** What went wrong, for UIs that word it themselves; {@link #OTHER} when only the message says. */
    public enum Problem {
        NO_SUCH_FILE,
        /** ONNX Runtime rejects the file (not ONNX, damaged, unsupported operators) or its metadata is bad. */
        CANNOT_LOAD,
        /** The graph lacks the video input or the logits/probs outputs: not one of our models. */
        NOT_OUR_MODEL,
        /** Ours, but without the metadata (preprocessing, labels) the player needs. */
        NO_METADATA,
        SHAPE_MISMATCH, RUN_FAILED,
        /** An output of the wrong type or size. */
        BAD_OUTPUT,
        OTHER
    }

    private final Problem problem;
    private final Path file;
    private final String detail;

    /** An unclassified problem: UIs can only show the English message. */
    public InferenceException(String message) {
        this(Problem.OTHER, null, message, null, null);
    }

    public InferenceException(String message, Throwable cause) {
        this(Problem.OTHER, null, message, null, cause);
    }

    /**
     * {@code message} says it in English (naming the file when it should); {@code file} is the model file (null
     * for in-memory models); {@code detail} (may be null) is the raw fact worth adding in any language.
     */
    public InferenceException(Problem problem, Path file, String message, String detail, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    /** The model file, or null for an in-memory model or an unclassified problem. */
    public Path file() {
        return file;
    }

    /** Extra information (an ONNX Runtime error, a shape), or null. */
    public String detail() {
        return detail;
    }
}
