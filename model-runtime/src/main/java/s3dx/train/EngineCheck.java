package s3dx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.platform.Cpu;

/**
 * The guard before every training run: DJL's PyTorch engine must compute each convolution shape the network
 * uses (forward, input gradient and weight gradient) as a plain Java loop does, on a tiny clip. libtorch's
 * oneDNN picks its kernels by CPU, and one of them was wrong on AMD Zen 5 (see {@link DjlNetwork#CHANNEL_BLOCK});
 * a wrong engine trains to NaN or to nothing, so training refuses to start instead, naming the CPU.
 * Shapes already verified in this JVM are not checked again.
 */
public final class EngineCheck {
    /** Largest error allowed, relative to 1 + |reference|: float32 sums of a few hundred terms stay far below it. */
    static final double TOLERANCE = 1e-3;
    /** Clips in the check's batch: oneDNN's wrong kernels were right with one clip. */
    static final int BATCH = 2;
    static final int MAX_EXTENT = 6;

    /** The convolution under test, as DjlNetwork runs it. */
    @FunctionalInterface
    interface Conv {
        NDArray apply(NDArray x, NDArray weight, Shape stride, Shape pad);
    }

    /** One convolution shape of a network. */
    record ConvShape(long in, long out, int[] kernel, int[] stride, int[] pad, int[] extent) {
        /**
         * The real input extents, cut to about {@link #MAX_EXTENT} so that the reference loop stays cheap. A cut
         * extent keeps its remainder modulo the stride and stays at least the kernel: oneDNN's weight gradient
         * was wrong for a 7x1x1 stride-2 kernel over 7 frames and right over 8.
         */
        static ConvShape of(Layer.ConvUnit c) {
            int[] real = {(int) c.input().t(), (int) c.input().h(), (int) c.input().w()}, k = c.kernel(), st = c.stride(), e = new int[3];
            for (int a = 0; a < 3; a++) {
                int floor = Math.max(k[a], MAX_EXTENT);
                e[a] = real[a] <= floor ? real[a] : floor + Math.floorMod(real[a] - floor, st[a]);
            }
            return new ConvShape(c.input().c(), c.output().c(), k, st, c.pad(), e);
        }

        String describe() {
            return String.format(Locale.ROOT, "conv %d->%d channels, kernel %dx%dx%d, stride %dx%dx%d over %dx%dx%d", in, out,
                    kernel[0], kernel[1], kernel[2], stride[0], stride[1], stride[2], extent[0], extent[1], extent[2]);
        }

        // Records compare arrays by identity; shapes are compared by value.
        String key() {
            return describe() + " pad " + pad[0] + "," + pad[1] + "," + pad[2];
        }
    }

    /** The first shape that failed and by how much, or none. */
    public record Result(int shapesChecked, String failedShape, String failedPart, double error, double seconds) {
        public boolean passed() {
            return failedShape == null;
        }
    }

    private static final Set<String> VERIFIED = new HashSet<>();

    private EngineCheck() {}

    /** Checks the network's convolutions; throws a {@link TrainingException} naming the CPU and the remedy if one is wrong. */
    public static synchronized Result require(Network network) {
        List<ConvShape> todo = shapes(network).stream().filter(c -> !VERIFIED.contains(c.key())).toList();
        Result r = check(todo, DjlNetwork::conv3d);
        if (!r.passed()) throw new TrainingException(failureMessage(r, Cpu.current()));
        todo.forEach(c -> VERIFIED.add(c.key()));
        return r;
    }

    /** The network's distinct convolution shapes, in network order. */
    static List<ConvShape> shapes(Network network) {
        Map<String, ConvShape> byKey = new LinkedHashMap<>();
        for (Layer l : network.layers()) {
            if (l instanceof Layer.ConvUnit c) {
                ConvShape s = ConvShape.of(c);
                byKey.putIfAbsent(s.key(), s);
            }
        }
        return List.copyOf(byKey.values());
    }

    static String failureMessage(Result r, Cpu cpu) {
        String isaLimit = System.getenv("ONEDNN_MAX_CPU_ISA");
        String remedy = isaLimit == null
                ? "start it again with ONEDNN_MAX_CPU_ISA=SSE41 in the environment (slower but safe)"
                : "it already runs with ONEDNN_MAX_CPU_ISA=" + isaLimit + "; try ONEDNN_MAX_CPU_ISA=SSE41";
        return String.format(Locale.ROOT, "the training engine (%s) computes wrong numbers on this CPU (%s): the %s of a %s is off by %s."
                        + " Training would learn nothing, so it did not start; %s, and report this line.",
                Torch.describe(), cpu.describe(), r.failedPart(), r.failedShape(), Double.isNaN(r.error()) ? "NaN" : String.format(Locale.ROOT, "%.3g", r.error()),
                remedy);
    }

    /** Checks {@code shapes} through {@code conv}; stops at the first wrong one. */
    static Result check(List<ConvShape> shapes, Conv conv) {
        long t0 = System.nanoTime();
        try (NDManager m = Torch.engine().newBaseManager()) {
            for (ConvShape s : shapes) {
                String[] part = new String[1];
                double err = error(m, s, conv, part);
                if (!(err <= TOLERANCE)) return new Result(shapes.size(), s.describe(), part[0], err, (System.nanoTime() - t0) / 1e9);
            }
        }
        return new Result(shapes.size(), null, null, 0, (System.nanoTime() - t0) / 1e9);
    }

    /** Largest relative error of forward, input gradient and weight gradient on a small random clip; names the worst part. */
    private static double error(NDManager base, ConvShape s, Conv conv, String[] part) {
        int[] k = s.kernel(), st = s.stride(), pd = s.pad();
        int[] in = s.extent();
        int n = BATCH, ci = (int) s.in(), co = (int) s.out();
        SplittableRandom r = new SplittableRandom(ci * 31L + co);
        float[] x = gaussian(r, n * ci * in[0] * in[1] * in[2]);
        float[] w = gaussian(r, co * ci * k[0] * k[1] * k[2]);
        ReferenceConv ref = new ReferenceConv(n, ci, in, co, k, st, pd);
        float[] g = gaussian(r, ref.outputSize());
        try (NDManager m = base.newSubManager()) {
            NDArray xa = m.create(x, new Shape(n, ci, in[0], in[1], in[2]));
            NDArray wa = m.create(w, new Shape(co, ci, k[0], k[1], k[2]));
            xa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            float[] y;
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray out = conv.apply(xa, wa, new Shape(st[0], st[1], st[2]), new Shape(pd[0], pd[1], pd[2]));
                y = out.toFloatArray();
                gc.backward(out.mul(m.create(g, out.getShape())).sum());
            }
            float[] gx = xa.getGradient().toFloatArray(), gw = wa.getGradient().toFloatArray();
            float[][] want = ref.run(x, w, g);
            double ey = maxError(y, want[0]), ex = maxError(gx, want[1]), ew = maxError(gw, want[2]);
            double worst = Math.max(ey, Math.max(ex, ew));
            if (Double.isNaN(ey) || Double.isNaN(ex) || Double.isNaN(ew)) worst = Double.NaN;
            part[0] = Double.isNaN(ey) || ey > TOLERANCE ? "output" : Double.isNaN(ex) || ex > TOLERANCE ? "input gradient" : "weight gradient";
            return worst;
        }
    }

    private static double maxError(float[] got, float[] want) {
        if (got.length != want.length) return Double.POSITIVE_INFINITY;
        double e = 0;
        for (int i = 0; i < got.length; i++) {
            double d = Math.abs(got[i] - want[i]) / (1 + Math.abs(want[i]));
            if (Double.isNaN(d)) return Double.NaN;
            e = Math.max(e, d);
        }
        return e;
    }

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
