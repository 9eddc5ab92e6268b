package s3dx.video;

import org.bytedeco.ffmpeg.global.avutil;

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
        byte[] buf = new byte[256];
        avutil.av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        String s = new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8).trim();
        return s.isEmpty() ? "error " + code : s;
    }
}
