package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import s3dx.app.files.AppHome;
import s3dx.app.files.Autosave;
import s3dx.app.model.DesignModel;

/** Offers the autosave of a session that did not exit cleanly: restore it (undoable) or discard it. */
public final class RecoveryBanner extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public RecoveryBanner(DesignModel model, AppHome home) {
        setId("recovery-banner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        Autosave.pending(home).ifPresent(r -> {
            Label text = new Label(t("recovery.text", TIME.format(r.savedAt())));
            Button restore = new Button(t("recovery.restore"));
            restore.setId("recovery-restore");
            restore.setDefaultButton(true);
            restore.setOnAction(e -> {
                model.restore(r.design());
                setVisible(false);
            });
            Button discard = new Button(t("recovery.discard"));
            discard.setId("recovery-discard");
            discard.setOnAction(e -> {
                Autosave.discard(home);
                setVisible(false);
            });
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            getChildren().addAll(text, grow, restore, discard);
            setVisible(true);
        });
    }
}
