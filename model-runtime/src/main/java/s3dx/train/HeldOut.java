package s3dx.train;

import s3dx.net.Design;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.tensor.Tensor;

/** The held-out test: fresh MotionShapes clips, then the same clips reversed in time. Works with any engine. */
public final class HeldOut {
    /** Class scores [N, classes] for a clip batch [N,3,T,H,W]: a DJL network, an ONNX Runtime session... */
    @FunctionalInterface
    public interface Classifier {
        Tensor logits(Tensor video);
    }

    private HeldOut() {}

    /** Evaluates {@code clips} held-out clips (in batches of {@code batch}) drawn from the run seed {@code seed}, training's settings. */
    public static Evaluation evaluate(Classifier model, Design design, long seed, int clips, int batch) {
        return evaluate(model, design, MotionShapes.Settings.TRAINING, seed, clips, batch);
    }

    /** {@link #evaluate(Classifier, Design, long, int, int)} on clips drawn with the given generator settings. */
    public static Evaluation evaluate(Classifier model, Design design, MotionShapes.Settings settings, long seed, int clips, int batch) {
        MotionData data = new MotionData(design);
        int correct = 0, partner = 0, same = 0, done = 0;
        for (int b = 0; done < clips; b++) {
            int n = Math.min(batch, clips - done);
            MotionShapes.Batch clipsBatch = data.heldOutBatch(seed, b, n, settings);
            int[] labels = clipsBatch.labels();
            int[] forward = argmax(model.logits(clipsBatch.video()));
            int[] backward = argmax(model.logits(MotionData.reverseTime(clipsBatch.video())));
            for (int i = 0; i < n; i++) {
                if (forward[i] == labels[i]) correct++;
                if (backward[i] == MotionClass.of(labels[i]).partner().index()) partner++;
                if (backward[i] == labels[i]) same++;
            }
            done += n;
        }
        return new Evaluation(clips, seed, settings, (double) correct / clips, (double) partner / clips, (double) same / clips);
    }

    /** A run with both evaluations: {@code clips} clips with training's generator settings, as many with held-out ones. */
    public static TrainResult evaluateBoth(TrainResult r, Classifier model, int clips) {
        TrainConfig c = r.config();
        return r.withEvaluations(evaluate(model, c.design(), MotionShapes.Settings.TRAINING, c.seed(), clips, c.batch()),
                evaluate(model, c.design(), MotionShapes.Settings.HELD_OUT, c.seed(), clips, c.batch()));
    }

    static int[] argmax(Tensor logits) {
        int n = (int) logits.dim(0), c = (int) logits.dim(1);
        int[] out = new int[n];
        float[] d = logits.data();
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) if (d[i * c + k] > d[i * c + best]) best = k;
            out[i] = best;
        }
        return out;
    }
}
