package s3dx.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference data in {@code ../shared/reference} beside the repository (torchvision's S3D checkpoint, its
 * logits and key list). A developer's clone without it skips the tests that need it; under CI ({@code CI=true})
 * a missing file fails them, so that a clone without it cannot pass without checking what matters most.
 */
public final class SharedReference {
    private SharedReference() {}

    public static Path dir() {
        return Path.of(System.getProperty("s3dx.shared", "../../shared"), "reference");
    }

    /** The file at {@code relative} under the reference folder; skips (or fails under CI) when it is missing. */
    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        if (Files.isRegularFile(p)) return p;
        String why = "reference file " + p.toAbsolutePath().normalize() + " is missing (the shared/ folder must sit beside the repository)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + "; CI=true, so the test fails instead of skipping");
        Assumptions.abort(why);
        return p;
    }
}
