package s3dx.video;

/**
 * One decoded frame: 8-bit RGB, interleaved, rows packed without padding ({@code rgb.length == width*height*3}).
 */
public record RgbFrame(int width, int height, byte[] rgb) {

    public RgbFrame {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("bad frame size " + width + "x" + height);
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " needs " + (width * height * 3)
                    + " bytes, got " + rgb.length);
        }
    }

    public static RgbFrame blank(int width, int height) {
        return new RgbFrame(width, height, new byte[width * height * 3]);
    }

    /** Channel c (0=R,1=G,2=B) at (x,y) as 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    public void set(int x, int y, int r, int g, int b) {
        int i = (y * width + x) * 3;
        rgb[i] = (byte) r;
        rgb[i + 1] = (byte) g;
        rgb[i + 2] = (byte) b;
    }

    /** Mean absolute difference per byte to another frame of the same size (0 = identical). */
    public double meanAbsDiff(RgbFrame o) {
        if (o.width != width || o.height != height) throw new IllegalArgumentException("frame sizes differ");
        long s = 0;
        for (int i = 0; i < rgb.length; i++) s += Math.abs((rgb[i] & 0xFF) - (o.rgb[i] & 0xFF));
        return (double) s / rgb.length;
    }

    public RgbFrame copy() {
        return new RgbFrame(width, height, rgb.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbFrame f && f.width == width && f.height == height && java.util.Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbFrame[" + width + "x" + height + "]";
    }
}
