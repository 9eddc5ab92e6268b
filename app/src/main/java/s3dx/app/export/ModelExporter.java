package s3dx.app.export;

import java.nio.file.Path;
import s3dx.net.Design;

/**
 * Writes a design as a model file (the ONNX exporter is one). The app runs it in an {@link ExportTask}:
 * report progress through {@code progress} and stop early when it says the user cancelled.
 */
public interface ModelExporter {

    /** What the menu calls it, e.g. "ONNX model". */
    String name();

    /** File extension without the dot, e.g. "onnx". */
    String extension();

    /** False while this build has no implementation; the menu then says so instead of failing. */
    default boolean available() {
        return true;
    }

    void export(Design design, Path target, Progress progress) throws Exception;

    /** Progress reporting and cancellation for one export. */
    interface Progress {
        void update(double fraction, String message);

        boolean isCancelled();
    }
}
