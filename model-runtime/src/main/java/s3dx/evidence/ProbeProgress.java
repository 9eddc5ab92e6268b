package s3dx.evidence;

/**
 * How a long probe reports and is stopped: {@link #update} after each batch of forward passes; a probe asks
 * {@link #cancelled} before each batch and throws {@link java.util.concurrent.CancellationException} when it is.
 * The default cancellation is the running thread's interrupt flag (what a JavaFX {@code Task.cancel()} sets).
 */
public interface ProbeProgress {
    ProbeProgress NONE = (done, total) -> {};

    void update(int done, int total);

    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
