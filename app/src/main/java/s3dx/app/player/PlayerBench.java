package s3dx.app.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import s3dx.assets.Assets;
import s3dx.infer.UntrainedModel;
import s3dx.net.DemoSize;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.app.ui.AppStyle;
import s3dx.app.video.ModelChoice;

/**
 * Soak/bench: plays a clip in a loop with live inference for N seconds and reports the prediction rate, the
 * longest gap between FX pulses (an AnimationTimer's frame gaps) and resident memory at start and end.
 * Usage: {@code PlayerBench [seconds=30] [clip.mp4, or - for a generated 25 fps MotionShapes clip longer than the run]
 * [stride=8] [model.onnx, or none for playback without inference]}; without a
 * model it uses the first demo model in assets/models, else an untrained S3D-G 16x64x64 at width 0.25.
 */
public final class PlayerBench {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path assets = Assets.dir().orElse(null);
        Path clip;
        if (args.length > 1 && !args[1].equals("-")) clip = Path.of(args[1]);
        else {
            // A long 25 fps clip, so that windows do not repeat (a looped short clip would be served from the timeline).
            clip = Files.createTempFile("s3dx-bench", ".mp4");
            clip.toFile().deleteOnExit();
            MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 25 * (seconds + 10)))
                    .clip(1, MotionClass.MOVING_LEFT), clip, 25);
        }
        int stride = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        ModelChoice model;
        if (args.length > 3 && args[3].equals("none")) model = null;   // the control: playback without inference
        else if (args.length > 3) model = ModelChoice.file(Path.of(args[3]));
        else {
            var demos = ModelChoice.demos(Assets.models(assets));
            if (!demos.isEmpty()) model = demos.get(0);
            else {
                Path tmp = Files.createTempFile("s3dx-bench", ".onnx");
                tmp.toFile().deleteOnExit();
                Files.write(tmp, UntrainedModel.onnx(DemoSize.DEFAULT.applyTo(Preset.S3D_G.design()),
                        MotionClass.labels(), 1));
                model = ModelChoice.file(tmp);
            }
        }
        long rssStart = rssKb();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        PlayerView[] view = new PlayerView[1];
        long[] maxGap = {0}, last = {0}, pulses = {0}, over50 = {0};
        AnimationTimer[] pulseTimer = new AnimationTimer[1];
        ModelChoice m = model;
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            view[0] = new PlayerView(null, m == null ? null : assets);   // no assets: no demo model picked for the control
            Stage st = new Stage();
            st.setScene(AppStyle.scene(view[0], 1200, 760));
            st.show();
            view[0].model().stride.set(stride);
            if (m == null) {
                ready.countDown();
                return;
            }
            view[0].model().useModel(m);
            view[0].model().modelReadyProperty().addListener((o, a, b) -> { if (b) ready.countDown(); });
        });
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("model did not load");
        CountDownLatch go = new CountDownLatch(1);
        long[] startCount = new long[1];
        Platform.runLater(() -> {
            view[0].model().open(clip);
            view[0].model().loop.set(true);
            view[0].model().play();
            pulseTimer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0 && pulses[0] > 30) {
                        maxGap[0] = Math.max(maxGap[0], now - last[0]);
                        if (now - last[0] > 50_000_000L) {
                            over50[0]++;
                            System.out.printf(Locale.ROOT, "  pulse gap %.1f ms ending at JVM uptime %d ms%n", (now - last[0]) / 1e6,
                                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                        }
                    }
                    last[0] = now;
                    pulses[0]++;
                }
            };
            pulseTimer[0].start();
            go.countDown();
        });
        go.await();
        Thread.sleep(2000);   // warm-up: first windows, JIT
        long t0 = System.nanoTime();
        startCount[0] = onFx(() -> {
            maxGap[0] = 0;
            over50[0] = 0;
            pulses[0] = 31;
            return view[0].model().timeline().received();
        });
        // Resident size once a minute: a leak shows as steady growth after the heap has settled.
        for (int left = seconds; left > 0; left -= 60) {
            Thread.sleep(Math.min(60, left) * 1000L);
            System.out.printf(Locale.ROOT, "  t=%4.0f s  VmRSS %d MB%n", (System.nanoTime() - t0) / 1e9, rssKb() / 1024);
        }
        long n = onFx(() -> {
            pulseTimer[0].stop();
            return view[0].model().timeline().received();
        }) - startCount[0];
        double dt = (System.nanoTime() - t0) / 1e9;
        long dropped = view[0].model().engine().dropped();
        System.out.printf(Locale.ROOT, "model %s, clip %s, stride %d, %d s%n", m == null ? "none (no inference)" : m.name(),
                clip.getFileName(), stride, seconds);
        System.out.printf(Locale.ROOT, "predictions/s %.2f (%d in %.1f s; stale requests dropped %d)%n", n / dt, n, dt, dropped);
        System.out.printf(Locale.ROOT, "max FX pulse gap %.1f ms; gaps over 50 ms: %d of %d pulses (after a 2 s warm-up)%n",
                maxGap[0] / 1e6, over50[0], pulses[0] - 31);
        System.out.printf(Locale.ROOT, "VmRSS start %d MB, end %d MB%n", rssStart / 1024, rssKb() / 1024);
        onFx(() -> {
            view[0].dispose(); // waits for the inference thread: exiting while it is in ONNX Runtime can crash
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        var f = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(f);
        return f.get(30, TimeUnit.SECONDS);
    }

    static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
