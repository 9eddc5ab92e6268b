package s3dx.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Properties;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every language has every key, translated: a value equal to the English one is a word left untranslated. */
class BundlesTest {
    /** Names and units that are the same in every language. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("S3D Explorer", "2D", "3D", "MACs", "%s");

    @Test
    void everyLanguageHasEveryKeyTranslated() throws IOException {
        ResourceBundle english = I18n.bundle(Locale.ENGLISH);
        assertTrue(I18n.LANGUAGES.size() >= 2, "English and Chinese at least: " + I18n.LANGUAGES);
        for (Locale l : I18n.LANGUAGES) {
            if (l.equals(Locale.ENGLISH)) continue;
            Properties own = own(l);   // its file alone: the bundle would fall back to English for a missing key
            assertEquals(I18n.keys(Locale.ENGLISH), own.stringPropertyNames(), l + " has the same keys as English");
            List<String> untranslated = new ArrayList<>();
            for (String k : I18n.keys(Locale.ENGLISH)) {
                String en = english.getString(k), tr = own.getProperty(k);
                if (en.equals(tr) && !SAME_IN_EVERY_LANGUAGE.contains(en)) untranslated.add(k + "=" + en);
            }
            assertTrue(untranslated.isEmpty(), l + " leaves untranslated: " + untranslated);
        }
    }

    private static Properties own(Locale l) throws IOException {
        Properties p = new Properties();
        try (var in = I18n.class.getResourceAsStream("/" + I18n.BUNDLE.replace('.', '/') + "_" + l + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseIsOneOfTheLanguagesAndAnyChineseLocaleGetsIt() {
        assertTrue(I18n.LANGUAGES.contains(I18n.CHINESE));
        assertEquals(I18n.CHINESE, I18n.supported(Locale.TRADITIONAL_CHINESE));
        assertEquals(Locale.ENGLISH, I18n.supported(Locale.GERMAN));
        assertEquals("简体中文", I18n.languageName(I18n.CHINESE));
    }

    @Test
    void aThirdLanguageIsOnlyAResourceFile() {
        // test resources hold probe.properties and probe_fr.properties, nothing else
        assertEquals(List.of(Locale.ENGLISH, Locale.FRENCH), I18n.available("s3dx.app.i18n.probe"));
        assertEquals("Bonjour", ResourceBundle.getBundle("s3dx.app.i18n.probe", Locale.FRENCH).getString("greeting"));
    }
}
