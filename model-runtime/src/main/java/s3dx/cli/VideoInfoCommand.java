package s3dx.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import s3dx.video.VideoInfo;
import s3dx.video.VideoReader;

@Command(name = "video-info", description = "Show a video's container, codec, size, frame rate, duration and frame count.")
public class VideoInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "video file (mp4, webm, avi, mov, gif, ... anything FFmpeg reads)")
    Path file;

    @Option(names = "--count", description = "decode every frame and report the real count (slower)")
    boolean count;

    @Override
    public Integer call() throws Exception {
        try (VideoReader r = VideoReader.open(file)) {
            VideoInfo i = r.info();
            System.out.printf(Locale.ROOT, "file:      %s%n", i.file());
            System.out.printf(Locale.ROOT, "format:    %s%n", i.format());
            System.out.printf(Locale.ROOT, "codec:     %s%n", i.codec());
            System.out.printf(Locale.ROOT, "size:      %dx%d%n", i.width(), i.height());
            System.out.printf(Locale.ROOT, "fps:       %.3f%n", i.fps());
            System.out.printf(Locale.ROOT, "duration:  %.3f s%n", i.durationSeconds());
            System.out.printf(Locale.ROOT, "frames:    %d%s%n", i.frameCount(), count ? " (declared)" : "");
            if (count) {
                long n = 0;
                while (r.skip()) n++;
                System.out.printf(Locale.ROOT, "decoded:   %d frames%n", n);
            }
        }
        return 0;
    }
}
