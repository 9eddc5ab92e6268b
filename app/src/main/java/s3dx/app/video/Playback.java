package s3dx.app.video;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import s3dx.app.i18n.ErrorText;
import s3dx.video.ReversedFrames;
import s3dx.video.RgbFrame;
import s3dx.video.VideoException;
import s3dx.video.VideoInfo;
import s3dx.video.VideoReader;

/**
 * Decodes one video on its own thread and paces it: play, pause, seek, step, speed and loop are commands
 * queued to that thread. Playing backward reads the frames last to first ({@link ReversedFrames}: one seek per
 * chunk). Each shown frame goes to {@code sink} (called on the decode thread; the view hands
 * it to the FX thread). Plain Java: no JavaFX here.
 */
public final class Playback implements AutoCloseable {
    /** A decoded frame and its index. */
    public record Shown(long index, RgbFrame frame) {
    }

    private final VideoReader reader;
    private final Consumer<Shown> sink;
    private final Consumer<String> errors;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true, playing, loop = true, backward;
    private ReversedFrames reversed;   // while playing backward: the frames before the one shown
    private volatile double speed = 1;
    private long nextIndex;           // the frame the reader gives next
    private long dueNanos;
    private final AtomicReference<Shown> last = new AtomicReference<>();

    public Playback(Path file, Consumer<Shown> sink, Consumer<String> errors) throws VideoException {
        this(VideoReader.open(file), sink, errors);
    }

    /** Plays a video already opened (off the FX thread: opening probes the file, which a hostile one can make slow). */
    public Playback(VideoReader reader, Consumer<Shown> sink, Consumer<String> errors) {
        this.reader = reader;
        this.sink = sink;
        this.errors = errors;
        this.thread = new Thread(this::run, "s3dx-playback");
        thread.setDaemon(true);
        thread.start();
        commands.add(() -> showAt(0));
    }

    public VideoInfo info() {
        return reader.info();
    }

    public double fps() {
        double f = reader.info().fps();
        return f > 0 ? f : 25;
    }

    public long frameCount() {
        return Math.max(1, reader.info().frameCount());
    }

    public boolean isPlaying() {
        return playing;
    }

    public void play() {
        commands.add(() -> {
            playing = true;
            dueNanos = System.nanoTime();
        });
    }

    public void pause() {
        commands.add(() -> playing = false);
    }

    public void setSpeed(double s) {
        speed = Math.max(0.05, s);
    }

    public void setLoop(boolean l) {
        loop = l;
    }

    /** Plays the picture backward in time (from the frame shown towards the first). */
    public void setBackward(boolean b) {
        commands.add(() -> {
            backward = b;
            reversed = null;
        });
    }

    public void seek(long frame) {
        commands.add(() -> showAt(Math.max(0, Math.min(frame, frameCount() - 1))));
    }

    /** Pauses and moves {@code delta} frames from the one shown. */
    public void step(int delta) {
        commands.add(() -> {
            playing = false;
            Shown s = last.get();
            long cur = s == null ? 0 : s.index();
            showAt(Math.max(0, Math.min(cur + delta, frameCount() - 1)));
        });
    }

    private void showAt(long frame) {
        reversed = null;
        try {
            if (frame != nextIndex) reader.seek(frame);
            nextIndex = frame;
            RgbFrame f = reader.next();
            if (f == null) return;
            publish(new Shown(nextIndex++, f));
        } catch (VideoException e) {
            playing = false;
            errors.accept(ErrorText.of(e));
        }
    }

    private void publish(Shown s) {
        last.set(s);
        sink.accept(s);
    }

    private void run() {
        while (running) {
            try {
                Runnable c = playing ? commands.poll() : commands.poll(50, TimeUnit.MILLISECONDS);
                while (c != null) {
                    c.run();
                    c = commands.poll();
                }
                if (!playing || !running) continue;
                long frameNanos = (long) (1e9 / fps() / speed);
                long wait = dueNanos - System.nanoTime();
                if (wait > 0) {
                    Runnable early = commands.poll(wait, TimeUnit.NANOSECONDS);
                    if (early != null) {
                        commands.add(early);   // keep the order: handle it on the next turn
                        continue;
                    }
                }
                if (backward) {
                    playBackward(frameNanos);
                    continue;
                }
                RgbFrame f = reader.next();
                if (f == null) {
                    if (loop) {
                        reader.seek(0);
                        nextIndex = 0;
                        f = reader.next();
                        if (f == null) {
                            playing = false;
                            continue;
                        }
                    } else {
                        playing = false;
                        continue;
                    }
                }
                publish(new Shown(nextIndex++, f));
                dueNanos = Math.max(dueNanos + frameNanos, System.nanoTime() - frameNanos);
            } catch (InterruptedException e) {
                return;
            } catch (VideoException e) {
                playing = false;
                errors.accept(ErrorText.of(e));
            }
        }
    }

    /** The frame before the one shown; after the first frame, the last (looping) or a stop. */
    private void playBackward(long frameNanos) throws VideoException {
        if (reversed == null) {
            Shown s = last.get();
            reversed = new ReversedFrames(reader, s == null ? frameCount() : s.index(), 64);
            nextIndex = -1;   // the reader is wherever the chunks left it: the next forward read seeks
        }
        RgbFrame f = reversed.next();
        if (f == null) {
            reversed = loop ? new ReversedFrames(reader, frameCount(), 64) : null;
            f = loop ? reversed.next() : null;
            if (f == null) {
                playing = false;
                return;
            }
        }
        publish(new Shown(reversed.position() + 1, f));
        dueNanos = Math.max(dueNanos + frameNanos, System.nanoTime() - frameNanos);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
