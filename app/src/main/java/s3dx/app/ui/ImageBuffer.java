package s3dx.app.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * A pixel image kept between redraws. A fresh WritableImage per redraw (10 a second) leaves a trail of
 * textures that the renderer only frees under memory pressure; this one is replaced only when a larger
 * size is needed, growing by doubling so that a heatmap gaining a column per window rarely reallocates.
 */
public final class ImageBuffer {
    private WritableImage image;
    private int width, height;

    /** A writer for a {@code w} x {@code h} image (only that top-left part is drawn). */
    public PixelWriter writer(int w, int h) {
        if (image == null || image.getWidth() < w || image.getHeight() < h) {
            int cw = image == null ? w : Math.max(w, Math.min(2 * (int) image.getWidth(), w + 4096));
            int ch = image == null ? h : Math.max(h, (int) image.getHeight());
            image = new WritableImage(Math.max(1, cw), Math.max(1, ch));
        }
        width = w;
        height = h;
        return image.getPixelWriter();
    }

    /** Draws what the last writer wrote, scaled into the given rectangle. */
    public void draw(GraphicsContext g, double x, double y, double w, double h) {
        if (image != null && width > 0 && height > 0) g.drawImage(image, 0, 0, width, height, x, y, w, h);
    }
}
