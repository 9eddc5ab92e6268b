package s3dx.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;

/** Times what one click costs: toggle a block, rebuild the network, recount every layer. */
@Command(name = "bench-count", description = "Benchmark: time to recompute every count after one toggle (S3D-G, 64x224x224).")
public class BenchCountCommand implements Callable<Integer> {
    @Option(names = "--iterations", defaultValue = "20000", description = "timed toggles (default ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() {
        Design base = Preset.S3D_G.design();
        Block[] blocks = Block.TOGGLEABLE.toArray(Block[]::new);
        long sink = 0;
        for (int i = 0; i < 20_000; i++) sink += toggleAndCount(base, blocks, i); // warm-up: let the JIT compile
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            sink += toggleAndCount(base, blocks, i);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "toggle + recount (%d layers), %d runs: median %.1f us, p99 %.1f us, max %.1f us (checksum %d)%n",
                CostReport.of(base).layers().size(), iterations, nanos[iterations / 2] / 1e3,
                nanos[(int) (iterations * 0.99)] / 1e3, nanos[iterations - 1] / 1e3, sink % 1000);
        return 0;
    }

    private static long toggleAndCount(Design base, Block[] blocks, int i) {
        Block b = blocks[i % blocks.length];
        ConvMode next = ConvMode.values()[(base.setting(b).mode().ordinal() + 1 + i / blocks.length % 2) % 3];
        return CostReport.of(base.withMode(b, next)).macs();
    }
}
