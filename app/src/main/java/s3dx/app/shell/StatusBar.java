package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import s3dx.app.model.DesignModel;
import s3dx.app.ui.JobStatus;

/** The window's status line: file and saved state, messages, the last update's time, and running exports (a {@link JobStatus}). */
public final class StatusBar extends JobStatus {
    public StatusBar(DesignModel model) {
        getStyleClass().add("window-status");
        Label file = new Label();
        file.textProperty().bind(Bindings.createStringBinding(
                () -> (model.getFile() == null ? t("file.untitled") : model.getFile().toString()) + "  ·  " + (model.isDirty() ? t("status.modified") : t("status.savedState")),
                model.fileProperty(), model.dirtyProperty()));
        Label timing = new Label();
        timing.setId("status-timing");
        model.lastUpdateNanosProperty().addListener((o, a, n) -> timing.setText(t("status.updatedIn", n.longValue() / 1e6)));
        model.problemProperty().addListener((o, a, p) -> {
            if (p == null) say(""); else warn(t("status.notApplied", p.field()));
        });
        getLeftItems().add(file);
        getRightItems().add(timing);
    }
}
