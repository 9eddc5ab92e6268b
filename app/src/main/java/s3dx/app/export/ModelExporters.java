package s3dx.app.export;

import java.util.ServiceLoader;

/**
 * Finds the ONNX exporter: a {@link ModelExporter} registered as a service
 * ({@code META-INF/services/s3dx.app.export.ModelExporter}) if there is one, else {@link OnnxExporter}.
 */
public final class ModelExporters {
    private ModelExporters() {}

    public static ModelExporter onnx() {
        for (ModelExporter e : ServiceLoader.load(ModelExporter.class)) {
            if ("onnx".equals(e.extension())) return e;
        }
        return new OnnxExporter();
    }
}
