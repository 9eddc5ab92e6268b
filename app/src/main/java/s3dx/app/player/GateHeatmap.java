package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.text.Font;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.app.ui.CanvasPane;
import s3dx.app.ui.ColorMap;
import s3dx.app.ui.ImageBuffer;

/**
 * One gated scope over time: gate value (0..1, colour) of every channel (rows) in every window (columns),
 * with the current window outlined.
 */
public final class GateHeatmap extends CanvasPane {
    private final ImageBuffer pixels = new ImageBuffer();
    private String scope;
    private List<Prediction> windows = List.of();
    private long current = -1;

    public GateHeatmap() {
        super(600, 180);
        getStyleClass().add("gate-heatmap");
    }

    public void show(String scope, List<Prediction> sorted, long currentStart) {
        if (java.util.Objects.equals(scope, this.scope) && currentStart == current && sameWindows(windows, sorted)) return;
        this.scope = scope;
        this.windows = sorted;
        this.current = currentStart;
        redraw();
    }

    public String scope() {
        return scope;
    }

    /** The gate values drawn in column {@code window} (for tests), or null. */
    public float[] column(long windowStart) {
        return windows.stream().filter(p -> p.startFrame() == windowStart).findFirst()
                .map(p -> p.gates().get(scope)).orElse(null);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double left = 40, top = 6, bottom = 16;
        g.setFont(Font.font(10));
        g.setFill(inkSoft());
        if (scope == null || windows.isEmpty() || windows.get(0).gates().get(scope) == null) {
            g.fillText(scope == null ? t("player.noGatedLayers") : t("player.waiting"), left, top + 14);
            return;
        }
        int cols = windows.size(), rows = windows.get(0).gates().get(scope).length;
        PixelWriter pw = pixels.writer(cols, rows);
        for (int x = 0; x < cols; x++) {
            float[] v = windows.get(x).gates().get(scope);
            for (int y = 0; y < rows && v != null && y < v.length; y++) pw.setArgb(x, y, ColorMap.argb(v[y], 255));
        }
        double iw = w - left - 8, ih = h - top - bottom;
        g.setImageSmoothing(false);
        pixels.draw(g, left, top, iw, ih);
        g.fillText(t("tile.channels", rows), 2, top + 10);
        g.fillText(t("player.windowsAxis"), left, h - 3);
        for (int x = 0; x < cols; x++) {
            if (windows.get(x).startFrame() == current) {
                g.setStroke(marker());
                g.setLineWidth(2);
                g.strokeRect(left + iw * x / cols, top, Math.max(2, iw / cols), ih);
                g.setLineWidth(1);
            }
        }
    }

    /** The same windows in the same order (results are immutable, so the same objects mean the same picture). */
    static boolean sameWindows(List<Prediction> a, List<Prediction> b) {
        return a.size() == b.size() && (a.isEmpty() || a.get(0) == b.get(0) && a.get(a.size() - 1) == b.get(b.size() - 1));
    }
}
