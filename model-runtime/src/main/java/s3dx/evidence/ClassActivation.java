package s3dx.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import s3dx.infer.InferenceException;
import s3dx.infer.OnnxSession;
import s3dx.net.Network;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.onnx.OnnxModelFile;
import s3dx.tensor.Tensor;

/**
 * Exact class activation maps. The head averages Mixed_5c's output and applies a 1x1x1 conv; both are linear and
 * the pool's weights sum to one, so the map W_c . features(Mixed_5c) + b_c at every (t, h, w) is class c's logit
 * before pooling, and the head's average of it is the logit itself. No gradients, no approximation.
 */
public final class ClassActivation {

    /**
     * @param maps       [classes, T', H', W'] for one clip (the model's {@link OnnxModelBuilder#CAM} output)
     * @param poolKernel the head's average-pool kernel (kt, kh, kw), stride 1, whose outputs are then averaged
     */
    public record Maps(Tensor maps, int[] poolKernel) {
        public Maps {
            poolKernel = poolKernel.clone();
        }

        public int classes() {
            return (int) maps.dim(0);
        }

        /** Class c's map [T', H', W']. */
        public Tensor map(int c) {
            if (c < 0 || c >= classes()) throw new IllegalArgumentException("no class " + c + " (the model has " + classes() + ")");
            long[] s = {maps.dim(1), maps.dim(2), maps.dim(3)};
            int n = (int) Tensor.numel(s);
            float[] d = new float[n];
            System.arraycopy(maps.data(), c * n, d, 0, n);
            return new Tensor(s, d);
        }

        /** Class c's map averaged the way the head averages: equals its logit. */
        public float logit(int c) {
            return headAverage(map(c), poolKernel);
        }
    }

    private ClassActivation() {}

    /**
     * Opens a model with the {@link OnnxModelBuilder#CAM} output; a file exported before that output existed is
     * rebuilt in memory from its own design and weights (so it must be one of ours).
     */
    public static OnnxSession open(Path model, OnnxSession.Settings settings) throws IOException {
        if (!Files.isRegularFile(model)) throw new IOException(model + ": no such file");
        byte[] bytes = OnnxModelFile.withClassMaps(OnnxModelFile.parse(model), model.toString()).toByteArray();
        return OnnxSession.open(bytes, settings);
    }

    /** The maps of one clip [1,3,T,H,W] for every class. */
    public static Maps of(OnnxSession session, Tensor clip) {
        Clips.requireOneClip(clip);
        var info = session.info().orElseThrow(() -> new InferenceException(
                "the model has no S3D Explorer metadata, so its head is unknown; export it with 's3dx export'"));
        if (!session.outputNames().contains(OnnxModelBuilder.CAM)) {
            throw new InferenceException("the model has no '" + OnnxModelBuilder.CAM + "' output; open it with ClassActivation.open");
        }
        Tensor cam = session.run(clip, Set.of(OnnxModelBuilder.CAM)).get(OnnxModelBuilder.CAM);
        long[] s = cam.shape();
        Tensor one = new Tensor(new long[]{s[1], s[2], s[3], s[4]}, cam.data());
        return new Maps(one, Network.of(info.design()).head().poolKernel());
    }

    /** Average pooling with {@code kernel} and stride 1 over a [T,H,W] map, then the mean of the pooled values. */
    public static float headAverage(Tensor map, int[] kernel) {
        int t = (int) map.dim(0), h = (int) map.dim(1), w = (int) map.dim(2);
        int kt = kernel[0], kh = kernel[1], kw = kernel[2];
        if (kt > t || kh > h || kw > w) throw new IllegalArgumentException("pool kernel larger than the map " + map.shapeString());
        double total = 0;
        int windows = 0;
        for (int t0 = 0; t0 + kt <= t; t0++) {
            for (int y0 = 0; y0 + kh <= h; y0++) {
                for (int x0 = 0; x0 + kw <= w; x0++) {
                    double sum = 0;
                    for (int dt = 0; dt < kt; dt++) {
                        for (int dy = 0; dy < kh; dy++) {
                            int row = ((t0 + dt) * h + y0 + dy) * w + x0;
                            for (int dx = 0; dx < kw; dx++) sum += map.data()[row + dx];
                        }
                    }
                    total += sum / (kt * kh * kw);
                    windows++;
                }
            }
        }
        return (float) (total / windows);
    }
}
