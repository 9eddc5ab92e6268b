package s3dx.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;

/** The layer table as a CSV or Markdown file, rendered by {@link CostFormat} like the command line does. */
public final class TableExport {
    private TableExport() {}

    public static void write(CostReport report, CostFormat format, Path file) throws IOException {
        Files.writeString(file, format.render(report), StandardCharsets.UTF_8);
    }
}
