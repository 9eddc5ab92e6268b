package s3dx.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import s3dx.infer.InferenceException;
import s3dx.video.VideoException;

/** Every problem the library reports has words in both languages; unclassified errors keep their message. */
class ErrorTextTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyProblemHasAKeyInBothBundles() {
        for (Locale l : I18n.LANGUAGES) {
            var keys = I18n.keys(l);
            for (var p : VideoException.Problem.values()) {
                if (p != VideoException.Problem.OTHER) assertTrue(keys.contains("error.video." + ErrorText.key(p)), l + " " + p);
            }
            for (var p : InferenceException.Problem.values()) {
                if (p != InferenceException.Problem.OTHER) assertTrue(keys.contains("error.model." + ErrorText.key(p)), l + " " + p);
            }
        }
    }

    @Test
    void problemFileAndDetail() {
        var e = new VideoException(Path.of("/videos/big.avi"), VideoException.Problem.TOO_LARGE,
                "frame size 8200x16 too large (limit 4096 px a side)", "8200x16 > 4096");
        assertEquals("/videos/big.avi: frame size 8200x16 too large (limit 4096 px a side)", e.getMessage());
        assertEquals("Frame size too large: big.avi (8200x16 > 4096)", ErrorText.of(e));
        I18n.setLocale(I18n.CHINESE);
        assertEquals("画面尺寸过大：big.avi（8200x16 > 4096）", ErrorText.of(e));
        // an in-memory model has no file to name
        var m = new InferenceException(InferenceException.Problem.NO_METADATA, null, "no metadata", null, null);
        assertEquals("模型缺少 S3D Explorer 元数据（预处理、类别标签）；请用 “s3dx export” 导出", ErrorText.of(m));
    }

    @Test
    void unclassifiedErrorsKeepTheirMessage() {
        I18n.setLocale(I18n.CHINESE);
        assertEquals("threads must be at least 1, got 0", ErrorText.of(new InferenceException("threads must be at least 1, got 0")));
        assertEquals("未知错误", ErrorText.of(new RuntimeException()));
        assertEquals("未知错误", ErrorText.of(null));
    }

    @Test
    void checkpointDesignAndTrainingErrorsHaveAChineseHeadline() throws Exception {
        var e = new s3dx.checkpoint.CheckpointException("s3d.pth: refuses to load: the pickle asks for global os.system");
        assertEquals(e.getMessage(), ErrorText.of(e), "English: the library's message as it is");
        I18n.setLocale(I18n.CHINESE);
        assertEquals("无法使用此检查点：" + e.getMessage(), ErrorText.of(e));
        assertEquals("无法使用此设计文件：a.s3dx.json: not JSON",
                ErrorText.of(new s3dx.design.DesignFileException(Path.of("a.s3dx.json"), "not JSON")));
        assertEquals("训练无法进行：NaN loss", ErrorText.of(new s3dx.train.TrainingException("NaN loss")));
        for (String kind : ErrorText.KINDS.values()) assertTrue(I18n.has("error.kind." + kind), kind);
    }
}
