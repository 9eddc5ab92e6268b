package s3dx.app.ui;

import static s3dx.app.i18n.I18n.t;

import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import org.controlsfx.control.StatusBar;
import s3dx.app.i18n.ErrorText;
import s3dx.app.jobs.Workers;

/**
 * The one way a background job shows itself: a line with its message, its progress while it runs, a Cancel button,
 * and when it ends what came of it (done, cancelled, or the error in the UI's language). A ControlsFX
 * {@link StatusBar}; exports, model loads and training all report through one.
 */
public class JobStatus extends StatusBar {
    private final Button cancel = new Button(t("common.cancel"));
    private Task<?> running, worded;
    private Runnable onCancel = () -> {};

    public JobStatus() {
        getStyleClass().add("job-status");
        setText("");
        cancel.getStyleClass().add("job-cancel");
        cancel.setVisible(false);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> {
            if (running != null) onCancel.run();
        });
        getRightItems().add(cancel);
    }

    /** A message of its own (a running job's message replaces it). */
    public void say(String text) {
        show(text, false);
    }

    /** A message about something that went wrong: in the error colour (style class {@code problem}) until the next one. */
    public void warn(String text) {
        show(text, true);
    }

    private void show(String text, boolean problem) {
        if (textProperty().isBound()) return;
        setText(text);
        markProblem(problem);
    }

    private void markProblem(boolean problem) {
        getStyleClass().remove("problem");
        if (problem) getStyleClass().add("problem");
    }

    /** The cancel button, for views that place it themselves. */
    public Button cancelButton() {
        return cancel;
    }

    /** Runs {@code task} on a new low-priority worker thread, shown here until it ends (see {@link #track}). */
    public <T> Task<T> run(Task<T> task, String threadName, Function<T, String> done, String cancelled, Function<String, String> failed) {
        track(task, done, cancelled, failed);
        Workers.start(task, threadName, Workers.Load.HEAVY);
        return task;
    }

    /**
     * Shows {@code task}'s message and progress with a Cancel button until it ends, then {@code done} of its value,
     * {@code cancelled}, or {@code failed} of its error's text (a null result leaves the line as it is).
     */
    public <T> void track(Task<T> task, Function<T, String> done, String cancelled, Function<String, String> failed) {
        if (running != null && running.isRunning() && running != task) running.cancel();
        worded = task;
        textProperty().bind(task.messageProperty());
        follow(task, task::cancel);
        task.stateProperty().addListener((o, was, state) -> {
            if (worded != task || !ended(state)) return;
            worded = null;
            textProperty().unbind();
            String line = switch (state) {
                case SUCCEEDED -> done.apply(task.getValue());
                case CANCELLED -> cancelled;
                default -> failed.apply(ErrorText.of(task.getException()));
            };
            if (line != null) show(line, state == Worker.State.FAILED);
        });
    }

    /**
     * Shows {@code task}'s progress and a Cancel button that calls {@code cancel} until it ends; the text stays the
     * owner's (a model load, whose line its model words).
     */
    public void follow(Task<?> task, Runnable cancel) {
        running = task;
        markProblem(false);   // a new job: the last one's failure is over
        onCancel = cancel;
        progressProperty().bind(task.progressProperty());
        this.cancel.setVisible(!task.isDone());
        task.stateProperty().addListener((o, was, state) -> {
            if (running != task || !ended(state)) return;
            running = null;
            progressProperty().unbind();
            setProgress(0);
            this.cancel.setVisible(false);
        });
        if (task.isDone()) {
            progressProperty().unbind();
            setProgress(0);
        }
    }

    private static boolean ended(Worker.State s) {
        return s == Worker.State.SUCCEEDED || s == Worker.State.CANCELLED || s == Worker.State.FAILED;
    }
}
