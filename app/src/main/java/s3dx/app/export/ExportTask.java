package s3dx.app.export;

import java.nio.file.Path;
import javafx.concurrent.Task;
import s3dx.net.Design;

/** Runs a {@link ModelExporter} off the UI thread; progress, message and cancel bind to the status bar. */
public final class ExportTask extends Task<Path> {
    private final ModelExporter exporter;
    private final Design design;
    private final Path target;

    public ExportTask(ModelExporter exporter, Design design, Path target) {
        this.exporter = exporter;
        this.design = design;
        this.target = target;
        updateTitle("Exporting " + exporter.name());
    }

    @Override
    protected Path call() throws Exception {
        updateProgress(-1, 1);
        updateMessage("Exporting " + exporter.name() + "…");
        exporter.export(design, target, new ModelExporter.Progress() {
            @Override
            public void update(double fraction, String message) {
                updateProgress(fraction, 1);
                if (message != null) updateMessage(message);
            }

            @Override
            public boolean isCancelled() {
                return ExportTask.this.isCancelled();
            }
        });
        updateProgress(1, 1);
        return target;
    }
}
