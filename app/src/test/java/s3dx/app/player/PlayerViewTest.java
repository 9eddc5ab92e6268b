package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.ui.AppStyle;
import s3dx.infer.OnnxSession;
import s3dx.infer.UntrainedModel;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.app.ui.TopKBars;
import s3dx.app.video.ModelChoice;
import s3dx.assets.Assets;

/** The player headless (Monocle): plays a generated clip and checks what it shows against the runtime. */
@ExtendWith(ApplicationExtension.class)
class PlayerViewTest {
    static final Design DESIGN = Preset.S3D_G.design().withClip(16, 64, 64).withWidthMultiplier(0.25).withClasses(10);
    @TempDir
    static Path dir;
    static Path onnx, clip;
    PlayerView view;
    PlayerModel model;

    @BeforeAll
    static void files() throws Exception {
        onnx = Files.write(dir.resolve("s3dg.onnx"), UntrainedModel.onnx(DESIGN, MotionClass.labels(), 9));
        clip = dir.resolve("left.mp4");
        MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 48)).clip(4, MotionClass.MOVING_LEFT), clip, 25);
    }

    @Start
    void start(Stage stage) {
        view = new PlayerView(null, null);
        model = view.model();
        stage.setScene(AppStyle.scene(view, 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            view.dispose();
            return null;
        });
    }

    TopKBars bars() {
        return (TopKBars) view.lookup("#player-top5");
    }

    GateHeatmap heatmap() {
        return (GateHeatmap) view.lookup("#player-gate-heatmap");
    }

    @SuppressWarnings("unchecked")
    ComboBox<String> scopeBox() {
        return (ComboBox<String>) view.lookup("#player-gate-scope");
    }

    @SuppressWarnings("unchecked")
    ComboBox<String> energyBlockBox() {
        return (ComboBox<String>) view.lookup("#player-energy-block");
    }

    static MenuButton recentMenu(PlayerView v) {
        return (MenuButton) v.lookup("#recent-videos");
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    @Test
    void playingShowsPredictionsEqualToThePredictCommandPathAndGateHeatmapsShowTheGates() throws Exception {
        fx(() -> {
            model.useModel(ModelChoice.file(onnx));
            return null;
        });
        waitUntil(30, () -> model.modelReadyProperty().get());
        fx(() -> {
            model.open(clip);
            model.play();
            return null;
        });
        waitUntil(40, () -> model.timeline().size() >= 3);
        fx(() -> {
            model.pause();
            return null;
        });
        NavigableMap<Long, Prediction> shown = fx(() -> model.timeline().windows());
        WindowPredictor.Windowing w = fx(model::windowing);
        assertEquals(new WindowPredictor.Windowing(16, 1, 8, false), w);
        List<Prediction> expected;
        try (OnnxSession s = OnnxSession.open(onnx)) {
            expected = WindowPredictor.of(s).predictAll(clip, w);
        }
        int checked = 0;
        for (Prediction e : expected) {
            Prediction p = shown.get(e.startFrame());
            if (p == null) continue;
            checked++;
            assertEquals(e.endFrame(), p.endFrame());
            assertArrayEquals(e.probs(), p.probs(), 1e-5f, "window " + e.startFrame());
            for (String scope : e.gates().keySet()) assertArrayEquals(e.gates().get(scope), p.gates().get(scope), 1e-5f, scope);
        }
        assertTrue(checked >= 2, "windows shown " + shown.keySet());

        // The top-5 bars name the shown window's best class; the heatmap draws the runtime's gate values.
        Prediction current = fx(() -> model.shownPredictionProperty().get());
        assertNotNull(current);
        assertEquals(current.best().label(), fx(() -> bars().label(0)));
        for (String scope : List.of("Conv2d_2c_3x3", "Mixed_4b/Branch_1", "Mixed_5c/Branch_3")) {
            fx(() -> {
                scopeBox().setValue(scope);
                return null;
            });
            for (Prediction e : expected) {
                if (!shown.containsKey(e.startFrame())) continue;
                float[] col = fx(() -> heatmap().column(e.startFrame()));
                assertArrayEquals(e.gates().get(scope), col, 1e-5f, scope + " @ " + e.startFrame());
            }
        }
        assertEquals(37, fx(() -> scopeBox().getItems().size()));
        assertEquals(11, fx(() -> energyBlockBox().getItems().size()));
    }

    /** Model (b): Kinetics-400 weights a user already has, opened as a .pth, predict as the import command's model does. */
    @Test
    void aPyTorchCheckpointOpensAsTheModelAndPredictsAsTheImportCommandsModel() throws Exception {
        Path pth = Path.of(System.getProperty("s3dx.shared", "../../shared"), "reference/torchvision-s3d/s3d_torchvision_seed1.pth");
        Assumptions.assumeTrue(Files.isRegularFile(pth), "reference checkpoint beside the repository");
        ModelChoice choice = ModelChoice.forFile(pth, 16, null);
        assertTrue(choice instanceof ModelChoice.Imported);
        fx(() -> {
            model.open(clip);
            model.useModel(choice);
            return null;
        });
        waitUntil(120, () -> model.modelReadyProperty().get());
        assertTrue(fx(() -> model.modelStatusProperty().get()).contains("s3d_torchvision_seed1.pth"), fx(() -> model.modelStatusProperty().get()));
        fx(() -> {
            model.seekTo(20);
            return null;
        });
        waitUntil(60, () -> model.shownPredictionProperty().get() != null);
        Prediction shown = fx(() -> model.shownPredictionProperty().get());
        assertEquals(400, shown.probs().length);
        var imported = s3dx.checkpoint.PretrainedImport.read(pth, s3dx.checkpoint.PretrainedImport.Format.AUTO, 16, 224);
        byte[] onnx = s3dx.onnx.OnnxModelBuilder.build(imported.network(), imported.weights(), imported.info()).toByteArray();
        try (OnnxSession s = OnnxSession.open(onnx)) {
            Prediction expected = WindowPredictor.of(s).predictAll(clip, fx(model::windowing)).stream()
                    .filter(p -> p.startFrame() == shown.startFrame()).findFirst().orElseThrow();
            assertArrayEquals(expected.probs(), shown.probs(), 1e-5f);
        }

        // "Save model as ONNX…" writes the imported model; the file predicts the same.
        assertFalse(fx(() -> view.lookup("#player-save-model").isDisable()));
        Path saved = dir.resolve("imported.onnx");
        fx(() -> {
            view.runExport(PlayerView.saveModelTask(model.loader().installedProperty().get(), saved));
            return null;
        });
        waitUntil(60, () -> view.statusText().contains("imported.onnx") && !view.statusText().contains("…"));
        try (OnnxSession s = OnnxSession.open(saved)) {
            Prediction again = WindowPredictor.of(s).predictAll(clip, fx(model::windowing)).stream()
                    .filter(p -> p.startFrame() == shown.startFrame()).findFirst().orElseThrow();
            assertArrayEquals(shown.probs(), again.probs(), 1e-5f);
        }
    }

    @Test
    void cancellingAModelLoadKeepsThePlayersModel() throws Exception {
        fx(() -> {
            model.useModel(ModelChoice.file(onnx));
            return null;
        });
        waitUntil(30, () -> model.modelReadyProperty().get());
        String before = fx(() -> model.modelStatusProperty().get());
        ModelChoice slow = ModelChoice.untrained(Preset.S3D.design(), 16);
        fx(() -> {
            model.useModel(slow);
            return null;
        });
        waitUntil(10, () -> !model.modelStatusProperty().get().equals(before));   // the build has started
        fx(() -> {
            model.cancelModelLoad();
            return null;
        });
        assertTrue(fx(() -> model.modelReadyProperty().get()), "the loaded model is still ready");
        assertTrue(fx(() -> model.loader().wantedProperty().get()) instanceof ModelChoice.OnnxFile);
        Thread.sleep(4000);   // the cancelled build ends in the background and must not replace the model
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> model.loader().installedProperty().get()) instanceof ModelChoice.OnnxFile);
        assertTrue(fx(() -> model.loader().wantedProperty().get()) instanceof ModelChoice.OnnxFile);
    }

    @Test
    void playReversedTurnsMovingLeftIntoMovingRightWithTheDemoModel() throws Exception {
        Path assets = Path.of("..", "assets");
        Optional<ModelChoice> demo = ModelChoice.demos(Assets.models(assets)).stream()
                .filter(d -> d.design().blocks().values().stream().anyMatch(b -> b.gated())).findFirst();
        Assumptions.assumeTrue(demo.isPresent(), "no gated (S3D-G) demo model in assets/models: merge 'train'");
        Path left = assets.resolve("clips/moving_left.mp4");
        fx(() -> {
            model.useModel(demo.get());
            model.open(left);
            return null;
        });
        waitUntil(40, () -> model.modelReadyProperty().get());
        fx(() -> {
            model.seekTo(20);
            return null;
        });
        waitUntil(30, () -> model.shownPredictionProperty().get() != null && !model.shownPredictionProperty().get().reversed());
        assertEquals("moving left", fx(() -> model.shownPredictionProperty().get().best().label()));
        fx(() -> {
            model.reversed.set(true);
            return null;
        });
        waitUntil(30, () -> model.shownPredictionProperty().get() != null && model.shownPredictionProperty().get().reversed());
        assertEquals("moving right", fx(() -> model.shownPredictionProperty().get().best().label()));
        assertFalse(fx(() -> bars().label(0)).isEmpty());
    }

    @Test
    void openedVideosAreOfferedAgainUnderRecentVideos() throws Exception {
        s3dx.app.files.AppHome home = new s3dx.app.files.AppHome(dir.resolve("home"));
        assertTrue(fx(() -> {
            model.rememberVideosIn(s3dx.app.files.RecentFiles.videos(home));
            return recentMenu(view).isDisable();
        }), "nothing opened yet");
        fx(() -> {
            model.open(clip);
            return null;
        });
        waitUntil(30, () -> !recentMenu(view).isDisable());   // offered at once in this session too
        // a later session reading the same home lists the clip, and choosing it opens it
        PlayerView later = fx(() -> {
            PlayerView v = new PlayerView(null, null);
            v.model().rememberVideosIn(s3dx.app.files.RecentFiles.videos(home));
            return v;
        });
        assertEquals(List.of("left.mp4"), fx(() -> recentMenu(later).getItems().stream().map(m -> m.getText()).toList()));
        assertFalse(fx(() -> recentMenu(later).isDisable()));
        fx(() -> {
            later.dispose();
            return null;
        });
    }

    @Test
    void energyMapsAreKeptForRecentWindowsOnlySoMemoryStaysFlat() throws Exception {
        Path longer = dir.resolve("long.mp4");
        MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 120)).clip(6, MotionClass.GROWING), longer, 25);
        fx(() -> {
            model.useModel(ModelChoice.file(onnx));
            return null;
        });
        waitUntil(30, () -> model.modelReadyProperty().get());
        fx(() -> {
            model.stride.set(1);
            model.loop.set(true); // windows skipped while busy are filled on the next pass
            model.open(longer);
            model.play();
            return null;
        });
        int more = PredictionTimeline.WINDOWS_WITH_ENERGY + 10;
        waitUntil(60, () -> model.timeline().size() >= more);
        fx(() -> {
            model.pause();
            return null;
        });
        NavigableMap<Long, Prediction> shown = fx(() -> model.timeline().windows());
        long kept = shown.values().stream().filter(p -> !p.energy().isEmpty()).count();
        assertTrue(kept <= PredictionTimeline.WINDOWS_WITH_ENERGY, kept + " windows still hold energy maps");
        assertTrue(shown.values().stream().allMatch(p -> p.gates().size() == 37), "gates stay for every window");
        assertFalse(shown.lastEntry().getValue().energy().isEmpty(), "the newest window keeps its overlay");
    }
}
