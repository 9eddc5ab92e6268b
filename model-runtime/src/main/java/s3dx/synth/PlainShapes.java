package s3dx.synth;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import s3dx.video.RgbFrame;

/**
 * An outside check on models trained on {@link MotionShapes}: the same ten motions drawn by another renderer,
 * as a user drawing their own test clips would. Nothing here is shared with MotionShapes but the class list:
 * Java2D draws and antialiases the shapes, the background is one flat colour with Gaussian noise, the motion is
 * linear over the whole clip, and sizes, speeds and frame shapes come from ranges of its own. Nothing trains on
 * these clips.
 */
public final class PlainShapes {
    /** The largest per-clip noise standard deviation {@code s3dx synth --renderer plain} draws, in 0-255 levels. */
    public static final double NOISE = 20;

    private final int width, height, frames;
    private final double maxNoise;

    /** @param maxNoise the largest per-clip noise standard deviation, in 0-255 levels (0: clean clips) */
    public PlainShapes(int width, int height, int frames, double maxNoise) {
        if (width < 16 || height < 16 || width > 4096 || height > 4096) throw new IllegalArgumentException("frame size 16..4096, got " + width + "x" + height);
        if (frames < 2) throw new IllegalArgumentException("a clip needs at least 2 frames, got " + frames);
        if (!(maxNoise >= 0)) throw new IllegalArgumentException("noise must be >= 0, got " + maxNoise);
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.maxNoise = maxNoise;
    }

    /** A clip of class {@code c}; the partner class with the same seed is the same clip backwards. */
    public MotionShapes.Clip clip(long seed, MotionClass c) {
        boolean backwards = !c.canonical();
        MotionClass first = backwards ? c.partner() : c;
        Random rng = new Random(seed);
        int m = Math.min(width, height);
        Color bg = new Color(40 + rng.nextInt(180), 40 + rng.nextInt(180), 40 + rng.nextInt(180));
        Color fg;
        do fg = new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
        while (Math.abs(fg.getRed() - bg.getRed()) + Math.abs(fg.getGreen() - bg.getGreen()) + Math.abs(fg.getBlue() - bg.getBlue()) < 200);
        int outline = rng.nextInt(4);
        double noise = maxNoise * rng.nextDouble();
        // The shape stays near the centre, inside the square a centre crop keeps.
        double cx = width / 2.0 + (rng.nextDouble() - 0.5) * m * 0.2, cy = height / 2.0 + (rng.nextDouble() - 0.5) * m * 0.2;
        double r = m * (0.08 + rng.nextDouble() * 0.1);
        double travel = m * (0.3 + rng.nextDouble() * 0.35), growth = 1.8 + rng.nextDouble() * 2.2;
        double turn = Math.toRadians(60 + rng.nextDouble() * 160), angle0 = rng.nextDouble() * Math.PI;
        double opacityFrom = rng.nextDouble() * 0.3, opacityTo = 0.75 + rng.nextDouble() * 0.25;
        List<RgbFrame> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            double q = (double) i / (frames - 1);
            double x = cx, y = cy, radius = r, angle = angle0, opacity = 1;
            switch (first) {
                case MOVING_LEFT -> x = cx + travel / 2 - travel * q;
                case MOVING_UP -> y = cy + travel / 2 - travel * q;
                case GROWING -> radius = r * 0.7 * (1 + (growth - 1) * q);
                case ROTATING_CLOCKWISE -> angle = angle0 + turn * q;   // Java2D's y points down: a growing angle turns clockwise
                case FADING_IN -> opacity = opacityFrom + (opacityTo - opacityFrom) * q;
                default -> throw new AssertionError(first);
            }
            Shape shape = first == MotionClass.ROTATING_CLOCKWISE
                    ? new Rectangle2D.Double(-radius * 1.6, -radius * 0.5, radius * 3.2, radius)  // elongated, so the turn shows
                    : outline(outline, radius);
            AffineTransform at = new AffineTransform();
            at.translate(x, y);
            at.rotate(angle);
            out.add(frame(bg, fg, at.createTransformedShape(shape), opacity, noise, rng));
        }
        MotionShapes.Clip clip = new MotionShapes.Clip(first, seed, out);
        return backwards ? clip.reversed() : clip;
    }

    private static Shape outline(int kind, double r) {
        return switch (kind) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r * 0.9, -r * 0.9, 1.8 * r, 1.8 * r);
            case 2 -> {
                Path2D.Double t = new Path2D.Double();
                t.moveTo(0, -r);
                t.lineTo(r * 0.95, r * 0.7);
                t.lineTo(-r * 0.95, r * 0.7);
                t.closePath();
                yield t;
            }
            default -> new RoundRectangle2D.Double(-r, -r * 0.8, 2 * r, 1.6 * r, r * 0.6, r * 0.6);
        };
    }

    private RgbFrame frame(Color bg, Color fg, Shape shape, double opacity, double noise, Random rng) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(bg);
        g.fillRect(0, 0, width, height);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        g.setColor(fg);
        g.fill(shape);
        g.dispose();
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[width * height * 3];
        for (int p = 0; p < width * height; p++) {
            for (int ch = 0; ch < 3; ch++) {
                int v = (bgr[p * 3 + 2 - ch] & 0xFF) + (int) Math.round(rng.nextGaussian() * noise);
                rgb[p * 3 + ch] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new RgbFrame(width, height, rgb);
    }
}
