package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import s3dx.app.model.Boundary;
import s3dx.net.Preset;

/** The draggable 2D|3D split of a Bottom-Heavy or Top-Heavy design; {@link ArchitectureView} moves it. */
final class BoundaryHandle extends VBox {
    private final Label caption = new Label();
    private int gap;

    BoundaryHandle() {
        setId("boundary-handle");
        getStyleClass().add("boundary-handle");
        setAlignment(Pos.TOP_CENTER);
        caption.getStyleClass().add("boundary-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add("boundary-bar");
        VBox.setVgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(6);
        getChildren().addAll(caption, bar);
        setCursor(Cursor.H_RESIZE);
        setManaged(false);
        Tooltip.install(this, new Tooltip(t("boundary.tip")));
    }

    void show(Boundary b) {
        gap = b.gap();
        caption.setText(b.kind() == Preset.BOTTOM_HEAVY_I3D ? "3D | 2D" : "2D | 3D");
    }

    int gap() {
        return gap;
    }
}
