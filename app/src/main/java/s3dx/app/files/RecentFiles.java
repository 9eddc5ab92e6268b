package s3dx.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened or saved design files, newest first, kept in {@link AppHome#recentFiles()}. */
public final class RecentFiles {
    public static final int LIMIT = 8;

    private final AppHome home;

    public RecentFiles(AppHome home) {
        this.home = home;
    }

    public List<Path> list() {
        try {
            if (!Files.isRegularFile(home.recentFiles())) return List.of();
            return Files.readAllLines(home.recentFiles(), StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank()).map(Path::of).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public void add(Path file) {
        List<Path> all = new ArrayList<>(list());
        Path p = file.toAbsolutePath().normalize();
        all.remove(p);
        all.add(0, p);
        write(all.subList(0, Math.min(LIMIT, all.size())));
    }

    public void remove(Path file) {
        List<Path> all = new ArrayList<>(list());
        all.remove(file.toAbsolutePath().normalize());
        write(all);
    }

    private void write(List<Path> files) {
        try {
            Files.createDirectories(home.dir());
            Files.write(home.recentFiles(), files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the list is a convenience; failing to keep it must not disturb the user
        }
    }
}
