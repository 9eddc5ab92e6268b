package s3dx.video;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import s3dx.video.VideoException.Problem;

/**
 * Decodes a video file (anything FFmpeg reads: mp4/h264, webm/vp9, avi/mjpeg, mov, gif, ...) into 8-bit RGB
 * frames, sequentially or from an exact frame index. Not thread-safe; close it when done.
 *
 * <pre>{@code
 * try (VideoReader r = VideoReader.open(path)) {
 *     VideoInfo info = r.info();
 *     for (RgbFrame f; (f = r.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class VideoReader implements AutoCloseable {

    /** Frames wider or taller than this are refused before decoding starts. */
    public static final int DEFAULT_MAX_SIDE = 8192;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private RgbFrame pending;
    private long position;
    private long indexedFrames;   // frame count from the container's index, 0 if it has none
    private boolean closed;

    private VideoReader(Path file, FFmpegFrameGrabber grabber, VideoInfo info) {
        this.file = file;
        this.grabber = grabber;
        this.info = info;
    }

    public static VideoReader open(Path file) throws VideoException {
        return open(file, DEFAULT_MAX_SIDE);
    }

    /**
     * Opens a video, checks it has a decodable video stream no larger than {@code maxSide} pixels a side, and
     * decodes its first frame (so a file without frames fails here, not later).
     */
    public static VideoReader open(Path file, int maxSide) throws VideoException {
        return open(file, maxSide, 0);
    }

    /**
     * As {@link #open(Path, int)}, with the decoder's thread count ({@code 0}: FFmpeg picks, one per core).
     */
    public static VideoReader open(Path file, int maxSide, int decoderThreads) throws VideoException {
        Ffmpeg.init();
        if (!Files.exists(file)) throw new VideoException(file, Problem.NOT_FOUND, "file not found", null);
        if (Files.isDirectory(file)) throw new VideoException(file, Problem.IS_DIRECTORY, "is a directory, not a video file", null);
        if (!Files.isRegularFile(file)) {
            throw new VideoException(file, Problem.CANNOT_OPEN, "is a device, FIFO or socket, not a video file", null);
        }
        if (!Files.isReadable(file)) throw new VideoException(file, Problem.NOT_READABLE, "file not readable", null);
        try {
            if (Files.size(file) == 0) throw new VideoException(file, Problem.EMPTY, "file is empty", null);
        } catch (java.io.IOException e) {
            throw new VideoException(file, Problem.CANNOT_READ, "cannot read: " + e.getMessage(), e.getMessage(), e);
        }
        boolean headerHasVideo = probe(file, maxSide);

        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        if (decoderThreads > 0) g.setVideoOption("threads", Integer.toString(decoderThreads));
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            String msg = clean(e.getMessage());
            if (msg.contains("Did not find a video or audio stream")) {
                throw headerHasVideo ? new VideoException(file, Problem.NO_FRAMES, "contains no video frames", null, e)
                        : new VideoException(file, Problem.NO_VIDEO_STREAM, "no video stream (not a video file)", null, e);
            }
            throw new VideoException(file, Problem.CANNOT_OPEN, "cannot open video: " + msg, msg, e);
        }
        try {
            if (!g.hasVideo()) throw new VideoException(file, Problem.NO_VIDEO_STREAM, "no video stream (not a video file)", null);
            int w = g.getImageWidth(), h = g.getImageHeight();
            if (w <= 0 || h <= 0) throw new VideoException(file, Problem.NO_FRAME_SIZE, "video stream has no frame size", null);
            if (w > maxSide || h > maxSide) throw tooLarge(file, w, h, maxSide);
            double fps = g.getVideoFrameRate();
            if (!(fps > 0) || Double.isInfinite(fps)) fps = g.getFrameRate();
            double duration = Math.max(0, g.getLengthInTime()) / 1e6;
            long indexed = indexedFrameCount(g);
            long frames = indexed > 0 ? indexed : Math.max(0, g.getLengthInVideoFrames());
            String codec = g.getVideoCodecName();
            if (codec == null || codec.isEmpty()) codec = avcodec.avcodec_get_name(g.getVideoCodec()).getString();
            VideoInfo info = new VideoInfo(file, g.getFormat(), codec, w, h, fps, duration, frames);
            VideoReader r = new VideoReader(file, g, info);
            r.indexedFrames = indexed;
            r.pending = r.decode();
            if (r.pending == null) throw new VideoException(file, Problem.NO_FRAMES, "contains no video frames", null);
            return r;
        } catch (VideoException e) {
            release(g);
            throw e;
        }
    }

    /**
     * Looks at the container header (no decoding): a video stream we can decode, of a sane size.
     * @return whether the header declares a video stream
     */
    private static boolean probe(Path file, int maxSide) throws VideoException {
        AVFormatContext ctx = new AVFormatContext(null);
        int r = avformat.avformat_open_input(ctx, file.toAbsolutePath().toString(), null, null);
        if (r < 0) {
            String error = Ffmpeg.error(r);
            throw new VideoException(file, Problem.NOT_VIDEO, "not a video file FFmpeg can read (" + error + ")", error);
        }
        try {
            int n = ctx.nb_streams();
            boolean anyVideo = false;
            String unsupported = null;
            for (int i = 0; i < n; i++) {
                AVCodecParameters p = ctx.streams(i).codecpar();
                if (p.codec_type() != avutil.AVMEDIA_TYPE_VIDEO) continue;
                if (p.width() > maxSide || p.height() > maxSide) throw tooLarge(file, p.width(), p.height(), maxSide);
                AVCodec dec = avcodec.avcodec_find_decoder(p.codec_id());
                if (dec == null || dec.isNull()) {
                    unsupported = describeCodec(p);
                } else {
                    anyVideo = true;
                }
            }
            if (!anyVideo && unsupported != null) {
                throw new VideoException(file, Problem.UNSUPPORTED_CODEC,
                        "unsupported video codec " + unsupported + " (no decoder in this FFmpeg build)", unsupported);
            }
            return anyVideo;
        } finally {
            avformat.avformat_close_input(ctx);
        }
    }

    private static String describeCodec(AVCodecParameters p) {
        int tag = p.codec_tag();
        StringBuilder fourcc = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = (tag >>> (8 * i)) & 0xFF;
            fourcc.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        String name = avcodec.avcodec_get_name(p.codec_id()).getString();
        return tag != 0 ? "'" + fourcc + "' (" + name + ")" : name;
    }

    private static VideoException tooLarge(Path file, int w, int h, int maxSide) {
        return new VideoException(file, Problem.TOO_LARGE, "frame size " + w + "x" + h + " too large (limit " + maxSide + " px a side)",
                w + "x" + h + " > " + maxSide);
    }

    private static String clean(String msg) {
        if (msg == null) return "unknown error";
        return msg.replace("(For more details, make sure FFmpegLogCallback.set() has been called.)", "")
                .replaceAll("\\s+", " ").trim();
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (Exception | Error ignored) {
            // already failing; nothing more to report
        }
    }

    public Path file() {
        return file;
    }

    public VideoInfo info() {
        return info;
    }

    /** Index of the frame that {@link #next()} returns next. */
    public long position() {
        return position;
    }

    /**
     * The next frame in decode order, or null at the end of the stream.
     * @throws VideoException when decoding fails, or the stream ends well before the frame count the file
     *     declares (a truncated file)
     */
    public RgbFrame next() throws VideoException {
        ensureOpen();
        RgbFrame f = pending != null ? pending : decode();
        pending = null;
        if (f != null) position++;
        else checkComplete();
        return f;
    }

    /**
     * At the end of the stream: a file whose data stops well short of what its header declares is truncated
     * or damaged. Exact index counts (mp4, avi) allow 2 frames or 2% of slack; counts estimated from the
     * duration (webm, mkv) allow 3 frames or 10%.
     */
    private void checkComplete() throws VideoException {
        long declared = indexedFrames > 0 ? indexedFrames : info.frameCount();
        if (declared <= 0) return;
        long slack = indexedFrames > 0 ? Math.max(2, declared / 50) : Math.max(3, declared / 10);
        if (position < declared - slack) {
            throw new VideoException(file, Problem.TRUNCATED, "truncated or damaged: the video data ends at frame " + position + " of "
                    + declared + " declared", null);
        }
    }

    private static long indexedFrameCount(FFmpegFrameGrabber g) {
        AVFormatContext ctx = g.getFormatContext();
        if (ctx == null || ctx.isNull()) return 0;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            if (st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                    && (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return Math.max(0, st.nb_frames());
            }
        }
        return 0;
    }

    /**
     * Moves past the next frame without converting it to RGB (cheaper than {@link #next()}).
     * @return false at the end of the stream
     */
    public boolean skip() throws VideoException {
        ensureOpen();
        if (pending != null) {
            pending = null;
            position++;
            return true;
        }
        try {
            Frame f = grabber.grabFrame(false, true, false, false, false);
            while (f != null && f.image == null) f = grabber.grabFrame(false, true, false, false, false);
            if (f == null) {
                checkComplete();
                return false;
            }
            position++;
            return true;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new VideoException(file, Problem.DECODE_FAILED, "decoding failed after frame " + position + ": "
                    + clean(e.getMessage()), clean(e.getMessage()), e);
        }
    }

    /** Positions the reader so that {@link #next()} returns frame {@code frame} (0-based), exactly. */
    public void seek(long frame) throws VideoException {
        ensureOpen();
        if (frame < 0) throw new IllegalArgumentException("negative frame index " + frame);
        if (frame == position) return;
        pending = null;
        try {
            grabber.setVideoFrameNumber(Math.toIntExact(frame));
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new VideoException(file, Problem.SEEK_FAILED, "cannot seek to frame " + frame + ": " + clean(e.getMessage()),
                    clean(e.getMessage()), e);
        }
        position = frame;
    }

    /** Frame {@code index}, or null past the end. Seeks, so costs up to one GOP of decoding. */
    public RgbFrame frameAt(long index) throws VideoException {
        seek(index);
        return next();
    }

    /** Decodes all remaining frames. Holds them all in memory: for short clips and tests. */
    public List<RgbFrame> readAll() throws VideoException {
        List<RgbFrame> out = new ArrayList<>();
        for (RgbFrame f; (f = next()) != null; ) out.add(f);
        return out;
    }

    private RgbFrame decode() throws VideoException {
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new VideoException(file, Problem.DECODE_FAILED, "decoding failed after frame " + position + ": "
                    + clean(e.getMessage()), clean(e.getMessage()), e);
        }
        if (f == null || f.image == null || f.image[0] == null) return null;
        return toRgb(f);
    }

    /** Copies an RGB24 javacv frame into a packed byte array, honouring the row stride. */
    static RgbFrame toRgb(Frame f) {
        int w = f.imageWidth, h = f.imageHeight;
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int stride = f.imageStride; // bytes per row for 8-bit images
        int row = w * 3;
        byte[] out = new byte[row * h];
        if (stride == row) {
            buf.get(0, out, 0, out.length);
        } else {
            for (int y = 0; y < h; y++) buf.get(y * stride, out, y * row, row);
        }
        return new RgbFrame(w, h, out);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException(file + ": reader is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pending = null;
        release(grabber);
    }
}
