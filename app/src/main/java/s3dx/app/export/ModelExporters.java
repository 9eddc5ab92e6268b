package s3dx.app.export;

import java.nio.file.Path;
import java.util.ServiceLoader;
import s3dx.net.Design;

/**
 * Finds the ONNX exporter: the first {@link ModelExporter} registered as a service
 * ({@code META-INF/services/s3dx.app.export.ModelExporter}), else a placeholder that says it is not in this build.
 */
public final class ModelExporters {
    private ModelExporters() {}

    public static ModelExporter onnx() {
        for (ModelExporter e : ServiceLoader.load(ModelExporter.class)) {
            if ("onnx".equals(e.extension())) return e;
        }
        return NOT_BUILT;
    }

    static final ModelExporter NOT_BUILT = new ModelExporter() {
        @Override
        public String name() {
            return "ONNX model";
        }

        @Override
        public String extension() {
            return "onnx";
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void export(Design design, Path target, Progress progress) {
            throw new UnsupportedOperationException("ONNX export is not in this build yet");
        }
    };
}
