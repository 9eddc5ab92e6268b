package s3dx.cli;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import picocli.CommandLine.Option;
import s3dx.infer.OnnxSession;

/** What the ONNX Runtime benchmarks share: thread count, timed runs, spinning, and the timing loop itself. */
public class OrtBenchOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "intra-op threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5", description = "timed runs of each case (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--no-spin", description = {"idle ONNX Runtime threads sleep instead of spinning; then 'cpu s' is the work",
            "itself and cpu s / threads estimates the wall time on an idle machine"})
    boolean noSpin;

    void check() {
        if (threads < 1 || runs < 1) throw new Main.UserError("--threads and --runs must be at least 1");
    }

    OnnxSession.Settings settings() {
        return new OnnxSession.Settings(threads, !noSpin);
    }

    /** Sorted wall seconds and sorted process CPU seconds of {@code runs} timed runs of {@code work}. */
    double[][] time(Runnable work) {
        double[] sec = new double[runs], cpu = new double[runs];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
            work.run();
            sec[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
        }
        Arrays.sort(sec);
        Arrays.sort(cpu);
        return new double[][]{sec, cpu};
    }
}
