package s3dx.app.view;

import static s3dx.app.i18n.I18n.t;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import s3dx.app.export.ModelExporter;
import s3dx.app.files.AppHome;
import s3dx.app.files.Autosave;
import s3dx.app.files.RecentFiles;
import s3dx.app.model.DesignModel;

/**
 * The designer window: toolbar and menus on top, the design's knobs and totals on the left, the backbone
 * chain across the top of the centre, and below it the Inception block, per-block chart, layer table and
 * the presets map. Owns the autosave and the clean-exit marker.
 */
public final class MainWindow {
    public static final String STYLESHEET = "/s3dx/app/explorer.css";

    private final Stage stage;
    private final DesignModel model;
    private final Autosave autosave;
    private final ArchitectureView architecture;
    private final AppActions actions;
    private final Scene scene;

    public MainWindow(Stage stage, DesignModel model, AppHome home, ModelExporter onnx) {
        this(stage, model, home, onnx, Autosave.DEFAULT_DELAY);
    }

    public MainWindow(Stage stage, DesignModel model, AppHome home, ModelExporter onnx, javafx.util.Duration autosaveDelay) {
        this.stage = stage;
        this.model = model;
        RecoveryBanner banner = new RecoveryBanner(model, home);
        this.autosave = new Autosave(home, model, autosaveDelay);
        this.architecture = new ArchitectureView(model);
        StatusBar status = new StatusBar(model);
        this.actions = new AppActions(stage, model, new RecentFiles(home), architecture, status, onnx, this::close);

        ScrollPane chainScroll = new ScrollPane(architecture);
        chainScroll.setFitToWidth(true);
        chainScroll.setFitToHeight(true);
        chainScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chainScroll.getStyleClass().add("chain-scroll");
        VBox chainPanel = panel(t("main.architecture"), legend(), chainScroll);
        chainPanel.setId("architecture-panel");

        InceptionView inception = new InceptionView(model, architecture.expandedProperty());
        LayerTable table = new LayerTable(model);
        Tab layers = new Tab(t("main.layers"), table);
        table.activeProperty().bind(layers.selectedProperty());
        TabPane tabs = new TabPane(new Tab(t("main.computePerBlock"), new BlockCostChart(model)), layers);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("panel-tabs");
        PresetScatter map = new PresetScatter(model);
        SplitPane lower = new SplitPane(card(inception), card(tabs), card(panel(t("main.designSpace"), null, map)));
        lower.setDividerPositions(0.35, 0.67);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.getStyleClass().add("lower");
        VBox.setVgrow(lower, Priority.ALWAYS);

        VBox center = new VBox(10, banner, chainPanel, lower);
        center.getStyleClass().add("center");

        ScrollPane left = new ScrollPane(new VBox(14, new ControlsPane(model), new CostSummaryView(model)));
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("sidebar");

        BorderPane designer = new BorderPane(center);
        designer.setLeft(left);
        this.player = new s3dx.app.player.PlayerView(model.designProperty(), s3dx.app.player.Assets.find());
        TabPane main = new TabPane(new Tab(t("main.tab.designer"), designer), new Tab(t("main.tab.player"), player));
        main.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        main.setId("main-tabs");
        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(actions.menuBar(), actions.toolBar()));
        root.setBottom(status);
        root.getStyleClass().add("explorer");

        scene = new Scene(root, 1600, 1000);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), model::redo);
        stage.setScene(scene);
        stage.titleProperty().bind(AppActions.titleBinding(model));
        stage.setMinWidth(1100);
        stage.setMinHeight(720);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
    }

    private final s3dx.app.player.PlayerView player;

    public s3dx.app.player.PlayerView player() {
        return player;
    }

    public void show() {
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    public ArchitectureView architecture() {
        return architecture;
    }

    public Autosave autosave() {
        return autosave;
    }

    /** Asks about unsaved changes, then closes and marks the exit clean (so no recovery is offered next time). */
    public void close() {
        if (!actions.confirmDiscard()) return;
        autosave.markCleanExit();
        player.dispose();
        stage.close();
    }

    private static HBox legend() {
        HBox box = new HBox(12);
        box.setAlignment(Pos.CENTER_RIGHT);
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
        badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("on"), true);
        gate.setGraphic(badge);
        Label share = new Label(t("legend.share"));
        share.getStyleClass().add("hint");
        box.getChildren().addAll(gate, share);
        return box;
    }

    private static VBox panel(String title, javafx.scene.Node right, javafx.scene.Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = right == null ? new HBox(t) : new HBox(8, t, grow, right);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox v = new VBox(6, head, body);
        v.getStyleClass().add("panel");
        return v;
    }

    private static VBox card(javafx.scene.Node n) {
        VBox v = n instanceof VBox vb && vb.getStyleClass().contains("panel") ? vb : new VBox(n);
        VBox.setVgrow(n, Priority.ALWAYS);
        if (!v.getStyleClass().contains("panel")) v.getStyleClass().add("panel");
        return v;
    }
}
