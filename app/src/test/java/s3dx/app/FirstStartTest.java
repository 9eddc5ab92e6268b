package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.shell.MainTab;
import s3dx.app.shell.Presentation;

/** A new user's first minutes: a demo clip already in the player, the File menu, presentation mode. */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {
    @TempDir
    Path home;
    ExplorerFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ExplorerFixture(stage, home);
    }

    @Test
    void thePlayerHasADemoClipAndPlaysItWhenFirstShown(FxRobot r) throws Exception {
        var player = app.window.player().model();
        assertEquals("moving_left.mp4", player.videoProperty().get().getFileName().toString());
        assertFalse(player.playingProperty().get(), "paused until the tab is shown");
        r.interact(() -> app.window.select(MainTab.PLAYER));
        // the clip opens off the FX thread; play() while it opens plays it once shown
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> player.playingProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> player.shownPredictionProperty().get() != null);
        assertFalse(player.shownPredictionProperty().get().gates().isEmpty(), "the S3D-G model's gates are there");
    }

    @Test
    void theFileMenuHoldsVideosDemoClipsAndModels(FxRobot r) throws Exception {
        MenuBar bar = (MenuBar) app.window.scene().getRoot().lookup(".menu-bar");
        List<String> file = bar.getMenus().get(0).getItems().stream().map(MenuItem::getText).filter(s -> s != null).toList();
        for (String want : List.of("_Open design…", "Recent _designs", "Open video…", "Demo clips", "Recent videos", "Open model…")) {
            assertTrue(file.contains(want), want + " in " + file);
        }
        Menu clips = (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "Demo clips".equals(i.getText())).findFirst().orElseThrow();
        List<MenuItem> perClass = clips.getItems().stream().filter(i -> !(i instanceof Menu) && !(i instanceof SeparatorMenuItem)).toList();
        assertEquals(10, perClass.size(), "a clip for each MotionShapes class");
        Menu plain = (Menu) clips.getItems().stream().filter(i -> "Drawn another way (unlike training)".equals(i.getText())).findFirst().orElseThrow();
        assertEquals(perClass.stream().map(MenuItem::getText).toList(), plain.getItems().stream().map(MenuItem::getText).toList(),
                "the same ten motions drawn by another renderer");
        var player = app.window.player().model();
        r.interact(() -> plain.getItems().get(0).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> player.videoProperty().get().getParent().getFileName().toString().equals("plain"));
        assertEquals("fading_in.mp4", player.videoProperty().get().getFileName().toString());
    }

    @Test
    void f11IsFullScreenLargeTypeAndHighContrastEscLeavesIt(FxRobot r) {
        var p = app.window.presentation();
        r.interact(app.window::toggleLessons);
        double lessonsWidth = app.window.lessons().getPrefWidth();
        r.push(KeyCode.F11);
        assertTrue(stage.isFullScreen());
        assertTrue(app.window.scene().getRoot().getStyleClass().contains(Presentation.LARGE_TYPE));
        assertEquals(Presentation.Theme.LIGHT_CONTRAST, p.theme());
        assertNotNull(app.window.scene().getRoot().getStylesheets().stream().filter(s -> s.contains("contrast")).findFirst().orElse(null));
        assertTrue(app.window.lessons().getPrefWidth() > lessonsWidth * 1.3, "the lessons panel widens for the large type");
        r.interact(() -> stage.setFullScreen(false));   // what Esc does in full screen
        assertFalse(p.presentingProperty().get());
        assertFalse(app.window.scene().getRoot().getStyleClass().contains(Presentation.LARGE_TYPE));
        assertEquals(Presentation.Theme.STANDARD, p.theme());
        assertEquals(lessonsWidth, app.window.lessons().getPrefWidth(), 1e-9);
    }
}
