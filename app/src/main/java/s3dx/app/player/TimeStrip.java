package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import s3dx.app.ui.CanvasPane;
import s3dx.app.ui.ColorMap;
import s3dx.evidence.Occlusion;

/**
 * "Which frames mattered": occlusion's time strip, one bar per time cell of the window, as tall as the probability
 * the class loses when those frames are hidden; the cell the playhead is in is outlined.
 */
final class TimeStrip extends CanvasPane {
    private Occlusion.Result result;
    private int current = -1;

    TimeStrip() {
        super(400, 64);
        setMinHeight(56);
        setId("player-time-strip");
    }

    /** The result to draw (null: none) and the time cell of the playhead (-1: none). */
    void show(Occlusion.Result r, int currentCell) {
        result = r;
        current = currentCell;
        redraw();
    }

    Occlusion.Result result() {
        return result;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(surface());
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setFill(inkSoft());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(t("evidence.timeStrip"), 4, 2);
        if (result == null) return;
        float[] strip = result.timeStrip();
        float max = 1e-6f;
        for (float v : strip) max = Math.max(max, Math.abs(v));
        double top = 16, bottom = h - 14, cw = w / strip.length;
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < strip.length; i++) {
            double v = Math.max(0, strip[i]) / max, bh = (bottom - top) * v;
            g.setFill(ColorMap.color(v));
            g.fillRect(i * cw + 2, bottom - bh, cw - 4, bh);
            int[] f = result.grid().frameRange(i);
            g.setFill(inkSoft());
            g.fillText(String.format(Locale.ROOT, "%d–%d  %+.0f%%", f[0], f[1] - 1, -100 * strip[i]), i * cw + cw / 2, bottom + 1);
            if (i == current) {
                g.setStroke(marker());
                g.setLineWidth(2);
                g.strokeRect(i * cw + 1, top - 1, cw - 2, bottom - top + 2);
            }
        }
    }
}
