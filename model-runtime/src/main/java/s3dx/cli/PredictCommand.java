package s3dx.cli;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.files.UserFiles;
import s3dx.infer.OnnxSession;
import s3dx.infer.PredictionCsv;
import s3dx.infer.WindowPredictor;

@Command(name = "predict", description = {
        "Run an exported model over a video's sliding windows and print a timeline: each window's time span and",
        "its top classes with probabilities. --reverse feeds every window reversed in time (the paper's test of",
        "whether a model uses the order of frames)."})
public class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "an ONNX model from 'export' or the trainer")
    Path model;

    @Option(names = "--video", paramLabel = "FILE", required = true, description = "any video FFmpeg reads (mp4, avi, webm, gif...)")
    Path video;

    @Option(names = "--clip", paramLabel = "T", description = "frames per window (default: the model's)")
    Integer clip;

    @Option(names = "--step", paramLabel = "K", defaultValue = "1", description = "take every K-th source frame (default ${DEFAULT-VALUE})")
    int step;

    @Option(names = "--stride", paramLabel = "S", defaultValue = "8", description = "a window every S source frames (default ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--reverse", description = "feed each window time-reversed")
    boolean reverse;

    @Option(names = "--csv", paramLabel = "out.csv", description = "also write the timeline here, with every class's probability")
    Path csv;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "classes to print per window (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException, s3dx.video.VideoException {
        if (top < 1) throw new Main.UserError("--top must be at least 1, got " + top);
        if (step < 1) throw new Main.UserError("--step must be at least 1, got " + step);
        if (stride < 1) throw new Main.UserError("--stride must be at least 1, got " + stride);
        if (clip != null && clip < 1) throw new Main.UserError("--clip must be at least 1, got " + clip);
        UserFiles.checkInput(video);
        if (csv != null) UserFiles.checkOutput(csv, video, model);
        try (OnnxSession s = OnnxSession.open(model, threads == null ? OnnxSession.defaultThreads() : threads)) {
            WindowPredictor p = WindowPredictor.of(s);
            int t = clip != null ? clip : p.preprocessing().frames();
            WindowPredictor.Windowing w = new WindowPredictor.Windowing(t, step, stride, reverse);
            int k = Math.min(top, p.labels().size());
            System.out.printf(Locale.ROOT, "%s%s: windows of %d frames (step %d, stride %d)%n", Main.printable(video.getFileName().toString()),
                    reverse ? " reversed" : "", t, step, stride);
            if (csv == null) {
                predict(p, w, k, null);
            } else {
                // The CSV replaces an existing one only when every window was predicted.
                UserFiles.write(csv, out -> {
                    Writer csvOut = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    predict(p, w, k, new PredictionCsv(csvOut, k));
                    csvOut.flush();
                });
                System.out.println("wrote " + Main.printable(csv.toString()));
            }
        }
        return 0;
    }

    private void predict(WindowPredictor p, WindowPredictor.Windowing w, int k, PredictionCsv table) throws s3dx.video.VideoException {
        int[] n = {0};
        p.forEachWindow(video, w, pred -> {
            if (n[0] == 0 && pred.endFrame() - pred.startFrame() < w.span()) {
                System.out.printf(Locale.ROOT, "note: the video has %d frames, fewer than one window of %d; the clip repeats its last frame%n",
                        pred.endFrame() - pred.startFrame(), w.span());
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8.2fs-%6.2fs ", pred.startSeconds(), pred.endSeconds()));
            for (WindowPredictor.Ranked r : pred.top(k)) {
                line.append(String.format(Locale.ROOT, "  %-22s %5.1f%%", Main.printable(r.label()), 100 * r.prob()));
            }
            System.out.println(line);
            n[0]++;
            if (table != null) {
                try {
                    table.write(pred);
                } catch (IOException e) {
                    throw new Main.UserError("cannot write " + csv + ": " + e.getMessage());
                }
            }
        });
        if (n[0] == 0) throw new Main.UserError(video + ": no frames to predict on");
    }
}
