package s3dx.app.video;

import static s3dx.app.i18n.I18n.t;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import s3dx.app.i18n.ErrorText;
import s3dx.app.jobs.Workers;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import javafx.concurrent.Worker;

/**
 * Loads models off the FX thread, one at a time, for the player and each side of the comparison: the one place a
 * model is loaded. A new {@link #load} supersedes the one in flight; a session that finishes opening after it was
 * superseded or cancelled is closed here, once. A loaded model goes to {@code installer} (on the FX thread), which
 * owns its session from then on (it hands it to a {@link PredictionEngine}, which closes it when replaced).
 * Progress, message, cancel and failure of the load in flight are its {@link #jobProperty() job}.
 */
public final class ModelLoader implements AutoCloseable {
    /** An opened model: its choice, its session and the predictor over it. */
    public record Loaded(ModelChoice choice, OnnxSession session, WindowPredictor predictor) {}

    private final ExecutorService worker;
    private final Consumer<Loaded> installer;
    private final ReadOnlyObjectWrapper<ModelChoice> wanted = new ReadOnlyObjectWrapper<>(), installed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Task<Loaded>> job = new ReadOnlyObjectWrapper<>();

    public ModelLoader(String threadName, Consumer<Loaded> installer) {
        this.worker = Workers.single(threadName, Workers.Load.HEAVY);
        this.installer = installer;
    }

    /** The model loading or in use (what a model menu shows). */
    public ReadOnlyObjectProperty<ModelChoice> wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    /** The model in use (null before the first has loaded). */
    public ReadOnlyObjectProperty<ModelChoice> installedProperty() {
        return installed.getReadOnlyProperty();
    }

    /** The latest load: its message, progress, cancel and failure. */
    public ReadOnlyObjectProperty<Task<Loaded>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Opens {@code choice} in the background; the old model stays in use until it is ready. */
    public void load(ModelChoice choice) {
        if (worker.isShutdown()) return;
        wanted.set(choice);
        if (job.get() != null) job.get().cancel(false);
        // The opened session passes through here: whoever takes it (the installer, or a cancel) closes it, once.
        AtomicReference<OnnxSession> opened = new AtomicReference<>();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                updateMessage(choice.loadingMessage());
                OnnxSession s = choice.open();
                opened.set(s);
                if (isCancelled() && opened.compareAndSet(s, null)) s.close();
                return new Loaded(choice, s, WindowPredictor.of(s));
            }
        };
        task.setOnSucceeded(e -> {
            OnnxSession s = opened.getAndSet(null);
            if (s == null) return;
            if (choice != wanted.get()) {
                s.close();
                return;
            }
            installed.set(choice);
            installer.accept(task.getValue());
        });
        Runnable closeUntaken = () -> {
            OnnxSession s = opened.getAndSet(null);
            if (s != null) s.close();
        };
        task.setOnFailed(e -> closeUntaken.run());   // e.g. a model without our metadata: WindowPredictor.of refused it
        task.setOnCancelled(e -> closeUntaken.run());
        job.set(task);
        worker.execute(task);
    }

    /** Stops loading: the model in use stays. */
    public void cancel() {
        Task<Loaded> t = job.get();
        if (t == null || t.isDone()) return;
        t.cancel(false);
        wanted.set(installed.get());
    }

    /** The message for a load that ended badly: failed (with the reason, in the UI's language) or cancelled. */
    public static String outcome(Task<?> t) {
        return t.getState() == Worker.State.CANCELLED ? t("player.modelCancelled")
                : t("player.modelFailed", ErrorText.of(t.getException()));
    }

    /** Stops the worker, waiting (bounded) for a session being created in native code. */
    @Override
    public void close() {
        worker.shutdownNow();
        Workers.awaitNativeWork(worker);
    }
}
