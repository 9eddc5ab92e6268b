package s3dx.app.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import s3dx.app.jobs.Workers;
import s3dx.app.i18n.ErrorText;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.video.RgbFrame;
import s3dx.video.VideoException;
import s3dx.video.VideoReader;

/**
 * Runs the model on the player's sliding windows on one background thread. {@link #request} names the
 * window the player needs now; when the thread is busy only the newest request is kept (stale windows are
 * dropped, never queued). Each window is cut and run by {@link WindowPredictor}, the predict command's own
 * code path, from frames decoded by this engine's own reader. Results go to {@code results} on the worker
 * thread, tagged with the generation they were asked in: a change of model, video or windowing starts a new
 * generation and older results are ignored by the view.
 */
public final class PredictionEngine implements AutoCloseable {
    /** One finished window. */
    public record Result(long generation, Prediction prediction, double millis) {
    }

    private final ExecutorService worker = Workers.single("s3dx-inference", Workers.Load.HEAVY);
    private final Consumer<Result> results;
    private final Consumer<String> errors;
    private final AtomicLong wanted = new AtomicLong(-1);
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong(), done = new AtomicLong();
    private volatile long generation;
    private volatile Windowing windowing = Windowing.defaults(16);
    // Worker-thread state.
    private OnnxSession session;
    private WindowPredictor predictor;
    private VideoReader reader;
    private final Map<Long, RgbFrame> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RgbFrame> e) {
            return size() > 256;
        }
    };
    private final TreeMap<Long, Boolean> finished = new TreeMap<>();

    public PredictionEngine(Consumer<Result> results, Consumer<String> errors) {
        this.results = results;
        this.errors = errors;
    }

    public long generation() {
        return generation;
    }

    public Windowing windowing() {
        return windowing;
    }

    public long dropped() {
        return dropped.get();
    }

    public long completed() {
        return done.get();
    }

    /** Swaps the model (the old session is closed on the worker, after any run in flight). */
    public void setModel(OnnxSession s, WindowPredictor p) {
        ++generation;
        submit(() -> {
            if (session != null && session != s) session.close();
            session = s;
            predictor = p;
            finished.clear();
        });
    }

    public void setVideo(Path file) {
        ++generation;
        submit(() -> {
            if (reader != null) reader.close();
            reader = null;
            cache.clear();
            finished.clear();
            try {
                reader = file == null ? null : VideoReader.open(file);
            } catch (VideoException e) {
                errors.accept(ErrorText.of(e));
            }
        });
    }

    public void setWindowing(Windowing w) {
        windowing = w;
        ++generation;
        submit(finished::clear);
    }

    /** Asks for the window starting at {@code start} (replaces any request not yet started). */
    public void request(long start) {
        if (start < 0 || worker.isShutdown()) return;
        if (wanted.getAndSet(start) >= 0) dropped.incrementAndGet();
        if (drainQueued.compareAndSet(false, true)) submit(this::drain);
    }

    /** Asks again for a window that was already predicted (the caller dropped part of its result). */
    public void requestAgain(long start) {
        if (start < 0 || worker.isShutdown()) return;
        submit(() -> finished.remove(start));
        request(start);
    }

    private void drain() {
        drainQueued.set(false);
        long start = wanted.getAndSet(-1);
        if (start < 0 || predictor == null || reader == null || finished.containsKey(start)) return;
        long g = generation;
        Windowing w = windowing;
        try {
            long t0 = System.nanoTime();
            List<RgbFrame> frames = new ArrayList<>(w.clipLength());
            for (int i = 0; i < w.clipLength(); i++) {
                RgbFrame f = frame(start + (long) i * w.step());
                if (f == null) return;          // window runs past the end
                frames.add(f);
            }
            Prediction p = predictor.predict(w, start, frames, fps());
            if (g != generation) return;
            finished.put(start, true);
            done.incrementAndGet();
            results.accept(new Result(g, p, (System.nanoTime() - t0) / 1e6));
        } catch (RuntimeException | VideoException e) {
            errors.accept(ErrorText.of(e));
        }
    }

    private double fps() {
        double f = reader.info().fps();
        return f > 0 ? f : 25;
    }

    private RgbFrame frame(long idx) throws VideoException {
        RgbFrame f = cache.get(idx);
        if (f != null) return f;
        long pos = reader.position();
        if (idx < pos || idx - pos > 48) reader.seek(idx);
        while (reader.position() < idx) if (!reader.skip()) return null;
        f = reader.next();
        if (f != null) cache.put(idx, f);
        return f;
    }

    /** Queues {@code r} on the worker; nothing once the engine is closed (a disposed view may still call in). */
    private void submit(Runnable r) {
        if (worker.isShutdown()) return;
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Runs {@code r} on the worker after everything already queued (for tests and shutdown). */
    public void onWorker(Runnable r) {
        submit(r);
    }

    @Override
    public void close() {
        submit(() -> {
            if (session != null) session.close();
            if (reader != null) reader.close();
            session = null;
            reader = null;
        });
        worker.shutdown();
        Workers.awaitNativeWork(worker);
    }
}
