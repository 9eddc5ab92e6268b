package s3dx.weights;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.net.TensorSpec;
import s3dx.tensor.Tensor;

/**
 * Deterministic starting weights. Each tensor draws from its own {@link SplittableRandom} seeded from
 * (seed, tensor name), so the result does not depend on order or threads:
 * convs Kaiming-normal over fan-in (std sqrt(2 / (Cin kt kh kw))); BN gamma 1, beta 0, running mean 0,
 * running var 1; gates W ~ N(0, 0.01^2), b 0 (so gates start near 0.5); classifier W ~ N(0, 0.01^2), b 0.
 */
public final class WeightInit {
    public static final double GATE_STD = 0.01, CLASSIFIER_STD = 0.01;

    private WeightInit() {}

    public static WeightSet seeded(Network network, long seed) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Layer layer : network.layers()) {
            for (TensorSpec spec : layer.tensors()) out.put(spec.name(), init(layer, spec, seed));
        }
        return new WeightSet(out);
    }

    private static Tensor init(Layer layer, TensorSpec spec, long seed) {
        long[] shape = spec.shape();
        String n = spec.name();
        if (n.endsWith("/bn.weight") || n.endsWith("/bn.running_var")) return filled(shape, 1f);
        if (n.endsWith(".bias") || n.endsWith("/bn.running_mean")) return Tensor.zeros(shape);
        double std;
        if (layer instanceof Layer.ConvUnit) std = Math.sqrt(2.0 / (shape[1] * shape[2] * shape[3] * shape[4]));
        else if (layer instanceof Layer.Gate) std = GATE_STD;
        else if (layer instanceof Layer.Logits) std = CLASSIFIER_STD;
        else throw new IllegalStateException("no initialiser for " + n);
        return gaussian(shape, std, new SplittableRandom(streamSeed(seed, n)));
    }

    private static Tensor filled(long[] shape, float v) {
        Tensor t = Tensor.zeros(shape);
        Arrays.fill(t.data(), v);
        return t;
    }

    private static Tensor gaussian(long[] shape, double std, SplittableRandom rng) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (rng.nextGaussian() * std);
        return t;
    }

    /** seed and name mixed into one 64-bit seed (FNV-1a over the name, then a SplitMix64 finaliser). */
    static long streamSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed * 0x9E3779B97F4A7C15L + h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
