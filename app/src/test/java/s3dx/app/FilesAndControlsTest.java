package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.files.Autosave;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostFormat;
import s3dx.design.DesignJson;
import s3dx.net.Block;
import s3dx.net.Design;

/** Files (save, reopen, title), the inline message for an invalid clip, and autosave with crash recovery. */
@ExtendWith(ApplicationExtension.class)
class FilesAndControlsTest {
    @TempDir
    Path home;
    @TempDir
    Path work;
    ExplorerFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ExplorerFixture(stage, home);
    }

    @Test
    void saveAndReopenGivesTheSameDesign(FxRobot r) throws Exception {
        r.clickOn("#tile-Mixed_5c");
        r.clickOn("#gate-Mixed_4e");
        Design edited = app.model.getDesign();
        assertTrue(stage.getTitle().startsWith("*Untitled"), stage.getTitle());
        Path file = work.resolve("mine" + DesignJson.EXTENSION);
        r.interact(() -> {
            try {
                assertEquals(file, app.model.saveAs(work.resolve("mine")));
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(Files.exists(file));
        assertEquals("mine.s3dx.json — S3D Explorer", stage.getTitle());

        r.clickOn("#tile-Mixed_3b");
        assertTrue(stage.getTitle().startsWith("*"));
        r.interact(() -> {
            try {
                app.model.open(file);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(edited, app.model.getDesign());
        assertFalse(app.model.isDirty());

        DesignModel fresh = new DesignModel(s3dx.net.Preset.I2D.design());
        fresh.open(file);
        assertEquals(edited, fresh.getDesign());
    }

    @Test
    void invalidClipShowsTheReasonInlineAndKeepsTheCounts(FxRobot r) {
        String params = r.lookup("#params-value").queryAs(Label.class).getText();
        String macs = r.lookup("#compute-value").queryAs(Label.class).getText();
        Spinner<?> frames = r.lookup("#frames").queryAs(Spinner.class);
        r.doubleClickOn(frames.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("4").push(KeyCode.ENTER);

        Label error = r.lookup("#clip-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("use at least"), error.getText());
        assertEquals(64, app.model.getDesign().frames());
        assertEquals(params, r.lookup("#params-value").queryAs(Label.class).getText());
        assertEquals(macs, r.lookup("#compute-value").queryAs(Label.class).getText());
        Node status = r.lookup(".window-status").query();
        assertTrue(status.getStyleClass().contains("problem"), "the window's status line says it in the error colour");

        r.doubleClickOn(frames.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("32").push(KeyCode.ENTER);
        assertFalse(error.isVisible());
        assertFalse(status.getStyleClass().contains("problem"), "and back to plain once the value is good");
        assertEquals(32, app.model.getDesign().frames());
        assertNotEquals(macs, r.lookup("#compute-value").queryAs(Label.class).getText());
    }

    @Test
    void autosaveIsOfferedAfterACrashAndRestores(FxRobot r) throws Exception {
        r.clickOn("#tile-Mixed_4c");
        Design edited = app.model.getDesign();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(app.home.autosave())
                && edited.equals(DesignJson.read(app.home.autosave())));
        assertTrue(Autosave.pending(app.home).isPresent(), "no clean exit yet: the autosave is pending");

        // A second session starting on the same home after the first "crashed" (it never exited cleanly).
        ExplorerFixture[] second = new ExplorerFixture[1];
        r.interact(() -> second[0] = new ExplorerFixture(new Stage(), home));
        // look inside the second window: the first one has a (hidden) banner too
        assertTrue(r.from(second[0].window.scene().getRoot()).lookup("#recovery-banner").queryAs(javafx.scene.Node.class).isVisible());
        // its sentence is readable: dark text on the cream banner (it once inherited near-white text)
        javafx.scene.control.Label said = (javafx.scene.control.Label) r.from(second[0].window.scene().getRoot())
                .lookup("#recovery-banner").lookup(".label").query();
        assertTrue(((javafx.scene.paint.Color) said.getTextFill()).getBrightness() < 0.5, "banner text " + said.getTextFill());
        assertNotEquals(edited, second[0].model.getDesign());
        r.interact(() -> r.from(second[0].window.scene().getRoot()).lookup("#recovery-restore").queryButton().fire());
        assertEquals(edited, second[0].model.getDesign());
        assertTrue(second[0].model.isDirty(), "a restored design is unsaved");
        assertEquals(CostFormat.count(second[0].model.getReport().params()),
                r.from(second[0].window.scene().getRoot()).lookup("#params-value").queryAs(Label.class).getText());

        r.interact(() -> second[0].window.autosave().markCleanExit());
        assertFalse(Autosave.pending(app.home).isPresent(), "after a clean exit nothing is offered");
        r.interact(() -> ((Stage) second[0].window.scene().getWindow()).close());
        assertEquals(Block.TOGGLEABLE.size(), edited.blocks().size());
    }
}
