package s3dx.app.ui;

import java.nio.IntBuffer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.video.RgbFrame;

/**
 * The video frame (an ImageView over a PixelBuffer) with the selected block's energy map drawn over the
 * region the model sees (the centre crop), upsampled and colour-mapped, at an adjustable opacity.
 */
public final class FrameView extends Region {
    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.45);
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels = new int[0];
    private final ImageBuffer overlayPixels = new ImageBuffer();
    private int width, height;
    private Tensor energy;
    private int energySlice;
    private Preprocessing preprocessing;

    public FrameView() {
        image.setPreserveRatio(true);
        image.setSmooth(false);
        getChildren().addAll(image, overlay);
        getStyleClass().add("frame-view");
        opacity.addListener((o, a, b) -> drawOverlay());
        setMinSize(160, 120);
    }

    public DoubleProperty overlayOpacityProperty() {
        return opacity;
    }

    /** Shows an RGB frame (FX thread). */
    public void show(RgbFrame f) {
        if (buffer == null || f.width() != width || f.height() != height) {
            width = f.width();
            height = f.height();
            pixels = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(buffer));
            requestLayout();
        }
        byte[] rgb = f.rgb();
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            pixels[i] = 0xff000000 | (rgb[j] & 255) << 16 | (rgb[j + 1] & 255) << 8 | (rgb[j + 2] & 255);
        }
        buffer.updateBuffer(b -> null);
    }

    /** The energy map [T',H',W'] to draw (null: none) and which time slice. */
    public void setEnergy(Tensor map, int slice, Preprocessing pre) {
        if (map == energy && slice == energySlice && pre == preprocessing) return; // nothing new to draw
        energy = map;
        energySlice = slice;
        preprocessing = pre;
        drawOverlay();
    }

    public int frameWidth() {
        return width;
    }

    public int frameHeight() {
        return height;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        image.setFitWidth(w);
        image.setFitHeight(h);
        double s = width == 0 ? 1 : Math.min(w / width, h / height);
        double iw = width * s, ih = height * s;
        image.relocate((w - iw) / 2, (h - ih) / 2);
        overlay.setWidth(w);
        overlay.setHeight(h);
        overlay.relocate(0, 0);
        drawOverlay();
    }

    /** Where the model's crop lies on screen. */
    Rectangle2D cropOnScreen() {
        double w = getWidth(), h = getHeight();
        double s = Math.min(w / width, h / height);
        double x0 = (w - width * s) / 2, y0 = (h - height * s) / 2;
        double side = Math.min(width, height);
        if (preprocessing != null) side = Math.min(side, preprocessing.cropSize() * Math.min(width, height) / (double) preprocessing.resizeShortSide());
        return new Rectangle2D(x0 + (width - side) / 2 * s, y0 + (height - side) / 2 * s, side * s, side * s);
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (energy == null || width == 0 || opacity.get() <= 0) return;
        int eh = (int) energy.dim(1), ew = (int) energy.dim(2);
        int[] argb = ColorMap.heat(energy, energySlice, (int) Math.round(255 * opacity.get()));
        overlayPixels.writer(ew, eh).setPixels(0, 0, ew, eh, PixelFormat.getIntArgbInstance(), argb, 0, ew);
        Rectangle2D r = cropOnScreen();
        g.setImageSmoothing(true);
        overlayPixels.draw(g, r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
