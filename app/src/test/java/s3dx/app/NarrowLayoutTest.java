package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.view.ArchitectureView;

/** The designer on a 1366x768 laptop screen with the lessons open: titles, legend, chain and scatter names whole. */
@ExtendWith(ApplicationExtension.class)
class NarrowLayoutTest {
    @TempDir
    Path home;
    ExplorerFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ExplorerFixture(stage, home);
    }

    private void layOut(FxRobot r, double width, double height, boolean lessons) {
        r.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            if (lessons) app.window.toggleLessons();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a Labeled shows (its skin's Text node), which ends in an ellipsis when it was cut. */
    private static String shown(Labeled l) {
        return l.lookupAll(".text").stream().filter(n -> n instanceof Text && n.getParent() == l)
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }

    private static void assertWhole(Labeled l) {
        assertEquals(l.getText(), shown(l), "cut: " + l.getText());
    }

    private void assertNothingCut(FxRobot r) {
        assertWhole(r.lookup("#architecture-panel .panel-title").queryAs(Labeled.class));
        var legend = r.lookup(".legend .label").queryAllAs(Labeled.class);
        assertEquals(6, legend.size()); // 2D, 3D, Sep 3D, gated (and its badge), share
        legend.forEach(NarrowLayoutTest::assertWhole);

        ArchitectureView chain = app.window.architecture();
        assertTrue(chain.getWidth() >= chain.minWidth(-1), "the chain is squeezed into a scroll: " + chain.getWidth());
        Node chainPanel = r.lookup("#architecture-panel").query();
        assertTrue(chainPanel.getLayoutBounds().getHeight() >= chainPanel.prefHeight(chainPanel.getLayoutBounds().getWidth()) - 0.5,
                "the chain's second row is cut");

        Bounds plot = r.lookup(".preset-scatter .chart-plot-background").query().localToScene(
                r.lookup(".preset-scatter .chart-plot-background").query().getLayoutBounds());
        var names = r.lookup(".point-label").queryAllAs(Labeled.class);
        assertFalse(names.isEmpty());
        for (Labeled n : names) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertTrue(b.getMinX() >= plot.getMinX() - 0.5 && b.getMaxX() <= plot.getMaxX() + 0.5
                    && b.getMinY() >= plot.getMinY() - 0.5 && b.getMaxY() <= plot.getMaxY() + 0.5,
                    n.getText() + " " + b + " leaves the plot " + plot);
        }
    }

    @Test
    void laptopScreenWithLessons(FxRobot r) {
        layOut(r, 1366, 768, true);
        assertNothingCut(r);
    }

    @Test
    void laptopScreen(FxRobot r) {
        layOut(r, 1366, 768, false);
        assertNothingCut(r);
    }

    @Test
    void usualScreenWithLessons(FxRobot r) {
        layOut(r, 1600, 1000, true);
        assertNothingCut(r);
    }
}
