package s3dx.net;

import java.util.Arrays;

/** A named weight tensor of the network: a trainable parameter or a buffer (BN running statistics). */
public record TensorSpec(String name, long[] shape, boolean isParameter) {

    public long numel() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && isParameter == t.isParameter;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
