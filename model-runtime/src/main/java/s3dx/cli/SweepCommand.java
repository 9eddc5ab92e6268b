package s3dx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.sweep.Sweep;
import s3dx.sweep.SweepPlan;
import s3dx.sweep.SweepResults;
import s3dx.synth.MotionShapes;
import s3dx.train.TrainConfig;

@Command(name = "sweep", description = {
        "Train lists of designs x seeds with one protocol, each run in its own JVM (s3dx train), several at a time,",
        "into a folder: one JSON per finished run, results.json/.csv and summary.csv (mean and spread over seeds).",
        "Run it again with the same options to resume: finished runs are not trained again.",
        "Lists: presets (the paper's 7 variants), figure4 (Bottom-/Top-Heavy with the boundary at every block,",
        "full 3D and separable 3D: the paper's Figure 4)."})
public class SweepCommand implements Callable<Integer> {
    @Option(names = "--designs", paramLabel = "LIST", split = ",", defaultValue = "presets",
            description = "design lists, in training order: presets, figure4 (default ${DEFAULT-VALUE})")
    List<String> lists;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "0",
            description = "seeds; each list trains every design with the first seed, then the next... (default ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "train only these designs of the lists, e.g. s3d-g,i2d or top-heavy-s3d-mixed_4c")
    List<String> only = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the sweep folder (created; reused to resume)")
    Path out;

    @Option(names = "--resume-from", paramLabel = "FILE", description = {"an earlier sweep's results.json (or assets/models/sweep-results.json)",
            "of the same protocol: its runs count as finished"})
    Path resumeFrom;

    @Option(names = "--steps", defaultValue = "600", description = "optimiser steps per run (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "clips per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "" + TrainConfig.DEFAULT_LEARNING_RATE, description = "Adam learning rate, cosine-decayed (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--frames", defaultValue = "16", description = "clip frames (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--size", defaultValue = "64", description = "clip height and width (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--width", defaultValue = "0.25", description = "width multiplier (default ${DEFAULT-VALUE})")
    double width;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "learning-rate warm-up steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--eval-clips", defaultValue = "200", description = "held-out clips per test, with training's and with held-out generator settings (default ${DEFAULT-VALUE})")
    int evalClips;

    @Option(names = "--parallel", defaultValue = "1", description = "runs at a time (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--threads", description = "libtorch threads per run (default: cores / parallel)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || steps < 1 || batch < 2 || evalClips < 1 || seeds.isEmpty()) {
            throw new Main.UserError("need --parallel >= 1, --steps >= 1, --batch >= 2, --eval-clips >= 1 and at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) throw new Main.UserError("--seeds lists a seed twice");
        String warmupProblem = TrainConfig.warmupProblem(warmup, steps);
        if (warmupProblem != null) throw new Main.UserError("--warmup " + warmupProblem);
        List<SweepPlan.Run> runs;
        try {
            runs = SweepPlan.runs(lists, seeds, only);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--designs: " + e.getMessage());
        }
        int t = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        var protocol = new Sweep.Protocol(steps, batch, lr, frames, size, width, evalClips, MotionShapes.GENERATOR, warmup);
        Sweep sweep = new Sweep(runs, protocol, out, System.out);
        Sweep.Outcome o;
        try {
            if (resumeFrom != null) {
                int taken = sweep.adopt(SweepResults.readUserFile(resumeFrom), resumeFrom);
                System.out.printf("%d finished runs taken from %s%n", taken, resumeFrom);
            }
            o = sweep.run(parallel, t);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        System.out.printf("sweep done: %d finished before, %d trained now, %d failed%s; results in %s%n", o.alreadyDone(), o.trained(),
                o.failed().size(), o.failed().isEmpty() ? "" : " " + o.failed(), out.resolve("results.csv"));
        return o.failed().isEmpty() ? 0 : 1;
    }
}
