package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.app.ui.Fmt;

/**
 * One Mixed block drawn like the paper's Inception-block figure: the previous layer at the bottom, four
 * branches of conv / pool / gate boxes with their kernel shapes and widths, and the concat on top.
 */
public final class InceptionView extends VBox {
    private final DesignModel model;
    private final ObjectProperty<Block> block;
    private final Label title = new Label();
    private final HBox branches = new HBox(10);
    private final Label concat = new Label();
    private final Label previous = new Label();
    private final Label hint = new Label(t("inception.hint"));
    private Object shown;

    public InceptionView(DesignModel model, ObjectProperty<Block> block) {
        this.model = model;
        this.block = block;
        getStyleClass().add("inception");
        setSpacing(6);
        setAlignment(Pos.TOP_CENTER);
        title.getStyleClass().add("panel-title");
        title.setMaxWidth(Double.MAX_VALUE);
        concat.getStyleClass().addAll("op", "op-concat");
        previous.getStyleClass().addAll("op", "op-input");
        concat.setMaxWidth(Double.MAX_VALUE);
        previous.setMaxWidth(Double.MAX_VALUE);
        branches.setAlignment(Pos.BOTTOM_CENTER);
        hint.getStyleClass().add("hint");
        block.addListener((o, a, b) -> refresh(model.getReport()));
        model.reportProperty().addListener((o, a, r) -> refresh(r));
        refresh(model.getReport());
        // the ops wrap, so the height needed follows the width; the centre's scroll learns of it after this pass
        widthProperty().addListener((o, a, w) -> Platform.runLater(this::requestLayout));
    }

    /**
     * Never shorter than the drawing at its current width: the designer's centre scrolls instead of cutting ops.
     * The width asked about is ignored once laid out, because parents ask at their maximum width (the ops unwrapped).
     */
    @Override
    protected double computeMinHeight(double width) {
        return prefHeight(getWidth() > 0 ? getWidth() : width);
    }

    private void refresh(CostReport r) {
        Block b = block.get();
        if (b == null || b.kind() != Block.Kind.MIXED) {
            shown = null;
            title.setText(t("inception.title"));
            getChildren().setAll(title, hint);
            return;
        }
        Network.BlockNode node = r.network().block(b);
        Object key = java.util.List.of(b, node.setting(), node.branches().get(0).get(0).input(), node.output());
        if (key.equals(shown)) return;
        shown = key;
        title.setText(b.name() + "  ·  " + Fmt.modeShort(node.setting().mode()) + (node.setting().gated() ? " + " + t("inception.gating") : ""));
        branches.getChildren().clear();
        for (int i = 0; i < node.branches().size(); i++) {
            branches.getChildren().add(branch(i, node.branches().get(i)));
        }
        concat.setText(t("inception.concat") + "  →  " + Fmt.shape(node.output()));
        Layer first = node.branches().get(0).get(0);
        previous.setText(t("inception.previous") + "  " + Fmt.shape(first.input()));
        getChildren().setAll(title, concat, arrow(), branches, previous);
    }

    private VBox branch(int index, List<Layer> layers) {
        VBox col = new VBox(0);
        col.setAlignment(Pos.BOTTOM_CENTER);
        col.getStyleClass().add("branch");
        HBox.setHgrow(col, Priority.ALWAYS);
        col.setMaxWidth(Double.MAX_VALUE);
        for (int i = layers.size() - 1; i >= 0; i--) {
            col.getChildren().add(op(layers.get(i)));
            col.getChildren().add(arrow());
        }
        Label name = new Label("Branch_" + index);
        name.getStyleClass().add("branch-name");
        col.getChildren().add(name);
        return col;
    }

    private Label arrow() {
        Label a = new Label("\u2191");
        a.getStyleClass().add("op-arrow");
        return a;
    }

    private Label op(Layer l) {
        Label box = new Label();
        box.getStyleClass().add("op");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setWrapText(true);
        if (l instanceof Layer.ConvUnit c) {
            box.setText(Fmt.kernel(c.kernel()) + " " + t("inception.conv") + "\n" + c.output().c());
            int[] k = c.kernel();
            box.getStyleClass().add(k[0] > 1 && k[1] > 1 ? "op-3d" : k[0] > 1 ? "op-temporal" : k[1] > 1 ? "op-2d" : "op-1x1");
        } else if (l instanceof Layer.MaxPool p) {
            box.setText(Fmt.kernel(p.kernel()) + " " + t("inception.maxpool"));
            box.getStyleClass().add("op-pool");
        } else if (l instanceof Layer.Gate) {
            box.setText(t("inception.gate"));
            box.getStyleClass().add("op-gate");
        } else {
            box.setText(l.name());
        }
        return box;
    }
}
