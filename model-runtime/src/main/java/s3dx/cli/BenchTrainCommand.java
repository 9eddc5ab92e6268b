package s3dx.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.platform.Cpu;
import s3dx.train.EngineCheck;
import s3dx.train.TrainBench;
import s3dx.train.TrainModels;
import s3dx.train.Torch;

@Command(name = "bench-train", description = "Benchmark: training steps/s and clips/s with DJL's PyTorch engine (CPU) at the demo size (16x64x64, width 0.25, 10 classes).")
public class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "s3d-g", description = "preset to time (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--frames", defaultValue = "16", description = "clip frames (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--size", defaultValue = "64", description = "clip height and width (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--width", defaultValue = "0.25", description = "width multiplier (default ${DEFAULT-VALUE})")
    double width;

    @Option(names = "--batch", defaultValue = "16", description = "clips per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed steps first (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() {
        if (steps < 1 || batch < 2 || warmup < 0) throw new Main.UserError("need --steps >= 1, --batch >= 2, --warmup >= 0");
        Design d = Preset.fromId(preset).design().withClip(frames, size, size).withWidthMultiplier(width).withClasses(10);
        TrainBench.Result r = TrainBench.run(d, batch, warmup, steps);
        System.out.printf(Locale.ROOT, "%s %dx%dx%d width %s, batch %d, %s, %d threads available:%n", TrainModels.describe(d), frames, size, size,
                width, batch, Torch.describe(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  training: %.3f s/step = %.2f steps/s = %.1f clips/s (forward + backward + Adam, %d steps after %d warm-up)%n",
                r.secondsPerStep(), r.stepsPerSecond(), r.clipsPerSecond(), steps, warmup);
        System.out.printf(Locale.ROOT, "  of a step: forward %.3f s, backward %.3f s, Adam and the rest %.3f s (timed on their own)%n",
                r.forwardSeconds(), r.backwardSeconds(), r.optimizerSeconds());
        EngineCheck.Result c = r.engineCheck();
        String isaLimit = System.getenv("ONEDNN_MAX_CPU_ISA");
        System.out.printf(Locale.ROOT, "  engine check: %d convolution shapes verified against a plain loop in %.3f s on %s%s%n", c.shapesChecked(),
                c.seconds(), Cpu.current().describe(), isaLimit == null ? "" : ", ONEDNN_MAX_CPU_ISA=" + isaLimit);
        System.out.printf(Locale.ROOT, "  rendering MotionShapes: %.3f s per batch of %d (overlaps the step in s3dx train)%n", r.renderSecondsPerBatch(), batch);
        System.out.printf(Locale.ROOT, "  eval-mode forward (DJL): %.1f clips/s%n", r.evalClipsPerSecond());
        return 0;
    }
}
