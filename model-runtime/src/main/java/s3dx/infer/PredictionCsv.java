package s3dx.infer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The prediction timeline as CSV, one row per window: its frames and seconds, whether it was fed reversed,
 * the top-k labels with their probabilities, then the probability of every class. Used by the
 * {@code predict} command and the player's export.
 */
public final class PredictionCsv {
    private final Writer out;
    private final int top;
    private boolean headerWritten;

    public PredictionCsv(Writer out, int top) {
        this.out = out;
        this.top = top;
    }

    public void write(WindowPredictor.Prediction p) throws IOException {
        if (!headerWritten) {
            StringBuilder h = new StringBuilder("start_frame,end_frame,start_s,end_s,reversed");
            for (int i = 1; i <= top; i++) h.append(",top").append(i).append(",p").append(i);
            for (String l : p.labels()) h.append(",").append(quote("p(" + l + ")"));
            out.write(h.append('\n').toString());
            headerWritten = true;
        }
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%b",
                p.startFrame(), p.endFrame(), p.startSeconds(), p.endSeconds(), p.reversed()));
        for (WindowPredictor.Ranked k : p.top(top)) r.append(',').append(quote(k.label())).append(String.format(Locale.ROOT, ",%.6f", k.prob()));
        for (float v : p.probs()) r.append(String.format(Locale.ROOT, ",%.6f", v));
        out.write(r.append('\n').toString());
    }

    public void writeAll(List<WindowPredictor.Prediction> ps) throws IOException {
        for (WindowPredictor.Prediction p : ps) write(p);
    }

    /** A CSV field: as it is when plainly safe, else double-quoted. */
    public static String quote(String s) {
        return s.matches("[A-Za-z0-9 _().-]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
