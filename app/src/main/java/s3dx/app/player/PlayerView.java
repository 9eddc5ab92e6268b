package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import s3dx.app.jobs.Workers;
import s3dx.app.i18n.ErrorText;
import s3dx.app.ui.Fmt;
import s3dx.assets.Assets;
import s3dx.infer.OnnxSession;
import s3dx.infer.UntrainedModel;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.infer.WindowPredictor.Ranked;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.net.Design;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.app.ui.FrameView;
import s3dx.app.ui.TopKBars;
import s3dx.app.video.ModelChoice;
import s3dx.app.video.Playback;
import s3dx.app.video.PredictionEngine;

/**
 * The video player with live predictions: a self-contained view (the main window shows it as a tab). Video
 * decoding ({@link Playback}), inference ({@link PredictionEngine}), model building and exports each run off
 * the FX thread; this class only wires them to the controls and draws what they hand back.
 */
public final class PlayerView extends BorderPane {
    private static final int TOP = 5;
    private final Path assets;
    private final ObservableValue<Design> design;
    private final FrameView frame = new FrameView();
    private final TopKBars bars = new TopKBars(TOP);
    private final TimelineChart chart = new TimelineChart();
    private final GateHeatmap heatmap = new GateHeatmap();
    private final GateOverview overview;
    private final ChoiceBox<ModelChoice> modelBox = new ChoiceBox<>();
    private final ComboBox<String> scopeBox = new ComboBox<>(), blockBox = new ComboBox<>();
    private final Label banner = new Label(), modelStatus = new Label(t("player.noModel")), time = new Label("—"), status = new Label(),
            windowLabel = new Label();
    private final ProgressBar modelProgress = new ProgressBar(), exportProgress = new ProgressBar(0);
    private final Button cancelModel = new Button(t("player.cancelModel")), saveModel = new Button(t("player.saveModel"));
    private final Button playButton = new Button(t("player.play")), cancelExport = new Button(t("common.cancel"));
    private final Slider seek = new Slider(0, 1, 0), opacity = new Slider(0, 1, 0.45);
    private final ToggleButton reverse = new ToggleButton(t("player.reverse"));
    private final CheckBox loop = new CheckBox(t("player.loop"));
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final MenuButton recentMenu = new MenuButton(t("player.recentVideos"));
    private s3dx.app.files.RecentFiles recentVideos;
    private final Spinner<Integer> clip = new Spinner<>(2, 64, 16), step = new Spinner<>(1, 8, 1), stride = new Spinner<>(1, 64, 8),
            average = new Spinner<>(1, 16, 1);
    private final PredictionEngine engine;
    private final ExecutorService background = Workers.single("s3dx-model-loader", Workers.Load.HEAVY);
    private final TreeMap<Long, Prediction> timeline = new TreeMap<>();
    private final AtomicReference<Playback.Shown> pendingFrame = new AtomicReference<>();
    private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Prediction> shown = new ReadOnlyObjectWrapper<>();
    private final List<ModelChoice> demos;
    private Playback playback;
    private Path video;
    private WindowPredictor predictor;
    private Preprocessing preprocessing;
    private long currentFrame;
    private long predictionsReceived;
    private Task<?> export;
    private boolean seeking;

    public PlayerView(ObservableValue<Design> design, Path assets) {
        this.design = design;
        this.assets = assets;
        this.demos = ModelChoice.demos(assets == null ? null : assets.resolve("models"));
        this.overview = new GateOverview(s -> scopeBox.setValue(s));
        this.engine = new PredictionEngine(r -> Platform.runLater(() -> accept(r)),
                msg -> Platform.runLater(() -> status.setText(msg)));
        getStyleClass().add("player");
        getStylesheets().add(PlayerView.class.getResource("/s3dx/app/player/player.css").toExternalForm());
        setTop(new VBox(toolbar(), banner));
        banner.getStyleClass().add("untrained-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.5);
        setCenter(split);
        HBox bottom = new HBox(10, status, spacer(), exportProgress, cancelExport);
        bottom.getStyleClass().add("player-status");
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);
        exportProgress.setVisible(false);
        cancelExport.setVisible(false);
        cancelExport.setOnAction(e -> {
            if (export != null) export.cancel();
        });
        dragAndDrop();
        frameTimer().start();
        modelChoices();
        if (design != null) {
            PauseTransition debounce = new PauseTransition(Duration.millis(600));
            debounce.setOnFinished(e -> autoModel());
            design.addListener((o, a, b) -> debounce.playFromStart());
        }
        autoModel();
    }

    // ---- layout ----

    private Node toolbar() {
        Button open = new Button(t("player.openVideo"));
        open.setOnAction(e -> chooseVideo());
        MenuButton clips = new MenuButton(t("player.demoClips"));
        for (Path p : Assets.clips(assets)) {
            MenuItem m = new MenuItem(Fmt.clipLabel(p));
            m.setOnAction(e -> open(p));
            clips.getItems().add(m);
        }
        clips.setDisable(clips.getItems().isEmpty());
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        Button openModel = new Button(t("player.openModel"));
        openModel.setOnAction(e -> chooseModel());
        modelProgress.setPrefWidth(90);
        modelProgress.setVisible(false);
        Label m = new Label(t("player.model"));
        m.getStyleClass().add("toolbar-label");
        cancelModel.setOnAction(e -> cancelModelLoad());
        cancelModel.setVisible(false);
        cancelModel.managedProperty().bind(cancelModel.visibleProperty());
        HBox bar = new HBox(8, open, clips, recentMenu, new Separator(Orientation.VERTICAL), m, modelBox, openModel, modelProgress, cancelModel, modelStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("player-toolbar");
        return bar;
    }

    private Node left() {
        VBox.setVgrow(frame, Priority.ALWAYS);
        Button back = new Button("< 1"), fwd = new Button("1 >");
        back.setTooltip(new Tooltip(t("player.prevFrame")));
        fwd.setTooltip(new Tooltip(t("player.nextFrame")));
        back.setOnAction(e -> stepFrames(-1));
        fwd.setOnAction(e -> stepFrames(1));
        playButton.setOnAction(e -> togglePlay());
        playButton.setMinWidth(60);
        chart.setMinHeight(150);
        heatmap.setMinHeight(150);
        overview.setMinHeight(220);
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.valueProperty().addListener((o, a, b) -> {
            if (!seeking && playback != null && seek.isValueChanging() || !seeking && playback != null && Math.abs(b.doubleValue() - currentFrame) >= 1) {
                playback.seek(Math.round(b.doubleValue()));
            }
        });
        time.setMinWidth(110);
        HBox transport = new HBox(6, back, playButton, fwd, seek, time);
        transport.setAlignment(Pos.CENTER_LEFT);

        speed.getItems().addAll(0.25, 0.5, 1.0, 1.5, 2.0);
        speed.setValue(1.0);
        speed.setConverter(new javafx.util.StringConverter<>() {
            public String toString(Double d) { return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.intValue()) : d.toString()) + "×"; }
            public Double fromString(String s) { return Double.valueOf(s.replace("×", "")); }
        });
        speed.valueProperty().addListener((o, a, b) -> { if (playback != null) playback.setSpeed(b); });
        loop.setSelected(true);
        loop.selectedProperty().addListener((o, a, b) -> { if (playback != null) playback.setLoop(b); });
        reverse.getStyleClass().add("reverse-toggle");
        reverse.setTooltip(new Tooltip(t("player.reverse.tip")));
        reverse.selectedProperty().addListener((o, a, b) -> windowingChanged());
        for (Spinner<Integer> s : List.of(clip, step, stride, average)) {
            s.setPrefWidth(68);
            s.setEditable(true);
        }
        clip.valueProperty().addListener((o, a, b) -> clipChanged());
        step.valueProperty().addListener((o, a, b) -> windowingChanged());
        stride.valueProperty().addListener((o, a, b) -> windowingChanged());
        average.valueProperty().addListener((o, a, b) -> refresh());
        HBox playRow = new HBox(8, label(t("player.speed")), speed, loop, reverse);
        playRow.setAlignment(Pos.CENTER_LEFT);
        HBox windowRow = new HBox(6, label(t("player.clipT")), clip, label(t("player.step")), step, label(t("player.stride")), stride, label(t("player.averageLast")), average, label(t("player.windows")));
        windowRow.setAlignment(Pos.CENTER_LEFT);

        blockBox.setPromptText(t("player.energyMap"));
        blockBox.valueProperty().addListener((o, a, b) -> refresh());
        opacity.valueProperty().addListener((o, a, b) -> frame.overlayOpacityProperty().set(b.doubleValue()));
        opacity.setPrefWidth(120);
        CheckBox overlayOn = new CheckBox(t("player.energyOverlay"));
        overlayOn.setSelected(true);
        opacity.disableProperty().bind(overlayOn.selectedProperty().not());
        overlayOn.selectedProperty().addListener((o, a, b) -> frame.overlayOpacityProperty().set(b ? opacity.getValue() : 0));
        HBox overlayRow = new HBox(8, overlayOn, blockBox, label(t("player.opacity")), opacity);
        overlayRow.setAlignment(Pos.CENTER_LEFT);

        Button exportVideo = new Button(t("player.exportVideo")), exportCsv = new Button(t("player.exportCsv"));
        exportVideo.setOnAction(e -> exportVideo());
        exportCsv.setOnAction(e -> exportCsv());
        saveModel.setOnAction(e -> chooseModelFile());
        saveModel.setDisable(true);
        HBox exportRow = new HBox(8, exportVideo, exportCsv, saveModel);

        VBox box = new VBox(8, frame, transport, playRow, windowRow, overlayRow, exportRow);
        box.getStyleClass().add("player-left");
        box.setPadding(new Insets(10));
        return box;
    }

    private Node right() {
        scopeBox.setPromptText(t("player.gatedScope"));
        scopeBox.valueProperty().addListener((o, a, b) -> refresh());
        VBox.setVgrow(overview, Priority.ALWAYS);
        windowLabel.getStyleClass().add("window-label");
        VBox box = new VBox(8,
                title(t("player.top5")), windowLabel, bars,
                title(t("player.probabilities")), chart,
                new HBox(8, title(t("player.gateValues")), spacer(), scopeBox), heatmap,
                title(t("player.allGates")), overview);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("player-right");
        return box;
    }

    private static Label title(String s) {
        return Fmt.styled(s, "section-title");
    }

    private static Label label(String s) {
        return Fmt.styled(s, "control-label");
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- video ----

    private void chooseVideo() {
        FileChooser fc = new FileChooser();
        fc.setTitle(t("player.openVideoTitle"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("player.filter.videos"), Assets.VIDEO_EXTENSIONS.stream().map(e -> "*" + e).toList()),
                new FileChooser.ExtensionFilter(t("player.filter.all"), "*.*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) open(f.toPath());
    }

    private void dragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                Path p = e.getDragboard().getFiles().get(0).toPath();
                if (p.toString().toLowerCase(Locale.ROOT).endsWith(".onnx") || ModelChoice.isCheckpoint(p)) useModel(ModelChoice.forFile(p, clip.getValue()));
                else open(p);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Opens a video (paused at its first frame). */
    /** Keeps the videos this player opens in {@code list}, offered under "Recent videos". */
    public void rememberVideosIn(s3dx.app.files.RecentFiles list) {
        recentVideos = list;
        fillRecent();
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        if (recentVideos != null) {
            for (Path p : recentVideos.list()) {
                MenuItem m = new MenuItem(p.getFileName().toString());
                m.setOnAction(e -> open(p));
                recentMenu.getItems().add(m);
            }
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    public MenuButton recentMenu() {
        return recentMenu;
    }

    public void open(Path file) {
        if (playback != null) playback.close();
        playback = null;
        try {
            playback = new Playback(file, s -> pendingFrame.set(s), msg -> Platform.runLater(() -> status.setText(msg)));
        } catch (s3dx.video.VideoException e) {
            status.setText(ErrorText.of(e));
            return;
        }
        video = file;
        if (recentVideos != null) {
            recentVideos.add(file);
            fillRecent();
        }
        playback.setLoop(loop.isSelected());
        playback.setSpeed(speed.getValue());
        seeking = true;
        seek.setMax(Math.max(1, playback.frameCount() - 1));
        seek.setValue(0);
        seeking = false;
        currentFrame = 0;
        clearTimeline();
        engine.setVideo(file);
        playButton.setText(t("player.play"));
        var i = playback.info();
        status.setText(t("player.videoInfo", file.getFileName(), i.width(), i.height(),
                playback.fps(), playback.frameCount()));
        refresh();
    }

    public void play() {
        if (playback == null) return;
        playback.play();
        playButton.setText(t("player.pause"));
    }

    public void pause() {
        if (playback == null) return;
        playback.pause();
        playButton.setText(t("player.play"));
    }

    /** Opens the demo clip {@code name} (file name without its extension) if there is one. */
    public boolean openClip(String name) {
        for (Path p : Assets.clips(assets)) {
            if (Fmt.stem(p).equals(name)) {
                open(p);
                return true;
            }
        }
        return false;
    }

    public boolean isPlaying() {
        return playback != null && playback.isPlaying();
    }

    /** The model now loading or in use. */
    public ModelChoice modelChoice() {
        return loadingOrLoaded;
    }

    public void togglePlay() {
        if (playback != null && playback.isPlaying()) pause();
        else play();
    }

    private void stepFrames(int d) {
        if (playback == null) return;
        playback.step(d);
        playButton.setText(t("player.play"));
    }

    public void seekTo(long f) {
        if (playback != null) playback.seek(f);
    }

    private AnimationTimer frameTimer() {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                Playback.Shown s = pendingFrame.getAndSet(null);
                if (s == null) return;
                frame.show(s.frame());
                currentFrame = s.index();
                seeking = true;
                seek.setValue(currentFrame);
                seeking = false;
                time.setText(String.format(Locale.ROOT, "%.2f s  ·  #%d", currentFrame / playback.fps(), currentFrame));
                if (!playback.isPlaying()) playButton.setText(t("player.play"));
                requestPrediction();
                if (now - lastRefresh > 100_000_000L) refresh();   // the charts follow the playhead at 10 Hz
            }
        };
    }

    // ---- model ----

    private void modelChoices() {
        modelBox.getItems().setAll(demos);
        modelBox.setOnAction(e -> {
            ModelChoice c = modelBox.getValue();
            if (c != null && c != loadingOrLoaded) useModel(c);
        });
    }

    private ModelChoice loadingOrLoaded, installed;
    private Task<OnnxSession> modelTask;

    private void autoModel() {
        if (background.isShutdown()) return;
        // A model the user opened stays until they choose another; design changes do not replace it.
        if (loadingOrLoaded != null && (loadingOrLoaded.kind() == ModelChoice.Kind.FILE || loadingOrLoaded.kind() == ModelChoice.Kind.IMPORTED)) return;
        Design d = design == null ? null : design.getValue();
        if (loadingOrLoaded != null && loadingOrLoaded.kind() == ModelChoice.Kind.TRAINED && d != null
                && ModelChoice.sameArchitecture(loadingOrLoaded.design(), d)) return;
        var demo = ModelChoice.matching(demos, d);
        if (demo.isPresent()) useModel(demo.get());
        else if (d != null) useModel(ModelChoice.untrained(d, clip.getValue()));
        else if (!demos.isEmpty()) useModel(demos.get(0));
    }

    private void chooseModel() {
        FileChooser fc = new FileChooser();
        fc.setTitle(t("player.openModelTitle"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("player.filter.models"), "*.onnx", "*.pth", "*.pt"),
                new FileChooser.ExtensionFilter(t("player.filter.onnx"), "*.onnx"),
                new FileChooser.ExtensionFilter(t("player.filter.checkpoint"), "*.pth", "*.pt"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) useModel(ModelChoice.forFile(f.toPath(), clip.getValue()));
    }

    /** Lists a model without switching to it (a trained model just saved): one file model at a time besides the one in use. */
    public void offerModel(ModelChoice choice) {
        if (background.isShutdown() || modelBox.getItems().contains(choice)) return;
        modelBox.getItems().removeIf(c -> c.kind() == choice.kind() && c.kind() != ModelChoice.Kind.DEMO && c != loadingOrLoaded);
        modelBox.getItems().add(choice);
    }

    public List<ModelChoice> modelList() {
        return List.copyOf(modelBox.getItems());
    }

    /** Builds the model in the background; the player keeps going with the old one until it is ready. */
    public void useModel(ModelChoice choice) {
        if (background.isShutdown()) return;
        loadingOrLoaded = choice;
        if (!modelBox.getItems().contains(choice)) {
            modelBox.getItems().removeIf(c -> c.kind() == choice.kind() && c.kind() != ModelChoice.Kind.DEMO);
            modelBox.getItems().add(choice);
        }
        modelBox.setValue(choice);
        if (modelTask != null) modelTask.cancel(false);
        // The opened session passes through here: whoever takes it (the player, or a cancel) closes it, once.
        AtomicReference<OnnxSession> opened = new AtomicReference<>();
        Task<OnnxSession> t = new Task<>() {
            @Override
            protected OnnxSession call() throws Exception {
                updateMessage(choice.untrained() ? t("player.building", choice.design().frames())
                        : choice.kind() == ModelChoice.Kind.IMPORTED ? t("player.importing", choice.file().getFileName(), choice.design().frames())
                        : t("player.loading", choice.name()));
                OnnxSession s = choice.open();
                opened.set(s);
                if (isCancelled() && opened.compareAndSet(s, null)) s.close();
                return s;
            }
        };
        modelTask = t;
        modelProgress.setVisible(true);
        cancelModel.setVisible(true);
        modelProgress.progressProperty().bind(t.progressProperty());
        modelStatus.textProperty().bind(t.messageProperty());
        modelReady.set(false);
        t.setOnSucceeded(e -> {
            OnnxSession s = opened.getAndSet(null);
            if (s == null) return;
            if (choice != loadingOrLoaded) {
                s.close();
                return;
            }
            modelLoadEnded(null);
            installModel(choice, s);
        });
        t.setOnFailed(e -> {
            if (choice == loadingOrLoaded) modelLoadEnded(t("player.modelFailed", ErrorText.of(t.getException())));
        });
        t.setOnCancelled(e -> {
            OnnxSession s = opened.getAndSet(null);
            if (s != null) s.close();
        });
        background.execute(t);
    }

    /** Stops loading a model: the player goes on with the one it has. */
    public void cancelModelLoad() {
        if (modelTask == null || modelTask.isDone()) return;
        modelTask.cancel(false);
        loadingOrLoaded = installed;
        modelBox.setValue(installed);
        modelReady.set(installed != null);
        modelLoadEnded(t("player.modelCancelled"));
    }

    private void modelLoadEnded(String message) {
        modelStatus.textProperty().unbind();
        modelProgress.setVisible(false);
        cancelModel.setVisible(false);
        if (message != null) modelStatus.setText(message);
    }

    private void installModel(ModelChoice choice, OnnxSession s) {
        WindowPredictor p;
        try {
            p = WindowPredictor.of(s);
        } catch (RuntimeException ex) {
            s.close();
            modelStatus.setText(t("player.modelFailed", ErrorText.of(ex)));
            return;
        }
        installed = choice;
        saveModel.setDisable(!choice.savable());
        predictor = p;
        preprocessing = p.preprocessing();
        long t = s.inputShape()[2];
        boolean untrained = choice.untrained() || s.info().map(i -> UntrainedModel.BANNER.equals(i.description())).orElse(false);
        banner.setText("⚠  " + t("player.untrainedBanner"));
        banner.setVisible(untrained);
        modelStatus.setText(t("player.modelStatus", choice.name(), t > 0 ? t : "T",
                preprocessing.cropSize(), preprocessing.cropSize(), p.labels().size()));
        if (t > 0 && clip.getValue() != t) {
            ignoreClip = true;
            clip.getValueFactory().setValue((int) t);
            ignoreClip = false;
        }
        engine.setWindowing(windowing());
        engine.setModel(s, p);
        clearTimeline();
        modelReady.set(true);
        requestPrediction();
        refresh();
    }

    private boolean ignoreClip;

    private void clipChanged() {
        if (ignoreClip) return;
        if (loadingOrLoaded != null && loadingOrLoaded.untrained()) {
            useModel(ModelChoice.untrained(loadingOrLoaded.design(), clip.getValue()));
        } else if (preprocessing != null && predictor != null) {
            windowingChanged();
        }
    }

    // ---- predictions ----

    public Windowing windowing() {
        return new Windowing(clip.getValue(), step.getValue(), stride.getValue(), reverse.isSelected());
    }

    private void windowingChanged() {
        engine.setWindowing(windowing());
        clearTimeline();
        requestPrediction();
        refresh();
    }

    private long currentStart() {
        return Math.max(0, windowing().latestStartEndingAt(currentFrame));
    }

    private void requestPrediction() {
        if (playback == null || predictor == null) return;
        long start = currentStart();
        Prediction known = timeline.get(start);
        if (known == null) engine.request(start);
        else if (known.energy().isEmpty()) engine.requestAgain(start); // its overlay was dropped to save memory
    }

    /**
     * The timeline keeps every window's probabilities and gates, but energy maps (up to megabytes a window at
     * full size) only for the windows received last, so that memory stays flat however long the video.
     */
    static final int WINDOWS_WITH_ENERGY = 64;
    private final java.util.ArrayDeque<Long> withEnergy = new java.util.ArrayDeque<>();

    private void clearTimeline() {
        timeline.clear();
        withEnergy.clear();
    }

    private void accept(PredictionEngine.Result r) {
        if (r.generation() != engine.generation()) return;
        long start = r.prediction().startFrame();
        timeline.put(start, r.prediction());
        withEnergy.remove(start);
        withEnergy.addLast(start);
        while (withEnergy.size() > WINDOWS_WITH_ENERGY) {
            Prediction old = timeline.get(withEnergy.removeFirst());
            if (old != null) timeline.put(old.startFrame(), old.withoutEnergy());
        }
        predictionsReceived++;
        refresh();
    }

    private long lastRefresh;

    private void refresh() {
        lastRefresh = System.nanoTime();
        List<Prediction> sorted = new ArrayList<>(timeline.values());
        Map.Entry<Long, Prediction> e = timeline.floorEntry(currentStart());
        Prediction p = e == null ? null : e.getValue();
        shown.set(p);
        bars.show(p == null ? null : averaged(p));
        windowLabel.setText(p == null ? (predictor == null ? t("player.noModelYet") : t("player.waitingFirst"))
                : t("player.windowLabel", p.startFrame(), p.endFrame() - 1, p.startSeconds(),
                p.endSeconds(), p.reversed() ? "  ·  " + t("player.fedReversed") : "", average.getValue() > 1 ? "  ·  " + t("player.averagedOver", average.getValue()) : ""));
        double fps = playback == null ? 25 : playback.fps();
        chart.show(sorted, playback == null ? 1 : playback.frameCount() / fps, currentFrame / fps);
        if (p != null) {
            syncChoices(scopeBox, p.gates().keySet());
            syncChoices(blockBox, p.energy().keySet());
        }
        heatmap.show(scopeBox.getValue(), sorted, p == null ? -1 : p.startFrame());
        overview.show(p, scopeBox.getValue());
        Tensor energy = p == null || blockBox.getValue() == null ? null : p.energy().get(blockBox.getValue());
        frame.setEnergy(energy, energy == null ? 0 : ExportTasks.energySlice(p, energy, currentFrame), preprocessing);
    }

    private static void syncChoices(ComboBox<String> box, java.util.Set<String> keys) {
        if (!box.getItems().equals(new ArrayList<>(keys))) {
            String v = box.getValue();
            box.getItems().setAll(keys);
            if (v != null && keys.contains(v)) box.setValue(v);
            else if (!keys.isEmpty()) box.setValue(keys.contains("Mixed_4b/Branch_1") ? "Mixed_4b/Branch_1"
                    : keys.contains("Mixed_4f") ? "Mixed_4f" : box.getItems().get(box.getItems().size() / 2));
        }
    }

    /** Probabilities averaged over the last N windows up to {@code p}, ranked. */
    private List<Ranked> averaged(Prediction p) {
        int n = average.getValue();
        if (n <= 1) return p.top(TOP);
        float[] sum = new float[p.probs().length];
        int k = 0;
        for (Prediction q : timeline.headMap(p.startFrame(), true).descendingMap().values()) {
            if (k++ >= n) break;
            for (int c = 0; c < sum.length; c++) sum[c] += q.probs()[c] / Math.min(n, timeline.headMap(p.startFrame(), true).size());
        }
        return new Prediction(p.startFrame(), p.endFrame(), p.startSeconds(), p.endSeconds(), p.reversed(), sum, p.labels(),
                Map.of(), Map.of()).top(TOP);
    }

    // ---- export ----

    private void exportVideo() {
        if (!ready()) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(Fmt.stem(video) + "_annotated.mp4");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) runExport(ExportTasks.annotatedVideo(predictor, video, windowing(), blockBox.getValue(),
                frame.overlayOpacityProperty().get(), f.toPath()));
    }

    private void exportCsv() {
        if (!ready()) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(Fmt.stem(video) + "_timeline.csv");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) runExport(ExportTasks.csv(predictor, video, windowing(), f.toPath()));
    }

    private void chooseModelFile() {
        if (installed == null || !installed.savable()) return;
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("player.filter.onnx"), "*.onnx"));
        fc.setInitialFileName(installed.kind() == ModelChoice.Kind.IMPORTED
                ? Fmt.stem(installed.file()) + "_" + installed.design().frames() + "x224x224.onnx"
                : s3dx.train.TrainModels.fileName(installed.design()));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) runExport(saveModelTask(installed, f.toPath()));
    }

    /** Writes {@code m} (imported or trained in the app) as an ONNX file; run it with {@link #runExport}. */
    public Task<Path> saveModelTask(ModelChoice m, Path out) {
        return new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(t("player.savingModel", out.getFileName()));
                m.save(out);
                return out;
            }
        };
    }

    private boolean ready() {
        if (video == null || predictor == null) {
            status.setText(t("player.notReady"));
            return false;
        }
        return true;
    }

    /** Runs an export task with progress and cancel in the status bar. */
    public void runExport(Task<Path> t) {
        if (export != null && export.isRunning()) export.cancel();
        export = t;
        exportProgress.progressProperty().bind(t.progressProperty());
        exportProgress.setVisible(true);
        cancelExport.setVisible(true);
        status.textProperty().bind(t.messageProperty());
        Runnable done = () -> {
            status.textProperty().unbind();
            exportProgress.setVisible(false);
            cancelExport.setVisible(false);
        };
        t.setOnSucceeded(e -> { done.run(); status.setText(t("player.wrote", t.getValue())); });
        t.setOnCancelled(e -> { done.run(); status.setText(t("status.exportCancelled")); });
        t.setOnFailed(e -> { done.run(); status.setText(t("status.exportFailed", ErrorText.of(t.getException()))); });
        Workers.start(t, "s3dx-export", Workers.Load.HEAVY);
    }

    // ---- for tests, the bench and the main window ----

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return modelReady.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prediction> shownPredictionProperty() {
        return shown.getReadOnlyProperty();
    }

    public BooleanProperty reverseProperty() {
        return reverse.selectedProperty();
    }

    public Spinner<Integer> strideSpinner() {
        return stride;
    }

    public CheckBox loopBox() {
        return loop;
    }

    /** The predictions so far, by window start (FX thread). */
    public TreeMap<Long, Prediction> timeline() {
        return new TreeMap<>(timeline);
    }

    public long predictionsReceived() {
        return predictionsReceived;
    }

    public PredictionEngine engine() {
        return engine;
    }

    public TopKBars bars() {
        return bars;
    }

    public GateHeatmap heatmap() {
        return heatmap;
    }

    public ComboBox<String> scopeBox() {
        return scopeBox;
    }

    public ComboBox<String> energyBlockBox() {
        return blockBox;
    }

    public WindowPredictor predictor() {
        return predictor;
    }

    public Path video() {
        return video;
    }

    public Button saveModelButton() {
        return saveModel;
    }

    /** The status line under the video (errors opening or exporting it). */
    public String statusText() {
        return status.getText();
    }

    /** The line that says which model runs, or why none could be loaded. */
    /** The model the player runs now (null before the first has loaded). */
    public ModelChoice loadedModel() {
        return installed;
    }

    public String modelStatusText() {
        return modelStatus.getText();
    }

    public long currentFrame() {
        return currentFrame;
    }

    /** Stops decoding and inference threads. */
    public void dispose() {
        if (playback != null) playback.close();
        engine.close();
        background.shutdownNow();
        Workers.awaitNativeWork(background);
    }
}
