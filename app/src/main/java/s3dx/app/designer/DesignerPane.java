package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;
import s3dx.app.ui.PanelHead;

/**
 * The Designer tab: the design's knobs and totals on the left, the backbone chain across the top of the centre, and
 * below it the Inception block, per-block chart, layer table and the presets map. {@code banner} goes above the chain.
 */
public final class DesignerPane extends BorderPane {
    private final ArchitectureView architecture;

    public DesignerPane(DesignModel model, Node banner) {
        this.architecture = new ArchitectureView(model);

        ScrollPane chainScroll = new ScrollPane(architecture);
        chainScroll.setFitToWidth(true);
        chainScroll.setFitToHeight(true);
        chainScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chainScroll.getStyleClass().add("chain-scroll");
        VBox chainPanel = panel(t("main.architecture"), legend(), chainScroll);
        chainPanel.setId("architecture-panel");
        // both rows of the chain stay whole on short screens; the cards below give up the height
        chainPanel.setMinHeight(Region.USE_PREF_SIZE);

        InceptionView inception = new InceptionView(model, architecture.expandedProperty());
        LayerTable table = new LayerTable(model);
        Tab layers = new Tab(t("main.layers"), table);
        table.activeProperty().bind(layers.selectedProperty());
        TabPane tabs = new TabPane(new Tab(t("main.computePerBlock"), new BlockCostChart(model)), layers) {
            /** As narrow as the tab titles allow: the chart and the table shrink, the titles are never cut. */
            @Override
            protected double computeMinWidth(double height) {
                Node header = lookup(".tab-header-area");
                double titles = header == null ? 0 : header.prefWidth(-1);
                return Math.max(super.computeMinWidth(height), snappedLeftInset() + titles + snappedRightInset());
            }
        };
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("panel-tabs");
        TrainedResults trained = TrainedResults.shipped();
        DesignSpaceView map = new DesignSpaceView(model, trained);
        VBox inceptionCard = card(inception), tabsCard = card(tabs), mapCard = card(panel(t("space.title"), null, map));
        inceptionCard.getStyleClass().add("inception-card");
        tabsCard.getStyleClass().add("tabs-card");
        mapCard.getStyleClass().add("map-card");
        SplitPane lower = new SplitPane(inceptionCard, tabsCard, mapCard);
        lower.setDividerPositions(0.35, 0.67);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.getStyleClass().add("lower");
        VBox.setVgrow(lower, Priority.ALWAYS);
        VBox.setVgrow(mapCard, Priority.ALWAYS);

        VBox center = new VBox(10, banner, chainPanel, lower);
        center.getStyleClass().add("center");
        // where the three cards cannot have their minimum widths side by side (the lessons open on a laptop),
        // the design-space map goes below the other two, at full width, rather than squeezing all three
        center.widthProperty().addListener((o, a, w) -> {
            double need = 0;
            for (VBox c : List.of(inceptionCard, tabsCard, mapCard)) need += c.minWidth(-1) + 12; // + a divider
            boolean below = w.doubleValue() - center.snappedLeftInset() - center.snappedRightInset() < need;
            if (below == center.getChildren().contains(mapCard)) return;
            if (below) {
                lower.getItems().remove(mapCard);
                center.getChildren().add(mapCard);
                lower.setDividerPositions(0.5);
            } else {
                center.getChildren().remove(mapCard);
                lower.getItems().add(mapCard);
                lower.setDividerPositions(0.35, 0.67);
            }
        });
        // on a short window (1366x768) the cards below the chain keep a usable height and the centre scrolls
        ScrollPane centerScroll = new ScrollPane(center);
        centerScroll.setFitToWidth(true);
        centerScroll.setFitToHeight(true);
        centerScroll.getStyleClass().add("center-scroll");
        centerScroll.setId("designer-scroll");

        ScrollPane left = new ScrollPane(new VBox(14, new ControlsPane(model, trained), new CostSummaryView(model, trained)));
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("sidebar");

        setCenter(centerScroll);
        setLeft(left);
    }

    /** The chain of block tiles (the toolbar's brush paints on it; the diagram export draws it). */
    public ArchitectureView architecture() {
        return architecture;
    }

    private static FlowPane legend() {
        FlowPane box = new FlowPane(12, 4);
        box.getStyleClass().add("legend");
        for (String[] m : new String[][]{{"mode-2d", "2D  1×k×k"}, {"mode-3d", "3D  k×k×k"}, {"mode-sep3d", t("mode.SEP3D") + "  1×k×k → k×1×1"}}) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("swatch", m[0]);
            Label l = new Label(m[1], swatch);
            box.getChildren().add(l);
        }
        Label gate = new Label(t("legend.gated"));
        Label badge = new Label("G");
        badge.getStyleClass().add("gate-badge");
        badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("on"), true);
        gate.setGraphic(badge);
        Label share = new Label(t("legend.share"));
        share.getStyleClass().add("hint");
        box.getChildren().addAll(gate, share);
        return box;
    }

    private static VBox panel(String title, FlowPane legend, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        t.setTooltip(new Tooltip(title));
        Node head = legend == null ? t : new PanelHead(t, legend);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox v = new VBox(6, head, body);
        v.getStyleClass().add("panel");
        return v;
    }

    private static VBox card(Node n) {
        VBox v = n instanceof VBox vb && vb.getStyleClass().contains("panel") ? vb : new VBox(n);
        VBox.setVgrow(n, Priority.ALWAYS);
        if (!v.getStyleClass().contains("panel")) v.getStyleClass().add("panel");
        return v;
    }
}
