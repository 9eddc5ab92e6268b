package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.player.PlayerModel;
import s3dx.app.shell.MainTab;
import s3dx.app.ui.ProblemDialog;
import s3dx.app.video.ModelChoice;
import s3dx.design.DesignJson;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;

/**
 * Issue 19's bad files, dropped on the window as a careless or hostile user would: each gives one dialog naming the
 * file and the problem (no stack trace), nothing escapes as an exception, and the video, model and design that were
 * open stay, so the app still plays and designs afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class HostileFilesTest {
    @TempDir
    static Path dir;
    @TempDir
    Path home;
    static Path clip, other;
    ExplorerFixture app;
    final List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
    Thread.UncaughtExceptionHandler before;

    @BeforeAll
    static void files() throws Exception {
        clip = dir.resolve("left.mp4");
        MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 48)).clip(4, MotionClass.MOVING_LEFT), clip, 25);
        other = dir.resolve("right.mp4");
        MotionShapes.write(new MotionShapes(MotionShapes.Options.defaults(64, 48)).clip(5, MotionClass.MOVING_RIGHT), other, 25);
    }

    @Start
    void start(Stage stage) {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        app = new ExplorerFixture(stage, home);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    static void waitUntil(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    PlayerModel player() {
        return app.window.player().model();
    }

    void drop(Path... files) throws Exception {
        fx(() -> {
            app.window.openDropped(List.of(files));
            return null;
        });
    }

    static DialogPane problemDialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d && ProblemDialog.ID.equals(d.getId())) return d;
        }
        return null;
    }

    /** Waits for the problem dialog, closes it with OK and returns its header and text. */
    String problemShown() throws Exception {
        waitUntil(60, () -> problemDialog() != null);
        String shown = fx(() -> {
            DialogPane d = problemDialog();
            String s = d.getHeaderText() + "\n" + d.getContentText();
            ((Button) d.lookupButton(ButtonType.OK)).fire();
            return s;
        });
        assertTrue(fx(() -> problemDialog() == null), "closed with OK");
        assertFalse(shown.contains("Exception") || shown.contains("\tat "), "no stack trace or exception name: " + shown);
        return shown;
    }

    void assertRefused(Path file, String header) throws Exception {
        String shown = problemShown();
        assertTrue(shown.startsWith(header + "\n"), shown);
        assertTrue(shown.contains(file.getFileName().toString()), "names the file: " + shown);
    }

    @Test
    void badFilesDroppedOnTheWindowSayWhyAndLeaveTheAppAsItWas() throws Exception {
        drop(clip);
        waitUntil(60, () -> clip.equals(player().videoProperty().get()) && player().frameProperty().get() != null);
        assertEquals(MainTab.PLAYER, fx(app.window::selectedTab), "a video goes to the player");
        waitUntil(120, () -> player().modelReadyProperty().get());
        ModelChoice model = fx(() -> player().loader().installedProperty().get());
        assertNotNull(model);
        Design design = fx(app.model::getDesign);

        // videos: a truncated file, a text file named .mp4, a FIFO
        byte[] whole = Files.readAllBytes(clip);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length / 2));
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video\n".repeat(50));
        Path fifo = fifo("pipe.mp4");
        for (Path bad : List.of(truncated, notes, fifo)) {
            drop(bad);
            assertRefused(bad, "Cannot open the video");
            assertEquals(clip, fx(() -> player().videoProperty().get()), "the video in view stays: " + bad);
        }

        // design files: `null`, duplicate keys, a FIFO
        Path nullDesign = Files.writeString(dir.resolve("null" + DesignJson.EXTENSION), "null");
        Path duplicate = Files.writeString(dir.resolve("dup" + DesignJson.EXTENSION),
                DesignJson.toJson(Preset.I3D.design()).replaceFirst("\\{", "{\"classes\": 7, "));
        Path designPipe = fifo("pipe" + DesignJson.EXTENSION);
        for (Path bad : List.of(nullDesign, duplicate, designPipe)) {
            drop(bad);
            assertRefused(bad, "Cannot open the design");
            assertEquals(design, fx(app.model::getDesign), "the design stays: " + bad);
            assertEquals(null, fx(app.model::getFile));
        }

        // models: garbage ONNX, a billion-laughs checkpoint, a checkpoint that is /dev/zero
        Path garbage = Files.write(dir.resolve("garbage.onnx"), "not a protobuf at all, just text".repeat(20).getBytes(StandardCharsets.UTF_8));
        Path laughs = laughs(dir.resolve("laughs.pth"));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.pth"), Path.of("/dev/zero"));
        for (Path bad : List.of(garbage, laughs, zero)) {
            drop(bad);
            assertRefused(bad, "Cannot load the model");
            waitUntil(10, () -> player().loader().wantedProperty().get() == model);
            assertEquals(model, fx(() -> player().loader().installedProperty().get()), "the model in use stays: " + bad);
            assertTrue(fx(() -> player().models().stream().noneMatch(c -> c.name().contains(bad.getFileName().toString()))),
                    "a file that failed is not left on the model menu");
        }

        // not a kind the app opens, and two videos at once: nothing opens
        Path text = Files.writeString(dir.resolve("readme.txt"), "hello");
        drop(text);
        assertTrue(problemShown().contains("readme.txt: not a video"));
        drop(other, truncated);
        assertTrue(problemShown().contains("right.mp4, truncated.mp4: these are all videos"));
        assertEquals(clip, fx(() -> player().videoProperty().get()));

        // still usable: it plays, predicts and designs
        fx(() -> {
            player().play();
            return null;
        });
        waitUntil(30, () -> player().currentFrameProperty().get() > 5 && player().timeline().size() > 0);
        fx(() -> {
            player().pause();
            return null;
        });
        Path good = dir.resolve("good" + DesignJson.EXTENSION);
        DesignJson.write(Preset.I3D.design(), good);
        drop(good);
        waitUntil(30, () -> good.equals(app.model.getFile()));
        assertEquals(Preset.I3D.design(), fx(app.model::getDesign));
        assertEquals(MainTab.DESIGNER, fx(app.window::selectedTab), "a design file goes to the designer");
        assertTrue(fx(() -> app.model.edit(d -> d.withAllGated(true))));
        assertTrue(fx(app.model::isDirty));
        Design edited = fx(app.model::getDesign);
        drop(nullDesign);   // checked before anything asks about the unsaved edit: a bad file costs nothing
        assertRefused(nullDesign, "Cannot open the design");
        assertEquals(edited, fx(app.model::getDesign));
        assertTrue(fx(app.model::isDirty));
        assertTrue(escaped.isEmpty(), "exceptions escaped: " + escaped);
    }

    private static Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor(), "mkfifo");
        return p;
    }

    /**
     * A 1 KB torch.save zip whose pickle's memo entry i is a list holding entry i-1 twice (2^60 paths through 60
     * lists), used as a dict key: as HostileCheckpointTest builds it.
     */
    private static Path laughs(Path file) throws Exception {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[]{(byte) 0x80, 2, ']', 'q', 0, '0'});
        for (int i = 1; i <= 60; i++) p.write(new byte[]{']', '(', 'h', (byte) (i - 1), 'h', (byte) (i - 1), 'e', 'q', (byte) i, '0'});
        p.write(new byte[]{'}', 'h', 60, 'X', 1, 0, 0, 0, 'x', 's', '.'});
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "archive/data.pkl", p.toByteArray());
            put(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            put(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
