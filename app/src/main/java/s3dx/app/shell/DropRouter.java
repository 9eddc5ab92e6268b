package s3dx.app.shell;

import static s3dx.app.i18n.I18n.t;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import s3dx.app.video.ModelChoice;
import s3dx.assets.Assets;
import s3dx.design.DesignJson;

/**
 * Files dropped anywhere on the window, each sent where it belongs by its name: a video to the player, a design
 * file to the designer, a model or checkpoint to the player's model list. A drop holding anything else, or two
 * files of one kind, opens nothing and says why. What is opened is checked by the runtime as when it comes from
 * a menu.
 */
final class DropRouter {
    /** What a dropped file is, by its name. */
    enum Kind { VIDEO, DESIGN, MODEL }

    /** Where dropped files go. */
    interface Targets {
        void openVideo(Path file);

        void openDesign(Path file);

        void openModel(Path file);

        /** Nothing was opened: {@code text} says why. */
        void refuse(String text);
    }

    private DropRouter() {
    }

    /** Accepts dropped files on the whole scene (handlers on the scene, so every tab and panel takes them). */
    static void install(Scene scene, Targets targets) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<Path> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            // after the drag has ended: opening a design may ask about unsaved changes
            Platform.runLater(() -> route(files, targets));
        });
    }

    static Optional<Kind> kind(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(DesignJson.EXTENSION)) return Optional.of(Kind.DESIGN);
        if (Assets.isVideo(file)) return Optional.of(Kind.VIDEO);
        if (ModelChoice.isModel(file)) return Optional.of(Kind.MODEL);
        return Optional.empty();
    }

    /** Opens each of {@code files} where it belongs, or none of them when one is unknown or two are of one kind. */
    static void route(List<Path> files, Targets targets) {
        if (files.isEmpty()) {
            targets.refuse(t("drop.notFiles"));
            return;
        }
        Map<Kind, List<Path>> byKind = new EnumMap<>(Kind.class);
        List<Path> unknown = new ArrayList<>();
        for (Path p : files) {
            kind(p).ifPresentOrElse(k -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(p), () -> unknown.add(p));
        }
        if (!unknown.isEmpty()) {
            targets.refuse(t("drop.unknown", names(unknown), String.join(", ", Assets.VIDEO_EXTENSIONS), DesignJson.EXTENSION));
            return;
        }
        for (Map.Entry<Kind, List<Path>> e : byKind.entrySet()) {
            if (e.getValue().size() > 1) {
                targets.refuse(t("drop.sameKind", names(e.getValue()), t("drop.kind." + e.getKey().name().toLowerCase(Locale.ROOT))));
                return;
            }
        }
        byKind.forEach((kind, list) -> {
            Path p = list.get(0);
            switch (kind) {
                case VIDEO -> targets.openVideo(p);
                case DESIGN -> targets.openDesign(p);
                case MODEL -> targets.openModel(p);
            }
        });
    }

    private static String names(List<Path> files) {
        return files.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", "));
    }
}
