package s3dx.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import s3dx.app.jobs.Workers;
import s3dx.app.model.DesignModel;
import s3dx.design.DesignFileException;
import s3dx.design.DesignJson;
import s3dx.net.Design;

/**
 * Writes the unsaved design to {@link AppHome#autosave()} a moment after each change (off the UI thread),
 * and finds it again after a crash: an autosave newer than the last clean exit is offered for recovery.
 */
public final class Autosave {
    public static final Duration DEFAULT_DELAY = Duration.millis(400);

    /** A design left behind by a session that did not exit cleanly. */
    public record Recovery(Design design, Instant savedAt) {}

    private final AppHome home;
    private final DesignModel model;
    private final PauseTransition debounce;
    private final ExecutorService writer = Workers.single("s3dx-autosave", Workers.Load.LIGHT);

    public Autosave(AppHome home, DesignModel model, Duration delay) {
        this.home = home;
        this.model = model;
        this.debounce = new PauseTransition(delay);
        debounce.setOnFinished(e -> writeNow());
        model.designProperty().addListener((o, a, b) -> debounce.playFromStart());
        model.dirtyProperty().addListener((o, a, b) -> debounce.playFromStart());
    }

    /** The autosave, if it is newer than the last clean exit and readable. */
    public static Optional<Recovery> pending(AppHome home) {
        Path auto = home.autosave();
        if (!Files.isRegularFile(auto)) return Optional.empty();
        try {
            FileTime saved = Files.getLastModifiedTime(auto);
            Path marker = home.cleanExitMarker();
            if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(saved) >= 0) return Optional.empty();
            return Optional.of(new Recovery(DesignJson.read(auto), saved.toInstant()));
        } catch (IOException | DesignFileException e) {
            return Optional.empty();
        }
    }

    /** Forgets a pending autosave the user chose not to restore. */
    public static void discard(AppHome home) {
        try {
            Files.deleteIfExists(home.autosave());
        } catch (IOException ignored) {
            // a stale autosave is offered again next time; nothing else depends on it
        }
    }

    /** Called on a clean exit: the autosave is no longer needed and the marker says so. */
    public void markCleanExit() {
        debounce.stop();
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
            Files.createDirectories(home.dir());
            Files.deleteIfExists(home.autosave());
            Files.writeString(home.cleanExitMarker(), Instant.now() + "\n");
        } catch (IOException | InterruptedException ignored) {
            // worst case the next start offers a recovery the user can discard
        }
    }

    /** Writes (or, when nothing is unsaved, removes) the autosave now, on the writer thread. */
    public void writeNow() {
        Design d = model.getDesign();
        boolean unsaved = model.isDirty();
        if (writer.isShutdown()) return;
        writer.submit(() -> {
            try {
                if (unsaved) DesignJson.write(d, home.autosave());
                else Files.deleteIfExists(home.autosave());
            } catch (IOException ignored) {
                // autosave is best effort; the next change tries again
            }
        });
    }
}
