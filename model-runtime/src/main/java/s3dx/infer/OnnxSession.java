package s3dx.infer;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import s3dx.infer.InferenceException.Problem;
import s3dx.files.UserFiles;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelFile;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.tensor.Tensor;

/**
 * One loaded model in ONNX Runtime (CPU), opened once and run many times; close it to free native memory.
 * Sessions use graph optimisation level ALL, sequential execution with {@code threads} intra-op threads
 * (default: all cores), and the memory pattern and CPU arena on.
 */
public final class OnnxSession implements AutoCloseable {
    /** How long one run may take before it is stopped: a model whose Loop never ends must not hang the caller. */
    public static final Duration DEFAULT_RUN_LIMIT = Duration.ofMinutes(10);
    private final OrtEnvironment env = Ort.environment();
    private volatile Duration runLimit = DEFAULT_RUN_LIMIT;
    private boolean closed;   // guarded by this, like the runs
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Path file;     // null for an in-memory model
    private final String source; // how messages name the model
    private final long[] inputShape;
    private final ModelInfo info;
    private final Set<String> outputNames;
    private FloatBuffer inputBuffer;

    private OnnxSession(OrtSession.SessionOptions options, OrtSession session, Path file) {
        this.options = options;
        this.session = session;
        this.file = file;
        this.source = file == null ? "model" : file.toString();
        try {
            NodeInfo input = session.getInputInfo().get(OnnxModelBuilder.INPUT);
            if (input == null) {
                throw fail(Problem.NOT_OUR_MODEL, "has no input '" + OnnxModelBuilder.INPUT + "' (inputs: " + session.getInputNames() + ")",
                        "inputs: " + session.getInputNames());
            }
            inputShape = ((TensorInfo) input.getInfo()).getShape();
            outputNames = Collections.unmodifiableSet(new LinkedHashSet<>(session.getOutputNames()));
            for (String out : new String[]{OnnxModelBuilder.LOGITS, OnnxModelBuilder.PROBS}) {
                if (!outputNames.contains(out)) {
                    throw fail(Problem.NOT_OUR_MODEL, "has no output '" + out + "' (outputs: " + outputNames + ")", "outputs: " + outputNames);
                }
            }
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            info = meta.containsKey(ModelInfo.ARCHITECTURE)
                    ? ModelInfo.fromMetadata(meta, session.getMetadata().getDescription(), source) : null;
        } catch (OrtException | IllegalArgumentException e) {
            close();
            throw new InferenceException(Problem.CANNOT_LOAD, file, source + ": " + e.getMessage(), e.getMessage(), e);
        } catch (InferenceException e) {
            close();
            throw e;
        }
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static OnnxSession open(Path model) {
        return open(model, defaultThreads());
    }

    public static OnnxSession open(Path model, int threads) {
        return open(model, Settings.threads(threads));
    }

    public static OnnxSession open(Path model, Settings settings) {
        if (!Files.exists(model)) throw new InferenceException(Problem.NO_SUCH_FILE, model, model + ": no such file", null, null);
        try {
            UserFiles.checkInput(model, OnnxModelFile.MAX_BYTES);
        } catch (UserFiles.FileProblem e) {
            throw new InferenceException(Problem.CANNOT_LOAD, model, e.getMessage(), e.problem(), e);
        }
        OrtSession.SessionOptions o = options(settings);
        try {
            return new OnnxSession(o, Ort.environment().createSession(model.toString(), o), model);
        } catch (OrtException e) {
            o.close();
            throw new InferenceException(Problem.CANNOT_LOAD, model, model + ": ONNX Runtime cannot load the model: " + e.getMessage(),
                    e.getMessage(), e);
        }
    }

    public static OnnxSession open(byte[] model) {
        return open(model, defaultThreads());
    }

    public static OnnxSession open(byte[] model, int threads) {
        return open(model, Settings.threads(threads));
    }

    public static OnnxSession open(byte[] model, Settings settings) {
        OrtSession.SessionOptions o = options(settings);
        try {
            return new OnnxSession(o, Ort.environment().createSession(model, o), null);
        } catch (OrtException e) {
            o.close();
            throw new InferenceException(Problem.CANNOT_LOAD, null, "ONNX Runtime cannot load the model: " + e.getMessage(), e.getMessage(), e);
        }
    }

    /**
     * How a session runs: {@code threads} intra-op threads; {@code spinning} lets idle threads spin for work
     * (ONNX Runtime's default: fastest on an idle machine, but it burns CPU that other processes could use).
     */
    public record Settings(int threads, boolean spinning) {
        public Settings {
            if (threads < 1) throw new InferenceException("threads must be at least 1, got " + threads);
        }

        public static Settings threads(int threads) {
            return new Settings(threads, true);
        }
    }

    private static OrtSession.SessionOptions options(Settings settings) {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        int threads = settings.threads();
        try {
            if (!settings.spinning()) o.addConfigEntry("session.intra_op.allow_spinning", "0");
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setMemoryPatternOptimization(true);
            o.setCPUArenaAllocator(true);
            return o;
        } catch (OrtException e) {
            o.close();
            throw new InferenceException("cannot set ONNX Runtime session options: " + e.getMessage(), e);
        }
    }

    /** Sets how long one run may take before it is stopped with an error (default {@link #DEFAULT_RUN_LIMIT}). */
    public void setRunLimit(Duration limit) {
        runLimit = limit;
    }

    /** The model's own description when it is one of ours, else empty. */
    public Optional<ModelInfo> info() {
        return Optional.ofNullable(info);
    }

    /** The input shape the model takes, -1 for the symbolic batch dimension. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The model's output names, in graph order. */
    public Set<String> outputNames() {
        return outputNames;
    }

    /**
     * Runs one batch {@code video} [N,3,T,H,W] for an {@link InferenceResult}: every output but the class activation
     * maps, which only the evidence probes ask for (a Kinetics model's are 400 maps a window).
     */
    public InferenceResult run(Tensor video) {
        Set<String> wanted = new LinkedHashSet<>(outputNames);
        wanted.remove(OnnxModelBuilder.CAM);
        Map<String, Tensor> outputs = run(video, wanted);
        Map<String, Tensor> gates = new LinkedHashMap<>(), energy = new LinkedHashMap<>();
        outputs.forEach((name, t) -> {
            if (name.startsWith(OnnxModelBuilder.GATE_PREFIX)) gates.put(name.substring(OnnxModelBuilder.GATE_PREFIX.length()), t);
            if (name.startsWith(OnnxModelBuilder.ENERGY_PREFIX)) energy.put(name.substring(OnnxModelBuilder.ENERGY_PREFIX.length()), t);
        });
        return new InferenceResult(outputs.get(OnnxModelBuilder.LOGITS), outputs.get(OnnxModelBuilder.PROBS), gates, energy);
    }

    /**
     * Runs one batch {@code video} [N,3,T,H,W] computing only the outputs named (ONNX Runtime skips the nodes
     * only other outputs need). One run at a time: the input goes through one direct buffer that is reused while
     * the clip size stays the same (ONNX Runtime would otherwise copy every clip into a fresh native buffer that
     * only the garbage collector frees).
     */
    public synchronized Map<String, Tensor> run(Tensor video, Set<String> names) {
        if (closed) throw new InferenceException(Problem.RUN_FAILED, file, source + ": the session is closed (the model was replaced)", "closed", null);
        checkShape(video.shape());
        for (String n : names) {
            if (!outputNames.contains(n)) throw fail(Problem.NOT_OUR_MODEL, "has no output '" + n + "'", n);
        }
        float[] clip = video.data();
        if (inputBuffer == null || inputBuffer.capacity() != clip.length) {
            inputBuffer = ByteBuffer.allocateDirect(clip.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        inputBuffer.clear();
        inputBuffer.put(clip).flip();
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        Ort.Run run = null;
        try (Ort.Run r = run = new Ort.Run(runLimit);
             OnnxTensor input = OnnxTensor.createTensor(env, inputBuffer, video.shape());
             OrtSession.Result result = session.run(Map.of(OnnxModelBuilder.INPUT, input), names, r.options)) {
            for (Map.Entry<String, OnnxValue> e : result) {
                if (!(e.getValue() instanceof OnnxTensor t)) throw fail(Problem.BAD_OUTPUT, "output '" + e.getKey() + "' is not a tensor", e.getKey());
                FloatBuffer fb = t.getFloatBuffer();   // a heap copy of the native output
                if (fb == null) throw fail(Problem.BAD_OUTPUT, "output '" + e.getKey() + "' is not float32", e.getKey());
                outputs.put(e.getKey(), new Tensor(t.getInfo().getShape(), arrayOf(fb)));
            }
        } catch (OrtException e) {
            if (run != null && run.interrupted()) {
                throw new InferenceException(Problem.RUN_FAILED, file, source + ": stopped (interrupted)", "interrupted", e);
            }
            if (run != null && run.timedOut()) {
                String limit = runLimit.toSeconds() + " s";
                throw new InferenceException(Problem.RUN_FAILED, file, source + ": the model ran longer than the limit of " + limit
                        + " and was stopped (a Loop that never ends?)", "stopped after " + limit, e);
            }
            throw new InferenceException(Problem.RUN_FAILED, file, source + ": ONNX Runtime failed to run the model: " + e.getMessage(),
                    e.getMessage(), e);
        }
        return outputs;
    }

    private static float[] arrayOf(FloatBuffer fb) {
        if (fb.hasArray() && fb.arrayOffset() == 0 && fb.position() == 0 && fb.remaining() == fb.array().length) return fb.array();
        float[] data = new float[fb.remaining()];
        fb.get(data);
        return data;
    }

    private void checkShape(long[] shape) {
        boolean ok = shape.length == inputShape.length && shape.length > 0 && shape[0] >= 1;
        for (int i = 0; ok && i < shape.length; i++) ok = inputShape[i] < 0 || inputShape[i] == shape[i];
        if (!ok) {
            String clip = Arrays.toString(shape).replace(" ", ""), takes = describe(inputShape);
            throw new InferenceException(Problem.SHAPE_MISMATCH, file, "clip has shape " + clip + " but this model takes " + takes,
                    clip + " ≠ " + takes, null);
        }
    }

    private static String describe(long[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) s.append(i > 0 ? "," : "").append(shape[i] < 0 ? (i == 0 ? "N" : "?") : Long.toString(shape[i]));
        return s.append(']').toString();
    }

    private InferenceException fail(Problem problem, String message, String detail) {
        return new InferenceException(problem, file, source + ": " + message, detail, null);
    }

    /** The model file, or null for an in-memory model. */
    Path file() {
        return file;
    }

    @Override
    /** Waits for a run in flight (another thread's probe, say), so native code never runs on a closed session. */
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
