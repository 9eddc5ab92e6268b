package s3dx.app;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import s3dx.app.export.ImageExport;
import s3dx.assets.Assets;
import s3dx.app.export.ModelExporters;
import s3dx.app.files.AppHome;
import s3dx.app.model.DesignModel;
import s3dx.app.shell.MainTab;
import s3dx.app.shell.MainWindow;

/**
 * The S3D Explorer designer. Starts with S3D-G, or the design file given as the first argument; a video given
 * there instead opens and plays in the player.
 * {@code -Ds3dx.home=DIR} moves the autosave and recent files; {@code -Ds3dx.snapshot=FILE.png} writes a
 * picture of the window once it is shown (after {@code -Ds3dx.snapshotDelay} seconds, default 2), and
 * {@code -Ds3dx.snapshotExit=true} quits after that;
 * {@code -Ds3dx.lang=zh-CN} overrides the saved language, {@code -Ds3dx.start=...} the first view,
 * {@code -Ds3dx.presentation=true} starts in presentation mode.
 */
public class ExplorerApp extends Application {
    private MainWindow window;

    /** Every way out (the window closed, Platform.exit from a snapshot or the startup report) stops the workers first. */
    @Override
    public void stop() {
        if (window != null) window.disposeViews();
    }

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.fromSystem();
        new s3dx.app.files.Settings(home).apply();
        if (System.getProperty("s3dx.lang") != null) s3dx.app.i18n.I18n.setLocale(java.util.Locale.forLanguageTag(System.getProperty("s3dx.lang")));
        DesignModel model = DesignModel.withDefaultDesign();
        window = new MainWindow(stage, model, home, ModelExporters.onnx());
        Path video = null;
        if (!getParameters().getUnnamed().isEmpty()) {
            Path arg = Path.of(getParameters().getUnnamed().get(0));
            if (Assets.isVideo(arg)) {
                video = arg;
            } else {
                try {
                    model.open(arg);
                } catch (s3dx.design.DesignFileException e) {
                    System.err.println(e.getMessage());
                }
            }
        }
        window.show();
        if (video != null) { // a video given on the command line plays in the player
            window.select(MainTab.PLAYER);
            window.player().model().open(video);
            window.player().model().play();
        }
        startIn(window, System.getProperty("s3dx.start"));
        if (Boolean.getBoolean("s3dx.presentation")) window.presentation().setPresenting(true);
        String snapshot = System.getProperty("s3dx.snapshot");
        if (snapshot != null) {
            PauseTransition wait = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("s3dx.snapshotDelay", "2"))));
            wait.setOnFinished(e -> {
                try {
                    ImageExport.writePng(window.scene().getRoot(), Path.of(snapshot));
                } catch (java.io.IOException ex) {
                    System.err.println("snapshot: " + ex.getMessage());
                }
                if (Boolean.getBoolean("s3dx.snapshotExit")) {
                    window.autosave().markCleanExit();
                    Platform.exit();
                }
            });
            wait.play();
        }
    }

    /** {@code -Ds3dx.start=lessons[:LESSON[:STEP]]|compare|player|train}: opens the window on the lessons (from 1) or a tab (for classes and screenshots). */
    private static void startIn(MainWindow window, String where) {
        if (where == null) return;
        if (where.startsWith("lessons:")) {
            String[] at = where.split(":");
            window.toggleLessons();
            window.lessons().go(Integer.parseInt(at[1]) - 1, at.length > 2 ? Integer.parseInt(at[2]) - 1 : 0);
            return;
        }
        if (where.equals("lessons")) window.toggleLessons();
        else MainTab.of(where).ifPresentOrElse(window::select, () -> System.err.println("s3dx.start: unknown view " + where));
    }

    public static void main(String[] args) {
        launch(args);
    }
}
