package s3dx.app.ui;

import javafx.scene.paint.Color;

/** A perceptual dark-blue → teal → yellow map (viridis-like) for values in [0,1]. */
public final class ColorMap {
    private static final double[][] STOPS = {
            {0.267, 0.005, 0.329}, {0.229, 0.322, 0.546}, {0.128, 0.567, 0.551}, {0.369, 0.789, 0.383}, {0.993, 0.906, 0.144}};

    private ColorMap() {
    }

    /** ARGB with the given alpha (0..255). */
    public static int argb(double v, int alpha) {
        double x = Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) x);
        double f = x - i;
        int r = (int) Math.round(255 * (STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0])));
        int g = (int) Math.round(255 * (STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1])));
        int b = (int) Math.round(255 * (STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2])));
        return alpha << 24 | r << 16 | g << 8 | b;
    }

    /**
     * Frame {@code t} of an energy map [T',H',W'] as H'xW' ARGB pixels, stretched min to max (the overlay shows
     * where a layer fires most within the frame, not absolute levels).
     */
    public static int[] heat(s3dx.tensor.Tensor energy, int t, int alpha) {
        int eh = (int) energy.dim(1), ew = (int) energy.dim(2);
        int off = Math.max(0, Math.min((int) energy.dim(0) - 1, t)) * eh * ew;
        float[] d = energy.data();
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (int i = 0; i < eh * ew; i++) {
            lo = Math.min(lo, d[off + i]);
            hi = Math.max(hi, d[off + i]);
        }
        int[] argb = new int[eh * ew];
        for (int i = 0; i < argb.length; i++) argb[i] = argb(hi > lo ? (d[off + i] - lo) / (hi - lo) : 0.5, alpha);
        return argb;
    }

    public static Color color(double v) {
        int c = argb(v, 255);
        return Color.rgb(c >> 16 & 255, c >> 8 & 255, c & 255);
    }
}
