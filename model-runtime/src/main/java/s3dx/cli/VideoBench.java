package s3dx.cli;

import s3dx.net.Preprocessing;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.video.ClipSampler;
import s3dx.video.ClipWindow;
import s3dx.video.VideoReader;
import s3dx.video.VideoWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures decode + resize + crop + normalise throughput: writes a 320x240 H.264 MotionShapes clip, then runs it
 * through {@link ClipSampler} (16-frame windows, step 1, stride 16, 320x240 -> 112x112) with a single-threaded
 * decoder. Pin it to one core to measure one core:
 * {@code taskset -c 0 java -cp "model-runtime/target/classes:model-runtime/target/lib/*" s3dx.cli.VideoBench}
 * <p>Arguments: {@code [frames=300] [repeats=5]}.
 */
public final class VideoBench {

    private VideoBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(frames, repeats, System.out);
    }

    /** Runs the benchmark, printing each run; returns the best decode+preprocess frames/s. */
    public static double run(int frames, int repeats, java.io.PrintStream out) throws Exception {
        if (frames < 16 || repeats < 1) throw new IllegalArgumentException("need at least 16 frames and 1 repeat");
        Path dir = Files.createTempDirectory("s3dx-bench");
        Path video = dir.resolve("bench_320x240.mp4");
        try {
            long t0 = System.nanoTime();
            MotionShapes gen = new MotionShapes(new MotionShapes.Options(320, 240, frames, true, 10, 2));
            MotionShapes.write(gen.clip(7, MotionClass.MOVING_RIGHT), video, 25, VideoWriter.Codec.H264);
            out.printf(Locale.ROOT, "wrote %s (%d frames, H.264/OpenH264, %d bytes) in %.1f s%n", video, frames,
                    Files.size(video), (System.nanoTime() - t0) / 1e9);

            ClipSampler sampler = ClipSampler.of(Preprocessing.symmetric(112, 112, 16)).withStride(16);
            double best = 0, bestDecode = 0;
            for (int r = 0; r < repeats; r++) {
                long a = System.nanoTime();
                long n = 0;
                try (VideoReader reader = VideoReader.open(video, VideoReader.DEFAULT_MAX_SIDE, 1)) {
                    while (reader.next() != null) n++;
                }
                double decodeFps = n / ((System.nanoTime() - a) / 1e9);

                a = System.nanoTime();
                long windows = 0, covered = 0;
                try (VideoReader reader = VideoReader.open(video, VideoReader.DEFAULT_MAX_SIDE, 1)) {
                    ClipSampler.Windows w = sampler.windows(reader);
                    for (ClipWindow cw; (cw = w.next()) != null; ) {
                        windows++;
                        covered += cw.endFrame() - cw.startFrame();
                    }
                }
                double fps = covered / ((System.nanoTime() - a) / 1e9);
                out.printf(Locale.ROOT, "run %d: decode only %.0f frames/s; decode+resize+crop+normalise %.0f frames/s (%d clips of [1,3,16,112,112])%n",
                        r + 1, decodeFps, fps, windows);
                best = Math.max(best, fps);
                bestDecode = Math.max(bestDecode, decodeFps);
            }
            out.printf(Locale.ROOT, "best: %.0f frames/s decode+preprocess (decode only %.0f frames/s), 320x240 -> 112x112, 1 decoder thread%n",
                    best, bestDecode);
            return best;
        } finally {
            Files.deleteIfExists(video);
            Files.deleteIfExists(dir);
        }
    }
}
