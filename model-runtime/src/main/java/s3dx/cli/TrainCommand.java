package s3dx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import com.fasterxml.jackson.databind.ObjectMapper;
import s3dx.train.RunRecord;
import s3dx.cost.CostReport;
import s3dx.files.UserFiles;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.train.MotionData;
import s3dx.sweep.SweepPlan;
import s3dx.train.TrainConfig;
import s3dx.train.TrainModels;
import s3dx.train.TrainProgress;
import s3dx.train.TrainResult;
import s3dx.train.Trainer;
import s3dx.train.Torch;
import s3dx.weights.SafeTensors;

@Command(name = "train", description = {
        "Train a design on MotionShapes (10 classes in time-reversed pairs) with DJL's PyTorch engine (CPU, offline),",
        "then export it to ONNX and test it on held-out clips, forwards and reversed.",
        "Ctrl+C stops after the current step and saves what was trained so far."})
public class TrainCommand implements Callable<Integer> {
    @Mixin
    DesignOptions design;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "600", description = "optimiser steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16", description = "clips per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the starting weights and the training clips (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "" + TrainConfig.DEFAULT_LEARNING_RATE, description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "raise the learning rate linearly from 0 over the first N steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--constant-lr", description = "keep the learning rate constant (default: cosine decay to 1%% over the run)")
    boolean constantLr;

    @Option(names = "--eval-clips", paramLabel = "N", defaultValue = "200", description = "held-out clips for the final test (default ${DEFAULT-VALUE}; 0 skips it)")
    int evalClips;

    @Option(names = "--log-every", paramLabel = "N", description = "print progress every N steps (default: about 30 lines per run)")
    Integer logEvery;

    @Option(names = "--out", paramLabel = "model.onnx", required = true, description = "the ONNX model to write")
    Path out;

    @Option(names = "--result-json", paramLabel = "FILE.json", description = "also write the run's results (cost, held-out tests, time, command) as JSON; only when it finishes")
    Path resultJson;

    @Spec
    CommandSpec spec;

    @Option(names = "--save-weights", paramLabel = "FILE.safetensors", description = "also write the weights as safetensors")
    Path weightsOut;

    @Override
    public Integer call() throws Exception {
        Design d = design.resolve();
        if (design.classes == null) d = d.withClasses(s3dx.synth.MotionClass.values().length);
        if (!out.getFileName().toString().endsWith(".onnx")) throw new Main.UserError("--out must name a .onnx file, got " + out);
        UserFiles.checkOutput(out, design.designFile());
        if (weightsOut != null) UserFiles.checkOutput(weightsOut, design.designFile(), out);
        if (!(lr > 0) || !Double.isFinite(lr)) throw new Main.UserError("--lr must be a number > 0, got " + lr);
        Network net = Network.of(d);
        new MotionData(d); // checks the clip size and class count before the engine loads
        String warmupProblem = TrainConfig.warmupProblem(warmup, steps);
        if (warmupProblem != null) throw new Main.UserError("--warmup " + warmupProblem);
        TrainConfig config = new TrainConfig(d, steps, batch, seed, lr, !constantLr, warmup, evalClips);
        int every = logEvery != null ? Math.max(1, logEvery) : Math.max(1, steps / 30);
        System.out.printf(Locale.ROOT, "training %s: %dx%dx%d clips, width %s, %d classes, %,d params; %d steps x %d clips, %s, seed %d; %s%n",
                SweepPlan.label(d).orElse(TrainModels.describe(d)), d.frames(), d.height(), d.width(), TrainModels.number(d.widthMultiplier()), d.classes(),
                CostReport.of(net).params(), steps, batch, TrainConfig.describeSchedule(lr, !constantLr, warmup), seed, Torch.describe());

        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            System.out.println("interrupted: stopping after the current step and saving what was trained so far...");
            try {
                saved.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "s3dx-train-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainResult r = Trainer.train(config.withEvalClips(0), p -> {
                if (p.step() % every == 0 || p.step() == p.steps() || p.step() == 1) print(p);
            }, cancel::get);
            if (r.stepsDone() == 0) {
                System.out.println("stopped before the first step: nothing saved");
                return 1;
            }
            if (!weightsAreFinite(r)) {
                throw new Main.UserError("training diverged: the weights became NaN or infinite after " + r.stepsDone()
                        + " steps (is --lr " + TrainModels.number(lr) + " too high?); nothing saved");
            }
            if (!r.cancelled() && evalClips > 0) {
                r = TrainModels.heldOut(r, evalClips);
            }
            write(r);
            if (r.cancelled()) {
                System.out.printf(Locale.ROOT, "saved the model after %d of %d steps to %s (training was interrupted; no held-out test)%n",
                        r.stepsDone(), steps, out);
                return 130;
            }
            System.out.printf(Locale.ROOT, "trained %d steps in %.0f s (%.2f steps/s, %.1f clips/s); wrote %s (%.1f MB)%n",
                    r.stepsDone(), r.seconds(), r.stepsDone() / r.seconds(), r.stepsDone() * (double) batch / r.seconds(), out, Files.size(out) / 1e6);
            if (resultJson != null && r.evaluation() != null) {
                String command = "./s3dx train " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
                Files.writeString(resultJson, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(RunRecord.of(r, command)));
            }
            if (r.evaluation() != null) System.out.println("held-out test: " + r.evaluation() + "\nheld-out test: " + r.heldOutSettings());
            return 0;
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }

    private static boolean weightsAreFinite(TrainResult r) {
        for (var t : r.weights().tensors().values()) {
            for (float v : t.data()) if (!Float.isFinite(v)) return false;
        }
        return true;
    }

    private void write(TrainResult r) throws Exception {
        TrainModels.writeOnnx(r, out);
        if (weightsOut != null) {
            Map<String, String> meta = new LinkedHashMap<>(TrainModels.modelInfo(r).toMetadata());
            SafeTensors.write(r.weights(), meta, weightsOut);
        }
    }

    private static void print(TrainProgress p) {
        System.out.printf(Locale.ROOT, "step %4d/%d  loss %.3f (avg %.3f)  acc %3.0f%% (avg %3.0f%%)  %.2f steps/s  %.1f clips/s  lr %.2g%n",
                p.step(), p.steps(), p.loss(), p.avgLoss(), 100 * p.accuracy(), 100 * p.avgAccuracy(), p.stepsPerSecond(),
                p.clipsPerSecond(), p.learningRate());
    }
}
