package s3dx.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently used files, newest first, kept one per line in a list file: designs or videos. */
public final class RecentFiles {
    public static final int LIMIT = 8;

    private final Path listFile;

    /** The design files ({@link AppHome#recentFiles()}). */
    public RecentFiles(AppHome home) {
        this(home.recentFiles());
    }

    private RecentFiles(Path listFile) {
        this.listFile = listFile;
    }

    /** The videos opened in the player ({@link AppHome#recentVideos()}). */
    public static RecentFiles videos(AppHome home) {
        return new RecentFiles(home.recentVideos());
    }

    public List<Path> list() {
        try {
            if (!Files.isRegularFile(listFile)) return List.of();
            return Files.readAllLines(listFile, StandardCharsets.UTF_8).stream()
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
            Files.createDirectories(listFile.toAbsolutePath().getParent());
            Files.write(listFile, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the list is a convenience; failing to keep it must not disturb the user
        }
    }
}
