package s3dx.app.player;

import java.nio.file.Files;
import java.nio.file.Path;

/** The assets folder (demo clips and models): {@code -Ds3dx.assets=DIR}, else ./assets or ../assets. */
public final class Assets {
    private Assets() {
    }

    public static Path find() {
        String p = System.getProperty("s3dx.assets");
        if (p != null) return Path.of(p);
        for (Path c : new Path[]{Path.of("assets"), Path.of("..", "assets")}) if (Files.isDirectory(c)) return c.toAbsolutePath().normalize();
        return null;
    }
}
