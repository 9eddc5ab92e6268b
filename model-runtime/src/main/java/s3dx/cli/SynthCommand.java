package s3dx.cli;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.synth.PlainShapes;
import s3dx.files.UserFiles;
import s3dx.video.VideoWriter;

@Command(name = "synth", description = {
        "Write MotionShapes clips (10 motion classes in time-reversed pairs) as video files,",
        "with a CSV manifest (file,label) and the label list; --renderer plain draws the same motions another way,",
        "to test models on clips unlike their training ('s3dx evaluate --videos DIR/manifest.csv')."})
public class SynthCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, paramLabel = "N", description = "number of clips")
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE}); same seed, same clips")
    long seed;

    @Option(names = "--frames", paramLabel = "T", defaultValue = "16", description = "frames per clip (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--size", paramLabel = "S|WxH", defaultValue = "112",
            description = "frame size in pixels, even: S for square frames or WxH, e.g. 160x120 (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--renderer", paramLabel = "R", defaultValue = "motionshapes",
            description = "motionshapes (what the models train on) or plain (another renderer: Java2D shapes on a noisy flat "
                    + "background, its own sizes and speeds; a test of whether a model learned the motions, not the renderer); "
                    + "default ${DEFAULT-VALUE}")
    String renderer;

    @Option(names = "--episodes", paramLabel = "K", defaultValue = "1",
            description = "clips of one class played back to back per file, each --frames long (default ${DEFAULT-VALUE}); "
                    + "longer demo clips that keep the training speed")
    int episodes;

    @Option(names = "--class", paramLabel = "LABEL", description = "make every clip this class, e.g. \"moving left\" or moving_left (default: random classes)")
    String motionClass;

    @Option(names = "--held-out-settings", description = "draw the clips with the generator settings training never uses (other shapes, hues, background, speeds, sizes, noise)")
    boolean heldOutSettings;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "12", description = "frame rate of the files (default ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--codec", paramLabel = "C", defaultValue = "h264",
            description = "h264 (OpenH264, .mp4), mpeg4 (.mp4), mjpeg (.avi), vp9 (.webm), gif, png (lossless .avi); default ${DEFAULT-VALUE}")
    String codec;

    @Override
    public Integer call() throws Exception {
        VideoWriter.Codec c = Main.parseEnum(VideoWriter.Codec.class, "--codec", codec);
        if (count < 1) throw new Main.UserError("--count must be at least 1, got " + count);
        if (frames < 2 || frames > 10_000) throw new Main.UserError("--frames must be 2..10000, got " + frames);
        int[] wh = frameSize(size);
        boolean plain = switch (renderer.toLowerCase(Locale.ROOT)) {
            case "motionshapes" -> false;
            case "plain" -> true;
            default -> throw new Main.UserError("--renderer: unknown value '" + renderer + "'; use one of motionshapes, plain");
        };
        if (plain && heldOutSettings) throw new Main.UserError("--held-out-settings is a MotionShapes option; the plain renderer has its own");
        if (!plain && wh[0] != wh[1]) throw new Main.UserError("--size: MotionShapes draws square frames; give one number, or use --renderer plain");
        if (!(fps > 0 && fps <= 1000)) throw new Main.UserError("--fps must be in (0, 1000], got " + fps);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new Main.UserError("cannot create output folder " + out + ": " + why);
        }
        String ext = switch (c) {
            case H264, MPEG4 -> "mp4";
            case MJPEG, PNG -> "avi";
            case VP9 -> "webm";
            case GIF -> "gif";
        };
        MotionClass chosen = motionClass == null ? null : classNamed(motionClass);
        BiFunction<Long, MotionClass, MotionShapes.Clip> draw = plain ? new PlainShapes(wh[0], wh[1], frames, PlainShapes.NOISE)::clip
                : new MotionShapes(MotionShapes.Options.defaults(wh[0], frames)
                        .withSettings(heldOutSettings ? MotionShapes.Settings.HELD_OUT : MotionShapes.Settings.TRAINING))::clip;
        UserFiles.write(out.resolve("labels.txt"), o -> o.write(s3dx.synth.MotionClass.labelsText().getBytes(StandardCharsets.UTF_8)));
        Path manifest = out.resolve("manifest.csv");
        // the manifest appears (or replaces an earlier one) only when every clip it lists was written
        UserFiles.write(manifest, o -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            w.write("file,label\n");
            for (int i = 0; i < count; i++) {
                long itemSeed = MotionShapes.itemSeed(seed, i);
                MotionClass cls = motionClass == null ? MotionShapes.classFor(itemSeed) : chosen;
                MotionShapes.Clip clip = MotionShapes.episodes(draw, itemSeed, cls, episodes);
                String name = String.format(Locale.ROOT, "clip_%05d_%s.%s", i, clip.label().label().replace(' ', '_'), ext);
                MotionShapes.write(clip, out.resolve(name), fps, c);
                w.write(name + "," + clip.label().label() + "\n");
            }
            w.flush();
        });
        System.out.printf(Locale.ROOT, "wrote %d %s %s clips (%dx%d, %d frames, %s) and %s to %s%n", count, plain ? "plain" : "MotionShapes",
                ext, wh[0], wh[1], frames * episodes, c.encoderName(), manifest.getFileName(), out);
        return 0;
    }

    /** "S" or "WxH", each even and 16..4096. */
    static int[] frameSize(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            int w = Integer.parseInt(parts[0]), h = parts.length == 2 ? Integer.parseInt(parts[1]) : w;
            if (parts.length <= 2 && w >= 16 && h >= 16 && w <= 4096 && h <= 4096 && w % 2 == 0 && h % 2 == 0) return new int[]{w, h};
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Main.UserError("--size must be S or WxH, even and 16..4096, got '" + text + "'");
    }

    private static MotionClass classNamed(String text) {
        try {
            return MotionClass.ofLabel(text.replace('_', ' ').strip());
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--class: unknown class '" + text + "'; use one of " + MotionClass.labels());
        }
    }
}
