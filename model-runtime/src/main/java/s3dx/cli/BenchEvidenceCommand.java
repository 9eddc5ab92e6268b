package s3dx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import s3dx.assets.Assets;
import s3dx.evidence.ClassActivation;
import s3dx.evidence.Occlusion;
import s3dx.evidence.ProbeProgress;
import s3dx.evidence.TemporalProbe;
import s3dx.infer.OnnxSession;
import s3dx.net.Preprocessing;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.tensor.Tensor;
import s3dx.video.ClipSampler;

/** Times the probes on one window: what the app's "why" button costs. */
@Command(name = "bench-evidence", description = {
        "Benchmark: seconds per window of the occlusion map (default cells: a quarter of the clip by a quarter of the",
        "crop, plus the time strip; at each --batch), the class activation maps and the temporal table, on a",
        "MotionShapes clip at each model's size (default: the demo models); median and min of --runs."})
public class BenchEvidenceCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "model.onnx", description = "models to time (default: the demo models)")
    List<Path> models;

    @Mixin
    OrtBenchOptions bench;

    @Option(names = "--batch", paramLabel = "N", split = ",", defaultValue = "1,8,16,32", description = "occlusion batch sizes (default ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Override
    public Integer call() throws IOException {
        bench.check();
        if (batches.stream().anyMatch(b -> b < 1)) throw new Main.UserError("--batch must be at least 1");
        List<Path> files = models != null ? models : Assets.models();
        if (files.isEmpty()) throw new Main.UserError("no models: give --model (the demo models were not found)");
        System.out.println("ONNX Runtime, " + bench.threads + " intra-op threads; load average before: " + BenchForwardCommand.loadAverage());
        System.out.printf(Locale.ROOT, "%-40s %-34s %9s %9s %9s%n", "model", "probe", "median s", "min s", "cpu s");
        for (Path file : files) {
            try (OnnxSession s = ClassActivation.open(file, bench.settings())) {
                var info = s.info().orElseThrow(() -> new Main.UserError(file + ": no S3D Explorer metadata"));
                Preprocessing pre = info.preprocessing();
                int t = pre.frames();
                MotionShapes gen = new MotionShapes(MotionShapes.Options.defaults(Math.max(pre.resizeShortSide(), pre.cropSize()), Math.max(2, t)));
                Tensor clip = ClipSampler.of(pre).toTensor(gen.clip(1, MotionClass.MOVING_LEFT).frames());
                String name = file.getFileName().toString();
                for (int b : batches) {
                    Occlusion.Options o = Occlusion.Options.defaults(t, pre.cropSize()).withBatch(b);
                    Occlusion.Grid g = new Occlusion.Grid(t, pre.cropSize(), pre.cropSize(), o.cellFrames(), o.cellPixels());
                    String probe = String.format(Locale.ROOT, "occlusion %d+%d+1 clips, batch %d", g.cells(), g.timeCells(), b);
                    report(name, probe, time(() -> Occlusion.run(s, clip, o, ProbeProgress.NONE)));
                }
                report(name, "class activation maps", time(() -> ClassActivation.of(s, clip)));
                report(name, "temporal table (6 clips)", time(() -> TemporalProbe.run(s, info.labels(), clip, t, 1)));
            }
        }
        System.out.println("load average after: " + BenchForwardCommand.loadAverage());
        return 0;
    }

    /** Sorted wall and CPU seconds of the timed runs, after one untimed run. */
    private double[][] time(Supplier<?> probe) {
        probe.get();   // warm-up: ONNX Runtime plans its memory for each new batch size
        return bench.time(probe::get);
    }

    private static void report(String model, String probe, double[][] times) {
        double[] sec = times[0];
        System.out.printf(Locale.ROOT, "%-40s %-34s %9.3f %9.3f %9.3f%n", model, probe, sec[sec.length / 2], sec[0], times[1][sec.length / 2]);
    }
}
