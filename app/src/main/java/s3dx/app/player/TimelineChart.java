package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.app.ui.CanvasPane;
import java.util.Arrays;
import java.util.stream.IntStream;
import javafx.scene.shape.Line;

/**
 * Class probabilities over the video: one line per class (each window plotted at its centre), the top
 * classes of the current window named in the legend, the playhead as a vertical line.
 */
public final class TimelineChart extends CanvasPane {
    static final Color[] PALETTE = {Color.web("#2f7ae5"), Color.web("#ee7a1f"), Color.web("#1f9d57"), Color.web("#d62728"),
            Color.web("#7c3aed"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"), Color.web("#bcbd22"), Color.web("#17becf")};
    private static final double LEFT = 34, RIGHT = 150, TOP = 8, BOTTOM = 18;
    private List<Prediction> windows = List.of();
    private double duration = 1, playhead;
    private Prediction legendOf;
    /** The playhead moves 10 times a second; as its own node it does not make the curves redraw. */
    private final Line playheadLine = new Line();

    public TimelineChart() {
        super(600, 150);
        getStyleClass().add("timeline-chart");
        playheadLine.strokeProperty().bind(inkProperty());
        playheadLine.setStrokeWidth(1.5);
        playheadLine.setManaged(false);
        getChildren().add(playheadLine);
    }

    public void show(List<Prediction> sorted, double durationSeconds, double playheadSeconds) {
        double d = Math.max(1e-3, durationSeconds);
        Prediction legend = legendWindow(sorted, playheadSeconds);
        boolean same = d == duration && legend == legendOf && GateHeatmap.sameWindows(windows, sorted);
        windows = sorted;
        duration = d;
        playhead = playheadSeconds;
        legendOf = legend;
        if (same) placePlayhead();
        else redraw();
    }

    private static Prediction legendWindow(List<Prediction> sorted, double playheadSeconds) {
        Prediction legend = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
        for (Prediction p : sorted) if (p.startSeconds() <= playheadSeconds) legend = p;
        return legend;
    }

    /** Lines drawn at the most: enough for every class of a small model, and a readable chart. */
    static final int MAX_LINES = 24;

    /**
     * The classes that get a line: those in some window's top 3, the most probable first, at most
     * {@link #MAX_LINES}. With Kinetics' 400 classes the rest lie flat near zero, and 400 paths a redraw held
     * the renderer for tens of milliseconds at each new window.
     */
    static int[] drawnClasses(List<Prediction> windows) {
        if (windows.isEmpty()) return new int[0];
        float[] peak = new float[windows.get(0).probs().length];
        Arrays.fill(peak, -1);
        int[] top = new int[Math.min(3, peak.length)];
        for (Prediction p : windows) {
            float[] probs = p.probs();
            // a linear top 3 (not Prediction.top, which sorts every class): this runs for every window at each redraw
            Arrays.fill(top, -1);
            for (int c = 0; c < probs.length; c++) {
                for (int k = 0; k < top.length; k++) {
                    if (top[k] < 0 || probs[c] > probs[top[k]]) {
                        System.arraycopy(top, k, top, k + 1, top.length - k - 1);
                        top[k] = c;
                        break;
                    }
                }
            }
            for (int c : top) peak[c] = Math.max(peak[c], probs[c]);
        }
        return IntStream.range(0, peak.length).filter(c -> peak[c] >= 0).boxed()
                .sorted((a, b) -> Float.compare(peak[b], peak[a])).limit(MAX_LINES).mapToInt(Integer::intValue).toArray();
    }

    private void placePlayhead() {
        double pw = Math.max(10, getWidth() - LEFT - RIGHT), ph = Math.max(10, getHeight() - TOP - BOTTOM);
        double x = LEFT + pw * Math.min(1, playhead / duration);
        playheadLine.setStartX(x);
        playheadLine.setEndX(x);
        playheadLine.setStartY(TOP);
        playheadLine.setEndY(TOP + ph);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double left = LEFT, right = RIGHT, top = TOP, bottom = BOTTOM;
        double pw = Math.max(10, w - left - right), ph = Math.max(10, h - top - bottom);
        g.setFill(surface());
        g.fillRect(left, top, pw, ph);
        g.setStroke(line());
        g.setFont(Font.font(10));
        g.setFill(inkSoft());
        for (int i = 0; i <= 4; i++) {
            double y = top + ph * (1 - i / 4.0);
            g.strokeLine(left, y, left + pw, y);
            g.fillText(String.format("%.0f%%", i * 25.0), 2, y + 3);
        }
        g.fillText(t("player.zeroSeconds"), left, h - 4);
        g.fillText(t("player.seconds", duration), left + pw - 30, h - 4);
        if (!windows.isEmpty()) {
            int classes = windows.get(0).probs().length;
            Prediction last = windows.get(windows.size() - 1);
            for (int c : drawnClasses(windows)) {
                g.setStroke(PALETTE[c % PALETTE.length]);
                g.setLineWidth(1.6);
                g.beginPath();
                double lastX = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < windows.size(); i++) {
                    Prediction p = windows.get(i);
                    double x = left + pw * ((p.startSeconds() + p.endSeconds()) / 2 / duration);
                    // at most one point a pixel: a long video's thousands of windows would cost the renderer
                    // thousands of segments a class for no visible difference
                    if (x - lastX < 1 && i != windows.size() - 1) continue;
                    double y = top + ph * (1 - p.probs()[c]);
                    if (i == 0) g.moveTo(x, y);
                    else g.lineTo(x, y);
                    lastX = x;
                }
                g.stroke();
            }
            g.setLineWidth(1);
            Prediction legendOf = this.legendOf != null ? this.legendOf : last;
            int row = 0;
            for (var r : legendOf.top(Math.min(classes, 8))) {
                double y = top + 10 + row++ * 14;
                g.setFill(PALETTE[r.index() % PALETTE.length]);
                g.fillRect(left + pw + 8, y - 8, 10, 10);
                g.setFill(ink());
                g.fillText(s3dx.app.i18n.I18n.classLabel(r.label()), left + pw + 22, y + 1);
            }
        }
        placePlayhead();
    }
}
