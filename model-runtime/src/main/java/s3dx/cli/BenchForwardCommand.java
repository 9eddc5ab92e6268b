package s3dx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import s3dx.cost.CostReport;
import s3dx.infer.OnnxSession;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.platform.Cpu;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightInit;

/** Times one forward pass in ONNX Runtime and compares the rate with the machine's FP32 peak. */
@Command(name = "bench-forward", description = {
        "Benchmark: forward time of S3D and S3D-G (batch 1, seeded weights) at 64x224x224 and 16x112x112 in ONNX Runtime,",
        "median of --runs after --warmup runs, and the achieved FLOP rate as a share of peak (cores x FP32 FLOP/cycle of the ISA found x clock)."})
public class BenchForwardCommand implements Callable<Integer> {
    @Mixin
    OrtBenchOptions bench;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmup;


    @Option(names = "--preset", paramLabel = "NAME", split = ",", defaultValue = "s3d,s3d-g", description = "presets to time (default ${DEFAULT-VALUE})")
    List<String> presets;

    @Option(names = "--clip", paramLabel = "TxS", split = ",", defaultValue = "64x224,16x112", description = "clips TxS (S = height = width; default ${DEFAULT-VALUE})")
    List<String> clips;

    @Override
    public Integer call() {
        bench.check();
        if (warmup < 0) throw new Main.UserError("--warmup must be at least 0");
        int threads = bench.threads;
        Cpu cpu = Cpu.current();
        Cpu.Clock clock = Cpu.clock().orElseThrow(() -> new Main.UserError("cannot read the CPU clock from /proc/cpuinfo or lscpu"));
        int flop = cpu.isa().flopPerCycle;
        double peak = threads * flop * clock.ghz();
        System.out.printf(Locale.ROOT, "CPU: %s; peak assumes %d FP32 FLOP/cycle/core for %s (%s)%n", cpu.describe(), flop, cpu.isa().label,
                cpu.isa().assumption);
        System.out.printf(Locale.ROOT, "ONNX Runtime, %d intra-op threads, graph optimisation ALL; peak = %d cores x %d FLOP/cycle x %.3f GHz"
                + " (%s) = %.1f GFLOP/s%n", threads, threads, flop, clock.ghz(), clock.source(), peak);
        System.out.println("load average before: " + loadAverage() + " (other processes on these cores slow every figure below)");
        System.out.printf(Locale.ROOT, "%-8s %-11s %9s %9s %9s %9s %9s %7s %9s%n", "preset", "clip", "G MACs", "median s", "min s", "max s", "GFLOP/s", "% peak",
                "cpu s");
        for (String p : presets) {
            for (String c : clips) {
                String[] tc = c.toLowerCase(Locale.ROOT).split("x");
                if (tc.length != 2) throw new Main.UserError("--clip: expected TxS such as 64x224, got '" + c + "'");
                int t = Integer.parseInt(tc[0]), s = Integer.parseInt(tc[1]);
                Design d = Preset.fromId(p).design().withClip(t, s, s);
                Network net = Network.of(d);
                long macs = CostReport.of(net).macs();
                double[][] times = time(net);
                double[] sec = times[0];
                double median = sec[sec.length / 2];
                double gflops = 2.0 * macs / median / 1e9;
                System.out.printf(Locale.ROOT, "%-8s %-11s %9.3f %9.3f %9.3f %9.3f %9.1f %6.1f%% %9.3f%n", Preset.fromId(p).displayName(),
                        t + "x" + s + "x" + s, macs / 1e9, median, sec[0], sec[sec.length - 1], gflops, 100 * gflops / peak,
                        times[1][sec.length / 2]);
            }
        }
        System.out.println("load average after: " + loadAverage());
        return 0;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Sorted wall seconds and sorted process CPU seconds of the timed runs. */
    private double[][] time(Network net) {
        byte[] model = OnnxModelBuilder.build(net, WeightInit.seeded(net, 0), ModelInfo.defaults(net.design())).toByteArray();
        Design d = net.design();
        Tensor clip = Tensor.zeros(1, 3, d.frames(), d.height(), d.width());
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < clip.data().length; i++) clip.data()[i] = (float) r.nextGaussian();
        try (OnnxSession s = OnnxSession.open(model, bench.settings())) {
            for (int i = 0; i < warmup; i++) s.run(clip);
            return bench.time(() -> s.run(clip));
        }
    }
}
