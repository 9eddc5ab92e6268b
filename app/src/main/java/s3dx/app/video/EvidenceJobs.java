package s3dx.app.video;

import static s3dx.app.i18n.I18n.t;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import s3dx.evidence.ClassActivation;
import s3dx.evidence.EvidenceCsv;
import s3dx.evidence.Occlusion;
import s3dx.evidence.TemporalProbe;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.tensor.Tensor;
import s3dx.video.VideoException;
import s3dx.video.VideoReader;

/**
 * The evidence probes ({@code s3dx.evidence}) on one window of a video, as background jobs for a
 * {@code ui.JobStatus}: occlusion (with progress; Cancel interrupts it between batches), class activation maps and
 * the temporal experiments. Each job reads the window with its own reader and runs on the model's loaded session
 * (runs are serialised there, so the live predictions simply wait a moment).
 */
public final class EvidenceJobs {
    /** The seed of the shuffled experiment: the same table every time for a window. */
    public static final long SEED = 17;

    private EvidenceJobs() {}

    /** The window starting at {@code start} as the model sees it [1,3,T,H,W] (reversed if the windowing says so). */
    public static Tensor window(ModelLoader.Loaded m, Path video, Windowing w, long start) throws VideoException {
        try (VideoReader r = VideoReader.open(video)) {
            return m.predictor().sampler(w).clipAt(r, start).clip();
        }
    }

    public static Task<Occlusion.Result> occlusion(ModelLoader.Loaded m, Path video, Windowing w, long start, Occlusion.Options o) {
        return new Task<>() {
            @Override
            protected Occlusion.Result call() throws Exception {
                updateMessage(t("evidence.occluding"));
                Tensor clip = window(m, video, w, start);
                return Occlusion.run(m.session(), clip, o, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(t("evidence.occludingProgress", done, total));
                });
            }
        };
    }

    /** The maps of every class; a model file without the {@code cam} output is rebuilt with it for this job. */
    public static Task<ClassActivation.Maps> cam(ModelLoader.Loaded m, Path video, Windowing w, long start) {
        return new Task<>() {
            @Override
            protected ClassActivation.Maps call() throws Exception {
                updateMessage(t("evidence.camRunning"));
                Tensor clip = window(m, video, w, start);
                if (m.session().outputNames().contains(OnnxModelBuilder.CAM)) return ClassActivation.of(m.session(), clip);
                try (OnnxSession s = m.choice().openWithClassMaps()) {
                    return ClassActivation.of(s, clip);
                }
            }
        };
    }

    /**
     * The six experiments with each model on its T frames from {@code start} (double speed reads 2T-1), one table
     * per model in order; Cancel stops between models.
     */
    public static Task<List<TemporalProbe.Table>> temporal(List<ModelLoader.Loaded> models, Path video, long start) {
        return new Task<>() {
            @Override
            protected List<TemporalProbe.Table> call() throws Exception {
                List<TemporalProbe.Table> tables = new ArrayList<>();
                for (ModelLoader.Loaded m : models) {
                    if (isCancelled()) throw new CancellationException();
                    updateMessage(t("evidence.temporalRunning", m.choice().name()));
                    updateProgress(tables.size(), models.size());
                    var pre = m.predictor().preprocessing();
                    Tensor source;
                    try (VideoReader r = VideoReader.open(video)) {
                        source = TemporalProbe.source(r, pre, start);
                    }
                    tables.add(TemporalProbe.run(m.session(), m.predictor().labels(), source, pre.frames(), SEED));
                }
                return tables;
            }
        };
    }

    /** Writes temporal tables as {@link EvidenceCsv#temporal} CSV (one row per model and experiment). */
    public static Task<Path> temporalCsv(List<EvidenceCsv.NamedTable> tables, Path out) {
        return new Task<>() {
            @Override
            protected Path call() throws IOException {
                updateMessage(t("evidence.writing", out.getFileName()));
                try (Writer w = Files.newBufferedWriter(out)) {
                    EvidenceCsv.temporal(w, tables);
                }
                return out;
            }
        };
    }
}
