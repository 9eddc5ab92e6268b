package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.designer.ArchitectureView;

/**
 * The designer on a 1366x768 laptop screen, with and without the lessons: titles, legend, chain, the Inception
 * block's ops, the lower tabs and the scatter names whole, and the names apart.
 */
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

    /** Shown: visible, and so are all its parents (an overflowing tab header hides behind a menu button). */
    private static boolean shownOnScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private void assertNothingCut(FxRobot r) {
        assertWhole(r.lookup("#architecture-panel .panel-title").queryAs(Labeled.class));
        var legend = r.lookup(".legend .label").queryAllAs(Labeled.class);
        assertEquals(6, legend.size()); // 2D, 3D, Sep 3D, gated (and its badge), share
        legend.forEach(NarrowLayoutTest::assertWhole);

        ArchitectureView chain = app.window.architecture();
        assertTrue(chain.getWidth() >= chain.minWidth(-1), "the chain is squeezed into a scroll: " + chain.getWidth());
        ScrollPane chainScroll = r.lookup(".chain-scroll").queryAs(ScrollPane.class);
        assertTrue(chainScroll.getViewportBounds().getWidth() >= chain.minWidth(-1) - 0.5,
                "the chain scrolls sideways: " + chainScroll.getViewportBounds().getWidth() + " < " + chain.minWidth(-1));
        Node chainPanel = r.lookup("#architecture-panel").query();
        assertTrue(chainPanel.getLayoutBounds().getHeight() >= chainPanel.prefHeight(chainPanel.getLayoutBounds().getWidth()) - 0.5,
                "the chain's second row is cut");

        var ops = r.lookup(".inception .op").queryAllAs(Labeled.class);
        assertTrue(ops.size() >= 8, "ops: " + ops.size());
        ops.forEach(NarrowLayoutTest::assertWhole);
        r.lookup(".inception .branch-name").queryAllAs(Labeled.class).forEach(NarrowLayoutTest::assertWhole);
        Node tabs = r.lookup(".panel-tabs").query();
        var titles = r.lookup(".panel-tabs .tab-label").queryAllAs(Labeled.class);
        assertEquals(2, titles.size());
        for (Labeled t : titles) {
            assertWhole(t);
            assertTrue(inScene(t).getMaxX() <= inScene(tabs).getMaxX(), "tab cut by the card: " + t.getText());
        }
        r.lookup(".panel-tabs .tab-down-button").queryAll().forEach(b -> assertFalse(shownOnScreen(b), "tabs in an overflow menu"));
        Bounds lower = inScene(r.lookup(".lower").query());
        for (String card : new String[]{".inception-card", ".tabs-card", ".map-card"}) {
            Bounds b = inScene(r.lookup(card).query());
            assertTrue(b.getHeight() >= 290, card + " is squeezed: " + b);
            if (!card.equals(".map-card")) { // which may go below the other two
                assertTrue(b.getMinY() >= lower.getMinY() - 0.5 && b.getMaxY() <= lower.getMaxY() + 0.5, card + " overflows its row");
            }
        }

        Bounds plot = r.lookup(".preset-scatter .chart-plot-background").query().localToScene(
                r.lookup(".preset-scatter .chart-plot-background").query().getLayoutBounds());
        // names that found no free place are hidden (their points' tooltips name them)
        var shown = r.lookup(".point-label").queryAllAs(Labeled.class).stream().filter(NarrowLayoutTest::shownOnScreen).toList();
        assertTrue(shown.size() >= 5, "names shown: " + shown.size());
        for (Labeled n : shown) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertTrue(b.getMinX() >= plot.getMinX() - 0.5 && b.getMaxX() <= plot.getMaxX() + 0.5
                    && b.getMinY() >= plot.getMinY() - 0.5 && b.getMaxY() <= plot.getMaxY() + 0.5,
                    n.getText() + " " + b + " leaves the plot " + plot);
        }
        assertTrue(shown.stream().anyMatch(n -> n.getStyleClass().contains("point-current")), "this design is not named");
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                assertFalse(inScene(shown.get(i)).intersects(inScene(shown.get(j))),
                        shown.get(i).getText() + " overlaps " + shown.get(j).getText());
            }
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

    /** Large type with the lessons open (presentation mode at 1600x1000): the player's controls wrap, none is cut to "…". */
    @Test
    void playerControlsInLargeTypeWrapInsteadOfCutting(FxRobot r) {
        layOut(r, 1600, 1000, true);
        r.interact(() -> {
            app.window.presentation().setLargeType(true);
            app.window.select(s3dx.app.shell.MainTab.PLAYER);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var controls = new java.util.ArrayList<Labeled>();
        for (String area : new String[]{".player-toolbar", ".player-left"}) collect(r.lookup(area).query(), controls);
        assertTrue(controls.size() >= 12, "controls found: " + controls.size());
        for (Labeled l : controls) {   // the clip plays: its time label changes, so "cut" is the ellipsis itself
            boolean cut = !shown(l).equals(l.getText()) && (shown(l).endsWith("…") || shown(l).endsWith("..."));
            assertFalse(cut, "cut: " + l.getText() + " shown as " + shown(l));
        }
    }

    /** The labelled controls shown under {@code n}, but the model's status line (which may shorten by design) and tables. */
    private static void collect(Node n, java.util.List<Labeled> out) {
        // tables are left out: a column header shortens as a column narrows, and can be widened by dragging
        if ("player-model-status".equals(n.getId()) || !n.isVisible() || n instanceof javafx.scene.control.TableView) return;
        // a menu button shows its text through a label of its own: that label is the one checked
        if (n instanceof Labeled l && !l.getText().isEmpty() && l.getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof Text)) out.add(l);
        if (n instanceof javafx.scene.Parent p) p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
    }

    /** At the usual size all of the designer fits: no scrolling. */
    @Test
    void usualScreen(FxRobot r) {
        layOut(r, 1600, 1000, false);
        assertNothingCut(r);
        ScrollPane centre = r.lookup("#designer-scroll").queryAs(ScrollPane.class);
        Node content = centre.getContent();
        assertTrue(content.getLayoutBounds().getHeight() <= centre.getViewportBounds().getHeight() + 0.5, "the designer scrolls");
    }
}
