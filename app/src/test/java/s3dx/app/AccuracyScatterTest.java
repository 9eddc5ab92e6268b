package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import s3dx.app.designer.AccuracyScatter;
import s3dx.app.i18n.I18n;
import s3dx.assets.Assets;
import s3dx.net.Preset;
import s3dx.sweep.ShippedModels;
import s3dx.sweep.SweepPlan;
import s3dx.sweep.SweepResults;

/** The designer's design-space card against the shipped sweep results: this design's trained accuracy, or none. */
@ExtendWith(ApplicationExtension.class)
class AccuracyScatterTest {
    @TempDir
    Path home;
    ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, home);
    }

    private static SweepResults.Results shipped() throws Exception {
        return SweepResults.read(Assets.dir().orElseThrow().resolve("models").resolve(ShippedModels.RESULTS_FILE));
    }

    private String line(FxRobot r) {
        return r.lookup("#trained-accuracy").queryAs(Label.class).getText();
    }

    @Test
    void theLineSaysThisDesignsAccuracyFromTheResultsOrThatThereIsNone(FxRobot r) throws Exception {
        assertEquals(Preset.S3D_G.design().blocks(), app.model.getDesign().blocks(), "the window opens on S3D-G");
        SweepResults.DesignSummary s3dg = shipped().forDesign(app.model.getDesign()).orElseThrow();
        String percent = String.format(Locale.ENGLISH, "%.1f%%", 100 * s3dg.heldOutAccuracy().mean());
        assertTrue(line(r).contains(percent), line(r) + " should say " + percent);

        r.clickOn("#tile-Mixed_4b");   // S3D-G with one block changed: never trained
        assertTrue(shipped().forDesign(app.model.getDesign()).isEmpty());
        assertEquals(I18n.t("trained.none"), line(r));
        assertTrue(line(r).startsWith("No trained result for this design"));
    }

    @Test
    void theAccuracyViewPlotsOnePointPerResultAndThisDesignAmongThem(FxRobot r) throws Exception {
        AccuracyScatter chart = r.lookup("#accuracy-scatter").queryAs(AccuracyScatter.class);
        assertFalse(chart.isVisible());
        r.clickOn("#space-accuracy");
        assertTrue(chart.isVisible());

        // the named points: every trained design but the Figure-4 ones, which sit on their curves
        List<SweepResults.DesignSummary> designs = shipped().summary().stream()
                .filter(d -> SweepPlan.LISTS.get("figure4").stream().noneMatch(e -> e.id().equals(d.id()))).toList();
        List<XYChart.Data<Number, Number>> points = chart.getData().get(0).getData();
        assertEquals(designs.size(), points.size());
        for (int i = 0; i < designs.size(); i++) {
            assertEquals(100 * designs.get(i).heldOutAccuracy().mean(), points.get(i).getYValue().doubleValue(), 1e-9);
            assertEquals(designs.get(i).macs() / 1e6, points.get(i).getXValue().doubleValue(), 1e-9);
        }

        // one line per Figure-4 curve, in SweepPlan.CURVES order, through its designs by MACs
        assertEquals(2 + SweepPlan.CURVES.size(), chart.getData().size());
        for (int c = 0; c < SweepPlan.CURVES.size(); c++) {
            List<SweepResults.DesignSummary> curve = shipped().curve(SweepPlan.CURVES.get(c));
            List<XYChart.Data<Number, Number>> line = chart.getData().get(2 + c).getData();
            assertEquals(curve.size(), line.size(), SweepPlan.CURVES.get(c));
            for (int i = 0; i < curve.size(); i++) {
                assertEquals(curve.get(i).macs() / 1e6, line.get(i).getXValue().doubleValue(), 1e-9);
                assertEquals(100 * curve.get(i).heldOutAccuracy().mean(), line.get(i).getYValue().doubleValue(), 1e-9);
            }
        }
        List<SweepResults.DesignSummary> topHeavy = shipped().curve("top-heavy-i3d");
        assertEquals(List.of("i2d", "top-heavy-i3d", "i3d"), topHeavy.stream().filter(d -> !d.family().equals("top-heavy-i3d") || d.boundary().equals("Mixed_4b"))
                .map(SweepResults.DesignSummary::id).toList(), "the Top-Heavy-I3D preset lies on its curve between I2D and I3D");

        // this design (S3D-G at the app's clip) is counted at the sweep's clip and lands on its trained point
        XYChart.Data<Number, Number> here = chart.getData().get(1).getData().get(0);
        SweepResults.DesignSummary s3dg = shipped().forDesign(app.model.getDesign()).orElseThrow();
        assertTrue(here.getNode().isVisible());
        assertEquals(s3dg.macs() / 1e6, here.getXValue().doubleValue(), 1e-9);
        assertEquals(100 * s3dg.heldOutAccuracy().mean(), here.getYValue().doubleValue(), 1e-9);
        assertTrue(app.model.getReport().macs() != s3dg.macs(), "the app's clip differs from the sweep's");

        r.clickOn("#tile-Mixed_4b");
        assertFalse(here.getNode().isVisible(), "an untrained design has no accuracy to plot");
        r.clickOn("#space-cost");
        assertFalse(chart.isVisible());
    }

    @Test
    void theDesignSpaceMovesToItsOwnWindowFollowsTheDesignThereAndComesBack(FxRobot r) {
        AccuracyScatter chart = r.lookup("#accuracy-scatter").queryAs(AccuracyScatter.class);
        Window main = chart.getScene().getWindow();
        r.clickOn("#space-window");
        Window own = chart.getScene().getWindow();
        assertNotSame(main, own, "the chart is now in a window of its own");
        assertTrue(own.isShowing());
        assertFalse(r.lookup("#space-window").query().isVisible(), "no button to open the window it is in");
        assertEquals(1, r.lookup("#accuracy-scatter").queryAll().size(), "moved, not copied");
        assertEquals(main, r.lookup("#space-bring-back").query().getScene().getWindow(), "the card says where it went");
        assertTrue(chart.getScene().getRoot().getStyleClass().containsAll(main.getScene().getRoot().getStyleClass()), "themed like the main window");

        String before = line(r);
        r.interact(() -> own.setX(main.getX() + main.getWidth()));   // beside the designer, as a user would put it
        r.clickOn("#tile-Mixed_4b");   // the designer still drives the chart in the other window
        assertNotEquals(before, line(r));
        assertEquals(I18n.t("trained.none"), line(r));

        r.clickOn("#space-bring-back");
        assertFalse(own.isShowing());
        assertEquals(main, chart.getScene().getWindow(), "back in the designer's card");
        assertTrue(r.lookup("#space-bring-back").tryQuery().isEmpty());
        assertTrue(r.lookup("#space-window").query().isVisible());

        r.clickOn("#space-window");
        Window again = chart.getScene().getWindow();
        assertNotSame(main, again);
        r.interact(() -> again.setX(main.getX() + main.getWidth()));
        r.clickOn(chart).type(KeyCode.ESCAPE);
        assertFalse(again.isShowing(), "Esc closes it");
        assertEquals(main, chart.getScene().getWindow());
    }
}
