package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.classroom.CompareView;
import s3dx.app.classroom.Lessons;
import s3dx.app.classroom.TrainPanel;
import s3dx.app.i18n.I18n;
import s3dx.app.model.Presets;
import s3dx.app.shell.MainTab;
import s3dx.app.video.ModelChoice;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.DemoSize;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelFile;
import s3dx.synth.MotionClass;
import s3dx.tensor.Tensor;
import s3dx.train.MotionData;
import s3dx.train.TrainModels;

/** The classroom: comparison counts, in-app training (cancel, save as ONNX), lessons, the Chinese UI and the bundles. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest {
    @TempDir
    Path home;
    ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, home);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void comparisonShowsBothDesignsCostsFromCostReport(FxRobot r) {
        CompareView c = app.window.compare();
        r.interact(() -> app.window.select(MainTab.COMPARE));
        check(r, c, Preset.I2D, Preset.S3D_G);
        r.interact(() -> {
            c.left().chooser().setValue(new CompareView.Choice(CompareView.CURRENT));
            c.right().chooser().setValue(new CompareView.Choice(Preset.FAST_S3D));
            app.model.edit(d -> d.withClip(32, 160, 160));
        });
        check(r, c, CompareView.CURRENT, Preset.FAST_S3D);
        r.clickOn("#compare-right-design");
        assertTrue(r.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream().map(ListCell::getText).toList()
                .containsAll(List.of(I18n.t("compare.current"), Preset.I3D.displayName(), Preset.S3D_G.displayName())), "the open list names them too");
        r.type(KeyCode.ESCAPE);
        // the clip chooser: the ten MotionShapes clips, then the same motions drawn another way
        ChoiceBox<java.nio.file.Path> clips = r.lookup("#compare-clip").query();
        List<String> names = clips.getItems().stream().map(clips.getConverter()::toString).toList();
        assertEquals(20, names.size(), names.toString());
        assertEquals("moving left", names.get(4));
        assertEquals("moving left (drawn another way)", names.get(14));
    }

    private void check(FxRobot r, CompareView c, Preset left, Preset right) {
        WaitForAsyncUtils.waitForFxEvents();
        Design current = app.model.getDesign();
        CostReport a = CostReport.of(left == null ? current : Presets.applyTo(left, current));
        CostReport b = CostReport.of(right == null ? current : Presets.applyTo(right, current));
        for (String[] row : new String[][]{{"params"}, {"macs"}, {"flops"}, {"activations"}}) {
            String id = row[0];
            assertEquals(CostFormat.count(pick(a, id)), text(r, "#compare-left-" + id), id);
            assertEquals(CostFormat.count(pick(b, id)), text(r, "#compare-right-" + id), id);
            assertTrue(text(r, "#compare-diff-" + id).contains(CostFormat.count(Math.abs(pick(b, id) - pick(a, id)))), id);
        }
        // the choosers name their designs (a preset's name, or "Current design"), not the items' Java form
        assertEquals(left == null ? I18n.t("compare.current") : left.displayName(), shown(r, "#compare-left-design"));
        assertEquals(right == null ? I18n.t("compare.current") : right.displayName(), shown(r, "#compare-right-design"));
    }

    /** The text of a combo box's button cell (its list's cells are ListCells too). */
    private static String shown(FxRobot r, String id) {
        ComboBox<?> box = r.lookup(id).query();
        return box.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance).map(n -> ((ListCell<?>) n).getText()).findFirst().orElse(null);
    }

    private static long pick(CostReport c, String id) {
        return switch (id) {
            case "params" -> c.params();
            case "macs" -> c.macs();
            case "flops" -> c.flops();
            default -> c.activationBytes();
        };
    }

    private static String text(FxRobot r, String query) {
        Node n = r.lookup(query).query();
        return n instanceof StatusBar s ? s.getText() : ((Labeled) n).getText();
    }

    @Test
    void eachLessonStepAppliesItsDesignAndTab(FxRobot r) {
        Lessons lessons = app.window.lessons().lessons();
        assertEquals(3, lessons.lessons().size());
        for (int l = 0; l < lessons.lessons().size(); l++) {
            Lessons.Lesson lesson = lessons.lessons().get(l);
            assertTrue(lesson.steps().size() >= 3 && lesson.steps().size() <= 4, lesson.id());
            for (int s = 0; s < lesson.steps().size(); s++) {
                Lessons.Step step = lesson.steps().get(s);
                Design before = app.model.getDesign();
                int li = l, si = s;
                r.interact(() -> app.window.lessons().go(li, si));
                assertEquals(step.design(before).blocks(), app.model.getDesign().blocks(), lesson.id() + "/" + step.id());
                assertFalse(step.text(lesson).startsWith("lesson."), "text for " + step.id());
                assertEquals(step.tab(), app.window.selectedTab().id(), step.id());
            }
        }
        r.interact(() -> app.window.lessons().go(0, 0));
        r.interact(() -> app.window.nextStep());   // shows the panel (hidden so far), stays on step 1
        r.interact(() -> app.window.nextStep());
        assertEquals(1, app.window.lessons().stepIndex());
        assertEquals(Preset.I2D.design().blocks(), app.model.getDesign().blocks());
    }

    @Test
    void trainingRunsUpdatesTheChartInstallsTheModelAndCanBeCancelled(FxRobot r) throws Exception {
        TrainPanel t = app.window.train();
        r.interact(() -> {
            app.model.edit(d -> Presets.applyTo(Preset.S3D, d));
            t.setDemoSize(new DemoSize(0.125, 16, 32, 10));
            t.setEvalClips(8);
            t.stepsSpinner().getValueFactory().setValue(4);
            t.batchSpinner().getValueFactory().setValue(4);
            t.start();
        });
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> t.last() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(t.last().result().cancelled());
        assertNotNull(t.last().result().evaluation());
        assertEquals(4, t.lossSeries().getData().size());
        // both held-out tests are shown: with training's generator settings and with settings it never saw
        var seen = t.last().result().evaluation();
        var unseen = t.last().result().heldOutSettings();
        String shown = text(r, "#train-result");
        for (String part : List.of(String.format(Locale.ROOT, "%d clips: accuracy %.1f%%", seen.clips(), 100 * seen.accuracy()),
                String.format(Locale.ROOT, "never saw (other shapes, hues, background, speeds and sizes), %d clips: accuracy %.1f%%; reversed: partner label %.1f%%",
                        unseen.clips(), 100 * unseen.accuracy(), 100 * unseen.partnerRate()))) {
            assertTrue(shown.contains(part), shown + " should say " + part);
        }
        ModelChoice m = app.window.player().model().loader().wantedProperty().get();
        assertTrue(m instanceof ModelChoice.Trained);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.window.player().model().modelReadyProperty().get());

        r.interact(() -> {
            t.stepsSpinner().getValueFactory().setValue(5000);
            t.start();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> t.lossSeries().getData().size() >= 2);
        r.interact(t::cancel);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !t.running());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(t.last().result().cancelled());
        assertTrue(t.last().result().stepsDone() < 5000);
    }

    @Test
    void aTrainedModelSavesAsOnnxWithItsDesignAndTheSameProbabilities(FxRobot r) throws Exception {
        TrainPanel t = app.window.train();
        assertTrue(t.saveButton().isDisabled(), "nothing trained yet");
        r.interact(() -> {
            app.model.edit(d -> Presets.applyTo(Preset.S3D_G, d));
            t.setDemoSize(new DemoSize(0.125, 16, 32, 10));
            t.setEvalClips(4);
            t.stepsSpinner().getValueFactory().setValue(3);
            t.batchSpinner().getValueFactory().setValue(4);
            t.start();
        });
        assertTrue(t.saveButton().isDisabled(), "disabled while training");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> t.last() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(t.saveButton().isDisabled());

        Path file = home.resolve("models").resolve(TrainModels.fileName(t.demoDesign()));
        save(r, t, file);
        assertTrue(text(r, "#train-status").contains(file.toString()), text(r, "#train-status"));
        assertFalse(r.lookup("#train-status").query().getStyleClass().contains("problem"));
        assertTrue(app.window.player().model().models().contains(ModelChoice.file(file)), "offered in the player's list");

        Design trained = t.last().result().design();
        Tensor clip = new MotionData(trained).heldOutBatch(7, 0, 1).video();
        float[] inMemory, saved;
        try (OnnxSession s = t.last().model().open()) {
            inMemory = s.run(clip).probs().data();
        }
        try (OnnxSession s = ModelChoice.file(file).open()) { // as the player opens it
            assertEquals(MotionClass.labels(), WindowPredictor.of(s).labels()); // as the player and s3dx predict read it
            ModelInfo info = s.info().orElseThrow();
            assertEquals(trained, info.design());
            assertEquals(MotionClass.labels(), info.labels());
            assertEquals(MotionData.preprocessing(trained), info.preprocessing());
            assertEquals(TrainModels.modelInfo(t.last().result()).description(), info.description());
            saved = s.run(clip).probs().data();
        }
        assertEquals(MotionClass.values().length, saved.length);
        for (int i = 0; i < saved.length; i++) assertEquals(inMemory[i], saved[i], 1e-4, "class " + i);
        // a few steps move the probabilities only a little from the untrained ~0.1 each, so check the weights too
        Map<String, Tensor> want = t.last().result().weights().tensors(), got = OnnxModelFile.read(file).weights().tensors();
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) assertEquals(want.get(name), got.get(name), name);

        // a file where its folder should be: the status names the file and says why, without a stack trace
        Path blocked = home.resolve("models").resolve(file.getFileName()).resolve("again.onnx");
        save(r, t, blocked);
        String failed = text(r, "#train-status");
        assertTrue(failed.startsWith("Could not save the model to " + blocked + ": "), failed);
        assertFalse(failed.contains("\tat ") || failed.contains("\n"), failed);
        assertTrue(r.lookup("#train-status").query().getStyleClass().contains("problem"), "said in the error colour");
        assertFalse(t.saveButton().isDisabled(), "can try again");
    }

    private static void save(FxRobot r, TrainPanel t, Path file) throws Exception {
        Task<?>[] task = new Task<?>[1];
        r.interact(() -> task[0] = t.save(file));
        assertNotNull(task[0]);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void bundlesHaveTheSameKeys() {
        Set<String> en = I18n.keys(Locale.ENGLISH), zh = I18n.keys(I18n.CHINESE);
        Set<String> onlyEn = new java.util.TreeSet<>(en), onlyZh = new java.util.TreeSet<>(zh);
        onlyEn.removeAll(zh);
        onlyZh.removeAll(en);
        assertTrue(onlyEn.isEmpty() && onlyZh.isEmpty(), "only English: " + onlyEn + "; only Chinese: " + onlyZh);
        assertEquals("文件(_F)", I18n.bundle(I18n.CHINESE).getString("menu.file"));
    }

    @Test
    void chineseChangesTheMenusAndLeavesNoVisibleStringUntranslated(FxRobot r) {
        r.interact(() -> app.window.toggleLessons());
        r.interact(() -> app.window.setLanguage(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = r.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals("文件(_F)", bar.getMenus().get(0).getText());
        assertEquals("设置(_S)", bar.getMenus().get(bar.getMenus().size() - 2).getText());
        assertTrue(Files.isRegularFile(home.resolve("settings.properties")));

        List<String> texts = new ArrayList<>();
        for (Menu m : bar.getMenus()) menuTexts(m, texts);
        walk(app.window.scene().getRoot(), texts);
        List<String> bad = texts.stream().filter(s -> !acceptable(s)).distinct().toList();
        assertTrue(bad.isEmpty(), "untranslated: " + bad);
        assertTrue(texts.size() > 150, "walked " + texts.size());
        r.interact(() -> app.window.setLanguage(Locale.ENGLISH));
        assertEquals("_File", r.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getText());
    }

    private static void menuTexts(MenuItem m, List<String> out) {
        out.add(m.getText());
        if (m instanceof Menu menu) for (MenuItem i : menu.getItems()) menuTexts(i, out);
    }

    private static void walk(Node n, List<String> out) {
        if (n instanceof Labeled l) out.add(l.getText());
        if (n instanceof Control c && c.getTooltip() != null) out.add(c.getTooltip().getText());
        if (n instanceof ComboBoxBase<?> c) out.add(c.getPromptText());
        if (n instanceof TabPane tp) {
            for (Tab t : tp.getTabs()) {
                out.add(t.getText());
                if (t.getContent() != null) walk(t.getContent(), out);
            }
        }
        if (n instanceof TableView<?> tv) for (TableColumnBase<?, ?> c : tv.getColumns()) out.add(c.getText());
        if (n instanceof Chart ch) {
            out.add(ch.getTitle());
            if (ch instanceof XYChart<?, ?> xy) {
                out.add(xy.getXAxis().getLabel());
                out.add(xy.getYAxis().getLabel());
                for (XYChart.Series<?, ?> s : xy.getData()) out.add(s.getName());
            }
        }
        if (n instanceof Parent p) {
            Collection<Node> kids = p.getChildrenUnmodifiable();
            for (Node k : kids) walk(k, out);
        }
    }

    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final List<String> CANONICAL = new ArrayList<>();

    static {
        for (Block b : Block.values()) CANONICAL.add(b.name());
        for (Preset p : Preset.values()) CANONICAL.add(p.displayName());
        CANONICAL.addAll(List.of("S3D Explorer", "English", "MACs", "FLOPs", "ONNX", "Logits", "Branch_", "Conv ", "Mixed ",
                "fps", "Top-1", "K400", "float32", "Shortcut", "Ctrl", "Shift", "CSV", "Markdown", "PNG", "MiB", "KiB", "GiB"));
        CANONICAL.sort((a, b) -> b.length() - a.length());
    }

    /** Empty, Chinese, or only numbers, units, shapes and canonical block / preset names. */
    static boolean acceptable(String s) {
        if (s == null || s.isBlank() || CJK.matcher(s).find()) return true;
        String rest = s.replaceAll("[A-Za-z0-9]+(_[A-Za-z0-9]+)+(/[A-Za-z0-9_]+)*", " ");
        for (String c : CANONICAL) rest = rest.replace(c, " ");
        return !Pattern.compile("[A-Za-z]{3,}").matcher(rest).find();
    }
}
