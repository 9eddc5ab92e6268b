package s3dx.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.infer.LabelledVideos;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.synth.MotionShapes;
import s3dx.train.Evaluation;
import s3dx.train.HeldOut;
import s3dx.video.VideoException;

@Command(name = "evaluate", description = {
        "Test a MotionShapes model (from train, sweep or the demo models) in ONNX Runtime as training does: held-out",
        "clips with training's generator settings and with held-out ones, each also played backwards.",
        "With --videos, test any model on labelled video files instead (a manifest as 'synth' writes)."})
public class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "a model trained on MotionShapes")
    Path model;

    @Option(names = "--videos", paramLabel = "manifest.csv",
            description = "test on these videos: a CSV of file,label lines (files relative to it), as 'synth' writes; "
                    + "each video's answer is its windows' mean, and each is also played backwards")
    Path videos;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "200", description = "clips per test (default ${DEFAULT-VALUE})")
    int clips;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "the held-out seed stream; a training run of seed S was tested on stream S (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16", description = "clips per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (clips < 1 || batch < 1) throw new Main.UserError("--clips and --batch must be at least 1");
        try (OnnxSession s = OnnxSession.open(model, threads == null ? OnnxSession.defaultThreads() : threads)) {
            if (videos != null) return testOnVideos(WindowPredictor.of(s));
            Design d = s.info().orElseThrow(() -> new Main.UserError(model + ": no S3D Explorer metadata (design, labels); "
                    + "train or export it with s3dx")).design();
            for (MotionShapes.Settings settings : MotionShapes.Settings.values()) {
                Evaluation e = HeldOut.evaluate(v -> s.run(v).logits(), d, settings, seed, clips, batch);
                System.out.println(e);
            }
        } catch (DesignException e) {
            throw new Main.UserError(model + " is not a MotionShapes model: " + e.getMessage());
        }
        return 0;
    }

    private int testOnVideos(WindowPredictor p) throws java.io.IOException, VideoException {
        List<LabelledVideos.Item> items = LabelledVideos.read(videos, p.labels());
        int every = Math.max(1, items.size() / 10);
        LabelledVideos.Result r = LabelledVideos.evaluate(p, items, n -> {
            if (n % every == 0 && n < items.size()) System.err.printf(Locale.ROOT, "  %d/%d videos%n", n, items.size());
        });
        System.out.println(Main.printable(videos.toString()) + ": " + r);
        r.perLabel().forEach(line -> System.out.println("  " + Main.printable(line)));
        return 0;
    }
}
