package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.classroom.CompareView;
import s3dx.app.i18n.I18n;
import s3dx.app.model.Presets;
import s3dx.app.model.TrainedResults;
import s3dx.net.Preset;
import s3dx.sweep.SweepResults;

/** The cost cards, Compare and the lessons show a design's trained accuracy from the shipped sweep, or say it has none. */
@ExtendWith(ApplicationExtension.class)
class TrainedAccuracyTest {
    @TempDir
    Path home;
    ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, home);
    }

    private static String text(FxRobot r, String query) {
        return r.lookup(query).queryAs(Labeled.class).getText();
    }

    private static SweepResults.DesignSummary result(Preset p) {
        return TrainedResults.shipped().of(p.design()).orElseThrow(() -> new AssertionError("the shipped sweep has no " + p));
    }

    private static String percent(SweepResults.Spread s) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * s.mean());
    }

    @Test
    void theAccuracyCardShowsTheDesignsResultAndItsChangeAgainstTheBaseline(FxRobot r) {
        SweepResults.DesignSummary s3dg = result(Preset.S3D_G), i3d = result(Preset.I3D);
        assertEquals(percent(s3dg.heldOutAccuracy()), text(r, "#accuracy-value"));
        // the default baseline is I3D: the change is S3D-G's mean minus I3D's, in points
        String points = String.format(Locale.ROOT, "%+.1f", 100 * (s3dg.heldOutAccuracy().mean() - i3d.heldOutAccuracy().mean())).replace('-', '\u2212');
        assertTrue(text(r, "#accuracy-delta").startsWith(points), text(r, "#accuracy-delta") + " should start with " + points);

        r.clickOn("#tile-Mixed_4b");   // one block changed: a design the sweep never trained
        assertEquals("\u2014", text(r, "#accuracy-value"));
        assertEquals(I18n.t("trained.cardNone"), r.lookup("#accuracy-card").lookup(".metric-sub").queryAs(Labeled.class).getText());
        assertEquals("", text(r, "#accuracy-delta"));
    }

    @Test
    void thePresetListShowsEachTrainedPresetsAccuracy(FxRobot r) {
        ComboBox<?> combo = r.lookup("#preset").queryAs(ComboBox.class);
        r.clickOn(combo);
        for (Preset p : Preset.values()) {
            ListCell<?> cell = r.lookup(".list-cell").match((ListCell<?> c) -> c.getItem() == p && c != combo.getButtonCell())
                    .queryAs(ListCell.class);
            assertEquals(percent(result(p).heldOutAccuracy()), ((Labeled) cell.getGraphic()).getText(), p.toString());
            assertTrue(cell.getTooltip().getText().contains(TrainedResults.shipped().sentence(p.design())), cell.getTooltip().getText());
        }
        r.type(KeyCode.ESCAPE);
        assertEquals(null, combo.getButtonCell().getGraphic(),
                "the chosen preset shows only its name");
    }

    @Test
    void compareShowsBothSidesAccuracyOrNotTrained(FxRobot r) {
        CompareView c = app.window.compare();
        r.interact(() -> {
            c.left().chooser().setValue(new CompareView.Choice(Preset.I2D));
            c.right().chooser().setValue(new CompareView.Choice(Preset.S3D_G));
        });
        WaitForAsyncUtils.waitForFxEvents();
        SweepResults.DesignSummary i2d = result(Preset.I2D), s3dg = result(Preset.S3D_G);
        assertTrue(text(r, "#compare-left-accuracy").startsWith(percent(i2d.heldOutAccuracy())), text(r, "#compare-left-accuracy"));
        assertTrue(text(r, "#compare-right-partner").startsWith(percent(s3dg.reversedPartnerRate())), text(r, "#compare-right-partner"));
        String points = String.format(Locale.ROOT, "%+.1f", 100 * (s3dg.heldOutAccuracy().mean() - i2d.heldOutAccuracy().mean()));
        assertTrue(text(r, "#compare-diff-accuracy").startsWith(points), text(r, "#compare-diff-accuracy"));

        r.interact(() -> {
            app.model.edit(d -> d.withMode(s3dx.net.Block.Mixed_4b, s3dx.net.ConvMode.TWO_D));
            c.left().chooser().setValue(new CompareView.Choice(CompareView.CURRENT));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(I18n.t("compare.notTrained"), text(r, "#compare-left-accuracy"));
        assertEquals("", text(r, "#compare-diff-accuracy"));
    }

    @Test
    void theLessonPanelSaysWhatTheStepsDesignReached(FxRobot r) {
        r.interact(() -> app.window.lessons().go(0, 0));
        Labeled accuracy = (Labeled) app.window.lessons().lookup("#lesson-accuracy");   // the panel itself may be hidden
        String line = accuracy.getText();
        assertEquals(TrainedResults.shipped().sentence(app.model.getDesign()), line);
        assertTrue(TrainedResults.shipped().of(app.model.getDesign()).isPresent(), "the first lesson step shows a shipped preset");
        assertTrue(line.contains(percent(TrainedResults.shipped().of(app.model.getDesign()).get().heldOutAccuracy())), line);

        r.interact(() -> app.model.edit(d -> Presets.applyTo(Preset.S3D_G, d).withMode(s3dx.net.Block.Mixed_4c, s3dx.net.ConvMode.TWO_D)));
        assertEquals(I18n.t("trained.none"), accuracy.getText());
    }
}
