package s3dx.app.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import s3dx.app.i18n.I18n;

/** The user's settings kept in the app home ({@code settings.properties}): for now the language. */
public final class Settings {
    private final Path file;

    public Settings(AppHome home) {
        this.file = home.dir().resolve("settings.properties");
    }

    /** The saved language, if any (otherwise the system locale applies). */
    public Optional<Locale> language() {
        String tag = read().getProperty("language");
        return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public void setLanguage(Locale l) {
        Properties p = read();
        p.setProperty("language", l.toLanguageTag());
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "S3D Explorer settings");
            }
        } catch (IOException e) {
            System.err.println("cannot save settings: " + e.getMessage());
        }
    }

    /** Applies the saved language (or the system's) to {@link I18n}. */
    public void apply() {
        I18n.setLocale(language().orElse(Locale.getDefault()));
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                return p;
            }
        }
        return p;
    }
}
