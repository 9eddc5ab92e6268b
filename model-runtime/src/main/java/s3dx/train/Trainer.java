package s3dx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import s3dx.net.Network;
import s3dx.synth.MotionShapes;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

/**
 * Trains a design on MotionShapes with DJL's PyTorch engine: seeded starting weights ({@link WeightInit}),
 * Adam, softmax cross-entropy, BN in training mode (PyTorch momentum 0.1), dropout 0.2 before the logits.
 * The next batch is rendered on a background thread while the current step runs. Every step's arrays
 * live in a sub-manager closed at the end of the step, so native memory stays flat.
 *
 * <p>Call from any thread (not the UI thread): {@code Trainer.train(config, progress -> ..., cancelFlag::get)}.
 * Cancellation is checked before every step; a cancelled run returns the weights trained so far.
 */
public final class Trainer {
    /** Steps in the moving averages of {@link TrainProgress}. */
    public static final int WINDOW = 20;

    /** Receives progress after each step, on the training thread. */
    @FunctionalInterface
    public interface Listener {
        void onStep(TrainProgress progress);
    }

    private Trainer() {}

    /** Trains, then (unless cancelled or evalClips is 0) runs the held-out evaluation in eval mode. */
    public static TrainResult train(TrainConfig config, Listener listener, BooleanSupplier cancel) {
        Network network = Network.of(config.design());
        EngineCheck.require(network);
        MotionData data = new MotionData(config.design());
        WeightSet init = WeightInit.seeded(network, config.seed());
        try (DjlNetwork net = DjlNetwork.of(network, init)) {
            TrainResult r = train(net, data, config, listener, cancel);
            if (r.cancelled() || config.evalClips() == 0) return r;
            return HeldOut.evaluateBoth(r, net::predict, config.evalClips());
        }
    }

    /** Trains {@code net} in place for the configured steps; returns a copy of its weights after them. */
    public static TrainResult train(DjlNetwork net, MotionData data, TrainConfig config, Listener listener, BooleanSupplier cancel) {
        Tracker lr = config.cosine()
                ? Tracker.cosine().setBaseValue((float) config.learningRate()).optFinalValue((float) config.learningRate() * 0.01f)
                    .setMaxUpdates(Math.max(1, config.steps() - config.warmup())).build()  // WarmUpTracker starts it after the warm-up
                : Tracker.fixed((float) config.learningRate());
        if (config.warmup() > 0) {  // a start that does not stall: small steps while batch norm and gates settle
            lr = WarmUpTracker.builder().setMainTracker(lr).optWarmUpSteps(config.warmup()).optWarmUpBeginValue(0f).build();
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).build();
        int classes = config.design().classes();
        List<TrainProgress> history = new ArrayList<>();
        ArrayDeque<double[]> window = new ArrayDeque<>();
        double sumLoss = 0, sumAcc = 0;
        boolean cancelled = false;
        int done = 0;
        long t0 = System.nanoTime();
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "s3dx-train-data");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<MotionShapes.Batch> next = loader.submit(() -> data.trainBatch(config.seed(), 0, config.batch()));
            for (int step = 0; step < config.steps(); step++) {
                if (cancel.getAsBoolean()) {
                    cancelled = true;
                    break;
                }
                MotionShapes.Batch batch = next.get();
                if (step + 1 < config.steps()) {
                    int s = step + 1;
                    next = loader.submit(() -> data.trainBatch(config.seed(), s, config.batch()));
                }
                double[] lossAcc = step(net, adam, batch, classes);
                done = step + 1;
                window.addLast(lossAcc);
                sumLoss += lossAcc[0];
                sumAcc += lossAcc[1];
                if (window.size() > WINDOW) {
                    double[] old = window.removeFirst();
                    sumLoss -= old[0];
                    sumAcc -= old[1];
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                TrainProgress p = new TrainProgress(done, config.steps(), lossAcc[0], lossAcc[1], sumLoss / window.size(),
                        sumAcc / window.size(), done / secs, done * (double) config.batch() / secs, lr.getNewValue(done));
                history.add(p);
                if (listener != null) listener.onStep(p);
            }
            if (!cancelled && cancel.getAsBoolean() && done < config.steps()) cancelled = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } catch (ExecutionException e) {
            throw new TrainingException("could not make a training batch: " + e.getCause().getMessage(), e.getCause());
        } finally {
            loader.shutdownNow();
        }
        return new TrainResult(config, net.weights(), history, done, cancelled, (System.nanoTime() - t0) / 1e9, null, null);
    }

    /** Training-mode logits and their mean softmax cross-entropy against the batch's labels; arrays belong to {@code m}. */
    static NDList forwardLoss(DjlNetwork net, NDManager m, MotionShapes.Batch batch, int classes) {
        int[] labels = batch.labels();
        float[] oneHot = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) oneHot[i * classes + labels[i]] = 1f;
        NDArray logits = net.forward(DjlNetwork.toNd(m, batch.video()), true);
        NDArray target = m.create(oneHot, new Shape(labels.length, classes));
        return new NDList(logits, logits.logSoftmax(1).mul(target).sum(new int[]{1}).mean().neg());
    }

    /** One optimiser step; returns {loss, accuracy} of the batch. */
    static double[] step(DjlNetwork net, Optimizer optimizer, MotionShapes.Batch batch, int classes) {
        int[] labels = batch.labels();
        int n = labels.length;
        double loss, acc;
        try (NDManager stepManager = net.manager().newSubManager()) {
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDList logitsLoss = forwardLoss(net, stepManager, batch, classes);
                NDArray logits = logitsLoss.get(0), l = logitsLoss.get(1);
                gc.backward(l);
                loss = l.getFloat();
                int[] pred = HeldOut.argmax(DjlNetwork.toTensor(logits));
                int right = 0;
                for (int i = 0; i < n; i++) if (pred[i] == labels[i]) right++;
                acc = (double) right / n;
            }
            for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
                NDArray w = e.getValue();
                try (NDArray g = w.getGradient()) {
                    optimizer.update(e.getKey(), w, g);
                    g.muli(0); // libtorch accumulates gradients: clear them for the next step
                }
            }
        }
        // The engine passed EngineCheck before the run, so a non-finite loss comes from the optimisation itself.
        if (!Double.isFinite(loss)) throw new TrainingException("the loss became " + loss
                + " although the engine check passed; the learning rate is likely too high for this design: try a lower one");
        return new double[]{loss, acc};
    }
}
