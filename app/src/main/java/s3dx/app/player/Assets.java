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

    /** The demo clips ({@code clips/*.mp4}) under {@code assets}, sorted; empty when there are none. */
    public static java.util.List<Path> clips(Path assets) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        Path dir = assets == null ? null : assets.resolve("clips");
        if (dir != null && Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".mp4")).sorted().forEach(out::add);
            } catch (java.io.IOException e) {
                return out;
            }
        }
        return out;
    }
}
