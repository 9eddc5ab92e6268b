package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import s3dx.app.files.RecentFiles;
import s3dx.app.ui.Fmt;

/**
 * The player's file commands, for its toolbar and the window's File menu: open a video or a model file, the demo
 * clips and the recent videos. Each opens its file in the {@link PlayerModel}.
 */
final class PlayerFiles {
    private final PlayerModel model;
    private final Supplier<Window> window;

    PlayerFiles(PlayerModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
    }

    /** The File menu's items: open video, demo clips, recent videos, open model. */
    List<MenuItem> menuItems() {
        MenuItem open = new MenuItem(t("player.openVideo"));
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        open.setOnAction(e -> openVideo());
        Menu clips = new Menu(t("player.demoClips"), null, demoClipItems().toArray(MenuItem[]::new));
        clips.setId("menu-demo-clips");
        Menu recent = new Menu(t("player.recentVideos"));
        recent.setOnShowing(e -> recent.getItems().setAll(recentItems()));
        recent.getItems().setAll(recentItems());
        MenuItem openModel = new MenuItem(t("player.openModel"));
        openModel.setOnAction(e -> openModel());
        return List.of(open, clips, recent, openModel);
    }

    void openVideo() {
        PlayerDialogs.video(window.get()).ifPresent(model::open);
    }

    void openModel() {
        PlayerDialogs.model(window.get()).ifPresent(model::openModelFile);
    }

    /** A clip per class, then (when shipped) a submenu of the same motions drawn by another renderer. */
    List<MenuItem> demoClipItems() {
        List<MenuItem> items = new ArrayList<>(model.demoClips().stream().map(p -> fileItem(Fmt.clipLabel(p), p)).toList());
        List<Path> plain = model.plainClips();
        if (!plain.isEmpty()) {
            Menu other = new Menu(t("player.plainClips"), null, plain.stream().map(p -> fileItem(Fmt.clipLabel(p), p)).toArray(MenuItem[]::new));
            other.setId("menu-plain-clips");
            items.add(new SeparatorMenuItem());
            items.add(other);
        }
        return items;
    }

    /** The recent videos, newest first; one disabled "(none yet)" when there are none. */
    List<MenuItem> recentItems() {
        RecentFiles list = model.recentVideosProperty().get();
        List<MenuItem> items = list == null ? List.of() : list.list().stream().map(p -> fileItem(p.getFileName().toString(), p)).toList();
        if (!items.isEmpty()) return items;
        MenuItem none = new MenuItem(t("menu.file.recent.none"));
        none.setDisable(true);
        return List.of(none);
    }

    private MenuItem fileItem(String text, Path p) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> model.open(p));
        return m;
    }
}
