package s3dx.selftest;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import s3dx.assets.Assets;
import s3dx.infer.InferenceResult;
import s3dx.infer.OnnxSession;
import s3dx.net.DemoSize;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preprocessing;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.tensor.Tensor;
import s3dx.train.EngineCheck;
import s3dx.train.Torch;
import s3dx.train.TrainingException;
import s3dx.video.ClipSampler;
import s3dx.video.ClipWindow;
import s3dx.video.VideoReader;
import s3dx.weights.WeightInit;

/**
 * Checks an installation without a window: ONNX Runtime, FFmpeg and libtorch (training) natives load, the demo
 * model (or, without one, a small seeded S3D-G built in memory) runs on one window of the demo clip (or of a
 * MotionShapes "moving left" clip written to a temporary mp4 and decoded back), and the outputs are sane. A trained
 * MotionShapes demo model must put the clip's own label first. Used by {@code S3D Explorer --self-test} and
 * {@code s3dx self-test}.
 */
public final class SelfTest {
    /** The in-memory model used when no demo model ships: S3D-G, 16x112x112, width 0.5, the 10 MotionShapes classes. */
    static final Design FALLBACK_DESIGN = Preset.S3D_G.design().withClip(16, 112, 112).withWidthMultiplier(0.5)
            .withClasses(MotionClass.values().length);

    /** The design the Train tab trains by default, whose convolutions the engine check runs. */
    static final Design TRAIN_CHECK_DESIGN = DemoSize.DEFAULT.applyTo(Preset.S3D_G.design());

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();

    private SelfTest(PrintStream out) {
        this.out = out;
    }

    /** Runs the self-test, printing a short report to {@code out}; returns the exit status (0 = passed). */
    public static int run(PrintStream out) {
        long t0 = System.nanoTime();
        SelfTest t = new SelfTest(out);
        try {
            t.runChecks();
        } catch (Throwable e) {
            t.failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (t.failures.isEmpty()) {
            out.printf(Locale.ROOT, "self-test passed in %.1f s%n", secs);
            return 0;
        }
        for (String f : t.failures) out.println("FAILED: " + f);
        out.printf(Locale.ROOT, "self-test FAILED (%d problem%s) in %.1f s%n", t.failures.size(), t.failures.size() == 1 ? "" : "s", secs);
        return 1;
    }

    private void runChecks() throws Exception {
        out.printf(Locale.ROOT, "S3D Explorer self-test: Java %s (%s), %s %s, %d cores%n", System.getProperty("java.version"),
                System.getProperty("java.home"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        out.println("assets:  " + Assets.dir().map(Path::toString).orElse("(none found; using built-in fallbacks)"));
        if (ManagementFactory.getRuntimeMXBean() == null) failures.add("java.management is missing");

        Optional<Path> demo = Assets.demoModel();
        OnnxSession session;
        ModelInfo info;
        boolean trainedDemo;
        if (demo.isPresent()) {
            session = OnnxSession.open(demo.get());
            info = session.info().orElseThrow(() -> new IllegalStateException(demo.get() + " carries no S3D Explorer metadata"));
            trainedDemo = info.labels().equals(MotionClass.labels());
            out.println("model:   " + demo.get().getFileName() + " (" + info.design().frames() + "x" + info.design().height() + "x"
                    + info.design().width() + ", " + info.labels().size() + " classes)");
        } else {
            Network net = Network.of(FALLBACK_DESIGN);
            info = ModelInfo.defaults(FALLBACK_DESIGN).withLabels(MotionClass.labels());
            byte[] bytes = OnnxModelBuilder.build(net, WeightInit.seeded(net, 0), info).toByteArray();
            session = OnnxSession.open(bytes);
            trainedDemo = false;
            out.printf(Locale.ROOT, "model:   no demo model; built seeded S3D-G 16x112x112 width 0.5 in memory (%.1f MB)%n", bytes.length / 1e6);
        }
        try {
            EngineCheck.Result c = EngineCheck.require(Network.of(TRAIN_CHECK_DESIGN));
            out.printf(Locale.ROOT, "train:   %s loads; %d convolution shapes of the demo S3D-G computed right in %.2f s%n", Torch.describe(),
                    c.shapesChecked(), c.seconds());
        } catch (TrainingException e) {
            failures.add(e.getMessage());
        }
        try (OnnxSession s = session) {
            Preprocessing pre = info.preprocessing();
            ClipSampler sampler = ClipSampler.of(pre);
            List<Path> clips = Assets.clips();
            Path clipFile;
            Path temp = null;
            MotionClass expected;
            if (!clips.isEmpty()) {
                clipFile = clips.stream().filter(p -> labelOf(p) == MotionClass.MOVING_LEFT).findFirst()
                        .or(() -> clips.stream().filter(p -> labelOf(p) != null).findFirst()).orElse(clips.get(0));
                expected = labelOf(clipFile);
            } else {
                MotionShapes gen = new MotionShapes(MotionShapes.Options.defaults(Math.max(pre.resizeShortSide(), pre.cropSize()),
                        Math.max(2, sampler.span())).clean());
                expected = MotionClass.MOVING_LEFT;
                temp = Files.createTempFile("s3dx-selftest-", ".mp4");
                MotionShapes.write(gen.clip(7, expected), temp, 25);
                clipFile = temp;
            }
            try {
                Tensor clip;
                try (VideoReader r = VideoReader.open(clipFile)) {
                    ClipWindow w = sampler.clipAt(r, 0);
                    clip = w.clip();
                    out.println("clip:    " + (temp != null ? "generated MotionShapes '" + expected.label() + "' clip, H.264 round trip"
                            : clipFile.getFileName().toString()) + " (" + r.info().width() + "x" + r.info().height() + "), window " + w);
                }
                long t = System.nanoTime();
                InferenceResult res = s.run(clip);
                out.printf(Locale.ROOT, "run:     ONNX Runtime, %.0f ms%n", (System.nanoTime() - t) / 1e6);
                check(res, info, expected, trainedDemo);
            } finally {
                if (temp != null) Files.deleteIfExists(temp);
            }
        }
    }

    private void check(InferenceResult r, ModelInfo info, MotionClass expected, boolean trainedDemo) {
        int classes = info.labels().size();
        long[] want = {1, classes};
        if (!java.util.Arrays.equals(r.logits().shape(), want) || !java.util.Arrays.equals(r.probs().shape(), want)) {
            failures.add("output shapes logits " + java.util.Arrays.toString(r.logits().shape()) + ", probs "
                    + java.util.Arrays.toString(r.probs().shape()) + ", expected " + java.util.Arrays.toString(want));
            return;
        }
        float[] p = r.probs().data();
        double sum = 0;
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Float.isFinite(p[i]) || p[i] < 0) failures.add("probability " + i + " is " + p[i]);
            sum += p[i];
            if (p[i] > p[best]) best = i;
        }
        if (Math.abs(sum - 1) > 1e-3) failures.add(String.format(Locale.ROOT, "probabilities sum to %.6f, not 1", sum));
        out.printf(Locale.ROOT, "result:  top '%s' %.1f%%, probabilities sum to %.6f, %d gates, %d energy maps%n",
                info.labels().get(best), 100 * p[best], sum, r.gates().size(), r.energy().size());
        if (trainedDemo && expected != null) {
            if (best != expected.index()) {
                failures.add("the demo model says '" + info.labels().get(best) + "' for a '" + expected.label() + "' clip");
            } else {
                out.println("check:   top label is the clip's own ('" + expected.label() + "')");
            }
        } else {
            out.println("check:   shapes and probabilities only (" + (trainedDemo ? "clip label unknown" : "untrained model") + ")");
        }
    }

    /** The MotionShapes class named in a clip file's name ("moving_left.mp4", "clip_00003_moving_left.mp4"), or null. */
    static MotionClass labelOf(Path clip) {
        String n = clip.getFileName().toString().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        MotionClass found = null;
        for (MotionClass c : MotionClass.values()) {
            // longest match wins: "rotating counterclockwise" over "rotating clockwise"
            if (n.contains(c.label()) && (found == null || c.label().length() > found.label().length())) found = c;
        }
        return found;
    }

    public static void main(String[] args) {
        System.exit(run(System.out));
    }
}
