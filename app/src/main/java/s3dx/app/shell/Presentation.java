package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import s3dx.app.export.ImageExport;
import s3dx.app.files.AppHome;
import s3dx.app.i18n.I18n;

/**
 * Presentation mode and settings. F11 is presentation mode: full screen, large type (a CSS class on the root) and a
 * high-contrast theme (a stylesheet; the light one unless a high-contrast theme is already chosen) together; Esc or
 * F11 again leaves it and restores the theme and type size from before. Also the language, single keys for the
 * classroom (Space play/pause, R reverse, P next preset, N or Right next lesson step) and F12 for a screenshot of
 * the window to a PNG.
 */
public final class Presentation {
    public enum Theme {
        STANDARD(null), LIGHT_CONTRAST("/s3dx/app/themes/light-contrast.css"), DARK_CONTRAST("/s3dx/app/themes/dark-contrast.css");

        final String css;

        Theme(String css) {
            this.css = css;
        }
    }

    public static final String LARGE_TYPE = "large-type";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Stage stage;
    private final Scene scene;
    private final AppHome home;
    private final MainWindow window;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.STANDARD);
    private final BooleanProperty largeType = new SimpleBooleanProperty();
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private Theme themeBefore = Theme.STANDARD;
    private boolean largeTypeBefore;

    Presentation(Stage stage, Scene scene, AppHome home, MainWindow window) {
        this.stage = stage;
        this.scene = scene;
        this.home = home;
        this.window = window;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        theme.addListener((o, a, b) -> applyTo(scene.getRoot()));
        largeType.addListener((o, a, b) -> applyTo(scene.getRoot()));
        stage.setFullScreenExitHint(t("presentation.exitHint"));
        stage.fullScreenProperty().addListener((o, a, full) -> {
            if (!full) setPresenting(false);   // Esc leaves full screen, and with it presentation mode
        });
    }

    /** Presentation mode on or off: full screen, large type and high contrast together (see the class comment). */
    public void setPresenting(boolean on) {
        if (on == presenting.get()) return;
        presenting.set(on);
        if (on) {
            themeBefore = theme.get();
            largeTypeBefore = largeType.get();
            if (theme.get() == Theme.STANDARD) theme.set(Theme.LIGHT_CONTRAST);
            largeType.set(true);
        } else {
            theme.set(themeBefore);
            largeType.set(largeTypeBefore);
        }
        stage.setFullScreenExitHint(t("presentation.exitHint"));
        stage.setFullScreen(on);
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting;
    }

    /** The Settings menu: language, theme, large type, full screen, screenshot. */
    Menu menus() {
        Menu language = new Menu(t("menu.settings.language"));
        ToggleGroup langs = new ToggleGroup();
        for (Locale l : I18n.LANGUAGES) {
            RadioMenuItem it = new RadioMenuItem(I18n.languageName(l));
            it.setId("language-" + l.toLanguageTag());
            it.setToggleGroup(langs);
            it.setSelected(I18n.locale().equals(l));
            it.setOnAction(e -> {
                if (!I18n.locale().equals(l)) javafx.application.Platform.runLater(() -> window.setLanguage(l));
            });
            language.getItems().add(it);
        }
        Menu themes = new Menu(t("menu.settings.theme"));
        ToggleGroup tg = new ToggleGroup();
        for (Theme th : Theme.values()) {
            RadioMenuItem it = new RadioMenuItem(t("theme." + th.name()));
            it.setToggleGroup(tg);
            it.setSelected(theme.get() == th);
            theme.addListener((o, a, b) -> it.setSelected(b == th));
            it.setOnAction(e -> setTheme(th));
            themes.getItems().add(it);
        }
        CheckMenuItem large = new CheckMenuItem(t("menu.settings.largeType"));
        large.selectedProperty().bindBidirectional(largeType);
        large.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        CheckMenuItem full = new CheckMenuItem(t("menu.settings.presentation"));
        full.setId("menu-presentation");
        full.setSelected(presenting.get());
        presenting.addListener((o, a, b) -> full.setSelected(b));
        full.setAccelerator(KeyCombination.keyCombination("F11"));
        full.setOnAction(e -> setPresenting(full.isSelected()));
        MenuItem shot = new MenuItem(t("menu.settings.screenshot"));
        shot.setAccelerator(KeyCombination.keyCombination("F12"));
        shot.setOnAction(e -> screenshot());
        Menu keys = new Menu(t("menu.settings.keys"));
        for (String k : new String[]{"space", "r", "p", "n"}) {
            MenuItem it = new MenuItem(t("keys." + k));
            it.setDisable(true);
            keys.getItems().add(it);
        }
        Menu settings = new Menu(t("menu.settings"), null, language, themes, large, new javafx.scene.control.SeparatorMenuItem(), full, shot, keys);
        settings.setId("menu-settings");
        return settings;
    }

    /** Applies the theme and type size to a (re)built root. */
    void applyTo(Parent root) {
        root.getStylesheets().clear();
        if (theme.get().css != null) root.getStylesheets().add(Presentation.class.getResource(theme.get().css).toExternalForm());
        root.getStyleClass().remove(LARGE_TYPE);
        if (largeType.get()) root.getStyleClass().add(LARGE_TYPE);
    }

    public void setTheme(Theme t) {
        theme.set(t);
    }

    public Theme theme() {
        return theme.get();
    }

    public void setLargeType(boolean on) {
        largeType.set(on);
    }

    public boolean largeType() {
        return largeType.get();
    }

    /** Writes the window as it is now to a PNG under {@code <app home>/screenshots}; says where in the status bar. */
    public Path screenshot() {
        Path file = home.dir().resolve("screenshots").resolve("s3dx-" + STAMP.format(LocalDateTime.now()) + ".png");
        try {
            ImageExport.writePng(scene.getRoot(), file);
            window.status().say(t("status.screenshot", file));
            return file;
        } catch (IOException e) {
            window.status().warn(t("status.screenshotFailed", e.getMessage()));
            return null;
        }
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return;
        Node focus = scene.getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        KeyCode c = e.getCode();
        if (c == KeyCode.F11) {
            setPresenting(!presenting.get());
        } else if (c == KeyCode.F12) {
            screenshot();
        } else if (typing) {
            return;
        } else if (c == KeyCode.SPACE) {
            window.playPause();
        } else if (c == KeyCode.R) {
            window.toggleReverse();
        } else if (c == KeyCode.P) {
            window.nextPreset();
        } else if (c == KeyCode.N || c == KeyCode.RIGHT && !(focus instanceof Slider)) {
            window.nextStep();
        } else {
            return;
        }
        e.consume();
    }
}
