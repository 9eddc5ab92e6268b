package s3dx.net;

import java.util.List;

/**
 * One node of the network's single internal representation. The counter, the ONNX builder, the
 * trainer and the UI all read these; each layer type owns its tensor names and its costs.
 */
public sealed interface Layer permits Layer.ConvUnit, Layer.MaxPool, Layer.Gate, Layer.Concat, Layer.Logits {

    /** Unique name in the layer table, the spec's tensor scope (e.g. {@code Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal}). */
    String name();

    Block block();

    Shape input();

    Shape output();

    /** Output dims as the user sees them (the head squeezes to [classes]). */
    default long[] outputDims() {
        Shape s = output();
        return new long[]{s.c(), s.t(), s.h(), s.w()};
    }

    /** Parameters and buffers in network order (the order torchvision's state_dict uses). */
    default List<TensorSpec> tensors() {
        return List.of();
    }

    default long params() {
        return tensors().stream().filter(TensorSpec::isParameter).mapToLong(TensorSpec::numel).sum();
    }

    /** Multiply-accumulates for one clip. */
    default long macs() {
        return 0;
    }

    /** Bytes of this layer's float32 outputs for one clip. */
    default long activationBytes() {
        return output().bytes();
    }

    /** Conv3d without bias, then BatchNorm3d (eps 1e-3), then ReLU. */
    record ConvUnit(String name, Block block, Shape input, Shape output, int[] kernel, int[] stride, int[] pad) implements Layer {
        public static final double BN_EPSILON = 1e-3;

        @Override
        public List<TensorSpec> tensors() {
            long c = output.c();
            return List.of(
                    new TensorSpec(name + "/conv.weight", new long[]{c, input.c(), kernel[0], kernel[1], kernel[2]}, true),
                    new TensorSpec(name + "/bn.weight", new long[]{c}, true),
                    new TensorSpec(name + "/bn.bias", new long[]{c}, true),
                    new TensorSpec(name + "/bn.running_mean", new long[]{c}, false),
                    new TensorSpec(name + "/bn.running_var", new long[]{c}, false));
        }

        @Override
        public long macs() {
            return output.elements() * input.c() * kernel[0] * kernel[1] * kernel[2];
        }
    }

    record MaxPool(String name, Block block, Shape input, Shape output, int[] kernel, int[] stride, int[] pad) implements Layer {}

    /** Feature gating y = x * sigmoid(W mean_{T,H,W}(x) + b), W [C,C]; {@code scope} names the gate's tensors and ONNX output. */
    record Gate(String scope, Block block, Shape input) implements Layer {
        @Override
        public String name() {
            return scope + "/gate";
        }

        @Override
        public Shape output() {
            return input;
        }

        @Override
        public List<TensorSpec> tensors() {
            long c = input.c();
            return List.of(new TensorSpec(scope + "/gate.weight", new long[]{c, c}, true),
                    new TensorSpec(scope + "/gate.bias", new long[]{c}, true));
        }

        @Override
        public long macs() {
            return (long) input.c() * input.c();
        }
    }

    /** The channel concat that ends a Mixed block; {@code input} is the first branch's output. */
    record Concat(String name, Block block, Shape input, Shape output) implements Layer {}

    /**
     * The head: average pool (min(2,T'), H', W') stride 1, dropout, 1x1x1 conv with bias, mean over time.
     * {@code pooled} is the pooled map, {@code output} the per-frame class scores before the time mean.
     */
    record Logits(String name, Block block, Shape input, int[] poolKernel, Shape pooled, Shape output) implements Layer {
        public static final double DROPOUT = 0.2;
        public static final String NAME = "Logits/Conv2d_0c_1x1";

        @Override
        public long[] outputDims() {
            return new long[]{output.c()};
        }

        @Override
        public List<TensorSpec> tensors() {
            return List.of(new TensorSpec(name + "/conv.weight", new long[]{output.c(), input.c(), 1, 1, 1}, true),
                    new TensorSpec(name + "/conv.bias", new long[]{output.c()}, true));
        }

        @Override
        public long macs() {
            return output.elements() * input.c();
        }

        @Override
        public long activationBytes() {
            return pooled.bytes() + output.bytes() + (long) output.c() * Float.BYTES;
        }
    }
}
