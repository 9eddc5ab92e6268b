package s3dx.evidence;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import s3dx.infer.PredictionCsv;
import s3dx.tensor.Tensor;

/** The probes as CSV tables, one row per measurement, for the {@code probe} command and the app's export. */
public final class EvidenceCsv {
    private EvidenceCsv() {}

    /** One model's temporal table, named for the CSV's model column. */
    public record NamedTable(String model, TemporalProbe.Table table) {}

    /** One row per model and experiment. */
    public static void temporal(Writer out, List<NamedTable> tables) throws IOException {
        out.write("model,experiment,top1,top1_prob,original_top1,original_top1_prob,flipped_to_partner\n");
        for (NamedTable n : tables) {
            TemporalProbe.Table t = n.table();
            for (TemporalProbe.Row r : t.rows()) {
                out.write(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%s,%.6f,%s%n", PredictionCsv.quote(n.model()), r.experiment().label(),
                        PredictionCsv.quote(r.top1().label()), r.top1().prob(), PredictionCsv.quote(t.originalTop1().label()),
                        r.originalTop1Prob(), t.hasPartners() ? Boolean.toString(r.flippedToPartner()) : ""));
            }
        }
    }

    /**
     * One row per cell ({@code cell}) and per time cell of the strip ({@code frames}): frame range within the
     * window, row and column ranges in the model's input pixels (end exclusive), and the probability drop.
     */
    public static void occlusion(Writer out, Occlusion.Result r, String targetLabel) throws IOException {
        Occlusion.Grid g = r.grid();
        out.write("kind,frame0,frame1,row0,row1,col0,col1,target,drop\n");
        String target = PredictionCsv.quote(targetLabel);
        for (int t = 0; t < g.timeCells(); t++) {
            int[] f = g.frameRange(t);
            for (int y = 0; y < g.rowCells(); y++) {
                int[] rows = g.rowRange(y);
                for (int x = 0; x < g.columnCells(); x++) {
                    int[] cols = g.columnRange(x);
                    out.write(String.format(Locale.ROOT, "cell,%d,%d,%d,%d,%d,%d,%s,%.6f%n", f[0], f[1], rows[0], rows[1], cols[0], cols[1],
                            target, r.drop(t, y, x)));
                }
            }
        }
        for (int t = 0; t < g.timeCells(); t++) {
            int[] f = g.frameRange(t);
            out.write(String.format(Locale.ROOT, "frames,%d,%d,0,%d,0,%d,%s,%.6f%n", f[0], f[1], g.height(), g.width(), target, r.timeStrip()[t]));
        }
    }

    /** One row per position (t, y, x) of the map, in Mixed_5c's grid. */
    public static void cam(Writer out, Tensor map, String label) throws IOException {
        out.write("class,t,y,x,value\n");
        int t = (int) map.dim(0), h = (int) map.dim(1), w = (int) map.dim(2);
        String c = PredictionCsv.quote(label);
        for (int i = 0; i < t; i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f%n", c, i, y, x, map.data()[(i * h + y) * w + x]));
            }
        }
    }
}
