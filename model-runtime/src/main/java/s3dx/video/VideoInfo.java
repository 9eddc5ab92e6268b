package s3dx.video;

import java.nio.file.Path;

/**
 * What a video container says about its video stream.
 *
 * @param frameCount the number of frames the container declares (an estimate from duration x fps for
 *                   formats without an index; exact for mp4/mov/avi/webm files written by FFmpeg)
 * @param durationSeconds the stream (or container) duration
 */
public record VideoInfo(Path file, String format, String codec, int width, int height, double fps,
                        double durationSeconds, long frameCount) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %s/%s %dx%d, %.3f fps, %.3f s, %d frames",
                file, format, codec, width, height, fps, durationSeconds, frameCount);
    }
}
