package s3dx.app.files;

import java.nio.file.Path;

/**
 * Where the app keeps its own files: the autosave, the clean-exit marker and the recent design and video lists.
 * {@code ~/.s3d-explorer} unless the system property {@code s3dx.home} names another folder (tests do).
 */
public record AppHome(Path dir) {

    public static AppHome fromSystem() {
        String override = System.getProperty("s3dx.home");
        return new AppHome(override != null && !override.isBlank()
                ? Path.of(override) : Path.of(System.getProperty("user.home"), ".s3d-explorer"));
    }

    public Path autosave() {
        return dir.resolve("autosave.s3dx.json");
    }

    public Path cleanExitMarker() {
        return dir.resolve("clean-exit");
    }

    public Path recentFiles() {
        return dir.resolve("recent-files.txt");
    }

    public Path recentVideos() {
        return dir.resolve("recent-videos.txt");
    }
}
