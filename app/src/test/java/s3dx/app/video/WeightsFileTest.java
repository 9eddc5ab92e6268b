package s3dx.app.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.infer.OnnxSession;
import s3dx.infer.WindowPredictor;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.weights.SafeTensors;
import s3dx.weights.WeightInit;

/** Safetensors weights dropped or opened in the player become a model of the design they were made for. */
class WeightsFileTest {
    static final Design DESIGN = Preset.S3D_G.design().withWidthMultiplier(0.25).withClasses(10);

    @Test
    void weightsForTheDesignLoadAsItsModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.safetensors");
        SafeTensors.write(WeightInit.seeded(Network.of(DESIGN), 3), Map.of(), file);
        ModelChoice c = ModelChoice.forFile(file, 16, DESIGN);
        assertInstanceOf(ModelChoice.Weights.class, c);
        try (OnnxSession s = c.open()) {
            WindowPredictor p = WindowPredictor.of(s);
            assertEquals(10, p.labels().size());
            assertEquals(16, s.inputShape()[2]);
        }
    }

    @Test
    void weightsOfAnotherDesignAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.safetensors");
        SafeTensors.write(WeightInit.seeded(Network.of(Preset.I3D.design().withWidthMultiplier(0.25).withClasses(10)), 3), Map.of(), file);
        IOException e = assertThrows(IOException.class, () -> ModelChoice.forFile(file, 16, DESIGN).open().close());
        assertTrue(e.getMessage().startsWith("other.safetensors: "), e.getMessage());
    }
}
