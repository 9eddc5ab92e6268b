package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import s3dx.assets.Assets;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.tensor.Tensor;

/**
 * The timeline's memory over a 2-hour video (25 fps, stride 4: 45,000 windows) when asked, -Ds3dx.bench=true:
 * one real window of the S3D-G demo model on a demo clip, copied for every window start (fresh arrays, energy
 * maps included), into the {@link PredictionTimeline} and, for contrast, into a map that keeps every window.
 * Prints the live heap after GC at each point.
 */
@EnabledIfSystemProperty(named = "s3dx.bench", matches = "true")
class TimelineBenchTest {
    static final int FPS = 25, STRIDE = 4, HOURS_2 = 2 * 3600;

    @Test
    void twoHourVideo() throws Exception {
        Path assets = Assets.dir().orElseThrow(), model = assets.resolve("models/s3d-g_16x64x64_w0.25_motionshapes.onnx");
        Prediction template;
        try (OnnxSession s = OnnxSession.open(model)) {
            WindowPredictor p = WindowPredictor.of(s);
            List<Prediction> first = new ArrayList<>();
            p.forEachWindow(assets.resolve("clips/moving_left.mp4"), WindowPredictor.Windowing.defaults(16), first::add);
            template = first.get(0);
        }
        long windows = (long) HOURS_2 * FPS / STRIDE;
        long base = liveHeap();
        PredictionTimeline timeline = new PredictionTimeline();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "timeline, S3D-G demo model windows (%d classes, %d gates), 25 fps, stride %d%n", template.probs().length, template.gates().size(), STRIDE));
        for (long i = 0; i < windows; i++) {
            timeline.put(copy(template, i * STRIDE));
            long minutes = (i + 1) * STRIDE / FPS / 60;
            if ((i + 1) * STRIDE % (FPS * 60 * 15) == 0 || i == windows - 1) {
                report.append(String.format(Locale.ROOT, "%4d min: %6d windows, %5d entries held, live heap %.1f MB%n",
                        minutes, i + 1, timeline.size(), (liveHeap() - base) / 1e6));
            }
        }
        long bounded = liveHeap() - base;
        timeline.clear();
        TreeMap<Long, Prediction> everything = new TreeMap<>();   // what the timeline kept before it was bounded
        for (long i = 0; i < windows; i++) everything.put(i * STRIDE, copy(template, i * STRIDE).withoutEnergy());
        long unbounded = liveHeap() - base;
        report.append(String.format(Locale.ROOT, "every window kept (probabilities and gates): %.1f MB for %d windows%n",
                unbounded / 1e6, everything.size()));
        System.out.print(report);
        assertTrue(bounded < unbounded / 10, report.toString());
    }

    private static Prediction copy(Prediction p, long start) {
        Map<String, float[]> gates = new LinkedHashMap<>();
        p.gates().forEach((k, g) -> gates.put(k, g.clone()));
        Map<String, Tensor> energy = new LinkedHashMap<>();
        p.energy().forEach((k, e) -> energy.put(k, new Tensor(e.shape(), e.data().clone())));
        long span = p.endFrame() - p.startFrame();
        return new Prediction(start, start + span, start / (double) FPS, (start + span) / (double) FPS, false, p.probs().clone(),
                p.labels(), gates, energy);
    }

    private static long liveHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }
}
