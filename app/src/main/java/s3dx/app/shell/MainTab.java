package s3dx.app.shell;

import java.util.Locale;
import java.util.Optional;

/** The main window's tabs, in order; {@link #id()} is the name lessons and {@code -Ds3dx.start} use. */
public enum MainTab {
    DESIGNER, PLAYER, COMPARE, TRAIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tab named {@code id} ("player", ...), if there is one. */
    public static Optional<MainTab> of(String id) {
        for (MainTab t : values()) if (t.id().equals(id)) return Optional.of(t);
        return Optional.empty();
    }
}
