package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import s3dx.app.model.Boundary;
import s3dx.app.model.Presets;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;

/** The architecture chain driven with the mouse and keyboard, checked against the counter. */
@ExtendWith(ApplicationExtension.class)
class ArchitectureViewTest {
    @TempDir
    Path home;
    ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, home);
    }

    private String paramsLabel(FxRobot r) {
        return r.lookup("#params-value").queryAs(Label.class).getText();
    }

    @Test
    void clickingABlockCyclesItsModeAndRecounts(FxRobot r) {
        Design before = app.model.getDesign();
        r.clickOn("#tile-Mixed_4b");
        Design expected = before.withMode(Block.Mixed_4b, ConvMode.TWO_D);
        assertEquals(expected, app.model.getDesign());
        assertEquals(CostFormat.count(CostReport.of(expected).params()), paramsLabel(r));
        assertEquals("2D", r.lookup("#tile-Mixed_4b .tile-mode").queryAs(Label.class).getText());

        r.clickOn("#tile-Mixed_4b");
        Design threeD = before.withMode(Block.Mixed_4b, ConvMode.THREE_D);
        assertEquals(threeD, app.model.getDesign());
        assertEquals(CostFormat.count(CostReport.of(threeD).params()), paramsLabel(r));
    }

    @Test
    void draggingWithABrushPaintsEveryBlockOnTheWayAsOneUndoStep(FxRobot r) {
        Design before = app.model.getDesign();
        // the toolbar's segmented toggles show the brush and count in use from the start
        assertTrue(r.lookup("#brush-CYCLE").queryAs(ToggleButton.class).isSelected(), "Cycle is the brush at start");
        assertTrue(r.lookup("#metric-" + app.model.getMetric().name()).queryAs(ToggleButton.class).isSelected());
        r.clickOn("#brush-THREE_D");
        assertFalse(r.lookup("#brush-CYCLE").queryAs(ToggleButton.class).isSelected());
        r.drag("#tile-Mixed_4b", MouseButton.PRIMARY).moveTo("#tile-Mixed_4c").moveTo("#tile-Mixed_4e").release(MouseButton.PRIMARY);
        Design expected = before;
        for (Block b : new Block[]{Block.Mixed_4b, Block.Mixed_4c, Block.Mixed_4d, Block.Mixed_4e}) {
            expected = expected.withMode(b, ConvMode.THREE_D);
        }
        assertEquals(expected, app.model.getDesign());
        assertEquals(CostFormat.count(CostReport.of(expected).params()), paramsLabel(r));
        r.interact(app.model::undo);
        assertEquals(before, app.model.getDesign());
    }

    @Test
    void draggingTheBoundaryMovesTheSplitOfATopHeavyDesign(FxRobot r) {
        r.interact(() -> app.model.edit(d -> Presets.applyTo(Preset.TOP_HEAVY_I3D, d)));
        assertEquals(Block.Mixed_4b, Boundary.of(app.model.getDesign()).orElseThrow().block());
        r.drag("#boundary-handle", MouseButton.PRIMARY)
                .moveTo(r.lookup("#tile-Mixed_5b").query(), Pos.CENTER_LEFT, new Point2D(2, 0), Motion.DEFAULT)
                .release(MouseButton.PRIMARY);
        Design expected = Presets.applyTo(Preset.TOP_HEAVY_I3D, Block.Mixed_5b, app.model.getDesign());
        assertEquals(expected, app.model.getDesign());
        assertEquals(Block.Mixed_5b, Boundary.of(app.model.getDesign()).orElseThrow().block());
        assertEquals(CostFormat.count(CostReport.of(expected).params()), paramsLabel(r));
    }

    @Test
    void gateBadgeTogglesOneBlockAndGateAllGatesEvery(FxRobot r) {
        Design before = app.model.getDesign();
        assertTrue(before.setting(Block.Mixed_3b).gated());
        r.clickOn("#gate-Mixed_3b");
        assertFalse(app.model.getDesign().setting(Block.Mixed_3b).gated());
        assertEquals(ConvMode.SEP3D, app.model.getDesign().setting(Block.Mixed_3b).mode(), "the badge does not cycle the mode");
        assertEquals(CostFormat.count(CostReport.of(before.withGated(Block.Mixed_3b, false)).params()), paramsLabel(r));

        r.clickOn("#gate-all");
        assertEquals(before.withAllGated(true), app.model.getDesign());
        r.clickOn("#gate-all");
        assertEquals(before.withAllGated(false), app.model.getDesign());
    }

    @Test
    void gateBrushPaintsGatingOffAcrossBlocks(FxRobot r) {
        r.clickOn("#brush-GATE");
        r.drag("#tile-Mixed_4b", MouseButton.PRIMARY).moveTo("#tile-Mixed_4d").release(MouseButton.PRIMARY);
        for (Block b : new Block[]{Block.Mixed_4b, Block.Mixed_4c, Block.Mixed_4d}) {
            assertFalse(app.model.getDesign().setting(b).gated(), b.name());
        }
        assertTrue(app.model.getDesign().setting(Block.Mixed_4e).gated());
    }

    @Test
    void undoAndRedoWithTheKeyboard(FxRobot r) {
        Design before = app.model.getDesign();
        r.clickOn("#tile-Conv2d_1a_7x7");
        Design after = app.model.getDesign();
        assertEquals(ConvMode.TWO_D, after.setting(Block.Conv2d_1a_7x7).mode());
        r.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(before, app.model.getDesign());
        assertEquals(CostFormat.count(CostReport.of(before).params()), paramsLabel(r));
        r.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(after, app.model.getDesign());
    }

    @Test
    void expanderShowsTheBranchesOfAMixedBlock(FxRobot r) {
        r.clickOn("#expand-Mixed_4f");
        assertEquals(Block.Mixed_4f, app.window.architecture().expandedProperty().get());
        assertTrue(r.lookup(".inception .panel-title").queryAs(Label.class).getText().startsWith("Mixed_4f"));
    }
}
