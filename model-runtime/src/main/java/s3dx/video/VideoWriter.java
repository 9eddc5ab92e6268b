package s3dx.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/** Encodes RGB frames into a video file with FFmpeg (LGPL build: H.264 via OpenH264, MPEG-4, MJPEG, VP9, GIF, PNG). */
public final class VideoWriter implements AutoCloseable {

    /** Encoders available in the default (LGPL) bytedeco FFmpeg build, with their container. */
    public enum Codec {
        /** H.264 through Cisco's OpenH264 (libx264 is only in the GPL build). */
        H264("libopenh264", "mp4", avutil.AV_PIX_FMT_YUV420P),
        MPEG4("mpeg4", "mp4", avutil.AV_PIX_FMT_YUV420P),
        MJPEG("mjpeg", "avi", avutil.AV_PIX_FMT_YUVJ420P),
        VP9("libvpx-vp9", "webm", avutil.AV_PIX_FMT_YUV420P),
        GIF("gif", "gif", avutil.AV_PIX_FMT_RGB8),
        /** Lossless RGB (PNG frames in AVI): decoded frames equal the written ones byte for byte. */
        PNG("png", "avi", avutil.AV_PIX_FMT_RGB24);

        final String encoder;
        final String format;
        final int pixelFormat;

        Codec(String encoder, String format, int pixelFormat) {
            this.encoder = encoder;
            this.format = format;
            this.pixelFormat = pixelFormat;
        }

        public String encoderName() {
            return encoder;
        }

        /** The codec a file name's extension implies: mp4/mov/m4v: H264, avi: MJPEG, webm/mkv: VP9, gif: GIF. */
        public static Codec forFile(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".avi")) return MJPEG;
            if (n.endsWith(".webm") || n.endsWith(".mkv")) return VP9;
            if (n.endsWith(".gif")) return GIF;
            return H264;
        }
    }

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final int width, height;
    private long written;
    private boolean closed;

    private VideoWriter(Path file, FFmpegFrameRecorder recorder, int width, int height) {
        this.file = file;
        this.recorder = recorder;
        this.width = width;
        this.height = height;
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    }

    /** Opens a writer with the codec implied by the file extension. */
    public static VideoWriter open(Path file, int width, int height, double fps) throws VideoException {
        return open(file, width, height, fps, Codec.forFile(file), 10);
    }

    /**
     * @param gop key-frame interval in frames (small values make seeking cheaper)
     */
    public static VideoWriter open(Path file, int width, int height, double fps, Codec codec, int gop) throws VideoException {
        Ffmpeg.init();
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("bad size " + width + "x" + height);
        if (codec.pixelFormat == avutil.AV_PIX_FMT_YUV420P && (width % 2 != 0 || height % 2 != 0)) {
            throw new VideoException(file, VideoException.Problem.WRITE_FAILED, codec + " needs even width and height, got "
                    + width + "x" + height, width + "x" + height);
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = n.endsWith(".mov") ? "mov" : n.endsWith(".mkv") ? "matroska" : codec.format;
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        r.setFormat(format);
        r.setVideoCodecName(codec.encoder);
        r.setPixelFormat(codec.pixelFormat);
        r.setFrameRate(fps);
        r.setGopSize(Math.max(1, gop));
        switch (codec) {
            case H264 -> {
                r.setVideoBitrate(Math.max(400_000, width * height * 30));
                r.setVideoOption("allow_skip_frames", "0");
            }
            case MPEG4, MJPEG -> r.setVideoQuality(2);
            case VP9 -> {
                r.setVideoBitrate(Math.max(400_000, width * height * 30));
                r.setVideoOption("deadline", "realtime");
                r.setVideoOption("cpu-used", "8");
            }
            default -> { }
        }
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try {
                r.release();
            } catch (Exception ignored) {
                // already failing
            }
            throw new VideoException(file, VideoException.Problem.WRITE_FAILED, "cannot start " + codec + " encoder: " + e.getMessage(),
                    e.getMessage(), e);
        }
        return new VideoWriter(file, r, width, height);
    }

    public void write(RgbFrame f) throws VideoException {
        if (closed) throw new IllegalStateException(file + ": writer is closed");
        if (f.width() != width || f.height() != height) {
            throw new IllegalArgumentException("frame " + f.width() + "x" + f.height() + " != video " + width + "x" + height);
        }
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride, row = width * 3;
        byte[] src = f.rgb();
        for (int y = 0; y < height; y++) buf.put(y * stride, src, y * row, row);
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new VideoException(file, VideoException.Problem.WRITE_FAILED, "encoding frame " + written + " failed: " + e.getMessage(),
                    e.getMessage(), e);
        }
        written++;
    }

    public long framesWritten() {
        return written;
    }

    @Override
    public void close() throws VideoException {
        if (closed) return;
        closed = true;
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new VideoException(file, VideoException.Problem.WRITE_FAILED, "finishing the video failed: " + e.getMessage(),
                    e.getMessage(), e);
        } finally {
            frame.close();
        }
    }
}
