package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
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
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import s3dx.app.ui.Fmt;
import s3dx.app.ui.FrameView;
import s3dx.app.ui.JobStatus;
import s3dx.app.ui.ProblemDialog;
import s3dx.app.ui.TopKBars;
import s3dx.app.video.ModelChoice;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.net.Design;
import s3dx.tensor.Tensor;

/**
 * The video player with live predictions: draws a {@link PlayerModel} (video, playhead, model, timeline) and turns
 * the user's clicks into calls on it. Exports run as jobs in the status line at the bottom.
 */
public final class PlayerView extends BorderPane {
    private static final int TOP = 5;
    private final PlayerModel model;
    private final FrameView frame = new FrameView();
    private final TopKBars bars = new TopKBars(TOP);
    private final TimelineChart chart = new TimelineChart();
    private final GateHeatmap heatmap = new GateHeatmap();
    private final GateOverview overview;
    private final ComboBox<String> scopeBox = new ComboBox<>(), blockBox = new ComboBox<>();
    private final Label banner = new Label(), time = new Label("—"), windowLabel = new Label();
    private final JobStatus modelJob = new JobStatus(), status = new JobStatus();
    private final Button saveModel = new Button(t("player.saveModel"));
    private final MenuButton recentMenu = new MenuButton(t("player.recentVideos"));
    private final Slider seek = new Slider(0, 1, 0), opacity = new Slider(0, 1, 0.45);
    private final EvidencePane evidence;
    private final PlayerFiles files;
    private long lastRefresh;
    private boolean syncingSeek;

    /** A player following {@code design} (null: none) with the demo models and clips under {@code assets}. */
    public PlayerView(ObservableValue<Design> design, Path assets) {
        this(new PlayerModel(design, assets));
    }

    public PlayerView(PlayerModel model) {
        this.model = model;
        this.files = new PlayerFiles(model, this::window);
        this.overview = new GateOverview(scopeBox::setValue);
        this.evidence = new EvidencePane(model, this::runExport);
        evidence.overlayProperty().addListener((o, a, e) -> showWindow());
        setId("player");
        getStyleClass().add("player");
        getStylesheets().add(PlayerView.class.getResource("/s3dx/app/player/player.css").toExternalForm());
        banner.getStyleClass().add("untrained-banner");
        banner.setText("⚠  " + t("player.untrainedBanner"));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.visibleProperty().bind(model.untrainedProperty().and(model.modelReadyProperty()));
        setTop(new VBox(toolbar(), banner));
        // in large type the controls need more height than the window has: the left side scrolls, and the video
        // keeps a usable height rather than shrinking to a strip
        ScrollPane leftScroll = new ScrollPane(left());
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().add("player-left-scroll");
        SplitPane split = new SplitPane(leftScroll, right());
        split.setDividerPositions(0.5);
        setCenter(split);
        status.setId("player-status");
        status.getStyleClass().add("player-status");
        model.statusProperty().addListener((o, a, s) -> status.say(s));
        setBottom(status);
        model.setOnProblem((header, text) -> ProblemDialog.show(this, header, text));
        model.frameProperty().addListener((o, a, f) -> showFrame());
        model.timelineVersionProperty().addListener((o, a, v) -> refresh());
        model.shownPredictionProperty().addListener((o, a, p) -> showWindow());
        model.videoProperty().addListener((o, a, v) -> fillRecent());
        model.recentVideosProperty().addListener((o, a, v) -> fillRecent());
        refresh();
    }

    public PlayerModel model() {
        return model;
    }

    // ---- layout ----

    private Node toolbar() {
        Button open = new Button(t("player.openVideo"));
        open.setOnAction(e -> files.openVideo());
        MenuButton clips = new MenuButton(t("player.demoClips"), null, files.demoClipItems().toArray(MenuItem[]::new));
        clips.setDisable(clips.getItems().isEmpty());
        recentMenu.setId("recent-videos");
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        Button openModel = new Button(t("player.openModel"));
        openModel.setOnAction(e -> files.openModel());
        Label m = new Label(t("player.model"));
        m.getStyleClass().add("toolbar-label");
        Node status = modelLine();
        FlowPane bar = wrapping(open, clips, recentMenu, new Separator(Orientation.VERTICAL), pair(m, modelBox()), openModel, status);
        bar.getStyleClass().add("player-toolbar");
        // wraps at the player's width, so that the top of the player is as tall as the rows it needs
        bar.prefWrapLengthProperty().bind(widthProperty().subtract(24));
        // the model's status line is the one part that may shorten ("…"): never wider than the bar
        modelJob.setMinWidth(0);
        modelJob.maxWidthProperty().bind(bar.widthProperty().subtract(bar.getInsets().getLeft() + bar.getInsets().getRight() + 4));
        return bar;
    }

    /** The model menu: the model loading or in use; choosing one loads it. */
    private ChoiceBox<ModelChoice> modelBox() {
        ChoiceBox<ModelChoice> box = new ChoiceBox<>(model.models());
        box.setId("player-model");
        box.setConverter(new StringConverter<>() {
            public String toString(ModelChoice c) { return c == null ? "" : c.name(); }
            public ModelChoice fromString(String s) { return null; }
        });
        box.setValue(model.loader().wantedProperty().get());
        model.loader().wantedProperty().addListener((o, a, c) -> box.setValue(c));
        box.setOnAction(e -> {
            ModelChoice c = box.getValue();
            if (c != null && c != model.loader().wantedProperty().get()) model.useModel(c);
        });
        return box;
    }

    /** Which model runs, or how its load is going (with Cancel). */
    private Node modelLine() {
        modelJob.setId("player-model-status");
        modelJob.getStyleClass().add("inline-job");
        modelJob.textProperty().bind(model.modelStatusProperty());
        model.loader().jobProperty().addListener((o, a, job) -> modelJob.follow(job, model::cancelModelLoad));
        if (model.loader().jobProperty().get() != null) modelJob.follow(model.loader().jobProperty().get(), model::cancelModelLoad);
        return modelJob;
    }

    /**
     * A row of controls that wraps onto the next line where the panel is too narrow (large type in presentation
     * mode), rather than cutting the controls' words to "…".
     */
    private static FlowPane wrapping(Node... nodes) {
        FlowPane row = new FlowPane(8, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        return row;
    }

    /** Controls that stay together on one line of a {@link #wrapping} row (a label and its field). */
    private static HBox pair(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node left() {
        VBox.setVgrow(frame, Priority.ALWAYS);
        frame.setMinHeight(240);
        Button back = new Button("< 1"), fwd = new Button("1 >"), play = new Button();
        back.setTooltip(new Tooltip(t("player.prevFrame")));
        fwd.setTooltip(new Tooltip(t("player.nextFrame")));
        back.setOnAction(e -> model.stepFrames(-1));
        fwd.setOnAction(e -> model.stepFrames(1));
        play.textProperty().bind(Bindings.when(model.playingProperty()).then(t("player.pause")).otherwise(t("player.play")));
        play.setOnAction(e -> model.togglePlay());
        play.setMinWidth(60);
        chart.setMinHeight(150);
        heatmap.setMinHeight(150);
        overview.setMinHeight(220);
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.valueProperty().addListener((o, a, b) -> {
            if (!syncingSeek && (seek.isValueChanging() || Math.abs(b.doubleValue() - model.currentFrameProperty().get()) >= 1)) {
                model.seekTo(Math.round(b.doubleValue()));
            }
        });
        model.videoProperty().addListener((o, a, v) -> syncSeek(0));
        time.setMinWidth(110);
        HBox transport = new HBox(6, back, play, fwd, seek, time);
        transport.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.getItems().addAll(0.25, 0.5, 1.0, 1.5, 2.0);
        speed.setConverter(new StringConverter<>() {
            public String toString(Double d) { return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.intValue()) : d.toString()) + "×"; }
            public Double fromString(String s) { return Double.valueOf(s.replace("×", "")); }
        });
        speed.setValue(model.speed.get());
        speed.valueProperty().addListener((o, a, b) -> model.speed.set(b));
        CheckBox loop = new CheckBox(t("player.loop"));
        loop.setId("player-loop");
        loop.selectedProperty().bindBidirectional(model.loop);
        ToggleButton reverse = new ToggleButton(t("player.reverse"));
        reverse.setId("player-reverse");
        reverse.getStyleClass().add("reverse-toggle");
        reverse.setTooltip(new Tooltip(t("player.reverse.tip")));
        reverse.selectedProperty().bindBidirectional(model.reversed);
        FlowPane playRow = wrapping(pair(label(t("player.speed")), speed), loop, reverse);
        FlowPane windowRow = wrapping(pair(label(t("player.clipT")), spinner(model.clipLength, 2, 64)), pair(label(t("player.step")), spinner(model.step, 1, 8)),
                pair(label(t("player.stride")), spinner(model.stride, 1, 64)),
                pair(label(t("player.averageLast")), spinner(model.average, 1, 16), label(t("player.windows"))));

        blockBox.setPromptText(t("player.energyMap"));
        blockBox.setId("player-energy-block");
        blockBox.valueProperty().addListener((o, a, b) -> refresh());
        opacity.setPrefWidth(120);
        CheckBox overlayOn = new CheckBox(t("player.energyOverlay"));
        overlayOn.setSelected(true);
        opacity.disableProperty().bind(overlayOn.selectedProperty().not());
        frame.overlayOpacityProperty().bind(Bindings.when(overlayOn.selectedProperty()).then(opacity.valueProperty()).otherwise(0.0));
        FlowPane overlayRow = wrapping(overlayOn, blockBox, pair(label(t("player.opacity")), opacity));

        Button exportVideo = new Button(t("player.exportVideo")), exportCsv = new Button(t("player.exportCsv"));
        exportVideo.setOnAction(e -> exportVideo());
        exportCsv.setOnAction(e -> exportCsv());
        saveModel.setId("player-save-model");
        saveModel.setOnAction(e -> chooseModelFile());
        saveModel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.loader().installedProperty().get() == null || !model.loader().installedProperty().get().savable(),
                model.loader().installedProperty()));
        FlowPane exportRow = wrapping(exportVideo, exportCsv, saveModel);

        VBox box = new VBox(8, frame, evidence.strip(), transport, playRow, windowRow, overlayRow, evidence.controls(), evidence.tableNode(), exportRow);
        box.getStyleClass().add("player-left");
        box.setPadding(new Insets(10));
        return box;
    }

    private static Spinner<Integer> spinner(IntegerProperty value, int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.getEditor().setPrefColumnCount(4);   // room for three digits at any type size
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    private Node right() {
        scopeBox.setPromptText(t("player.gatedScope"));
        scopeBox.setId("player-gate-scope");
        scopeBox.valueProperty().addListener((o, a, b) -> refresh());
        VBox.setVgrow(overview, Priority.ALWAYS);
        windowLabel.getStyleClass().add("window-label");
        bars.setId("player-top5");
        heatmap.setId("player-gate-heatmap");
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

    // ---- drawing ----

    /** Moves the seek bar without seeking (a new video, the playhead moving). */
    private void syncSeek(long f) {
        syncingSeek = true;
        seek.setMax(Math.max(1, model.frameCountProperty().get() - 1));
        seek.setValue(f);
        syncingSeek = false;
    }

    private void showFrame() {
        frame.show(model.frameProperty().get());
        long f = model.currentFrameProperty().get();
        syncSeek(f);
        time.setText(String.format(Locale.ROOT, "%.2f s  ·  #%d", f / model.fps(), f));
        if (System.nanoTime() - lastRefresh > 100_000_000L) refresh();   // the charts follow the playhead at 10 Hz
    }

    /** Everything: the shown window and the charts over the timeline. */
    private void refresh() {
        lastRefresh = System.nanoTime();
        List<Prediction> sorted = model.timeline().list();
        Prediction p = model.shownPredictionProperty().get();
        showWindow();
        double fps = model.fps();
        chart.show(sorted, model.frameCountProperty().get() / fps, model.currentFrameProperty().get() / fps);
        heatmap.show(scopeBox.getValue(), sorted, p == null ? -1 : p.startFrame());
        overview.show(p, scopeBox.getValue());
    }

    /** The shown window: its top classes, its caption and its energy map over the frame (cheap: on every change). */
    private void showWindow() {
        Prediction p = model.shownPredictionProperty().get();
        int average = model.average.get();
        bars.show(model.averagedTop(TOP));
        windowLabel.setText(p == null ? (model.predictorProperty().get() == null ? t("player.noModelYet") : t("player.waitingFirst"))
                : t("player.windowLabel", p.startFrame(), p.endFrame() - 1, p.startSeconds(), p.endSeconds(),
                p.reversed() ? "  ·  " + t("player.fedReversed") : "", average > 1 ? "  ·  " + t("player.averagedOver", average) : ""));
        if (p != null) {
            syncChoices(scopeBox, p.gates().keySet());
            syncChoices(blockBox, p.energy().keySet());
        }
        EvidencePane.Overlay e = evidence.overlayProperty().get();
        boolean evidenceShown = p != null && e != null && e.start() == p.startFrame() && e.windowing().equals(model.windowing());
        Tensor energy = evidenceShown ? e.map() : p == null || blockBox.getValue() == null ? null : p.energy().get(blockBox.getValue());
        int slice = energy == null ? 0 : ExportTasks.energySlice(p, energy, model.currentFrameProperty().get());
        frame.setEnergy(energy, slice, model.predictorProperty().get() == null ? null : model.predictorProperty().get().preprocessing());
        evidence.strip().show(evidence.strip().result(), evidenceShown && e.occlusion() ? slice : -1);
    }

    private static void syncChoices(ComboBox<String> box, Set<String> keys) {
        if (!box.getItems().equals(new ArrayList<>(keys))) {
            String v = box.getValue();
            box.getItems().setAll(keys);
            if (v != null && keys.contains(v)) box.setValue(v);
            else if (!keys.isEmpty()) box.setValue(keys.contains("Mixed_4b/Branch_1") ? "Mixed_4b/Branch_1"
                    : keys.contains("Mixed_4f") ? "Mixed_4f" : box.getItems().get(box.getItems().size() / 2));
        }
    }

    // ---- files ----

    /** The player's file commands for the window's File menu: open video, demo clips, recent videos, open model. */
    public List<MenuItem> fileMenuItems() {
        return files.menuItems();
    }

    private void fillRecent() {
        recentMenu.getItems().setAll(files.recentItems());
        recentMenu.setDisable(recentMenu.getItems().get(0).isDisable());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- export ----

    private void exportVideo() {
        Path video = model.videoProperty().get();
        if (!ready()) return;
        PlayerDialogs.save(window(), Fmt.stem(video) + "_annotated.mp4", false).ifPresent(f -> runExport(ExportTasks.annotatedVideo(
                model.predictorProperty().get(), video, model.windowing(), blockBox.getValue(), frame.overlayOpacityProperty().get(), f)));
    }

    private void exportCsv() {
        Path video = model.videoProperty().get();
        if (!ready()) return;
        PlayerDialogs.save(window(), Fmt.stem(video) + "_timeline.csv", false)
                .ifPresent(f -> runExport(ExportTasks.csv(model.predictorProperty().get(), video, model.windowing(), f)));
    }

    private void chooseModelFile() {
        ModelChoice installed = model.loader().installedProperty().get();
        if (installed == null || !installed.savable()) return;
        PlayerDialogs.save(window(), installed.saveName(), true).ifPresent(f -> runExport(saveModelTask(installed, f)));
    }

    /** Writes {@code m} (imported or trained in the app) as an ONNX file; run it with {@link #runExport}. */
    public static Task<Path> saveModelTask(ModelChoice m, Path out) {
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
        if (model.videoProperty().get() == null || model.predictorProperty().get() == null) {
            status.say(t("player.notReady"));
            return false;
        }
        return true;
    }

    /** Runs an export with its progress, message and Cancel in the status line. */
    public void runExport(Task<Path> task) {
        status.run(task, "s3dx-export", p -> t("player.wrote", p), t("status.exportCancelled"), err -> t("status.exportFailed", err));
    }

    /** The status line under the video (video information, errors, exports). */
    public String statusText() {
        return status.getText();
    }

    /** Stops the model's workers. */
    public void dispose() {
        model.dispose();
    }
}
