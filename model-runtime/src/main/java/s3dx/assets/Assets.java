package s3dx.assets;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the shipped assets (demo models in {@code models/}, demo clips in {@code clips/}, label lists) are on disk.
 * <ol>
 *   <li>{@code -Ds3dx.assets=DIR} (the installers set it to {@code $APPDIR/assets});</li>
 *   <li>an {@code assets/} folder beside the jar (or classes folder) holding this class, or up to four folders above
 *       it: a source checkout ({@code model-runtime/target/classes}, {@code app/target/lib/*.jar});</li>
 *   <li>{@code ./assets} in the working directory.</li>
 * </ol>
 * The label lists are also inside the model-runtime jar (resources under {@code s3dx/assets}), so they never need this.
 */
public final class Assets {
    public static final String PROPERTY = "s3dx.assets";
    /** The video files the app and the demo clips use (lower case, with the dot). */
    public static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".avi", ".webm", ".mkv", ".mov", ".gif");

    private Assets() {}

    /** The assets folder, if one can be found. */
    public static Optional<Path> dir() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            Path d = Path.of(p);
            return Files.isDirectory(d) ? Optional.of(d.toAbsolutePath().normalize()) : Optional.empty();
        }
        try {
            Path here = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path d = Files.isDirectory(here) ? here : here.getParent();
            for (int up = 0; d != null && up <= 4; up++, d = d.getParent()) {
                if (looksLikeAssets(d.resolve("assets"))) return Optional.of(d.resolve("assets").toAbsolutePath().normalize());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // no code source (e.g. a custom class loader): fall through
        }
        Path cwd = Path.of("assets");
        return looksLikeAssets(cwd) ? Optional.of(cwd.toAbsolutePath().normalize()) : Optional.empty();
    }

    private static boolean looksLikeAssets(Path d) {
        return Files.isDirectory(d) && (Files.isDirectory(d.resolve("models")) || Files.isDirectory(d.resolve("clips"))
                || Files.isRegularFile(d.resolve("motionshapes_labels.txt")));
    }

    /** The demo models ({@code models/*.onnx}), sorted by name. */
    public static List<Path> models() {
        return models(dir().orElse(null));
    }

    /** The demo models under the assets folder {@code assets} (null: none). */
    public static List<Path> models(Path assets) {
        return list(assets, "models", n -> n.endsWith(".onnx"));
    }

    /** The demo clips ({@code clips/*.mp4} and other video files), sorted by name. */
    public static List<Path> clips() {
        return clips(dir().orElse(null));
    }

    /** The demo clips under the assets folder {@code assets} (null: none). */
    public static List<Path> clips(Path assets) {
        return list(assets, "clips", Assets::isVideoName);
    }

    /**
     * The same motions drawn by another renderer ({@code clips/plain/}, written by {@code s3dx synth --renderer plain}):
     * clips unlike anything the demo models trained on, sorted by name.
     */
    public static List<Path> plainClips(Path assets) {
        return list(assets, "clips/plain", Assets::isVideoName);
    }

    /** Whether a file's name ends in one of {@link #VIDEO_EXTENSIONS}. */
    public static boolean isVideo(Path file) {
        return isVideoName(name(file));
    }

    private static boolean isVideoName(String lowerCaseName) {
        return VIDEO_EXTENSIONS.stream().anyMatch(lowerCaseName::endsWith);
    }

    /**
     * The default demo model: the {@code "preset": "s3d-g"} entry of {@code models/index.json} (else its first entry),
     * or without an index one named like S3D-G, else the first {@code .onnx}.
     */
    public static Optional<Path> demoModel() {
        Optional<Path> models = dir().map(d -> d.resolve("models"));
        if (models.isPresent() && Files.isRegularFile(models.get().resolve("index.json"))) {
            try {
                com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(models.get().resolve("index.json").toFile()).path("models");
                Path first = null;
                for (com.fasterxml.jackson.databind.JsonNode m : list) {
                    Path f = models.get().resolve(m.path("file").asText(""));
                    if (!Files.isRegularFile(f)) continue;
                    if (m.path("preset").asText("").equalsIgnoreCase("s3d-g")) return Optional.of(f);
                    if (first == null) first = f;
                }
                if (first != null) return Optional.of(first);
            } catch (IOException e) {
                // unreadable index: fall back to the file names
            }
        }
        List<Path> m = models();
        return m.stream().filter(p -> name(p).replace("_", "-").contains("s3d-g")).findFirst().or(() -> m.stream().findFirst());
    }

    private static List<Path> list(Path assets, String sub, java.util.function.Predicate<String> accept) {
        Optional<Path> d = Optional.ofNullable(assets).map(x -> x.resolve(sub)).filter(Files::isDirectory);
        if (d.isEmpty()) return List.of();
        try (Stream<Path> s = Files.list(d.get())) {
            return s.filter(Files::isRegularFile).filter(p -> accept.test(name(p))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
