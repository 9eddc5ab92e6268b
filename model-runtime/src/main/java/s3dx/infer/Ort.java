package s3dx.infer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import s3dx.platform.ProcessEnvironment;

/**
 * The process's ONNX Runtime environment, set up so that it sends nothing and leaves nothing behind, and the
 * runs in flight, so that they can be stopped: at their time limit, or on Ctrl+C. ONNX Runtime frees its
 * environment in a shutdown hook, which crashes the JVM under a session still running; so Ctrl+C (SIGINT)
 * and SIGTERM first stop the runs, wait for them to return, and only then exit as the JVM would have.
 */
final class Ort {
    private static final String TELEMETRY_OFF = "ORT_DISABLE_TELEMETRY";
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3dx-onnx-time-limit");
        t.setDaemon(true);
        return t;
    });
    private static final Set<Run> RUNNING = ConcurrentHashMap.newKeySet();
    private static OrtEnvironment env;

    private Ort() {}

    static synchronized OrtEnvironment environment() {
        if (env == null) {
            // Telemetry (a device id under ~/.cache/Microsoft, a /tmp/mat-debug-<pid>.log) starts with the
            // environment, before setTelemetry(false) can be called; only this variable stops it.
            ProcessEnvironment.set(TELEMETRY_OFF, "1");
            // Its own log would print errors, in colour, that our messages already say.
            env = OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "s3dx");
            try {
                env.setTelemetry(false);
            } catch (OrtException e) {
                // a build without telemetry
            }
            removeExtractionFolder();
            stopRunsBeforeExit("INT", 130);
            stopRunsBeforeExit("TERM", 143);
        }
        return env;
    }

    /** One session run: its options carry the terminate flag. */
    static final class Run implements AutoCloseable {
        final OrtSession.RunOptions options;
        private final ScheduledFuture<?> limit;
        private volatile boolean timedOut, interrupted;
        private boolean closed;

        Run(Duration timeLimit) throws OrtException {
            options = new OrtSession.RunOptions();
            RUNNING.add(this);
            limit = TIMER.schedule(() -> {
                timedOut = true;
                terminate();
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean timedOut() {
            return timedOut;
        }

        boolean interrupted() {
            return interrupted;
        }

        synchronized void terminate() {
            if (closed) return;
            try {
                options.setTerminate(true);
            } catch (OrtException e) {
                // the run ends anyway
            }
        }

        @Override
        public synchronized void close() {
            limit.cancel(false);
            RUNNING.remove(this);
            closed = true;
            options.close();
        }
    }

    private static void stopRunsBeforeExit(String signal, int exitCode) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                stopAll();
                System.exit(exitCode);
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // signals reserved by the JVM (-Xrs) or the platform: keep the default
        }
    }

    /** Asks every run to stop and waits (up to 10 s) until they have returned from native code. */
    private static void stopAll() {
        RUNNING.forEach(r -> {
            r.interrupted = true;
            r.terminate();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * ONNX Runtime unpacks its libraries into /tmp/onnxruntime-java*, deletes them once loaded but leaves the
     * folder (and the unused providers library) until exit, and then the folder anyway. It has no option for
     * this, so the folder is found where the loader keeps it and removed.
     */
    private static void removeExtractionFolder() {
        try {
            var field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            if (!(field.get(null) instanceof Path dir) || !Files.isDirectory(dir)) return;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            // best effort: a newer ONNX Runtime may tidy up itself
        }
    }
}
