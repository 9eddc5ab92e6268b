package s3dx.video;

import s3dx.net.Preprocessing;

/**
 * Resizes a frame so its short side is {@code shortSide} and centre-crops it to {@code cropW x cropH}, in one
 * separable pass that only computes the cropped pixels. Upscaling is bilinear with half-pixel centres (as
 * torchvision / OpenCV); downscaling widens the triangle filter to the scale (antialiased, like PIL), so
 * large videos don't alias. Then {@link #normalize} maps the 8-bit result to planar floats with a
 * {@link Preprocessing} look-up table. Tables are cached for the last source size; not thread-safe.
 */
public final class FrameResizer {

    private static final int BITS = 14;          // fixed-point weight precision
    private static final int ONE = 1 << BITS;
    private static final int SHIFT_H = BITS - 7, HALF_H = 1 << (SHIFT_H - 1);

    private final int shortSide, cropW, cropH;
    private int srcW = -1, srcH = -1;
    private Taps xt, yt;
    private int rowMin, rowMax;                    // source rows the crop needs
    private int[] tmp = new int[0];                 // horizontally filtered rows, [row][cropW*3], fixed point
    private final float[][] lut;                    // per channel: 8-bit value -> network value

    public FrameResizer(int shortSide, int cropW, int cropH, Preprocessing pre) {
        if (cropW <= 0 || cropH <= 0) throw new IllegalArgumentException("bad crop " + cropW + "x" + cropH);
        this.shortSide = Math.max(shortSide, Math.max(cropW, cropH));
        this.cropW = cropW;
        this.cropH = cropH;
        lut = new float[3][256];
        if (pre != null) {
            for (int c = 0; c < 3; c++) for (int v = 0; v < 256; v++) lut[c][v] = pre.normalize(v, c);
        }
    }

    /** Short side {@code pre.resizeShortSide()} (at least the crop), square crop {@code pre.cropSize()}. */
    public static FrameResizer of(Preprocessing pre) {
        return new FrameResizer(pre.resizeShortSide(), pre.cropSize(), pre.cropSize(), pre);
    }

    public int cropWidth() {
        return cropW;
    }

    public int cropHeight() {
        return cropH;
    }

    /** Size of the frame after resizing the short side (before cropping) for a source of w x h. */
    public int[] resizedSize(int w, int h) {
        if (w <= h) return new int[]{shortSide, Math.max(shortSide, (int) Math.round((double) h * shortSide / w))};
        return new int[]{Math.max(shortSide, (int) Math.round((double) w * shortSide / h)), shortSide};
    }

    /** Resized and centre-cropped copy of {@code src} (cropW x cropH, 8-bit RGB). */
    public RgbFrame resizeCrop(RgbFrame src) {
        byte[] out = new byte[cropW * cropH * 3];
        resizeCrop(src, out);
        return new RgbFrame(cropW, cropH, out);
    }

    /** Writes the resized, cropped frame as interleaved RGB into {@code out} (cropW*cropH*3 bytes). */
    public void resizeCrop(RgbFrame src, byte[] out) {
        prepare(src.width(), src.height());
        byte[] in = src.rgb();
        int row3 = cropW * 3;
        // Horizontal pass over the source rows that the vertical taps reach. Every output has maxTaps taps
        // (zero-padded), so the inner loops have a fixed trip count; the source row is padded accordingly.
        final int xTaps = xt.maxTaps, yTaps = yt.maxTaps;
        final int[] xs = xt.start, xw = xt.weight, ys = yt.start, yw = yt.weight;
        final int[] tmp = this.tmp;
        for (int y = rowMin; y <= rowMax; y++) {
            int inRow = y * srcW * 3;
            int o = (y - rowMin) * row3;
            for (int ox = 0, wi = 0; ox < cropW; ox++, wi += xTaps) {
                int r = 0, g = 0, b = 0;
                int p = inRow + xs[ox] * 3;
                for (int k = 0; k < xTaps; k++, p += 3) {
                    int w = xw[wi + k];
                    r += w * (in[p] & 0xFF);
                    g += w * (in[p + 1] & 0xFF);
                    b += w * (in[p + 2] & 0xFF);
                }
                // keep 7 fractional bits so the vertical pass fits in an int
                tmp[o++] = (r + HALF_H) >> SHIFT_H;
                tmp[o++] = (g + HALF_H) >> SHIFT_H;
                tmp[o++] = (b + HALF_H) >> SHIFT_H;
            }
        }
        final int shiftV = 2 * BITS - SHIFT_H, halfV = 1 << (shiftV - 1);
        int o = 0;
        for (int oy = 0, wi = 0; oy < cropH; oy++, wi += yTaps) {
            int base = (ys[oy] - rowMin) * row3;
            for (int i = 0; i < row3; i++) {
                int acc = halfV;
                int p = base + i;
                for (int k = 0; k < yTaps; k++, p += row3) acc += yw[wi + k] * tmp[p];
                int v = acc >> shiftV;
                out[o++] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
    }

    /**
     * Maps an interleaved cropW x cropH RGB byte image to planar floats: channel c, pixel i goes to
     * {@code dst[offset + c*planeStride + i]}.
     */
    public void normalize(byte[] crop, float[] dst, int offset, int planeStride) {
        int n = cropW * cropH;
        float[] l0 = lut[0], l1 = lut[1], l2 = lut[2];
        int o1 = offset + planeStride, o2 = offset + 2 * planeStride;
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            dst[offset + i] = l0[crop[p] & 0xFF];
            dst[o1 + i] = l1[crop[p + 1] & 0xFF];
            dst[o2 + i] = l2[crop[p + 2] & 0xFF];
        }
    }

    private void prepare(int w, int h) {
        if (w == srcW && h == srcH) return;
        int[] rs = resizedSize(w, h);
        int rw = rs[0], rh = rs[1];
        int left = (int) Math.round((rw - cropW) / 2.0);
        int top = (int) Math.round((rh - cropH) / 2.0);
        xt = taps(w, rw, left, cropW);
        yt = taps(h, rh, top, cropH);
        rowMin = Integer.MAX_VALUE;
        rowMax = -1;
        for (int i = 0; i < cropH; i++) {
            rowMin = Math.min(rowMin, yt.start[i]);
            rowMax = Math.max(rowMax, yt.start[i] + yt.count[i] - 1);
        }
        int need = (rowMax - rowMin + 1) * cropW * 3;
        if (tmp.length < need) tmp = new int[need];
        srcW = w;
        srcH = h;
    }

    /** Filter taps for output positions offset..offset+n-1 of a resize from in to out samples. */
    private static Taps taps(int in, int out, int offset, int n) {
        double scale = (double) in / out;
        double support = Math.max(1.0, scale);
        int maxTaps = Math.min(in, (int) Math.ceil(2 * support));  // most non-zero taps an output can have
        Taps t = new Taps(n, maxTaps);
        double[] w = new double[maxTaps];
        for (int o = 0; o < n; o++) {
            double centre = (o + offset + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - support));
            int hi = Math.min(in - 1, (int) Math.ceil(centre + support));
            double sum = 0;
            int cnt = 0;
            int first = -1;
            for (int i = lo; i <= hi && cnt < maxTaps; i++) {
                double x = Math.abs((i + 0.5 - centre) / support);
                double v = x < 1 ? 1 - x : 0;
                if (v <= 0 && first < 0) continue;  // skip leading zero taps
                if (first < 0) first = i;
                w[cnt++] = v;
                sum += v;
            }
            while (cnt > 1 && w[cnt - 1] <= 0) cnt--;  // trailing zero taps
            if (first < 0 || sum <= 0) {               // centre beyond the edge: clamp
                first = Math.min(in - 1, Math.max(0, (int) Math.floor(centre)));
                w[0] = 1;
                sum = 1;
                cnt = 1;
            }
            // Fixed tap count: shift the window left at the right edge and pad with zero weights.
            int shift = Math.max(0, first + maxTaps - in);
            if (shift > first) throw new IllegalStateException("source too small for the filter");
            t.start[o] = first - shift;
            t.count[o] = maxTaps;
            for (int k = cnt - 1; k >= 0; k--) w[k + shift] = w[k];
            for (int k = 0; k < shift; k++) w[k] = 0;
            for (int k = cnt + shift; k < maxTaps; k++) w[k] = 0;
            cnt += shift;
            int acc = 0, big = 0;
            for (int k = 0; k < maxTaps; k++) {
                int q = (int) Math.round(w[k] / sum * ONE);
                t.weight[o * maxTaps + k] = q;
                acc += q;
                if (q > t.weight[o * maxTaps + big]) big = k;
            }
            t.weight[o * maxTaps + big] += ONE - acc;  // weights sum to exactly ONE
        }
        return t;
    }

    private static final class Taps {
        final int[] start, count, weight;
        final int maxTaps;

        Taps(int n, int maxTaps) {
            this.maxTaps = maxTaps;
            start = new int[n];
            count = new int[n];
            weight = new int[n * maxTaps];
        }
    }
}
