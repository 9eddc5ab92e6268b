package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.text.Font;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.app.ui.CanvasPane;
import s3dx.app.ui.ColorMap;
import s3dx.app.ui.ImageBuffer;

/**
 * Every gated scope for the current window: one row per scope, its channels' gate values left to right
 * (stretched to a common width), the mean gate value at the right. Click a row to select that scope.
 */
public final class GateOverview extends CanvasPane {
    private final ImageBuffer pixels = new ImageBuffer();
    private Prediction current;
    private String selected;
    private final List<String> scopes = new ArrayList<>();
    private double rowH = 12, top = 4;

    public GateOverview(Consumer<String> onSelect) {
        super(360, 400);
        getStyleClass().add("gate-overview");
        setOnMouseClicked(e -> {
            int r = (int) ((e.getY() - top) / rowH);
            if (r >= 0 && r < scopes.size()) onSelect.accept(scopes.get(r));
        });
    }

    public void show(Prediction p, String selectedScope) {
        if (p == current && java.util.Objects.equals(selectedScope, selected)) return; // nothing new to draw
        current = p;
        selected = selectedScope;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        scopes.clear();
        g.setFont(Font.font(Math.max(7, Math.min(10, rowH - 1))));
        g.setFill(inkSoft());
        if (current == null || current.gates().isEmpty()) {
            g.fillText(current == null ? t("player.waiting") : t("player.noGates"), 6, 16);
            return;
        }
        scopes.addAll(current.gates().keySet());
        rowH = Math.max(6, Math.min(16, (h - top) / scopes.size()));
        g.setFont(Font.font(Math.max(7, Math.min(10, rowH - 1))));
        double labelW = 150, meanW = 40, bw = Math.max(10, w - labelW - meanW - 6);
        int cols = 64;
        PixelWriter pw = pixels.writer(cols, scopes.size());
        int r = 0;
        for (Map.Entry<String, float[]> e : current.gates().entrySet()) {
            float[] v = e.getValue();
            double mean = 0;
            for (float f : v) mean += f;
            mean /= v.length;
            for (int x = 0; x < cols; x++) pw.setArgb(x, r, ColorMap.argb(v[(int) ((long) x * v.length / cols)], 255));
            double y = top + r * rowH;
            if (e.getKey().equals(selected)) {
                g.setFill(highlight());
                g.fillRect(0, y, w, rowH);
            }
            g.setFill(ink());
            if (rowH >= 6) g.fillText(e.getKey(), 4, y + rowH - 2);
            g.fillText(String.format("%.2f", mean), labelW + bw + 6, y + rowH - 2);
            r++;
        }
        g.setImageSmoothing(false);
        pixels.draw(g, labelW, top, bw, rowH * scopes.size());
    }
}
