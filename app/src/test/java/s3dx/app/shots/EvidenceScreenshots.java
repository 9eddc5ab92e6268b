package s3dx.app.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import s3dx.app.export.ImageExport;
import s3dx.app.export.ModelExporters;
import s3dx.app.files.AppHome;
import s3dx.app.model.DesignModel;
import s3dx.app.shell.MainTab;
import s3dx.app.shell.MainWindow;

/**
 * docs/evidence.png and docs/temporal.png: a real window (run under xvfb-run from the repository root, with the app's
 * test classpath), the player's occlusion on `moving left` with the S3D-G demo model, then Compare's temporal tables.
 */
public final class EvidenceScreenshots {
    public static void main(String[] args) {
        Application.launch(Shots.class, args);
    }

    /** The JavaFX application (a main class may not extend Application when JavaFX is on the class path). */
    public static final class Shots extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        window = new MainWindow(stage, DesignModel.withDefaultDesign(), new AppHome(Files.createTempDirectory("s3dx-shots")), ModelExporters.onnx());
        stage.setWidth(1600);
        stage.setHeight(1000);
        window.show();
        window.select(MainTab.PLAYER);
        var player = window.player().model();
        when(() -> player.modelReadyProperty().get(), () -> {
            player.openClip("moving_left");
            player.seekTo(20);
            when(() -> player.shownPredictionProperty().get() != null && player.currentFrameProperty().get() == 20, () -> {
                press("#evidence-temporal");
                when(() -> text("#evidence-job").startsWith("temporal experiments in"), () -> {
                    press("#evidence-occlusion");
                    when(() -> text("#evidence-job").startsWith("occlusion of"), () -> {
                        shot("docs/evidence.png");
                        compare();
                    });
                });
            });
        });
    }

    private void compare() {
        window.select(MainTab.COMPARE);
        var c = window.compare();
        c.openClip("moving_left");
        when(() -> c.left().ready() && c.right().ready(), () -> when(() -> true, () -> {
            c.runTemporal();
            when(() -> c.left().temporal().table() != null && c.right().temporal().table() != null, () -> {
                shot("docs/temporal.png");
                window.autosave().markCleanExit();
                Platform.exit();
            });
        }));
    }

    private void press(String id) {
        ((Button) window.scene().lookup(id)).fire();
    }

    private String text(String id) {
        return ((org.controlsfx.control.StatusBar) window.scene().lookup(id)).getText();
    }

    private void shot(String file) {
        try {
            ImageExport.writePng(window.scene().getRoot(), Path.of(file));
            System.out.println("wrote " + file);
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** Runs {@code then} on the FX thread once {@code ready} holds (checked each pulse), after a second for the UI to settle. */
    private static void when(BooleanSupplier ready, Runnable then) {
        new AnimationTimer() {
            long since = -1;

            @Override
            public void handle(long now) {
                if (since < 0 && ready.getAsBoolean()) since = now;
                if (since >= 0 && now - since > 1_000_000_000L) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
}
