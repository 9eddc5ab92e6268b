package s3dx.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app's background threads, made in one place. All are daemons (an open window, not a worker, keeps the
 * app alive). Heavy ones (inference, training, video export) run at the lowest priority, so that when the
 * cores are busy the UI and its renderer come first: the launchers map Java's lowest priority to nice 19 on
 * Linux ({@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19}); Windows maps it to its
 * lowest thread priority by itself. Without those options (tests, a plain {@code java}) priorities are
 * ignored and nothing else changes.
 */
public final class Workers {
    /** How much a worker may slow the UI down. */
    public enum Load { LIGHT, HEAVY }

    private Workers() {
    }

    public static Thread thread(Runnable r, String name, Load load) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        if (load == Load.HEAVY) t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /** Starts {@code r} on a new worker thread. */
    public static Thread start(Runnable r, String name, Load load) {
        Thread t = thread(r, name, load);
        t.start();
        return t;
    }

    /** A single worker thread taking tasks in order. */
    public static ExecutorService single(String name, Load load) {
        return Executors.newSingleThreadExecutor(r -> thread(r, name, load));
    }

    /** The niceness a worker of this load gets on this machine: Linux only (from /proc), empty elsewhere. */
    public static OptionalInt nice(Load load) throws InterruptedException {
        int[] nice = {Integer.MIN_VALUE};
        Thread t = start(() -> nice[0] = currentNice(), "s3dx-nice-probe", load);
        t.join();
        return nice[0] == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(nice[0]);
    }

    private static int currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // "tid (name) state ppid ...": nice is field 19, the 17th after the name (which may hold spaces)
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    /**
     * Waits (boundedly) for a worker that may be inside ONNX Runtime: a JVM that exits while a daemon thread
     * is creating or running a session can crash in native code.
     */
    public static void awaitNativeWork(ExecutorService worker) {
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
