package s3dx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.synth.MotionShapes;
import s3dx.weights.WeightInit;

/** Times training steps (forward, backward, Adam) on pre-rendered batches, and clip rendering on its own. */
public final class TrainBench {
    /** Median-free simple means over the timed steps, after warm-up. */
    public record Result(Design design, int batch, int steps, double secondsPerStep, double forwardSeconds, double backwardSeconds,
                         double renderSecondsPerBatch, double evalClipsPerSecond, EngineCheck.Result engineCheck) {
        /** What is left of a step after forward and backward: Adam and clearing the gradients. */
        public double optimizerSeconds() {
            return Math.max(0, secondsPerStep - forwardSeconds - backwardSeconds);
        }

        public double stepsPerSecond() {
            return 1 / secondsPerStep;
        }

        public double clipsPerSecond() {
            return batch / secondsPerStep;
        }
    }

    private TrainBench() {}

    public static Result run(Design design, int batch, int warmup, int steps) {
        Network network = Network.of(design);
        EngineCheck.Result check = EngineCheck.require(network);
        MotionData data = new MotionData(design);
        MotionShapes.Batch[] batches = new MotionShapes.Batch[Math.max(1, Math.min(4, steps))];
        long r0 = System.nanoTime();
        for (int i = 0; i < batches.length; i++) batches[i] = data.trainBatch(0, i, batch);
        double render = (System.nanoTime() - r0) / 1e9 / batches.length;
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
        try (DjlNetwork net = DjlNetwork.of(network, WeightInit.seeded(network, 0))) {
            for (int i = 0; i < warmup; i++) Trainer.step(net, adam, batches[i % batches.length], design.classes());
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) Trainer.step(net, adam, batches[i % batches.length], design.classes());
            double perStep = (System.nanoTime() - t0) / 1e9 / steps;
            double forward = time(net, batches, steps, false), forwardBackward = time(net, batches, steps, true);
            long e0 = System.nanoTime();
            int evalRuns = Math.max(1, steps / 2);
            for (int i = 0; i < evalRuns; i++) net.predict(batches[i % batches.length].video());
            double evalClips = evalRuns * (double) batch / ((System.nanoTime() - e0) / 1e9);
            return new Result(design, batch, steps, perStep, forward, Math.max(0, forwardBackward - forward), render, evalClips, check);
        }
    }

    /** Mean seconds of the training-mode forward pass and loss, with the backward pass too if asked (gradients then cleared). */
    private static double time(DjlNetwork net, MotionShapes.Batch[] batches, int steps, boolean backward) {
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            MotionShapes.Batch b = batches[i % batches.length];
            try (NDManager m = net.manager().newSubManager(); GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray loss = Trainer.forwardLoss(net, m, b, net.network().design().classes()).get(1);
                if (backward) gc.backward(loss);
            }
            if (backward) net.parameters().values().forEach(w -> w.getGradient().muli(0));
        }
        return (System.nanoTime() - t0) / 1e9 / steps;
    }
}
