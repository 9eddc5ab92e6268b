package s3dx.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import s3dx.app.export.ModelExporters;
import s3dx.app.files.AppHome;
import s3dx.app.model.DesignModel;
import s3dx.app.shell.MainWindow;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.ConvMode;

/**
 * Measures the update path of one toggle in the full designer window, headless on Monocle: the recount
 * plus every view's refresh (the model's listeners), then the CSS and layout pass the next frame needs.
 * Each toggle runs in its own UI-thread event, so rendering pulses interleave as they would for a user.
 * Run: {@code mvn -q -B -pl app -am test -Ds3dx.bench=true -Dtest=UpdateBenchTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
public final class UpdateBench {
    private static final int WARMUP = 300;

    /** Wall-clock and UI-thread CPU milliseconds per toggle (CPU time is what a busy machine cannot inflate). */
    public record Result(double[] recountMs, double[] refreshMs, double[] frameMs, double[] refreshCpuMs, double[] frameCpuMs) {
        public String report() {
            return String.format(Locale.ROOT, "UpdateBench: %d toggles in the full 1600x1000 window (S3D-G, 64x224x224), after %d warm-up; load average %.1f on %d cores%n"
                            + "                                            wall median / p99        UI-thread CPU median / p99%n"
                            + "  recount only (CostReport.of)              %6.3f / %6.3f ms%n"
                            + "  recount + every view's refresh            %6.3f / %6.3f ms       %6.3f / %6.3f ms%n"
                            + "  ... + CSS + layout (ready to render)      %6.3f / %6.3f ms       %6.3f / %6.3f ms%n"
                            + "  one frame at 60 Hz: 16.7 ms",
                    frameMs.length, WARMUP, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors(),
                    pct(recountMs, 50), pct(recountMs, 99), pct(refreshMs, 50), pct(refreshMs, 99), pct(refreshCpuMs, 50), pct(refreshCpuMs, 99),
                    pct(frameMs, 50), pct(frameMs, 99), pct(frameCpuMs, 50), pct(frameCpuMs, 99));
        }
    }

    public static Result run(int toggles) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Path home = Files.createTempDirectory("s3dx-bench");
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        DesignModel model = DesignModel.withDefaultDesign();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, model, new AppHome(home), ModelExporters.onnx());
            w.show();
            shown.complete(w);
        });
        Parent root = shown.get(30, TimeUnit.SECONDS).scene().getRoot();
        Thread.sleep(500);

        int n = WARMUP + toggles;
        double[] refresh = new double[n], frame = new double[n], recount = new double[n], refreshCpu = new double[n], frameCpu = new double[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            int k = i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                Block b = Block.TOGGLEABLE.get(k % Block.TOGGLEABLE.size());
                BlockSetting s = model.getDesign().setting(b);
                ConvMode next = ConvMode.values()[(s.mode().ordinal() + 1) % 3];
                long r0 = System.nanoTime();
                CostReport.of(model.getDesign().withMode(b, next));
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                model.edit(d -> d.withMode(b, next));
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                root.applyCss();
                root.layout();
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                refreshCpu[k] = (c1 - c0) / 1e6;
                frameCpu[k] = (c2 - c0) / 1e6;
                recount[k] = (t0 - r0) / 1e6;
                refresh[k] = (t1 - t0) / 1e6;
                frame[k] = (t2 - t0) / 1e6;
                done.complete(null);
            });
            done.get(10, TimeUnit.SECONDS);
        }
        return new Result(tail(recount, WARMUP), tail(refresh, WARMUP), tail(frame, WARMUP), tail(refreshCpu, WARMUP), tail(frameCpu, WARMUP));
    }

    private static double[] tail(double[] v, int from) {
        return Arrays.copyOfRange(v, from, v.length);
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    public static void main(String[] args) throws Exception {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("headless.geometry", "1600x1000-32");
        int toggles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.println(run(toggles).report());
        Platform.exit();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
