package s3dx.app.classroom;

import static s3dx.app.i18n.I18n.t;

import java.io.File;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import s3dx.app.jobs.Workers;
import s3dx.app.i18n.ErrorText;
import s3dx.app.model.DesignModel;
import s3dx.app.ui.JobStatus;
import s3dx.app.video.ModelChoice;
import s3dx.net.DemoSize;
import s3dx.net.Design;
import s3dx.train.Evaluation;
import s3dx.train.TrainConfig;
import s3dx.train.TrainModels;
import s3dx.train.TrainProgress;
import s3dx.train.TrainResult;
import s3dx.train.Trainer;

/**
 * Trains the current design's blocks at a laptop-sized demo size on MotionShapes ({@link Trainer} in a
 * {@link Task}): steps, batch and seed; a live loss and accuracy chart; Cancel; then the held-out accuracy on
 * normal and reversed clips, and the trained model goes to {@code onTrained} (the player takes it). "Save model…"
 * writes the last finished run as ONNX, the same file {@code s3dx train --out} writes.
 */
public final class TrainPanel extends BorderPane {
    /** A finished run and its model, ready for the player. */
    public record Trained(TrainResult result, ModelChoice model) {}

    private final DesignModel model;
    private final Consumer<ModelChoice> onTrained;
    /** A few minutes: S3D-G at width 0.25, seed 1, then names 78.5% of held-out clips (README: the command that measured it). */
    static final int DEFAULT_STEPS = 400;
    private final Spinner<Integer> steps = new Spinner<>(1, 100_000, DEFAULT_STEPS, 50), batch = new Spinner<>(2, 256, 16, 2),
            seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final Button start = new Button(t("train.start")), save = new Button(t("train.save"));
    private final JobStatus status = new JobStatus();
    private final Label result = new Label(), size = new Label();
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>(), accuracy = new XYChart.Series<>();
    private final LineChart<Number, Number> chart;
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private Thread worker;
    private DemoSize demoSize = DemoSize.DEFAULT;
    private int evalClips = TrainConfig.DEFAULT_EVAL_CLIPS;
    private Task<Trained> task;
    private volatile Trained last;
    /** The last run that finished (not cancelled): what the player has and what "Save model…" writes. */
    private Trained finished;
    private volatile boolean busy;
    private boolean saving;
    private Consumer<Path> onSaved = p -> {};

    public TrainPanel(DesignModel model, Consumer<ModelChoice> onTrained) {
        this.model = model;
        this.onTrained = onTrained;
        setId("train-panel");
        getStyleClass().add("train-panel");
        for (Spinner<Integer> s : new Spinner[]{steps, batch, seed}) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        steps.setId("train-steps");
        batch.setId("train-batch");
        seed.setId("train-seed");
        start.setId("train-start");
        status.cancelButton().setId("train-cancel");
        save.setId("train-save");
        start.setDefaultButton(true);
        save.setDisable(true);
        start.setOnAction(e -> start());
        save.setOnAction(e -> chooseAndSave());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(t("train.steps")), steps);
        form.addRow(1, new Label(t("train.batch")), batch);
        form.addRow(2, new Label(t("train.seed")), seed);
        size.setWrapText(true);
        size.getStyleClass().add("hint");
        model.designProperty().addListener((o, a, d) -> showSize());
        showSize();
        HBox buttons = new HBox(8, start, save);
        status.setText(t("train.idle"));
        status.setId("train-status");
        status.getStyleClass().add("train-job");
        result.setWrapText(true);
        result.setId("train-result");
        result.getStyleClass().add("train-result");
        Label head = new Label(t("train.title"));
        head.getStyleClass().add("panel-title");
        Label about = new Label(t("train.about"));
        about.setWrapText(true);
        VBox side = new VBox(10, head, about, size, form, buttons, status, result);
        side.setPrefWidth(340);
        side.setPadding(new Insets(12));
        side.getStyleClass().add("panel");

        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.setLabel(t("train.axis.step"));
        y.setLabel(t("train.axis.value"));
        chart = new LineChart<>(x, y);
        chart.setId("train-chart");
        chart.setTitle(t("train.chart"));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        loss.setName(t("train.loss"));
        accuracy.setName(t("train.accuracy"));
        chart.getData().addAll(loss, accuracy);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox right = new VBox(chart);
        right.setPadding(new Insets(12));
        setLeft(side);
        setCenter(right);
    }

    /** The size trained at (tests use a smaller one than {@link DemoSize#DEFAULT}). */
    public void setDemoSize(DemoSize size) {
        this.demoSize = size;
        showSize();
    }

    /** Told of each model file saved (the window offers it in the player's model list). */
    public void setOnSaved(Consumer<Path> onSaved) {
        this.onSaved = onSaved;
    }

    public void setEvalClips(int n) {
        evalClips = n;
    }

    public Spinner<Integer> stepsSpinner() {
        return steps;
    }

    public Spinner<Integer> batchSpinner() {
        return batch;
    }

    public XYChart.Series<Number, Number> lossSeries() {
        return loss;
    }

    public Button saveButton() {
        return save;
    }

    public Task<Trained> task() {
        return task;
    }

    public Trained last() {
        return last;
    }

    public boolean running() {
        return busy;
    }

    /** The current design's blocks at the demo size with MotionShapes' classes. */
    public Design demoDesign() {
        return demoSize.applyTo(model.getDesign());
    }

    private void showSize() {
        size.setText(t("train.size", TrainModels.describe(model.getDesign()), demoSize.widthMultiplier(), demoSize.frames(), demoSize.pixels(), demoSize.pixels()));
    }

    public void start() {
        if (running() || saving) return;
        Design d = demoDesign();
        TrainConfig config = TrainConfig.of(d, steps.getValue(), batch.getValue(), seed.getValue()).withEvalClips(evalClips);
        cancelFlag.set(false);
        loss.getData().clear();
        accuracy.getData().clear();
        result.setText("");
        Task<Trained> t = new Task<>() {
            @Override
            protected Trained call() {
                updateMessage(t("train.starting"));
                TrainResult r = Trainer.train(config, p -> {
                    updateProgress(p.step(), p.steps());
                    updateMessage(t("train.progress", p.step(), p.steps(), p.avgLoss(), 100 * p.avgAccuracy(), p.clipsPerSecond()));
                    Platform.runLater(() -> plot(p));
                    if (p.step() == p.steps() && evalClips > 0) updateMessage(t("train.evaluating", evalClips));
                }, cancelFlag::get);
                if (r.cancelled()) return new Trained(r, null);
                return new Trained(r, ModelChoice.trained(TrainModels.onnx(r), TrainModels.modelInfo(r)));
            }
        };
        task = t;
        busy = true;
        // the run stops through its own flag (after the current step, keeping what it learnt), not Task.cancel
        status.textProperty().bind(t.messageProperty());
        status.follow(t, this::cancel);
        updateSave();
        t.setOnSucceeded(e -> finish(t, () -> {
            last = t.getValue();
            TrainResult r = last.result();
            if (r.cancelled()) {
                status.say(t("train.cancelled", r.stepsDone(), r.config().steps()));
                return;
            }
            finished = last;
            status.say(t("train.done", r.stepsDone(), r.seconds()));
            result.setText(resultText(r));
            onTrained.accept(last.model());
        }));
        t.setOnFailed(e -> finish(t, () -> status.warn(t("train.failed",
                ErrorText.of(t.getException())))));
        t.setOnCancelled(e -> finish(t, () -> status.say(t("train.cancelled", 0, config.steps()))));
        worker = Workers.start(t, "s3dx-train", Workers.Load.HEAVY);
    }

    /** Both held-out tests: with training's generator settings, and with settings it never saw. */
    static String resultText(TrainResult r) {
        Evaluation ev = r.evaluation(), unseen = r.heldOutSettings();
        if (ev == null) return "";
        String s = t("train.result", ev.clips(), 100 * ev.accuracy(), 100 * ev.partnerRate(), 100 * ev.sameLabelRate());
        return unseen == null ? s : s + t("train.resultUnseen", unseen.clips(), 100 * unseen.accuracy(), 100 * unseen.partnerRate());
    }

    private void finish(Task<?> t, Runnable r) {
        busy = false;
        status.textProperty().unbind();
        r.run();
        updateSave();
    }

    /** No training while a save runs either: both report in the status line. */
    private void updateSave() {
        start.setDisable(busy || saving);
        save.setDisable(busy || saving || finished == null);
    }

    private void chooseAndSave() {
        if (finished == null) return;
        FileChooser fc = new FileChooser();
        fc.setTitle(t("train.saveTitle"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("player.filter.onnx"), "*.onnx"));
        fc.setInitialFileName(TrainModels.fileName(finished.result().design()));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        // some platforms' dialogs do not add the filter's extension; s3dx train --out insists on it too
        Path file = f.getName().endsWith(".onnx") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".onnx");
        save(file);
    }

    /**
     * Writes the last finished run to {@code file} on a worker (what the button does after its file dialog) and
     * says how it went in the status line; null when there is nothing to save or a save is under way.
     */
    public Task<Path> save(Path file) {
        Trained run = finished;
        if (run == null || saving) return null;
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(t("train.saving", file.getFileName()));
                run.model().save(file);   // the ONNX model the player got, not a second build of it
                return file;
            }
        };
        saving = true;
        updateSave();
        t.setOnSucceeded(e -> {
            saving = false;
            updateSave();
            onSaved.accept(file);
        });
        t.setOnFailed(e -> {
            saving = false;
            updateSave();
        });
        t.setOnCancelled(e -> {
            saving = false;
            updateSave();
        });
        return status.run(t, "s3dx-save-model", p -> t("train.saved", p), t("status.exportCancelled"), err -> t("train.saveFailed", file, reason(t.getException())));
    }

    /** An error in words: file-system errors often carry only the path (already shown), so their kind instead. */
    private static String reason(Throwable x) {
        if (x instanceof FileSystemException fs) return fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
        return ErrorText.of(x);
    }

    /** Cancels a run and waits (at most 10 s) for it to leave libtorch, so that exiting cannot crash in native code. */
    public void dispose() {
        cancel();
        if (worker == null) return;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the current step; the run ends as cancelled (no held-out test, the player keeps its model). */
    public void cancel() {
        cancelFlag.set(true);
    }

    private void plot(TrainProgress p) {
        loss.getData().add(new XYChart.Data<>(p.step(), p.avgLoss()));
        accuracy.getData().add(new XYChart.Data<>(p.step(), p.avgAccuracy()));
    }
}
