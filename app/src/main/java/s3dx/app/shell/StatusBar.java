package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.util.Locale;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import s3dx.app.model.DesignModel;

/** File, saved state, the last update's time, messages, and the progress of a running export with its cancel button. */
public final class StatusBar extends HBox {
    private final Label message = new Label();
    private final Label timing = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(t("common.cancel"));
    private final HBox job = new HBox(6);

    public StatusBar(DesignModel model) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        Label file = new Label();
        file.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (model.getFile() == null ? t("file.untitled") : model.getFile().toString()) + "  ·  " + (model.isDirty() ? t("status.modified") : t("status.savedState")),
                model.fileProperty(), model.dirtyProperty()));
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        timing.setId("status-timing");
        model.lastUpdateNanosProperty().addListener((o, a, n) ->
                timing.setText(t("status.updatedIn", n.longValue() / 1e6)));
        model.problemProperty().addListener((o, a, p) ->
                message.setText(p == null ? "" : t("status.notApplied", p.field())));
        progress.setPrefWidth(140);
        job.getChildren().addAll(progress, cancel);
        job.setAlignment(Pos.CENTER_LEFT);
        job.setVisible(false);
        job.managedProperty().bind(job.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(file, message, grow, job, timing);
    }

    public void say(String text) {
        message.setText(text);
    }

    /** Shows a running task's progress and message with a cancel button until it ends. */
    public void track(Task<?> task) {
        progress.progressProperty().bind(task.progressProperty());
        message.textProperty().bind(task.messageProperty());
        cancel.setOnAction(e -> task.cancel());
        job.setVisible(true);
        task.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                job.setVisible(false);
                progress.progressProperty().unbind();
                message.textProperty().unbind();
            }
        });
    }
}
