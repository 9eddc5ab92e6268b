package s3dx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.app.export.ModelExporter;
import s3dx.app.export.ModelExporters;
import s3dx.net.Preset;
import s3dx.onnx.OnnxModelFile;

/** The export action's exporter writes a model that reads back as the same design; cancelling stops it. */
class OnnxExportTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheDesign() throws Exception {
        ModelExporter e = ModelExporters.onnx();
        assertTrue(e.available());
        Path out = dir.resolve("m.onnx");
        var design = Preset.S3D_G.design().withClip(16, 112, 112).withClasses(10);
        e.export(design, out, new ModelExporter.Progress() {
            @Override
            public void update(double fraction, String message) {}

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertTrue(Files.size(out) > 1_000_000);
        assertEquals(design, OnnxModelFile.read(out).info().design());
    }

    @Test
    void cancellingStops() {
        Path out = dir.resolve("c.onnx");
        try {
            ModelExporters.onnx().export(Preset.S3D.design(), out, new ModelExporter.Progress() {
                @Override
                public void update(double fraction, String message) {}

                @Override
                public boolean isCancelled() {
                    return true;
                }
            });
        } catch (java.util.concurrent.CancellationException expected) {
            assertTrue(Files.notExists(out));
            return;
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("not cancelled");
    }
}
