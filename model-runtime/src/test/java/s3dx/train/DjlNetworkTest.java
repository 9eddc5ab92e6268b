package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import s3dx.infer.OnnxSession;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

/** The DJL network against ONNX Runtime running our exported model: two engines, one set of weights. */
class DjlNetworkTest {

    static Stream<Arguments> designs() {
        List<Arguments> out = new ArrayList<>();
        for (Preset p : Preset.values()) out.add(Arguments.of(p.displayName(), small(p.design())));
        Design s3d = small(Preset.S3D.design());
        out.add(Arguments.of("I3D + gates on Mixed_4b..4f", gatedRange(small(Preset.I3D.design()), Block.Mixed_4b, Block.Mixed_4f)));
        out.add(Arguments.of("mixed 2d/3d/sep3d, gated 2c+3b+5c, kt 3",
                s3d.withMode(Block.Conv2d_1a_7x7, ConvMode.TWO_D).withFirstTemporalKernel(3)
                        .withMode(Block.Conv2d_2c_3x3, ConvMode.THREE_D).withGated(Block.Conv2d_2c_3x3, true)
                        .withMode(Block.Mixed_3b, ConvMode.TWO_D).withGated(Block.Mixed_3b, true)
                        .withMode(Block.Mixed_4c, ConvMode.THREE_D).withGated(Block.Mixed_5c, true)));
        out.add(Arguments.of("Fast-S3D fully gated, kt 5", small(Preset.FAST_S3D.design()).withAllGated(true).withFirstTemporalKernel(5)));
        return out.stream();
    }

    static Design small(Design d) {
        return d.withClip(8, 32, 32).withWidthMultiplier(0.25).withClasses(10);
    }

    static Design gatedRange(Design d, Block from, Block to) {
        for (Block b : Block.TOGGLEABLE) if (b.ordinal() >= from.ordinal() && b.ordinal() <= to.ordinal()) d = d.withGated(b, true);
        return d;
    }

    /** Seeded weights with every BN statistic, gamma, beta, gate bias and the classifier pulled off their start values. */
    static WeightSet perturbed(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : WeightInit.seeded(net, seed).tensors().entrySet()) {
            String n = e.getKey();
            float[] d = e.getValue().data().clone();
            for (int i = 0; i < d.length; i++) {
                if (n.endsWith("bn.running_mean") || n.endsWith("bn.bias")) d[i] = (float) (0.2 * r.nextGaussian());
                else if (n.endsWith("bn.running_var")) d[i] = (float) (0.5 + r.nextDouble());
                else if (n.endsWith("bn.weight")) d[i] = (float) (0.8 + 0.4 * r.nextDouble());
                else if (n.endsWith("gate.bias")) d[i] = (float) (0.5 * r.nextGaussian());
                else if (n.endsWith("gate.weight")) d[i] = (float) (0.3 * r.nextGaussian());
                else if (n.startsWith("Logits/")) d[i] = (float) (0.5 * r.nextGaussian());
            }
            m.put(n, new Tensor(e.getValue().shape(), d));
        }
        return new WeightSet(m);
    }

    static Tensor randomClip(Design d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * 3 * d.frames() * d.height() * d.width()];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return new Tensor(new long[]{n, 3, d.frames(), d.height(), d.width()}, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void djlEvalModeMatchesOnnxRuntime(String name, Design design) {
        Network net = Network.of(design);
        WeightSet w = perturbed(net, name.hashCode());
        Tensor clip = randomClip(design, 2, 7);
        Tensor djl;
        try (DjlNetwork d = DjlNetwork.of(net, w)) {
            djl = d.predict(clip);
        }
        byte[] model = OnnxModelBuilder.build(net, w, ModelInfo.defaults(design)).toByteArray();
        Tensor ort;
        try (OnnxSession s = OnnxSession.open(model, 1)) {
            ort = s.run(clip).logits();
        }
        assertEquals(List.of(2L, 10L), List.of(djl.dim(0), djl.dim(1)));
        double maxAbs = 0, maxDiff = 0;
        for (int i = 0; i < djl.data().length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(ort.data()[i]));
            maxDiff = Math.max(maxDiff, Math.abs(djl.data()[i] - ort.data()[i]));
        }
        assertTrue(maxAbs > 0.05, name + ": logits too small to compare (" + maxAbs + ")");
        assertTrue(maxDiff <= 1e-4, name + ": DJL and ONNX Runtime differ by " + maxDiff + " (logits up to " + maxAbs + ")");
    }

    @Test
    void batchNormUpdatesRunningStatisticsWithPyTorchMomentum() {
        try (NDManager m = Torch.engine().newBaseManager()) {
            SplittableRandom r = new SplittableRandom(3);
            float[] v = new float[4 * 3 * 8];
            for (int i = 0; i < v.length; i++) v[i] = (float) (2 + r.nextGaussian());
            NDArray x = m.create(v, new Shape(4, 3, 2, 2, 2));
            NDArray mean = m.zeros(new Shape(3)), var = m.ones(new Shape(3));
            DjlNetwork.batchNorm(x, mean, var, m.ones(new Shape(3)), m.zeros(new Shape(3)), true);
            for (int c = 0; c < 3; c++) {
                double s = 0, ss = 0;
                int k = 0;
                for (int n = 0; n < 4; n++) for (int i = 0; i < 8; i++) {
                    double xv = v[(n * 3 + c) * 8 + i];
                    s += xv;
                    ss += xv * xv;
                    k++;
                }
                double bm = s / k, bv = (ss - k * bm * bm) / (k - 1);
                assertEquals(0.1 * bm, mean.getFloat(c), 1e-4, "running mean of channel " + c);
                assertEquals(0.9 + 0.1 * bv, var.getFloat(c), 1e-4, "running var of channel " + c);
            }
        }
    }
}
