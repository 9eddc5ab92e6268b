package s3dx.app.classroom;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import s3dx.app.i18n.ErrorText;
import s3dx.app.i18n.I18n;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.app.model.TrainedResults;
import s3dx.app.ui.FrameView;
import s3dx.app.ui.JobStatus;
import s3dx.app.ui.TemporalTable;
import s3dx.app.video.EvidenceJobs;
import s3dx.evidence.EvidenceCsv;
import s3dx.evidence.TemporalProbe;
import java.io.File;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import s3dx.app.video.ModelChoice;
import s3dx.app.video.ModelLoader;
import s3dx.app.video.Playback;
import s3dx.app.video.PredictionEngine;
import s3dx.app.ui.TopKBars;
import s3dx.app.ui.Fmt;
import s3dx.assets.Assets;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.net.DemoSize;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.sweep.SweepResults;
import javafx.beans.property.BooleanProperty;

/**
 * Two designs side by side: each side is a preset or the current design; their costs (from
 * {@link CostReport}) and the difference, and both models' predictions on the same clip as it plays,
 * normal or reversed. Predictions reuse the player's pieces: {@link ModelChoice} picks each side's model
 * (a demo or in-app trained model of that architecture, else seeded untrained weights),
 * {@link PredictionEngine} runs it, {@link TopKBars} shows it.
 */
public final class CompareView extends BorderPane {
    /** A side's choice: a preset, or null for the current design. */
    public static final Preset CURRENT = null;

    /** An item of a side's chooser: a preset, or (null) the current design. */
    public record Choice(Preset preset) {}
    private static final int TOP = 3;
    /** A side's preferred width; the window's extra width goes to both sides alike. */
    private static final double SIDE_WIDTH = 300;

    private final DesignModel model;
    private final Supplier<List<ModelChoice>> models;
    private final Side left, right;
    private final GridPane costs = new GridPane();
    private final TrainedResults trained = TrainedResults.shipped();
    private final FrameView frame = new FrameView();
    private final ChoiceBox<Path> clip = new ChoiceBox<>();
    private final Button play = new Button(t("player.play"));
    private final ToggleButton reverse = new ToggleButton(t("player.reverse"));
    private final Label status = new Label();
    private final Button temporal = new Button(t("compare.temporal")), exportTemporal = new Button(t("compare.temporalExport"));
    private final JobStatus job = new JobStatus();
    private long shownFrame;
    private final AtomicReference<Playback.Shown> pending = new AtomicReference<>();
    private Playback playback;
    private boolean active;

    /** {@code models}: the models with real weights to prefer (demos, trained in the app). */
    public CompareView(DesignModel model, Path assets, Supplier<List<ModelChoice>> models) {
        this.model = model;
        this.models = models;
        setId("compare-view");
        getStyleClass().add("compare");
        left = new Side("left", Preset.I2D);
        right = new Side("right", Preset.S3D_G);
        costs.getStyleClass().add("compare-costs");
        costs.setHgap(18);
        costs.setVgap(6);

        List<Path> plain = Assets.plainClips(assets);
        clip.getItems().setAll(Assets.clips(assets));
        clip.getItems().addAll(plain);
        clip.setConverter(new StringConverter<>() {
            public String toString(Path p) {
                return p == null ? "" : plain.contains(p) ? t("compare.plainClip", Fmt.clipLabel(p)) : Fmt.clipLabel(p);
            }
            public Path fromString(String s) { return null; }
        });
        clip.setId("compare-clip");
        clip.valueProperty().addListener((o, a, p) -> openClip(p));
        play.setOnAction(e -> togglePlay());
        play.setMinWidth(70);
        reverse.selectedProperty().addListener((o, a, b) -> windowingChanged());
        reverse.getStyleClass().add("reverse-toggle");
        HBox transport = new HBox(8, label(t("compare.clip")), clip, play, reverse);
        transport.setAlignment(Pos.CENTER_LEFT);
        frame.setPrefSize(320, 320);
        frame.setMinSize(160, 160);
        temporal.setId("compare-temporal");
        temporal.setTooltip(new Tooltip(t("evidence.temporal.tip")));
        temporal.setOnAction(e -> runTemporal());
        exportTemporal.setId("compare-temporal-export");
        exportTemporal.setDisable(true);
        exportTemporal.setOnAction(e -> exportTemporal());
        job.setId("compare-job");
        job.getStyleClass().add("inline-job");
        HBox evidence = new HBox(8, temporal, exportTemporal);
        evidence.setAlignment(Pos.CENTER_LEFT);
        VBox video = new VBox(8, transport, frame, status, evidence, job);
        VBox.setVgrow(frame, Priority.ALWAYS);
        video.getStyleClass().add("panel");

        // the sides share what the video column leaves, equally, whatever their tables hold; the video column
        // keeps the width its controls need (a filled temporal table once squeezed its clip chooser to "...")
        HBox sides = new HBox(12, left.box, video, right.box);
        for (Side s : List.of(left, right)) {
            s.box.setPrefWidth(SIDE_WIDTH);
            HBox.setHgrow(s.box, Priority.ALWAYS);
        }
        video.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(t("compare.costs"));
        title.getStyleClass().add("panel-title");
        VBox costPanel = new VBox(8, title, costs);
        costPanel.getStyleClass().add("panel");
        VBox body = new VBox(12, costPanel, sides);
        VBox.setVgrow(sides, Priority.ALWAYS);
        body.setPadding(new Insets(12));
        setCenter(body);

        model.designProperty().addListener((o, a, d) -> {
            refreshCosts();
            for (Side s : List.of(left, right)) if (s.preset() == CURRENT) s.designChanged();
        });
        refreshCosts();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                Playback.Shown s = pending.getAndSet(null);
                if (s == null) return;
                frame.show(s.frame());
                shownFrame = s.index();
                if (playback != null && !playback.isPlaying()) play.setText(t("player.play"));
                for (Side side : List.of(left, right)) side.request(s.index());
            }
        }.start();
    }

    // ---- costs ----

    /** The design shown on a side: the preset at the current design's clip, classes and width, or the current design. */
    public Design design(Preset p) {
        return p == CURRENT ? model.getDesign() : Presets.applyTo(p, model.getDesign());
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    private void refreshCosts() {
        CostReport a = left.report(), b = right.report();
        costs.getChildren().clear();
        costs.addRow(0, new Label(), head(left.name()), head(right.name()), head(t("compare.difference")));
        row(1, "params", t("compare.params"), a.params(), b.params());
        row(2, "macs", t("compare.macs"), a.macs(), b.macs());
        row(3, "flops", t("compare.flops"), a.flops(), b.flops());
        row(4, "activations", t("compare.activations"), a.activationBytes(), b.activationBytes());
        var ta = trained.of(a.network().design());
        var tb = trained.of(b.network().design());
        rateRow(5, "accuracy", t("compare.accuracy"), ta, tb, SweepResults.DesignSummary::heldOutAccuracy);
        rateRow(6, "partner", t("compare.partner"), ta, tb, SweepResults.DesignSummary::reversedPartnerRate);
    }

    /** A trained rate of each side (mean over seeds, ± spread), "not trained" where the sweep has no result, and the change in points. */
    private void rateRow(int r, String id, String what, Optional<SweepResults.DesignSummary> left, Optional<SweepResults.DesignSummary> right,
                         Function<SweepResults.DesignSummary, SweepResults.Spread> rate) {
        SweepResults.Spread a = left.map(rate).orElse(null), b = right.map(rate).orElse(null);
        Label va = Fmt.styled(a == null ? t("compare.notTrained") : Fmt.rate(a), "compare-value");
        Label vb = Fmt.styled(b == null ? t("compare.notTrained") : Fmt.rate(b), "compare-value");
        va.setId("compare-left-" + id);
        vb.setId("compare-right-" + id);
        Label diff = new Label();
        diff.setId("compare-diff-" + id);
        if (a != null && b != null) diff.setText(Fmt.points(b.mean() - a.mean()));
        costs.addRow(r, new Label(what), va, vb, diff);
    }

    private void row(int r, String id, String what, long a, long b) {
        Label l = new Label(what);
        Label va = value("compare-left-" + id, a), vb = value("compare-right-" + id, b);
        long d = b - a;
        Label diff = new Label((d > 0 ? "+" : d < 0 ? "−" : "±") + CostFormat.count(Math.abs(d)) + "  (" + Fmt.delta(b, a) + ")");
        diff.setId("compare-diff-" + id);
        diff.getStyleClass().add(d > 0 ? "compare-more" : d < 0 ? "compare-less" : "compare-same");
        costs.addRow(r, l, va, vb, diff);
    }

    private static Label value(String id, long n) {
        Label l = Fmt.styled(CostFormat.count(n), "compare-value");
        l.setId(id);
        return l;
    }

    private static Label head(String s) {
        return Fmt.styled(s, "compare-head");
    }

    private static Label label(String s) {
        return Fmt.styled(s, "control-label");
    }

    // ---- video ----

    /** Starts loading the sides' models and the first clip (the tab calls this when it is first shown). */
    public void activate() {
        if (active) return;
        active = true;
        left.designChanged();
        right.designChanged();
        if (clip.getValue() == null && !clip.getItems().isEmpty()) clip.setValue(clip.getItems().get(0));
    }

    public boolean openClip(String name) {
        for (Path p : clip.getItems()) {
            if (Fmt.stem(p).equals(name)) {
                clip.setValue(p);
                return true;
            }
        }
        return false;
    }

    private void openClip(Path p) {
        if (playback != null) playback.close();
        playback = null;
        if (p == null) return;
        try {
            playback = new Playback(p, pending::set, msg -> Platform.runLater(() -> status.setText(msg)));
            playback.setLoop(true);
            playback.setBackward(reverse.isSelected());
            status.setText(p.getFileName().toString());
        } catch (s3dx.video.VideoException e) {
            status.setText(ErrorText.of(e));
            return;
        }
        for (Side s : List.of(left, right)) s.engine.setVideo(p);
        playback.seek(0);
    }

    public void togglePlay() {
        if (playback == null) return;
        if (playback.isPlaying()) {
            playback.pause();
            play.setText(t("player.play"));
        } else {
            playback.play();
            play.setText(t("player.pause"));
        }
    }

    public BooleanProperty reverseProperty() {
        return reverse.selectedProperty();
    }

    private void windowingChanged() {
        if (playback != null) playback.setBackward(reverse.isSelected());
        for (Side s : List.of(left, right)) {
            s.engine.setWindowing(s.windowing());
        }
    }

    // ---- temporal experiments ----

    /** Both sides' temporal experiments on the window at the playhead, each in its side's table. */
    public void runTemporal() {
        Path video = clip.getValue();
        if (video == null || left.loaded == null || right.loaded == null) {
            job.say(t("player.notReady"));
            return;
        }
        long start = Math.max(0, left.engine.windowing().latestStartEndingAt(shownFrame));
        long t0 = System.nanoTime();
        job.run(EvidenceJobs.temporal(List.of(left.loaded, right.loaded), video, start), "s3dx-evidence", tables -> {
            left.showTemporal(tables.get(0));
            right.showTemporal(tables.get(1));
            exportTemporal.setDisable(false);
            return t("evidence.temporalDone", (System.nanoTime() - t0) / 1e9);
        }, t("evidence.cancelled"), err -> t("evidence.failed", err));
    }

    private void exportTemporal() {
        Path video = clip.getValue();
        if (video == null || left.temporal.table() == null || right.temporal.table() == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(Fmt.stem(video) + "_temporal.csv");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        var tables = List.of(new EvidenceCsv.NamedTable(left.name(), left.temporal.table()),
                new EvidenceCsv.NamedTable(right.name(), right.temporal.table()));
        job.run(EvidenceJobs.temporalCsv(tables, f.toPath()), "s3dx-export", p -> t("player.wrote", p), t("status.exportCancelled"),
                err -> t("status.exportFailed", err));
    }

    public void dispose() {
        if (playback != null) playback.close();
        for (Side s : List.of(left, right)) {
            s.loader.close();
            s.engine.close();
        }
    }

    /** One side: its design chooser, model and predictions. */
    public final class Side {
        private final ComboBox<Choice> chooser = new ComboBox<>();
        private final Label modelLabel = new Label(), top1 = new Label();
        private final TopKBars bars = new TopKBars(TOP);
        private final TemporalTable temporal = new TemporalTable();
        private final Label temporalCaption = Fmt.styled(t("evidence.temporalTitle"), "section-title");
        private ModelLoader.Loaded loaded;
        private final PredictionEngine engine;
        private final VBox box;
        private WindowPredictor predictor;
        private final ModelLoader loader;

        Side(String id, Preset initial) {
            loader = new ModelLoader("s3dx-compare-" + id, this::install);
            engine = new PredictionEngine(r -> Platform.runLater(() -> show(r)), msg -> Platform.runLater(() -> modelLabel.setText(msg)));
            List<Choice> items = new ArrayList<>();
            items.add(new Choice(CURRENT));
            for (Preset p : Preset.values()) items.add(new Choice(p));
            chooser.getItems().setAll(items);
            chooser.setId("compare-" + id + "-design");
            StringConverter<Choice> names = new StringConverter<>() {
                public String toString(Choice c) { return c == null ? "" : c.preset() == CURRENT ? t("compare.current") : c.preset().displayName(); }
                public Choice fromString(String s) { return null; }
            };
            chooser.setConverter(names);   // the default button and list cells show items through it
            chooser.setValue(new Choice(initial));
            chooser.valueProperty().addListener((o, a, b) -> {
                refreshCosts();
                designChanged();
            });
            modelLabel.getStyleClass().add("hint");
            modelLabel.setWrapText(true);
            top1.getStyleClass().add("compare-top1");
            top1.setId("compare-" + id + "-top1");
            Label predictions = new Label(t("compare.predictions"));
            predictions.getStyleClass().add("section-title");
            temporal.setId("compare-" + id + "-temporal");
            temporalCaption.setWrapText(true);
            box = new VBox(8, chooser, predictions, top1, bars, modelLabel, temporalCaption, temporal);
            box.getStyleClass().add("panel");
            box.setMinWidth(260);
        }

        public ComboBox<Choice> chooser() {
            return chooser;
        }

        public Preset preset() {
            return chooser.getValue() == null ? CURRENT : chooser.getValue().preset();
        }

        String name() {
            return preset() == CURRENT ? t("compare.current") : preset().displayName();
        }

        public CostReport report() {
            return CostReport.of(design(preset()));
        }

        Windowing windowing() {
            ModelChoice m = loader.wantedProperty().get();
            int t = m == null || m.design() == null ? DemoSize.DEFAULT.frames() : m.design().frames();
            return new Windowing(t, 1, 8, reverse.isSelected());
        }

        /** Picks the side's model again (after its design changed): a model of that architecture, else seeded weights. */
        void designChanged() {
            if (!active) return;
            Design d = design(preset());
            ModelChoice c = ModelChoice.matching(models.get(), d)
                    .orElseGet(() -> ModelChoice.untrained(DemoSize.DEFAULT.applyTo(d), DemoSize.DEFAULT.frames()));
            if (c.equals(loader.wantedProperty().get())) return;
            modelLabel.setText(c.loadingMessage());
            loader.load(c);
            Task<ModelLoader.Loaded> job = loader.jobProperty().get();
            job.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
                if (loader.jobProperty().get() == job) modelLabel.setText(ModelLoader.outcome(job));
            });
        }

        private void show(PredictionEngine.Result r) {
            if (r.generation() != engine.generation()) return;   // from the model or clip before
            bars.show(r.prediction().top(TOP));
            top1.setText(I18n.classLabel(r.prediction().top(1).get(0).label()));
        }

        /** Whether the side's model has loaded. */
        public boolean ready() {
            return loaded != null;
        }

        public TemporalTable temporal() {
            return temporal;
        }

        void showTemporal(TemporalProbe.Table t) {
            temporal.show(t);
            temporalCaption.setText(t == null ? t("evidence.temporalTitle") : TemporalTable.caption(loaded.choice().name(), t));
        }

        private void install(ModelLoader.Loaded m) {
            loaded = m;
            showTemporal(null);
            exportTemporal.setDisable(true);
            predictor = m.predictor();
            engine.setWindowing(windowing());
            engine.setModel(m.session(), m.predictor());
            ModelChoice c = m.choice();
            modelLabel.setText(c.untrained() ? c.name() + "  ·  " + t("player.untrainedBanner") : c.name());
            bars.show(null);
            top1.setText("");
        }

        void request(long frameIndex) {
            if (predictor == null) return;
            engine.request(Math.max(0, engine.windowing().latestStartEndingAt(frameIndex)));
        }
    }
}
