package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import s3dx.app.export.ModelExporter;
import s3dx.app.files.AppHome;
import s3dx.app.files.Autosave;
import s3dx.app.files.RecentFiles;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.app.ui.AppStyle;
import s3dx.app.ui.ProblemDialog;
import s3dx.app.classroom.CompareView;
import s3dx.app.classroom.LessonPanel;
import s3dx.app.classroom.Lessons;
import s3dx.app.classroom.TrainPanel;
import s3dx.app.i18n.I18n;
import s3dx.app.files.Settings;
import s3dx.app.video.ModelChoice;
import s3dx.app.player.PlayerView;
import s3dx.app.designer.ArchitectureView;
import s3dx.app.designer.DesignerPane;
import s3dx.assets.Assets;
import s3dx.net.Preset;
import s3dx.net.PresetMatch;
import java.util.Locale;
import javafx.util.Duration;

/**
 * The window: menus, toolbar and status line around the tabs ({@link MainTab}: designer, player, comparison,
 * training) and the lessons panel; rebuilt in a new language. Owns the autosave and the clean-exit marker.
 */
public final class MainWindow {

    private final Stage stage;
    private final DesignModel model;
    private final AppHome home;
    private final ModelExporter onnx;
    private final Settings settings;
    private final Autosave autosave;
    private final Scene scene;
    private final Presentation presentation;
    private final List<ModelChoice> trained = new ArrayList<>();
    private DesignerPane designer;
    private ArchitectureView architecture;
    private AppActions actions;
    private StatusBar status;
    private PlayerView player;
    private CompareView compare;
    private TrainPanel train;
    private LessonPanel lessons;
    private TabPane main;
    private BorderPane root;
    private boolean playerShown;
    /** The clip the player opens on: the paper's example of time's arrow. */
    static final String FIRST_CLIP = "moving_left";

    public MainWindow(Stage stage, DesignModel model, AppHome home, ModelExporter onnx) {
        this(stage, model, home, onnx, Autosave.DEFAULT_DELAY);
    }

    public MainWindow(Stage stage, DesignModel model, AppHome home, ModelExporter onnx, Duration autosaveDelay) {
        this.stage = stage;
        this.model = model;
        this.home = home;
        this.onnx = onnx;
        this.settings = new Settings(home);
        this.autosave = new Autosave(home, model, autosaveDelay);
        this.scene = AppStyle.scene(new BorderPane(), 1600, 1000);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), model::redo);
        this.presentation = new Presentation(stage, scene, home, this);
        DropRouter.install(scene, new DropTargets());
        build();
        stage.setScene(scene);
        stage.titleProperty().bind(AppActions.titleBinding(model));
        stage.setMinWidth(1100);
        stage.setMinHeight(720);
        fitToScreen(stage);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
    }

    /** On a screen smaller than the usual 1600x1000 (1366x768 laptops) the window fills it instead of running off its edges. */
    private static void fitToScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (screen.getWidth() >= 1600 && screen.getHeight() >= 1000) return;
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(Math.min(1600, screen.getWidth()));
        stage.setHeight(Math.min(1000, screen.getHeight()));
    }

    /** Builds every view in the current language and puts them in the scene (again, after a language switch). */
    private void build() {
        MainTab tab = main == null ? MainTab.DESIGNER : selectedTab();
        boolean lessonsShown = root != null && root.getRight() != null;
        Path video = player == null ? null : player.model().videoProperty().get();
        if (player != null) player.dispose();
        if (compare != null) compare.dispose();

        this.designer = new DesignerPane(model, new RecoveryBanner(model, home));
        this.architecture = designer.architecture();
        this.status = new StatusBar(model);
        this.actions = new AppActions(stage, model, new RecentFiles(home), architecture, status, onnx, this::close);
        Path assets = Assets.dir().orElse(null);
        this.player = new PlayerView(model.designProperty(), assets);
        player.model().rememberVideosIn(RecentFiles.videos(home));
        for (ModelChoice c : trained) player.model().useModel(c);
        openInPlayer(video);
        this.compare = new CompareView(model, assets, this::knownModels);
        this.train = new TrainPanel(model, this::acceptTrained);
        train.setOnSaved(file -> player.model().offerModel(ModelChoice.file(file)));
        Tab compareTab = new Tab(t("main.tab.compare"), compare);
        compareTab.setId("tab-compare");
        compareTab.selectedProperty().addListener((o, a, sel) -> { if (sel) compare.activate(); });
        main = new TabPane(new Tab(t("main.tab.designer"), designer), new Tab(t("main.tab.player"), player), compareTab,
                new Tab(t("main.tab.train"), train));
        main.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        main.setId("main-tabs");
        this.lessons = new LessonPanel(model, Lessons.load(), new LessonHost());
        // narrower on a 1366-wide screen (257 px), so that the chain and the designer's vertical scroll bar still fit
        // beside it without sideways scrolling; 320 px at 1600 wide, at most 330; in presentation mode's large type, 40% wider
        lessons.prefWidthProperty().bind(Bindings.min(330, Bindings.max(250, scene.widthProperty().multiply(0.27).subtract(112)))
                .multiply(Bindings.when(presentation.presentingProperty()).then(1.4).otherwise(1.0)));
        root = new BorderPane(main);
        MenuBar bar = actions.menuBar(player.fileMenuItems());
        bar.getMenus().addAll(presentation.menus(), lessonsMenu());
        root.setTop(new VBox(bar, actions.toolBar()));
        root.setBottom(status);
        root.getStyleClass().add("explorer");
        if (lessonsShown) root.setRight(lessons);
        presentation.applyTo(root);
        scene.setRoot(root);
        select(tab);
        // a video opened from the menus is shown at once (lessons choose their tab themselves); not the demo clip the
        // player opens by itself at start, which arrives off the FX thread after the window shows the designer
        player.model().videoProperty().addListener((o, a, v) -> {
            if (a != null) select(MainTab.PLAYER);
        });
        main.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> playDemoOnFirstShow());
    }

    /**
     * The player always has a video: {@code video} (the one before a rebuild) or the first demo clip, paused at its
     * first frame, so that the design's model has predicted on it before the Player tab is first shown.
     */
    private void openInPlayer(Path video) {
        if (video != null) player.model().open(video);
        else if (!player.model().openClip(FIRST_CLIP) && !player.model().demoClips().isEmpty()) {
            player.model().open(player.model().demoClips().get(0));
        }
    }

    /** The first time the Player tab is shown, an untouched demo clip starts playing: a new user sees the model at work. */
    private void playDemoOnFirstShow() {
        if (playerShown || selectedTab() != MainTab.PLAYER) return;
        playerShown = true;
        Path v = player.model().videoProperty().get();
        if (v != null && player.model().demoClips().contains(v) && player.model().currentFrameProperty().get() == 0) player.model().play();
    }

    /** Shows one of the main tabs. */
    public void select(MainTab tab) {
        main.getSelectionModel().select(tab.ordinal());
    }

    public MainTab selectedTab() {
        return MainTab.values()[Math.max(0, main.getSelectionModel().getSelectedIndex())];
    }

    /** Switches the language: saved in the app home, and the window is rebuilt in it now. */
    public void setLanguage(Locale l) {
        settings.setLanguage(l);
        I18n.setLocale(l);
        build();
    }

    private Menu lessonsMenu() {
        MenuItem show = new MenuItem(t("menu.lessons.show"));
        show.setAccelerator(KeyCombination.keyCombination("F1"));
        show.setOnAction(e -> toggleLessons());
        MenuItem next = new MenuItem(t("menu.lessons.next"));
        next.setOnAction(e -> nextStep());
        MenuItem back = new MenuItem(t("menu.lessons.back"));
        back.setOnAction(e -> lessons.back());
        return new Menu(t("menu.lessons"), null, show, next, back);
    }

    public void toggleLessons() {
        if (root.getRight() == null) {
            root.setRight(lessons);
            if (lessons.lessonIndex() < 0) lessons.go(0, 0);
        } else {
            root.setRight(null);
        }
    }

    /** The next lesson step (opening the lessons first if they are hidden). */
    public void nextStep() {
        if (root.getRight() == null) toggleLessons();
        else lessons.next();
    }

    /** Demo models and the models trained in this session, for the player and the comparison. */
    private List<ModelChoice> knownModels() {
        List<ModelChoice> all = new ArrayList<>(trained);
        all.addAll(ModelChoice.demos(Assets.models()));
        return all;
    }

    private void acceptTrained(ModelChoice c) {
        trained.removeIf(m -> PresetMatch.sameArchitecture(m.design(), c.design()));
        trained.add(0, c);
        player.model().useModel(c);
        status.say(t("status.trainedInstalled", c.name()));
    }

    /** What the lessons may do to the window. */
    private final class LessonHost implements LessonPanel.Host {
        @Override
        public void showTab(String tab) {
            select(MainTab.of(tab).orElse(MainTab.DESIGNER));
        }

        @Override
        public void openClip(String name) {
            player.model().openClip(name);
            compare.openClip(name);
        }

        @Override
        public void setReversed(boolean reversed) {
            player.model().reversed.set(reversed);
            compare.reverseProperty().set(reversed);
        }

        @Override
        public void act(String action) {
            switch (action) {
                case "reverse" -> {
                    setReversed(!player.model().reversed.get());
                    player.model().play();
                }
                case "train" -> {
                    showTab("train");
                    train.start();
                }
                case "gateAll" -> model.edit(d -> d.withAllGated(true));
                case "topHeavy" -> model.edit(d -> Presets.applyTo(Preset.TOP_HEAVY_I3D, d));
                default -> { }
            }
        }
    }

    /** Opens files as if they were dropped on the window (what a drop does, for tests and the command line). */
    public void openDropped(List<Path> files) {
        DropRouter.route(files, new DropTargets());
    }

    /** Where dropped files go: the tab that shows them comes to the front. */
    private final class DropTargets implements DropRouter.Targets {
        @Override
        public void openVideo(Path file) {
            select(MainTab.PLAYER);
            player.model().open(file);
        }

        @Override
        public void openDesign(Path file) {
            select(MainTab.DESIGNER);
            actions.open(file);
        }

        @Override
        public void openModel(Path file) {
            select(MainTab.PLAYER);
            player.model().openModelFile(file);
        }

        @Override
        public void refuse(String text) {
            status.warn(text);
            ProblemDialog.show(stage, t("drop.header"), text);
        }
    }

    // ---- for presentation mode ----

    /** Space: play or pause the clip of the tab in view. */
    void playPause() {
        if (selectedTab() == MainTab.COMPARE) compare.togglePlay();
        else player.model().togglePlay();
    }

    /** R: reverse the clip's time order (player and comparison). */
    void toggleReverse() {
        boolean r = !player.model().reversed.get();
        player.model().reversed.set(r);
        compare.reverseProperty().set(r);
    }

    /** P: the next preset in the paper's order. */
    void nextPreset() {
        Preset[] all = Preset.values();
        int i = PresetMatch.of(model.getDesign()).map(PresetMatch::preset).map(Enum::ordinal).orElse(-1);
        Preset p = all[(i + 1) % all.length];
        model.edit(d -> Presets.applyTo(p, d));
        status.say(p.displayName());
    }

    StatusBar status() {
        return status;
    }

    public PlayerView player() {
        return player;
    }

    public CompareView compare() {
        return compare;
    }

    public TrainPanel train() {
        return train;
    }

    public LessonPanel lessons() {
        return lessons;
    }

    public TabPane tabs() {
        return main;
    }

    public Presentation presentation() {
        return presentation;
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
        disposeViews();
        stage.close();
    }

    private boolean disposed;

    /**
     * Stops the views' workers, waiting (bounded) for any inside ONNX Runtime or libtorch: a JVM that exits
     * while one is creating a session crashes in native code. Called on close and on any exit of the app.
     */
    public void disposeViews() {
        if (disposed) return;
        disposed = true;
        player.dispose();
        compare.dispose();
        train.dispose();
    }
}
