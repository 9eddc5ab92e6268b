package s3dx.weights;

/** Weights that do not fit a network; the message lists the offending tensors by name. */
public class WeightMismatchException extends IllegalArgumentException {
    private final WeightSet.Mismatch mismatch;

    public WeightMismatchException(WeightSet.Mismatch mismatch) {
        super("weights do not fit the network: " + mismatch);
        this.mismatch = mismatch;
    }

    public WeightSet.Mismatch mismatch() {
        return mismatch;
    }
}
