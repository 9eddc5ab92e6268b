package s3dx.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import s3dx.infer.InferenceResult;
import s3dx.infer.OnnxSession;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.net.Shape;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

/**
 * Checks ONNX Runtime's numbers against a plain Java forward pass written here from the spec's formulas
 * (conv, BN, ReLU, max pool, gate), so a mis-wired node (pads, BN inputs, the gate's W orientation) fails.
 */
class NumericalCheckTest {

    /** S3D-G, small enough that the Java reference is quick; BN and gates get non-trivial random values. */
    static final Design DESIGN = Preset.S3D_G.design().withClip(8, 64, 64).withWidthMultiplier(0.25).withClasses(5);

    static WeightSet randomised(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Tensor> m = new LinkedHashMap<>(WeightInit.seeded(net, seed).tensors());
        m.replaceAll((name, t) -> {
            float[] d = t.data().clone();
            for (int i = 0; i < d.length; i++) {
                if (name.endsWith("bn.weight")) d[i] = (float) (0.5 + r.nextDouble());
                else if (name.endsWith("bn.bias") || name.endsWith("bn.running_mean") || name.endsWith("gate.bias")) d[i] = (float) (r.nextGaussian() * 0.3);
                else if (name.endsWith("bn.running_var")) d[i] = (float) (0.5 + r.nextDouble());
                else if (name.endsWith("gate.weight")) d[i] = (float) (r.nextGaussian() * 0.3);
            }
            return new Tensor(t.shape(), d);
        });
        return new WeightSet(m);
    }

    @Test
    void firstBlocksMatchAJavaForwardPass() {
        Network net = Network.of(DESIGN);
        WeightSet w = randomised(net, 11);
        Tensor clip = OnnxExportTest.randomClip(1, DESIGN, 12);
        InferenceResult r;
        try (OnnxSession s = OnnxSession.open(OnnxModelBuilder.build(net, w, ModelInfo.defaults(DESIGN)).toByteArray(), 2)) {
            r = s.run(clip);
        }
        Reference ref = new Reference(w);
        float[] x = clip.data();
        Map<String, float[]> gates = new LinkedHashMap<>();
        for (Block b : List.of(Block.Conv2d_1a_7x7, Block.MaxPool_2a_3x3, Block.Conv2d_2b_1x1, Block.Conv2d_2c_3x3)) {
            Network.BlockNode node = net.block(b);
            for (Layer l : node.branches().get(0)) x = ref.layer(l, x, gates);
            if (b.isToggleable()) {
                Shape s = node.output();
                assertClose(channelMean(x, s), r.energy().get(b.name()).data(), 1e-4, "energy/" + b);
            }
        }
        assertEquals(1, gates.size());
        assertClose(gates.get("Conv2d_2c_3x3"), r.gates().get("Conv2d_2c_3x3").data(), 1e-5, "gate/Conv2d_2c_3x3");
    }

    @Test
    void zeroGateWeightsGiveSigmoidOfTheBiasExactly() {
        Network net = Network.of(DESIGN);
        WeightSet w = randomised(net, 3);
        Map<String, Tensor> bias = new LinkedHashMap<>();
        for (Layer.Gate g : net.gates()) {
            w = w.with(g.scope() + "/gate.weight", Tensor.zeros(g.input().c(), g.input().c()));
            bias.put(g.scope(), w.get(g.scope() + "/gate.bias"));
        }
        float[] headBias = w.get("Logits/Conv2d_0c_1x1/conv.bias").data();
        w = w.with("Logits/Conv2d_0c_1x1/conv.weight", Tensor.zeros(5, net.head().input().c(), 1, 1, 1));
        InferenceResult r;
        try (OnnxSession s = OnnxSession.open(OnnxModelBuilder.build(net, w, ModelInfo.defaults(DESIGN)).toByteArray(), 2)) {
            r = s.run(OnnxExportTest.randomClip(2, DESIGN, 4));
        }
        assertEquals(37, r.gates().size());
        for (Layer.Gate g : net.gates()) {
            float[] b = bias.get(g.scope()).data();
            float[] got = r.gates().get(g.scope()).data();
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < b.length; c++) {
                    assertEquals(1 / (1 + Math.exp(-b[c])), got[n * b.length + c], 1e-6, g.scope() + " channel " + c);
                }
            }
        }
        double sumExp = 0;
        for (float b : headBias) sumExp += Math.exp(b);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(headBias[c], r.logits().data()[n * 5 + c], 1e-6, "logits = classifier bias");
                assertEquals(Math.exp(headBias[c]) / sumExp, r.probs().data()[n * 5 + c], 1e-6, "probs = softmax(bias)");
            }
        }
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " size");
        double scale = 0;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        assertTrue(scale > 0, what + " is all zeros, which tests nothing");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tol * Math.max(1, scale)) {
                throw new AssertionError(what + " differs at " + i + ": expected " + expected[i] + ", ONNX Runtime gave " + actual[i]);
            }
        }
    }

    static float[] channelMean(float[] x, Shape s) {
        int plane = s.t() * s.h() * s.w();
        float[] out = new float[plane];
        for (int c = 0; c < s.c(); c++) for (int i = 0; i < plane; i++) out[i] += x[c * plane + i];
        for (int i = 0; i < plane; i++) out[i] /= s.c();
        return out;
    }

    /** The spec's layers for one clip (batch 1), in double-accumulating loops. */
    record Reference(WeightSet w) {
        float[] layer(Layer l, float[] x, Map<String, float[]> gates) {
            if (l instanceof Layer.ConvUnit c) return convUnit(c, x);
            if (l instanceof Layer.MaxPool p) return maxPool(p, x);
            if (l instanceof Layer.Gate g) return gate(g, x, gates);
            throw new IllegalArgumentException(l.name());
        }

        float[] convUnit(Layer.ConvUnit u, float[] x) {
            Shape in = u.input(), out = u.output();
            float[] wt = w.get(u.name() + "/conv.weight").data();
            float[] gamma = w.get(u.name() + "/bn.weight").data(), beta = w.get(u.name() + "/bn.bias").data();
            float[] mean = w.get(u.name() + "/bn.running_mean").data(), var = w.get(u.name() + "/bn.running_var").data();
            int[] k = u.kernel(), st = u.stride(), p = u.pad();
            float[] y = new float[(int) out.elements()];
            int i = 0;
            for (int co = 0; co < out.c(); co++) {
                double scale = gamma[co] / Math.sqrt(var[co] + 1e-3);
                for (int t = 0; t < out.t(); t++) for (int h = 0; h < out.h(); h++) for (int ww = 0; ww < out.w(); ww++) {
                    double acc = 0;
                    for (int ci = 0; ci < in.c(); ci++) for (int a = 0; a < k[0]; a++) for (int b = 0; b < k[1]; b++) for (int c = 0; c < k[2]; c++) {
                        int ti = t * st[0] - p[0] + a, hi = h * st[1] - p[1] + b, wi = ww * st[2] - p[2] + c;
                        if (ti < 0 || hi < 0 || wi < 0 || ti >= in.t() || hi >= in.h() || wi >= in.w()) continue;
                        acc += wt[(((co * in.c() + ci) * k[0] + a) * k[1] + b) * k[2] + c]
                                * x[((ci * in.t() + ti) * in.h() + hi) * in.w() + wi];
                    }
                    y[i++] = (float) Math.max(0, (acc - mean[co]) * scale + beta[co]);
                }
            }
            return y;
        }

        float[] maxPool(Layer.MaxPool l, float[] x) {
            Shape in = l.input(), out = l.output();
            int[] k = l.kernel(), st = l.stride(), p = l.pad();
            float[] y = new float[(int) out.elements()];
            int i = 0;
            for (int c = 0; c < out.c(); c++) for (int t = 0; t < out.t(); t++) for (int h = 0; h < out.h(); h++) for (int ww = 0; ww < out.w(); ww++) {
                float m = Float.NEGATIVE_INFINITY;
                for (int a = 0; a < k[0]; a++) for (int b = 0; b < k[1]; b++) for (int d = 0; d < k[2]; d++) {
                    int ti = t * st[0] - p[0] + a, hi = h * st[1] - p[1] + b, wi = ww * st[2] - p[2] + d;
                    if (ti < 0 || hi < 0 || wi < 0 || ti >= in.t() || hi >= in.h() || wi >= in.w()) continue;
                    m = Math.max(m, x[((c * in.t() + ti) * in.h() + hi) * in.w() + wi]);
                }
                y[i++] = m;
            }
            return y;
        }

        float[] gate(Layer.Gate g, float[] x, Map<String, float[]> gates) {
            Shape s = g.input();
            int plane = s.t() * s.h() * s.w(), cs = s.c();
            double[] mean = new double[cs];
            for (int c = 0; c < cs; c++) {
                for (int i = 0; i < plane; i++) mean[c] += x[c * plane + i];
                mean[c] /= plane;
            }
            float[] wt = w.get(g.scope() + "/gate.weight").data(), b = w.get(g.scope() + "/gate.bias").data();
            float[] gv = new float[cs];
            for (int o = 0; o < cs; o++) {
                double z = b[o];
                for (int c = 0; c < cs; c++) z += wt[o * cs + c] * mean[c]; // g = sigmoid(W mean + b), W[out][in]
                gv[o] = (float) (1 / (1 + Math.exp(-z)));
            }
            gates.put(g.scope(), gv);
            float[] y = new float[x.length];
            for (int c = 0; c < cs; c++) for (int i = 0; i < plane; i++) y[c * plane + i] = x[c * plane + i] * gv[c];
            return y;
        }
    }
}
