package s3dx.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import s3dx.app.i18n.I18n;
import s3dx.app.model.Problem;
import s3dx.net.ClipTooSmallException;
import s3dx.net.Network;
import s3dx.net.Preset;

/** A clip too small for the pools is explained in the UI's language, from the parts the library reports. */
class ProblemTextTest {
    private final ClipTooSmallException tooShort = assertThrows(ClipTooSmallException.class,
            () -> Network.of(Preset.S3D.design().withClip(4, 224, 224)));
    private final Problem problem = new Problem(tooShort.field(), tooShort.getMessage(), tooShort);

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void englishAndChinese() {
        assertEquals(5, tooShort.minimum());
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("Frames 4 is too small: MaxPool_5a_2x2 would produce 0; use at least 5", ControlsPane.describe(problem));
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("帧数 4 太小：MaxPool_5a_2x2 的输出会变成 0；至少需要 5", ControlsPane.describe(problem));
    }
}
