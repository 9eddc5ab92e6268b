package s3dx.net;

/** A feature map's size for one clip: channels x frames x height x width. */
public record Shape(int c, int t, int h, int w) {

    public long elements() {
        return (long) c * t * h * w;
    }

    public long bytes() {
        return elements() * Float.BYTES;
    }

    public Shape withChannels(int channels) {
        return new Shape(channels, t, h, w);
    }

    /** Output size of a conv or pool along one axis (floor mode, as PyTorch and ONNX Runtime compute it). */
    static int outSize(int in, int kernel, int stride, int pad) {
        return Math.floorDiv(in + 2 * pad - kernel, stride) + 1;
    }

    Shape after(int channels, int[] kernel, int[] stride, int[] pad) {
        return new Shape(channels,
                outSize(t, kernel[0], stride[0], pad[0]),
                outSize(h, kernel[1], stride[1], pad[1]),
                outSize(w, kernel[2], stride[2], pad[2]));
    }

    @Override
    public String toString() {
        return c + "x" + t + "x" + h + "x" + w;
    }
}
