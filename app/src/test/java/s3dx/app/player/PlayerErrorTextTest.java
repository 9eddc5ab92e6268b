package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import s3dx.app.ui.AppStyle;
import s3dx.app.i18n.I18n;
import s3dx.app.video.ModelChoice;

/**
 * In the Chinese UI the player says in Chinese why a video or a model cannot be opened, naming the file
 * (the library words these errors in English). Goes through the player's own open and model-load paths.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerErrorTextTest {
    @TempDir
    Path dir;
    PlayerView view;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        view = new PlayerView(null, null);
        stage.setScene(AppStyle.scene(view, 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            view.dispose();
            return null;
        });
        I18n.setLocale(Locale.ENGLISH);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Opens the video as the player's menus do and waits for the outcome (it opens off the FX thread). */
    private String open(Path video) throws Exception {
        fx(() -> {
            view.model().open(video);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !view.statusText().startsWith("正在打开")));
        return fx(view::statusText);
    }

    /** Loads the model as the player's model menu does and waits for the outcome. */
    private String loadModel(Path model) throws Exception {
        fx(() -> {
            view.model().useModel(ModelChoice.file(model));
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> view.model().modelStatusProperty().get().startsWith("模型出错")));
        return fx(() -> view.model().modelStatusProperty().get());
    }

    @Test
    void aTextFileNamedLikeAVideoIsNotAVideo() throws Exception {
        Path clip = Files.writeString(dir.resolve("clip.mp4"), "these are my notes, not a video\n".repeat(50));
        String shown = open(clip);
        assertTrue(shown.startsWith("不是视频文件，或是 FFmpeg 无法读取的格式：clip.mp4"), shown);
    }

    @Test
    void aMissingVideoIsNotFound() throws Exception {
        assertEquals("找不到视频文件：gone.mp4", open(dir.resolve("gone.mp4")));
    }

    @Test
    void aBrokenModelCannotBeLoaded() throws Exception {
        Path model = Files.writeString(dir.resolve("broken.onnx"), "not a protobuf at all");
        String shown = loadModel(model);
        // ONNX Runtime's own words follow in brackets: they add what it choked on.
        assertTrue(shown.startsWith("模型出错：ONNX Runtime 无法加载该模型：broken.onnx（"), shown);
    }

    @Test
    void aMissingModelIsNotFound() throws Exception {
        assertEquals("模型出错：找不到模型文件：none.onnx", loadModel(dir.resolve("none.onnx")));
    }
}
