package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.Shape;
import s3dx.app.ui.Fmt;

/**
 * One block of the backbone chain: a card coloured by its mode with a gate badge and a bar for its share
 * of the compute, and its output shape underneath. Pools, the stem's 1x1 conv, the input and the head are
 * plain grey cards. Knows nothing of the model; {@link ArchitectureView} feeds it.
 */
final class BlockTile extends VBox {
    static final double CARD_HEIGHT = 104;

    private final Block block;
    private final StackPane card = new StackPane();
    private final Region fill = new Region();
    private final Label mode = new Label();
    private final Label badge = new Label("G");
    private final Region shareFill = new Region();
    private final Label shareText = new Label();
    private final Label channels = new Label();
    private final Label dims = new Label();

    /** A tile for a block, or for the input when {@code block} is null. */
    BlockTile(Block block) {
        this.block = block;
        getStyleClass().add("tile");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        setFillWidth(true);
        card.getStyleClass().add("card");
        card.setMinHeight(CARD_HEIGHT);
        card.setPrefHeight(CARD_HEIGHT);
        card.setMaxHeight(CARD_HEIGHT);
        String name = block == null ? t("tile.input") : Fmt.shortName(block);
        Label title = new Label(name);
        title.getStyleClass().add("tile-name");
        channels.getStyleClass().add("tile-shape-c");
        dims.getStyleClass().add("tile-shape");
        VBox shape = new VBox(0, channels, dims);
        shape.setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(card, shape);

        if (block == null || !block.isToggleable()) {
            getStyleClass().add(block == null ? "tile-input" : "tile-" + block.kind().name().toLowerCase());
            if (block != null && block.kind() == Block.Kind.POOL) {
                title.setText(t("tile.pool"));
                title.setRotate(-90);
                title.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                title.setWrapText(true);
            }
            card.getChildren().add(title);
            Tooltip.install(card, new Tooltip(block == null ? t("tile.input.tip") : block.name()));
            return;
        }
        setId("tile-" + block.name());
        getStyleClass().add("tile-toggleable");
        mode.getStyleClass().add("tile-mode");
        badge.setId("gate-" + block.name());
        badge.getStyleClass().add("gate-badge");
        if (!block.isGateable()) badge.setVisible(false);
        Tooltip.install(badge, new Tooltip(t("tile.gate.tip")));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(2, title, spacer, badge);
        top.setAlignment(Pos.CENTER_LEFT);

        shareFill.getStyleClass().add("share-fill");
        shareFill.setManaged(false);
        Pane bar = new Pane(shareFill) {
            @Override
            protected void layoutChildren() {
                double f = shareFill.getUserData() instanceof Double d ? d : 0;
                shareFill.resizeRelocate(0, 0, Math.max(2, getWidth() * f), getHeight());
            }
        };
        bar.getStyleClass().add("share-bar");
        bar.setPrefHeight(6);
        bar.setMaxHeight(6);
        shareText.getStyleClass().add("share-text");
        VBox share = new VBox(2, shareText, bar);

        fill.getStyleClass().add("card-fill");
        fill.setMouseTransparent(true);
        card.getChildren().add(fill);
        VBox content = new VBox(4, top, mode, share);
        content.getStyleClass().add("card-content");
        VBox.setVgrow(mode, Priority.ALWAYS);
        mode.setMaxHeight(Double.MAX_VALUE);
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setAlignment(Pos.CENTER);
        card.getChildren().add(content);
        if (block.kind() == Block.Kind.MIXED) {
            Label expander = new Label("\u25be");
            expander.setId("expand-" + block.name());
            expander.getStyleClass().add("expander");
            Tooltip.install(expander, new Tooltip(t("tile.expand.tip", block.name())));
            StackPane.setAlignment(expander, Pos.BOTTOM_RIGHT);
            StackPane.setMargin(expander, new javafx.geometry.Insets(0, 6, 6, 0));
            card.getChildren().add(expander);
        }
        Tooltip.install(card, new Tooltip(block.name() + "\n" + t("tile.tip")));
    }

    Block block() {
        return block;
    }

    StackPane card() {
        return card;
    }

    void showShape(Shape s) {
        channels.setText(t("tile.channels", s.c()));
        dims.setText(s.t() + "\u00d7" + s.h() + "\u00d7" + s.w());
    }

    void showHead(int classes) {
        channels.setText(classes + "");
        dims.setText(t("tile.classes"));
    }

    /** Mode colour and label, gate badge, and share of compute (bar relative to the largest block). */
    void showSetting(BlockSetting s, double share, double barFraction) {
        Fmt.showMode(fill, s.mode()); // the colour lives on a childless region: restyling it touches one node
        mode.setText(Fmt.modeShort(s.mode()));
        badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("on"), s.gated());
        shareText.setText(Fmt.percent(share));
        shareFill.setUserData(barFraction);
        shareFill.getParent().requestLayout();
    }

    void setExpanded(boolean on) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("expanded"), on);
    }

    /** Gate badge text for tests and accessibility. */
    Label badge() {
        return badge;
    }

    Label modeLabel() {
        return mode;
    }
}
