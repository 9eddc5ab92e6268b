package s3dx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.net.TensorSpec;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightSet;

/**
 * A {@link Network} run by DJL's PyTorch engine: a functional forward pass over the network's layers with
 * DJL's static ops, every weight an NDArray under the spec's tensor name. Parameters require gradients;
 * BN running statistics are buffers that training mode updates in place.
 *
 * <p>Momentum: DJL's {@code batchNorm} takes MXNet's convention (the weight of the old running value) and
 * passes {@code 1 - momentum} to libtorch; {@link #BN_MOMENTUM} is PyTorch's 0.1 (the weight of the batch),
 * so the running statistics follow the batches closely enough for eval mode after a short run.
 */
public final class DjlNetwork implements AutoCloseable {
    /** PyTorch's default BatchNorm momentum (new = (1 - m) * old + m * batch). */
    public static final float BN_MOMENTUM = 0.1f;

    private final Network network;
    private final NDManager manager;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    private DjlNetwork(Network network, WeightSet weights) {
        this.network = network;
        WeightSet ordered = weights.requireFits(network);
        this.manager = Torch.engine().newBaseManager();
        for (TensorSpec spec : network.tensors()) {
            Tensor t = ordered.get(spec.name());
            NDArray a = manager.create(t.data(), new Shape(t.shape()));
            a.setName(spec.name());
            if (spec.isParameter()) {
                a.setRequiresGradient(true);
                parameters.put(spec.name(), a);
            }
            tensors.put(spec.name(), a);
        }
    }

    /** The network with these weights (which must fit it exactly) loaded into the PyTorch engine. */
    public static DjlNetwork of(Network network, WeightSet weights) {
        return new DjlNetwork(network, weights);
    }

    public Network network() {
        return network;
    }

    /** The manager that owns the weights; make per-step managers with {@code manager().newSubManager()}. */
    public NDManager manager() {
        return manager;
    }

    /** Trainable parameters by name, in network order (no BN running statistics). */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** A copy of every tensor (parameters and BN running statistics) in network order. */
    public WeightSet weights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray a = e.getValue();
            out.put(e.getKey(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return new WeightSet(out);
    }

    /**
     * Class scores [N, classes] for video [N,3,T,H,W]. Training mode: BN uses batch statistics and updates the
     * running ones, dropout 0.2 before the logits conv. Eval mode: BN uses the running statistics, no dropout.
     * Intermediate arrays belong to {@code video}'s manager.
     */
    public NDArray forward(NDArray video, boolean training) {
        NDArray x = video;
        for (Network.BlockNode node : network.blocks()) {
            List<NDArray> outs = new ArrayList<>(node.branches().size());
            for (List<Layer> branch : node.branches()) {
                NDArray y = x;
                for (Layer layer : branch) y = apply(layer, y, training);
                outs.add(y);
            }
            x = node.concat() != null ? NDArrays.concat(new NDList(outs), 1) : outs.get(0);
        }
        return x;
    }

    private NDArray apply(Layer layer, NDArray x, boolean training) {
        if (layer instanceof Layer.ConvUnit c) {
            String s = c.name();
            NDArray conv = conv3d(x, t(s + "/conv.weight"), shape(c.stride()), shape(c.pad()));
            NDArray bn = batchNorm(conv, t(s + "/bn.running_mean"), t(s + "/bn.running_var"), t(s + "/bn.weight"),
                    t(s + "/bn.bias"), training);
            return Activation.relu(bn);
        }
        if (layer instanceof Layer.MaxPool p) {
            return Pool.maxPool3d(x, shape(p.kernel()), shape(p.stride()), shape(p.pad()), false);
        }
        if (layer instanceof Layer.Gate g) {
            return x.mul(gate(g, x).reshape(x.getShape().get(0), g.input().c(), 1, 1, 1));
        }
        if (layer instanceof Layer.Logits l) {
            NDArray pooled = Pool.avgPool3d(x, shape(l.poolKernel()), new Shape(1, 1, 1), new Shape(0, 0, 0), false, true);
            if (training) pooled = Dropout.dropout(pooled, (float) Layer.Logits.DROPOUT, true).singletonOrThrow();
            NDArray scores = Conv3d.conv3d(pooled, t(l.name() + "/conv.weight"), t(l.name() + "/conv.bias"),
                    new Shape(1, 1, 1), new Shape(0, 0, 0), new Shape(1, 1, 1), 1).singletonOrThrow();
            long n = scores.getShape().get(0);
            return scores.reshape(n, l.output().c(), -1).mean(new int[]{2});
        }
        throw new IllegalStateException("unexpected layer " + layer.name());
    }

    /**
     * Channel multiple that keeps libtorch's oneDNN on its correct path. oneDNN 3.7.1 (libtorch 2.7.1) computes
     * wrong convolutions, sometimes NaN, for kernels larger than 1x1x1 (measured on AMD EPYC Zen 5 with its
     * AVX-512 and its AVX2 kernels, single convolutions of 4 to 96 channels against a plain loop;
     * {@link EngineCheck} repeats that check for a design's own shapes before training): forward when the input channels
     * exceed the SIMD block (16 floats, 8 with AVX2) and are not a multiple of it, backward-data when the output
     * channels are not a multiple of it. Zero input channels and zero filters change nothing in the real
     * channels' results or gradients.
     */
    static final int CHANNEL_BLOCK = 16;

    /** Conv3d without bias; channels zero-padded to {@link #CHANNEL_BLOCK} where oneDNN needs it (see there). */
    static NDArray conv3d(NDArray x, NDArray weight, Shape stride, Shape pad) {
        Shape ws = weight.getShape();
        boolean pointwise = ws.get(2) == 1 && ws.get(3) == 1 && ws.get(4) == 1;
        long extraIn = ws.get(1) > 8 ? missing(ws.get(1)) : 0, extraOut = missing(ws.get(0));
        if (pointwise || extraIn + extraOut == 0) return Conv3d.conv3d(x, weight, null, stride, pad, new Shape(1, 1, 1), 1).singletonOrThrow();
        // Zeros first: DJL attaches a concat's result to its first array's manager (the step's, not the weights').
        NDManager m = x.getManager();
        if (extraIn > 0) {
            Shape xs = x.getShape();
            x = NDArrays.concat(new NDList(m.zeros(new Shape(xs.get(0), extraIn, xs.get(2), xs.get(3), xs.get(4))), x), 1);
            weight = NDArrays.concat(new NDList(m.zeros(new Shape(ws.get(0), extraIn, ws.get(2), ws.get(3), ws.get(4))), weight), 1);
        }
        if (extraOut > 0) {
            weight = NDArrays.concat(new NDList(m.zeros(new Shape(extraOut, ws.get(1) + extraIn, ws.get(2), ws.get(3), ws.get(4))), weight), 0);
        }
        NDArray y = Conv3d.conv3d(x, weight, null, stride, pad, new Shape(1, 1, 1), 1).singletonOrThrow();
        return extraOut > 0 ? y.get(new NDIndex(":, {}:", extraOut)) : y;
    }

    private static long missing(long channels) {
        return (CHANNEL_BLOCK - channels % CHANNEL_BLOCK) % CHANNEL_BLOCK;
    }

    /**
     * BatchNorm3d over channels (eps 1e-3). DJL passes {@code 1 - momentum} to libtorch, so PyTorch's momentum
     * 0.1 is given as 0.9; in training mode the running statistics become 0.9 old + 0.1 batch, in place.
     */
    static NDArray batchNorm(NDArray x, NDArray runningMean, NDArray runningVar, NDArray gamma, NDArray beta, boolean training) {
        return BatchNorm.batchNorm(x, runningMean, runningVar, gamma, beta, 1, 1f - BN_MOMENTUM,
                (float) Layer.ConvUnit.BN_EPSILON, training).singletonOrThrow();
    }

    /** The gate's values g = sigmoid(W mean_{T,H,W}(x) + b), [N, C]. */
    private NDArray gate(Layer.Gate g, NDArray x) {
        long n = x.getShape().get(0);
        NDArray mean = x.reshape(n, g.input().c(), -1).mean(new int[]{2});
        return Activation.sigmoid(Linear.linear(mean, t(g.scope() + "/gate.weight"), t(g.scope() + "/gate.bias")).singletonOrThrow());
    }

    private NDArray t(String name) {
        NDArray a = tensors.get(name);
        if (a == null) throw new IllegalStateException("no tensor " + name);
        return a;
    }

    private static Shape shape(int[] v) {
        return new Shape(v[0], v[1], v[2]);
    }

    /** Puts a clip tensor into {@code m} as float32. */
    public static NDArray toNd(NDManager m, Tensor t) {
        return m.create(t.data(), new Shape(t.shape())).toType(DataType.FLOAT32, false);
    }

    /** Copies an NDArray out as a Tensor. */
    public static Tensor toTensor(NDArray a) {
        return new Tensor(a.getShape().getShape(), a.toFloatArray());
    }

    /** Eval-mode class scores for a batch, [N, classes], computed without building a gradient graph. */
    public Tensor predict(Tensor video) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = toNd(step, video);
            return toTensor(NoGrad.call(() -> forward(x, false)));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
