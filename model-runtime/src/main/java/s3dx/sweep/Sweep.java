package s3dx.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import s3dx.synth.MotionShapes;
import s3dx.train.RunRecord;
import s3dx.train.TrainModels;

/**
 * Trains a {@link SweepPlan} with one {@link Protocol}, each run in a child JVM ({@code s3dx train}) so that
 * every run gets its own libtorch thread pool of {@code threads} threads ({@code parallel} runs at a time).
 *
 * <p>The sweep folder keeps {@code protocol.json}, one {@code runs/<id>.json} per finished run (written
 * atomically after the run's model, {@code models/<id>.onnx}), a log per run, and the results of every finished
 * run so far ({@code results.json}, {@code results.csv}, {@code summary.csv}). Running again with the same
 * folder skips the finished runs, so an interrupted sweep resumes where it stopped.
 */
public final class Sweep {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What every run of a sweep shares: the training budget, the clip size, the model width, the test size, the clips. */
    public record Protocol(int steps, int batch, double learningRate, int frames, int size, double width, int evalClips,
                           int generator, int warmup) {
        /**
         * This build's clips ({@link MotionShapes#GENERATOR}), no warm-up. A file without {@code generator} reads as
         * generator 0, another protocol; one without {@code warmup} as no warm-up, which it had.
         */
        public Protocol(int steps, int batch, double learningRate, int frames, int size, double width, int evalClips) {
            this(steps, batch, learningRate, frames, size, width, evalClips, MotionShapes.GENERATOR, 0);
        }

        List<String> trainArgs() {
            List<String> args = new ArrayList<>(List.of("--frames", "" + frames, "--size", "" + size, "--width", TrainModels.number(width),
                    "--steps", "" + steps, "--batch", "" + batch, "--lr", TrainModels.number(learningRate), "--eval-clips", "" + evalClips));
            if (warmup > 0) args.addAll(List.of("--warmup", "" + warmup));
            return args;
        }
    }

    /** How the sweep went: runs found finished, trained now, failed. */
    public record Outcome(int alreadyDone, int trained, List<String> failed) {}

    private final SweepPlan.Run[] runs;
    private final Protocol protocol;
    private final Path dir;
    private final PrintStream out;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    public Sweep(List<SweepPlan.Run> runs, Protocol protocol, Path dir, PrintStream out) {
        this.runs = runs.toArray(SweepPlan.Run[]::new);
        this.protocol = protocol;
        this.dir = dir;
        this.out = out;
    }

    /** Trains every run not finished yet, {@code parallel} at a time with {@code threads} threads each. */
    public Outcome run(int parallel, int threads) throws IOException, InterruptedException {
        for (String sub : List.of("runs", "models", "logs")) Files.createDirectories(dir.resolve(sub));
        checkProtocol();
        List<SweepPlan.Run> todo = new ArrayList<>();
        for (SweepPlan.Run r : runs) if (!Files.exists(recordFile(r))) todo.add(r);
        int done0 = runs.length - todo.size();
        out.printf(Locale.ROOT, "sweep of %d runs in %s: %d finished before, %d to train, %d at a time with %d threads each%n",
                runs.length, dir, done0, todo.size(), parallel, threads);
        SweepResults.write(dir, protocol, folderRecords());
        AtomicInteger finished = new AtomicInteger(done0);
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread hook = new Thread(() -> live.forEach(Process::destroy), "s3dx-sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (SweepPlan.Run r : todo) {
                pool.submit(() -> {
                    try {
                        RunRecord rec = train(r, threads);
                        synchronized (this) {
                            writeAtomically(recordFile(r), JSON.writeValueAsString(rec));
                            SweepResults.write(dir, protocol, folderRecords());
                            out.printf(Locale.ROOT, "[%d/%d] %s: held-out %.1f%%, reversed->partner %.1f%%; held-out settings %.1f%%, "
                                            + "reversed->partner %.1f%%, same %.1f%%; %.0f s%n", finished.incrementAndGet(), runs.length, r.id(),
                                    100 * rec.heldOutAccuracy(), 100 * rec.reversedPartnerRate(), 100 * rec.heldOutSettingsAccuracy(),
                                    100 * rec.heldOutSettingsPartnerRate(), 100 * rec.heldOutSettingsSameLabelRate(), rec.trainingSeconds());
                        }
                    } catch (Exception e) {
                        failed.add(r.id());
                        out.printf(Locale.ROOT, "%s FAILED: %s (log: %s)%n", r.id(), e.getMessage(), logFile(r));
                    }
                    return null;
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // a long sweep: keep waiting
            }
        } finally {
            pool.shutdownNow();
            live.forEach(Process::destroy);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping the children
            }
        }
        return new Outcome(done0, todo.size() - failed.size(), List.copyOf(failed));
    }

    /**
     * Counts the runs recorded in an earlier sweep's results (a {@code results.json}, or the copy shipped beside the
     * demo models) as finished, so that a sweep folder lost with its machine resumes from the committed results.
     * Their models are not in the folder; returns how many records were taken.
     */
    public int adopt(SweepResults.Results earlier, Path from) throws IOException {
        if (!earlier.protocol().equals(protocol)) {
            throw new IllegalArgumentException(from + " holds runs of another protocol (" + earlier.protocol() + ")");
        }
        Files.createDirectories(dir.resolve("runs"));
        int taken = 0;
        for (SweepPlan.Run r : runs) {
            if (Files.exists(recordFile(r))) continue;
            for (RunRecord rec : earlier.runs()) {
                if (r.id().equals(rec.id())) {
                    writeAtomically(recordFile(r), JSON.writeValueAsString(rec));
                    taken++;
                }
            }
        }
        return taken;
    }

    /**
     * Every finished run in the folder, this plan's and earlier plans' (another list, other seeds, --only), in the order
     * of the design lists and then by seed: the folder's results always cover all it holds.
     */
    List<RunRecord> folderRecords() throws IOException {
        List<RunRecord> out = new ArrayList<>();
        try (var files = Files.list(dir.resolve("runs"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".part.json"))::iterator) {
                out.add(JSON.readValue(f.toFile(), RunRecord.class));
            }
        }
        List<String> order = SweepPlan.LISTS.values().stream().flatMap(List::stream).map(SweepPlan.DesignEntry::id).toList();
        out.sort(java.util.Comparator.<RunRecord>comparingInt(r -> {
            int i = order.indexOf(SweepResults.designId(r));
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparingLong(RunRecord::seed).thenComparing(RunRecord::id));
        return out;
    }

    /** The {@code s3dx train} arguments of a run (without where its outputs go). */
    List<String> trainArgs(SweepPlan.Run r) {
        List<String> a = new ArrayList<>(r.design().args());
        a.addAll(protocol.trainArgs());
        a.addAll(List.of("--seed", "" + r.seed()));
        return a;
    }

    private RunRecord train(SweepPlan.Run r, int threads) throws IOException, InterruptedException {
        Path model = dir.resolve("models").resolve(r.id() + ".onnx"), result = dir.resolve("runs").resolve(r.id() + ".part.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + threads,
                "-cp", System.getProperty("java.class.path"), "s3dx.cli.Main", "train"));
        cmd.addAll(trainArgs(r));
        cmd.addAll(List.of("--log-every", "" + Math.max(1, protocol.steps() / 10), "--out", model.toString(), "--result-json", result.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "" + threads);  // libtorch's OpenMP pool is per process
        pb.environment().put("MKL_NUM_THREADS", "" + threads);
        Files.deleteIfExists(result);
        Process p = pb.start();
        live.add(p);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile(r), StandardCharsets.UTF_8)) {
            log.write(String.join(" ", cmd) + "\n");
            for (String line; (line = in.readLine()) != null; ) {
                log.write(line + "\n");
                log.flush();
                out.println("  " + r.id() + ": " + line);
            }
            int rc = p.waitFor();
            if (rc != 0 || !Files.exists(result)) throw new IOException("s3dx train exited with status " + rc);
        } finally {
            live.remove(p);
            p.destroy();
        }
        RunRecord rec = JSON.readValue(result.toFile(), RunRecord.class);
        Files.delete(result);
        String command = "./s3dx train " + String.join(" ", trainArgs(r)) + " --out " + r.id() + ".onnx";
        return rec.named(r.id(), r.design().label(), r.design().family(), r.design().boundary() == null ? null : r.design().boundary().name(), command);
    }

    private void checkProtocol() throws IOException {
        Path f = dir.resolve("protocol.json");
        if (Files.exists(f)) {
            Protocol before = JSON.readValue(f.toFile(), Protocol.class);
            if (!before.equals(protocol)) {
                throw new IllegalArgumentException(dir + " holds a sweep with another protocol (" + before + "); use another --out folder or the same options");
            }
        } else {
            writeAtomically(f, JSON.writeValueAsString(protocol));
        }
    }

    private Path recordFile(SweepPlan.Run r) {
        return dir.resolve("runs").resolve(r.id() + ".json");
    }

    private Path logFile(SweepPlan.Run r) {
        return dir.resolve("logs").resolve(r.id() + ".log");
    }

    /** Writes a file so that readers see the old content or the new, never half of it. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
