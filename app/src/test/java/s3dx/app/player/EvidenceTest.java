package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static s3dx.app.player.PlayerViewTest.fx;
import static s3dx.app.player.PlayerViewTest.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import s3dx.app.ui.AppStyle;
import s3dx.app.classroom.CompareView;
import s3dx.app.i18n.I18n;
import s3dx.app.model.DesignModel;
import s3dx.app.video.ModelChoice;
import s3dx.assets.Assets;
import s3dx.evidence.TemporalProbe;
import s3dx.evidence.TemporalProbe.Experiment;

/** The evidence buttons on the demo clip and models: occlusion, class maps, temporal tables (player and Compare), cancel; reversed playback. */
@ExtendWith(ApplicationExtension.class)
class EvidenceTest {
    static final Path ASSETS = Path.of("..", "assets");
    PlayerView view;
    PlayerModel model;
    Stage stage;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        this.stage = stage;
        view = new PlayerView(null, ASSETS);
        model = view.model();
        stage.setScene(AppStyle.scene(view, 1300, 900));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            view.dispose();
            return null;
        });
    }

    /** The demo model as the player's model menu lists it. */
    ModelChoice demo(String prefix) {
        return model.models().stream().filter(d -> d instanceof ModelChoice.Demo)
                .filter(d -> ((ModelChoice.Demo) d).file().getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The S3D-G demo model on `moving left`, paused at frame 20 with its window predicted. */
    void demoWindow() throws Exception {
        fx(() -> {
            model.useModel(demo("s3d-g"));
            model.open(ASSETS.resolve("clips/moving_left.mp4"));
            return null;
        });
        waitUntil(40, () -> model.modelReadyProperty().get());
        fx(() -> {
            model.seekTo(20);
            return null;
        });
        waitUntil(30, () -> model.shownPredictionProperty().get() != null && model.currentFrameProperty().get() == 20);
    }

    void press(String id) throws Exception {
        fx(() -> {
            ((Button) view.lookup(id)).fire();
            return null;
        });
    }

    EvidencePane evidence() throws Exception {
        return fx(() -> {
            var f = PlayerView.class.getDeclaredField("evidence");
            f.setAccessible(true);
            return (EvidencePane) f.get(view);
        });
    }

    @Test
    void occlusionOverlaysTheWindowAndItsTimeStripAndHidingTheShapeMattersMost() throws Exception {
        demoWindow();
        EvidencePane e = evidence();
        press("#evidence-occlusion");
        waitUntil(60, () -> e.strip().result() != null);
        var r = fx(() -> e.strip().result());
        var overlay = fx(() -> e.overlayProperty().get());
        assertEquals(fx(() -> model.windowStart()), overlay.start());
        assertTrue(overlay.occlusion());
        assertArrayEquals(new long[]{4, 4, 4}, overlay.map().shape(), "16 frames / 4, 64 px / 16 px");
        assertEquals("moving left", model.predictorProperty().get().labels().get(r.targetClass()));
        assertEquals(4, r.timeStrip().length);
        // some cell matters more than another, and hiding whole frames costs about as much as hiding the region of them
        // that matters most, or more (a superset of its pixels; the generator-2 model: 0.0731 against 0.0737)
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE, strip = -Float.MAX_VALUE;
        for (float v : r.drop().data()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (float v : r.timeStrip()) strip = Math.max(strip, v);
        assertTrue(hi > lo, "a flat map: " + lo);
        assertTrue(strip >= 0.9f * hi, "hiding whole frames lost " + strip + ", one cell " + hi);
        assertTrue(fx(() -> e.job().getText()).startsWith("occlusion of “moving left”"), fx(() -> e.job().getText()));
    }

    @Test
    void classMapIsDrawnForTheChosenClass() throws Exception {
        demoWindow();
        EvidencePane e = evidence();
        press("#evidence-cam");
        waitUntil(60, () -> e.overlayProperty().get() != null);
        var overlay = fx(() -> e.overlayProperty().get());
        assertFalse(overlay.occlusion());
        assertEquals(3, overlay.map().rank(), "[T', H', W'] of Mixed_5c");
        assertTrue(fx(() -> e.job().getText()).startsWith("class map of “moving left”"), fx(() -> e.job().getText()));
    }

    @Test
    void temporalExperimentsShowThatS3dgNamesThePartnerWhenReversed() throws Exception {
        demoWindow();
        EvidencePane e = evidence();
        press("#evidence-temporal");
        waitUntil(60, () -> e.table().table() != null);
        TemporalProbe.Table t = fx(() -> e.table().table());
        assertEquals(Experiment.values().length, fx(() -> e.table().getItems().size()));
        assertEquals("moving left", t.originalTop1().label());
        assertEquals("moving right", t.row(Experiment.REVERSED).top1().label());
        assertTrue(t.row(Experiment.REVERSED).flippedToPartner());
        assertFalse(t.row(Experiment.ORIGINAL).flippedToPartner());
    }

    @Test
    void cancelStopsARunningOcclusion() throws Exception {
        demoWindow();
        EvidencePane e = evidence();
        fx(() -> {
            @SuppressWarnings("unchecked") ChoiceBox<Integer> cell = (ChoiceBox<Integer>) view.lookup("#evidence-cell");
            cell.setValue(4);   // 4 x 16 x 16 cells: many batches
            ((Button) view.lookup("#evidence-occlusion")).fire();
            return null;
        });
        waitUntil(30, () -> e.job().getProgress() > 0);
        fx(() -> {
            e.job().cancelButton().fire();
            return null;
        });
        waitUntil(30, () -> "evidence cancelled".equals(e.job().getText()));
        Thread.sleep(500);
        assertNull(fx(() -> e.strip().result()), "a cancelled occlusion leaves no map");
        assertNull(fx(() -> e.overlayProperty().get()));
    }

    @Test
    void playReversedShowsTheFramesLastToFirst() throws Exception {
        List<Long> shown = new ArrayList<>();
        fx(() -> {
            model.open(ASSETS.resolve("clips/moving_left.mp4"));
            return null;
        });
        waitUntil(20, () -> !model.opening() && model.frameCountProperty().get() > 0);   // the video opens off the FX thread
        fx(() -> {
            model.loop.set(false);
            model.reversed.set(true);
            model.seekTo(model.frameCountProperty().get() - 1);
            return null;
        });
        long last = fx(() -> model.frameCountProperty().get() - 1);
        waitUntil(20, () -> model.currentFrameProperty().get() == last);
        fx(() -> {
            model.currentFrameProperty().addListener((o, a, b) -> shown.add(b.longValue()));
            model.play();
            return null;
        });
        waitUntil(60, () -> model.currentFrameProperty().get() == 0);
        Thread.sleep(500);   // not looping: it stays at the first frame
        List<Long> seen = fx(() -> List.copyOf(shown));
        assertTrue(seen.size() >= 5, "frames shown: " + seen);
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) < seen.get(i - 1), "not backwards at " + i + ": " + seen);
        assertEquals(0L, seen.get(seen.size() - 1));
    }

    @Test
    void compareShowsBothTemporalTablesI2dIgnoresFrameOrderS3dgDoesNot() throws Exception {
        CompareView compare = fx(() -> {
            CompareView c = new CompareView(DesignModel.withDefaultDesign(), ASSETS, () -> ModelChoice.demos(Assets.models(ASSETS)));
            stage.setScene(AppStyle.scene(c, 1400, 900));
            c.activate();
            c.openClip("moving_left");
            return c;
        });
        try {
            waitUntil(60, () -> compare.left().ready() && compare.right().ready());
            Thread.sleep(1000);   // a frame shown: the window at the playhead
            fx(() -> {
                compare.runTemporal();
                return null;
            });
            waitUntil(60, () -> compare.left().temporal().table() != null && compare.right().temporal().table() != null);
            TemporalProbe.Table i2d = fx(() -> compare.left().temporal().table()), s3dg = fx(() -> compare.right().temporal().table());
            assertEquals("moving left", i2d.originalTop1().label());
            assertEquals("moving left", i2d.row(Experiment.REVERSED).top1().label(), "I2D cannot tell the order of its frames");
            assertFalse(i2d.row(Experiment.REVERSED).flippedToPartner());
            assertTrue(s3dg.row(Experiment.REVERSED).flippedToPartner(), "S3D-G names the partner of a reversed clip");

            // filled tables do not squeeze the video column's controls, and both sides stay alike
            double[] w = fx(() -> {
                compare.applyCss();
                compare.layout();
                Region video = (Region) compare.lookup("#compare-temporal").getParent().getParent();
                return new double[]{video.getWidth(), video.prefWidth(-1), ((Region) compare.left().chooser().getParent()).getWidth(),
                        ((Region) compare.right().chooser().getParent()).getWidth()};
            });
            assertTrue(w[0] >= w[1] - 0.5, "video column " + w[0] + " px, needs " + w[1]);
            assertEquals(w[2], w[3], 1.0, "the two sides' widths");
        } finally {
            fx(() -> {
                compare.dispose();
                return null;
            });
        }
    }
}
