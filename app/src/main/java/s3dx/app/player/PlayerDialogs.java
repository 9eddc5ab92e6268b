package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import s3dx.assets.Assets;

/** The player's file dialogs: a video or a model to open, a file to export to. */
final class PlayerDialogs {
    private PlayerDialogs() {}

    static Optional<Path> video(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t("player.openVideoTitle"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("player.filter.videos"), Assets.VIDEO_EXTENSIONS.stream().map(e -> "*" + e).toList()),
                new FileChooser.ExtensionFilter(t("player.filter.all"), "*.*"));
        return path(fc.showOpenDialog(owner));
    }

    /** An ONNX model or a PyTorch checkpoint. */
    static Optional<Path> model(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t("player.openModelTitle"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("player.filter.models"), "*.onnx", "*.pth", "*.pt"),
                new FileChooser.ExtensionFilter(t("player.filter.onnx"), "*.onnx"),
                new FileChooser.ExtensionFilter(t("player.filter.checkpoint"), "*.pth", "*.pt"));
        return path(fc.showOpenDialog(owner));
    }

    /** A file to write, offered as {@code name}; {@code onnx}: with the ONNX filter. */
    static Optional<Path> save(Window owner, String name, boolean onnx) {
        FileChooser fc = new FileChooser();
        if (onnx) fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("player.filter.onnx"), "*.onnx"));
        fc.setInitialFileName(name);
        return path(fc.showSaveDialog(owner));
    }

    private static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }
}
