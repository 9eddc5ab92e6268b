package s3dx.net;

/**
 * A clip dimension ({@code frames}, {@code height} or {@code width}) too small for the pools: {@code layer} would
 * produce {@code produced} (< 1) along it; {@code minimum} is the smallest value that works, or -1 if none was found.
 * The parts are kept so that a UI can say the same in its own language.
 */
public class ClipTooSmallException extends DesignException {
    private final int value, produced, minimum;
    private final String layer;

    public ClipTooSmallException(String field, int value, String layer, int produced, int minimum) {
        super(field, value + " " + ("frames".equals(field) ? "frames" : "pixels") + " is too small: " + layer
                + " would produce " + produced + (minimum > 0 ? "; use at least " + minimum : ""));
        this.value = value;
        this.layer = layer;
        this.produced = produced;
        this.minimum = minimum;
    }

    public int value() {
        return value;
    }

    public String layer() {
        return layer;
    }

    public int produced() {
        return produced;
    }

    public int minimum() {
        return minimum;
    }

    ClipTooSmallException withMinimum(int least) {
        return new ClipTooSmallException(field(), value, layer, produced, least);
    }
}
