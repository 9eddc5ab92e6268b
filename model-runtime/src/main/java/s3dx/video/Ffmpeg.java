package s3dx.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/** Small helpers around the FFmpeg natives: log level, error strings. */
final class Ffmpeg {

    private static volatile boolean initialised;

    private Ffmpeg() {
    }

    /** Loads the natives once and silences FFmpeg's own stderr logging (our exceptions say what went wrong). */
    static void init() {
        if (!initialised) {
            synchronized (Ffmpeg.class) {
                if (!initialised) {
                    String level = System.getProperty("s3dx.ffmpeg.log", System.getenv("S3DX_FFMPEG_LOG"));
                    avutil.av_log_set_level(level != null && level.equalsIgnoreCase("verbose")
                            ? avutil.AV_LOG_VERBOSE : avutil.AV_LOG_QUIET);
                    initialised = true;
                }
            }
        }
    }

    static String error(int code) {
        try (BytePointer buf = new BytePointer(256)) {
            avutil.av_strerror(code, buf, 256);
            return buf.getString();
        }
    }
}
