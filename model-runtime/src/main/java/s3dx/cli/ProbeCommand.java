package s3dx.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import s3dx.evidence.ClassActivation;
import s3dx.evidence.EvidenceCsv;
import s3dx.files.UserFiles;
import s3dx.evidence.Occlusion;
import s3dx.evidence.ProbeProgress;
import s3dx.evidence.TemporalProbe;
import s3dx.infer.InferenceException;
import s3dx.infer.OnnxSession;
import s3dx.net.Preprocessing;
import s3dx.onnx.ModelInfo;
import s3dx.tensor.Tensor;
import s3dx.video.VideoException;
import s3dx.video.VideoReader;

/** Why did the model say that: occlusion maps, class activation maps and the temporal experiments on one window. */
@Command(name = "probe", description = {
        "Ask what a model used in one window of a video: 'temporal' (original, reversed, shuffled, one frame",
        "repeated, double and half speed, for one or more models), 'occlusion' (how much hiding each cell of",
        "frames x pixels costs the class) or 'cam' (the class activation map over Mixed_5c's grid)."},
        subcommands = {ProbeCommand.Temporal.class, ProbeCommand.OcclusionMap.class, ProbeCommand.Cam.class})
public class ProbeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new Main.UserError("name a probe: temporal, occlusion or cam (see 's3dx probe --help')");
    }

    /** The window: which video, from when, and where the CSV goes. */
    static class Window {
        @Option(names = "--video", paramLabel = "FILE", required = true, description = "any video FFmpeg reads")
        Path video;

        @Option(names = "--at", paramLabel = "SECONDS", defaultValue = "0", description = "the window starts here (default ${DEFAULT-VALUE})")
        double at;

        @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: all cores)")
        Integer threads;

        @Option(names = "--csv", paramLabel = "out.csv", description = "also write the table here")
        Path csv;

        OnnxSession open(Path model) throws IOException {
            if (at < 0 || !Double.isFinite(at)) throw new Main.UserError("--at must be a time in seconds, at least 0, got " + at);
            if (threads != null && threads < 1) throw new Main.UserError("--threads must be at least 1, got " + threads);
            if (!Files.isRegularFile(video)) throw new Main.UserError(video + ": no such file");
            OnnxSession s = ClassActivation.open(model, OnnxSession.Settings.threads(threads == null ? OnnxSession.defaultThreads() : threads));
            if (s.info().isEmpty()) {
                s.close();
                throw new InferenceException(model + ": no S3D Explorer metadata (preprocessing, labels); export it with 's3dx export'");
            }
            return s;
        }

        /** The temporal probe's source [1,3,2T-1,H,W] from {@code --at}, cut with the model's preprocessing. */
        Tensor source(Preprocessing pre) throws VideoException {
            try (VideoReader r = VideoReader.open(video)) {
                long start = Math.round(at * r.info().fps());
                return TemporalProbe.source(r, pre, start);
            }
        }

        Tensor clip(OnnxSession s) throws VideoException {
            Preprocessing pre = s.info().orElseThrow().preprocessing();
            return TemporalProbe.window(source(pre), pre.frames());
        }

        void header(String what, Preprocessing pre) {
            System.out.printf(Locale.ROOT, "%s from %.2f s, %d frames at %dx%d: %s%n", video.getFileName(), at, pre.frames(),
                    pre.cropSize(), pre.cropSize(), what);
        }

        interface CsvBody {
            void write(Writer w) throws IOException;
        }

        /** Writes the CSV through {@link UserFiles}: never over the video, and an existing file is replaced only when all is written. */
        void writeCsv(CsvBody body) throws IOException {
            if (csv == null) return;
            UserFiles.checkOutput(csv, video);
            UserFiles.write(csv, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                body.write(w);
                w.flush();
            });
            System.out.println("wrote " + Main.printable(csv.toString()));
        }
    }

    /** A class by index or label; -1 (the top-1) when not given. */
    static int classOf(String given, List<String> labels) {
        if (given == null) return -1;
        if (given.matches("\\d+")) {
            int c = Integer.parseInt(given);
            if (c < labels.size()) return c;
            throw new Main.UserError("--class " + c + ": the model has " + labels.size() + " classes (0-" + (labels.size() - 1) + ")");
        }
        for (int c = 0; c < labels.size(); c++) if (labels.get(c).equalsIgnoreCase(given.trim())) return c;
        throw new Main.UserError("--class: the model has no class '" + given + "'");
    }

    @Command(name = "temporal", description = {
            "The temporal experiments on one window, a column per model: top-1 class and probability, the",
            "probability of the original top-1, and whether the label flipped to its time-reversal partner."})
    static class Temporal implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "an exported model; repeat to compare")
        List<Path> models;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the frame shuffle (default ${DEFAULT-VALUE})")
        long seed;

        @Mixin
        Window window;

        @Override
        public Integer call() throws IOException, VideoException {
            List<EvidenceCsv.NamedTable> tables = new ArrayList<>();
            Preprocessing first = null;
            for (Path m : models) {
                try (OnnxSession s = window.open(m)) {
                    ModelInfo info = s.info().orElseThrow();
                    if (first == null) first = info.preprocessing();
                    Tensor source = window.source(info.preprocessing());
                    tables.add(new EvidenceCsv.NamedTable(m.getFileName().toString(),
                            TemporalProbe.run(s, info.labels(), source, info.preprocessing().frames(), seed)));
                }
            }
            window.header("temporal experiments, shuffle seed " + seed, first);
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s", "experiment"));
            for (EvidenceCsv.NamedTable t : tables) head.append(String.format(Locale.ROOT, " | %-50s", t.model()));
            System.out.println(head);
            for (TemporalProbe.Experiment e : TemporalProbe.Experiment.values()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", e.label()));
                for (EvidenceCsv.NamedTable t : tables) {
                    TemporalProbe.Row r = t.table().row(e);
                    String cell = String.format(Locale.ROOT, "%s %.1f%%, original's %.1f%%%s", r.top1().label(), 100 * r.top1().prob(),
                            100 * r.originalTop1Prob(), r.flippedToPartner() ? " FLIPPED" : "");
                    line.append(String.format(Locale.ROOT, " | %-50s", cell));
                }
                System.out.println(line);
            }
            window.writeCsv(w -> EvidenceCsv.temporal(w, tables));
            return 0;
        }
    }

    @Command(name = "occlusion", description = {
            "Occlusion sensitivity of one window: hide each cell of --cell-frames frames x --cell-pixels pixels (of",
            "the model's input) in turn and print how much the class's probability drops; the time strip hides",
            "whole frames. Positive = the model used that cell."})
    static class OcclusionMap implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "an exported model")
        Path model;

        @Option(names = "--class", paramLabel = "INDEX|LABEL", description = "the class to measure (default: the window's top-1)")
        String target;

        @Option(names = "--cell-frames", paramLabel = "N", description = "frames per cell (default: a quarter of the clip)")
        Integer cellFrames;

        @Option(names = "--cell-pixels", paramLabel = "N", description = "cell side in input pixels (default: a quarter of the crop)")
        Integer cellPixels;

        @Option(names = "--fill", paramLabel = "zero|clip_mean", defaultValue = "zero",
                description = "what hides a cell: zero (the preprocessing's mean colour) or the clip's mean (default ${DEFAULT-VALUE})")
        String fill;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "16", description = "occluded clips per forward pass (default ${DEFAULT-VALUE})")
        int batch;

        @Mixin
        Window window;

        @Override
        public Integer call() throws IOException, VideoException {
            Occlusion.Fill f = Main.parseEnum(Occlusion.Fill.class, "--fill", fill);
            try (OnnxSession s = window.open(model)) {
                ModelInfo info = s.info().orElseThrow();
                Preprocessing pre = info.preprocessing();
                Occlusion.Options o = Occlusion.Options.defaults(pre.frames(), pre.cropSize()).withFill(f);
                if (cellFrames != null || cellPixels != null) {
                    int cf = cellFrames != null ? cellFrames : o.cellFrames(), cp = cellPixels != null ? cellPixels : o.cellPixels();
                    if (cf < 1 || cp < 1) throw new Main.UserError("--cell-frames and --cell-pixels must be at least 1");
                    o = o.withCell(cf, cp);
                }
                if (batch < 1) throw new Main.UserError("--batch must be at least 1, got " + batch);
                o = o.withBatch(batch).withTarget(classOf(target, info.labels()));
                Tensor clip = window.clip(s);
                long t0 = System.nanoTime();
                Occlusion.Result r = Occlusion.run(s, clip, o, ProbeProgress.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                String label = info.labels().get(r.targetClass());
                Occlusion.Grid g = r.grid();
                window.header(String.format(Locale.ROOT, "occlusion of '%s' (p = %.1f%%), cells %d frames x %d px, fill %s, %d forward passes in %.2f s",
                        label, 100 * r.probability(), g.cellFrames(), g.cellPixels(), f.name().toLowerCase(Locale.ROOT),
                        g.cells() + g.timeCells() + 1, seconds), pre);
                System.out.println("probability drop in percentage points; 'frames' hides the whole frames");
                for (int t = 0; t < g.timeCells(); t++) {
                    int[] fr = g.frameRange(t);
                    System.out.printf(Locale.ROOT, "frames %d-%d: %+.1f%n", fr[0], fr[1] - 1, 100 * r.timeStrip()[t]);
                    for (int y = 0; y < g.rowCells(); y++) {
                        StringBuilder row = new StringBuilder("   ");
                        for (int x = 0; x < g.columnCells(); x++) row.append(String.format(Locale.ROOT, " %+6.1f", 100 * r.drop(t, y, x)));
                        System.out.println(row);
                    }
                }
                window.writeCsv(w -> EvidenceCsv.occlusion(w, r, label));
            }
            return 0;
        }
    }

    @Command(name = "cam", description = {
            "The class activation map of one window: W_c . features(Mixed_5c) + b_c at every position of",
            "Mixed_5c's grid (the class's logit before the head pools; the head's average of it is the logit)."})
    static class Cam implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "an exported model")
        Path model;

        @Option(names = "--class", paramLabel = "INDEX|LABEL", description = "the class (default: the window's top-1)")
        String target;

        @Mixin
        Window window;

        @Override
        public Integer call() throws IOException, VideoException {
            try (OnnxSession s = window.open(model)) {
                ModelInfo info = s.info().orElseThrow();
                Tensor clip = window.clip(s);
                ClassActivation.Maps maps = ClassActivation.of(s, clip);
                int c = classOf(target, info.labels());
                if (c < 0) c = topClass(maps);
                Tensor map = maps.map(c);
                String label = info.labels().get(c);
                window.header(String.format(Locale.ROOT, "class activation map of '%s' over a %dx%dx%d grid, logit %.4f", label,
                        map.dim(0), map.dim(1), map.dim(2), maps.logit(c)), info.preprocessing());
                int h = (int) map.dim(1), w = (int) map.dim(2);
                for (int t = 0; t < map.dim(0); t++) {
                    System.out.println("t = " + t);
                    for (int y = 0; y < h; y++) {
                        StringBuilder row = new StringBuilder("   ");
                        for (int x = 0; x < w; x++) row.append(String.format(Locale.ROOT, " %8.3f", map.data()[(t * h + y) * w + x]));
                        System.out.println(row);
                    }
                }
                window.writeCsv(out -> EvidenceCsv.cam(out, map, label));
            }
            return 0;
        }

        private static int topClass(ClassActivation.Maps maps) {
            int best = 0;
            for (int c = 1; c < maps.classes(); c++) if (maps.logit(c) > maps.logit(best)) best = c;
            return best;
        }
    }
}
