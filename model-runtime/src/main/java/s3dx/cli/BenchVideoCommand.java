package s3dx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-video", description = {
        "Measure decode + resize + crop + normalise throughput on a generated 320x240 H.264 clip (320x240 -> 112x112).",
        "For a one-core figure run it pinned: taskset -c 0 ./s3dx bench-video"})
public class BenchVideoCommand implements Callable<Integer> {

    @Option(names = "--frames", paramLabel = "N", defaultValue = "300", description = "frames in the clip (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5", description = "timed passes (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (frames < 16 || frames > 100_000) throw new Main.UserError("--frames must be 16..100000, got " + frames);
        if (repeats < 1 || repeats > 100) throw new Main.UserError("--repeats must be 1..100, got " + repeats);
        VideoBench.run(frames, repeats, System.out);
        return 0;
    }
}
