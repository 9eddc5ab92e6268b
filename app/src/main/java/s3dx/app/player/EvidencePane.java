package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import s3dx.app.i18n.I18n;
import s3dx.app.ui.Fmt;
import s3dx.app.ui.JobStatus;
import s3dx.app.ui.TemporalTable;
import s3dx.app.video.EvidenceJobs;
import s3dx.app.video.ModelLoader;
import s3dx.evidence.EvidenceCsv;
import s3dx.evidence.Occlusion;
import s3dx.evidence.TemporalProbe;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.tensor.Tensor;

/**
 * "Why did it say that" for the window at the playhead: occlusion (a map over the frame and a time strip), the
 * class activation map of the chosen class, and the temporal experiments as a table. Each runs as a job with its
 * progress and Cancel; a map is an {@link Overlay} the view draws while its window is shown.
 */
final class EvidencePane {
    /** A map [T',H',W'] over the crop for the window starting at {@code start} under {@code windowing}. */
    record Overlay(long start, Windowing windowing, Tensor map, boolean occlusion) {}

    private final PlayerModel model;
    private final Consumer<Task<Path>> exporter;
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>();
    private final ChoiceBox<Integer> cellPixels = new ChoiceBox<>(), cellFrames = new ChoiceBox<>();
    private final ComboBox<Integer> target = new ComboBox<>();
    private final JobStatus job = new JobStatus();
    private final TimeStrip strip = new TimeStrip();
    private final TemporalTable table = new TemporalTable();
    private final Label caption = Fmt.styled(t("evidence.temporalTitle"), "section-title");
    private final Button occlusion = new Button(t("evidence.occlusion")), cam = new Button(t("evidence.cam")),
            temporal = new Button(t("evidence.temporal")), exportCsv = new Button(t("evidence.exportCsv"));

    /** {@code exporter}: runs an export job (the player's status line). */
    EvidencePane(PlayerModel model, Consumer<Task<Path>> exporter) {
        this.model = model;
        this.exporter = exporter;
        occlusion.setId("evidence-occlusion");
        cam.setId("evidence-cam");
        temporal.setId("evidence-temporal");
        exportCsv.setId("evidence-export-csv");
        target.setId("evidence-target");
        cellPixels.setId("evidence-cell");
        job.setId("evidence-job");
        job.getStyleClass().add("inline-job");
        table.setId("evidence-temporal-table");
        occlusion.setTooltip(new Tooltip(t("evidence.occlusion.tip")));
        cam.setTooltip(new Tooltip(t("evidence.cam.tip")));
        temporal.setTooltip(new Tooltip(t("evidence.temporal.tip")));
        cellPixels.getItems().setAll(4, 8, 16, 32);
        cellPixels.setValue(16);
        cellPixels.setConverter(converter(n -> t("evidence.cellPixels", n)));
        cellFrames.getItems().setAll(1, 2, 4, 8);
        cellFrames.setValue(4);
        cellFrames.setConverter(converter(n -> t("evidence.cellFrames", n)));
        target.setConverter(converter(c -> c < 0 ? t("evidence.top1") : I18n.classLabel(labels().get(c))));
        target.setValue(-1);
        occlusion.setOnAction(e -> runOcclusion());
        cam.setOnAction(e -> runCam());
        temporal.setOnAction(e -> runTemporal());
        exportCsv.setOnAction(e -> exportTemporal());
        exportCsv.setDisable(true);
        model.predictorProperty().addListener((o, a, p) -> {
            target.getItems().clear();
            target.getItems().add(-1);
            for (int i = 0; i < p.labels().size(); i++) target.getItems().add(i);
            target.setValue(-1);
            clear();
        });
    }

    /** The buttons and the job line. */
    Node controls() {
        FlowPane buttons = new FlowPane(8, 6, occlusion, cellPixels, cellFrames, label(t("evidence.target")), target, cam, temporal);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, buttons, job);
        box.getStyleClass().add("evidence-controls");
        return box;
    }

    /** The temporal experiments' caption, table and CSV export. */
    Node tableNode() {
        HBox head = new HBox(8, caption, exportCsv);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, head, table);
    }

    ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    TemporalTable table() {
        return table;
    }

    TimeStrip strip() {
        return strip;
    }

    JobStatus job() {
        return job;
    }

    private List<String> labels() {
        return model.predictorProperty().get() == null ? List.of() : model.predictorProperty().get().labels();
    }

    private void clear() {
        overlay.set(null);
        strip.show(null, -1);
        table.show(null);
        caption.setText(t("evidence.temporalTitle"));
        exportCsv.setDisable(true);
    }

    /** The loaded model, with a video open; else says what is missing. */
    private ModelLoader.Loaded ready() {
        ModelLoader.Loaded m = model.loadedProperty().get();
        if (m == null || model.videoProperty().get() == null) {
            job.say(t("player.notReady"));
            return null;
        }
        return m;
    }

    private void runOcclusion() {
        ModelLoader.Loaded m = ready();
        if (m == null) return;
        Windowing w = model.windowing();
        long start = model.windowStart();
        Occlusion.Options o = Occlusion.Options.defaults(w.clipLength(), m.predictor().preprocessing().cropSize())
                .withCell(cellFrames.getValue(), cellPixels.getValue()).withTarget(target.getValue() == null ? -1 : target.getValue());
        long t0 = System.nanoTime();
        run(EvidenceJobs.occlusion(m, model.videoProperty().get(), w, start, o), r -> {
            overlay.set(new Overlay(start, w, r.drop(), true));
            strip.show(r, -1);
            return t("evidence.occlusionDone", I18n.classLabel(m.predictor().labels().get(r.targetClass())), 100 * r.probability(),
                    r.grid().cells() + r.grid().timeCells(), seconds(t0));
        });
    }

    private void runCam() {
        ModelLoader.Loaded m = ready();
        if (m == null) return;
        Windowing w = model.windowing();
        long start = model.windowStart();
        int wanted = target.getValue() == null ? -1 : target.getValue();
        long t0 = System.nanoTime();
        run(EvidenceJobs.cam(m, model.videoProperty().get(), w, start), maps -> {
            int c = wanted >= 0 ? wanted : topClass(maps);
            Tensor map = maps.map(c);
            overlay.set(new Overlay(start, w, map, false));
            strip.show(null, -1);
            return t("evidence.camDone", I18n.classLabel(m.predictor().labels().get(c)), map.shapeString(), maps.logit(c), seconds(t0));
        });
    }

    private static int topClass(s3dx.evidence.ClassActivation.Maps maps) {
        int best = 0;
        for (int c = 1; c < maps.classes(); c++) if (maps.logit(c) > maps.logit(best)) best = c;
        return best;
    }

    private void runTemporal() {
        ModelLoader.Loaded m = ready();
        if (m == null) return;
        long t0 = System.nanoTime();
        run(EvidenceJobs.temporal(List.of(m), model.videoProperty().get(), model.windowStart()), tables -> {
            TemporalProbe.Table tb = tables.get(0);
            table.show(tb);
            caption.setText(TemporalTable.caption(m.choice().name(), tb));
            exportCsv.setDisable(false);
            return t("evidence.temporalDone", seconds(t0));
        });
    }

    private <T> void run(Task<T> task, Function<T, String> done) {
        job.run(task, "s3dx-evidence", done, t("evidence.cancelled"), err -> t("evidence.failed", err));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void exportTemporal() {
        TemporalProbe.Table tb = table.table();
        Path video = model.videoProperty().get();
        ModelLoader.Loaded m = model.loadedProperty().get();
        if (tb == null || video == null || m == null) return;
        PlayerDialogs.save(occlusion.getScene() == null ? null : occlusion.getScene().getWindow(), Fmt.stem(video) + "_temporal.csv", false)
                .ifPresent(f -> exporter.accept(EvidenceJobs.temporalCsv(List.of(new EvidenceCsv.NamedTable(m.choice().name(), tb)), f)));
    }

    private static Label label(String s) {
        return Fmt.styled(s, "control-label");
    }

    private static StringConverter<Integer> converter(Function<Integer, String> f) {
        return new StringConverter<>() {
            public String toString(Integer n) { return n == null ? "" : f.apply(n); }
            public Integer fromString(String s) { return null; }
        };
    }
}
