package s3dx.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.files.UserFiles;
import s3dx.infer.InferenceResult;
import s3dx.infer.OnnxSession;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.tensor.Npy;
import s3dx.tensor.Tensor;

@Command(name = "infer", description = {
        "Run an exported model on a prepared clip (.npy float32 [N,3,T,H,W] or [3,T,H,W]) and print the top classes.",
        "--json writes logits, probs, every gate and every energy map, each with its shape."})
public class InferCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "model.onnx", required = true, description = "an ONNX model from 'export'")
    Path model;

    @Option(names = "--input-npy", paramLabel = "clip.npy", required = true, description = "the clip, already preprocessed")
    Path input;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "classes to print per clip (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", paramLabel = "out.json", description = "write every output with its shape here")
    Path json;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (top < 1) throw new Main.UserError("--top must be at least 1, got " + top);
        if (json != null) UserFiles.checkOutput(json, model, input);
        Tensor clip = Npy.read(input);
        if (clip.rank() == 4) clip = new Tensor(prepend(1, clip.shape()), clip.data());
        try (OnnxSession s = OnnxSession.open(model, threads == null ? OnnxSession.defaultThreads() : threads)) {
            InferenceResult r = s.run(clip);
            int classes = (int) r.probs().dim(1);
            List<String> labels = s.info().map(ModelInfo::labels).orElse(ModelInfo.numberedLabels(classes));
            if (labels.size() != classes) {
                throw new Main.UserError(model + ": the model gives " + classes + " classes but its metadata has " + labels.size() + " labels");
            }
            List<List<Ranked>> best = topClasses(r, labels);
            for (int n = 0; n < best.size(); n++) {
                if (best.size() > 1) System.out.println("clip " + n + ":");
                for (int i = 0; i < best.get(n).size(); i++) {
                    Ranked e = best.get(n).get(i);
                    System.out.printf(Locale.ROOT, "%2d. %-40s %6.2f%%  (logit %.4f)%n", i + 1, Main.printable(e.label()), 100 * e.prob(), e.logit());
                }
            }
            if (json != null) {
                writeJson(clip.shape(), r, best);
                System.out.println("wrote " + Main.printable(json.toString()));
            }
        }
        return 0;
    }

    private void writeJson(long[] inputShape, InferenceResult r, List<List<Ranked>> best) throws IOException {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(OnnxModelBuilder.LOGITS, entry(r.logits()));
        outputs.put(OnnxModelBuilder.PROBS, entry(r.probs()));
        r.gates().forEach((scope, t) -> outputs.put(OnnxModelBuilder.GATE_PREFIX + scope, entry(t)));
        r.energy().forEach((block, t) -> outputs.put(OnnxModelBuilder.ENERGY_PREFIX + block, entry(t)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("file", input.toString());
        in.put("shape", inputShape);
        doc.put("input", in);
        doc.put("top", best);
        doc.put("outputs", outputs);
        UserFiles.write(json, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc));
    }

    /** One of the top classes of a clip (field names are the JSON's). */
    record Ranked(@JsonProperty("class") int cls, String label, float prob, float logit) {}

    /** Per clip, the --top classes, most probable first: class, label, prob, logit. */
    private List<List<Ranked>> topClasses(InferenceResult r, List<String> labels) {
        int classes = (int) r.probs().dim(1);
        List<List<Ranked>> best = new ArrayList<>();
        for (int n = 0; n < r.probs().dim(0); n++) {
            List<Ranked> clip = new ArrayList<>();
            for (int c : topK(r.probs().data(), n * classes, classes, top)) {
                clip.add(new Ranked(c, labels.get(c), r.probs().data()[n * classes + c], r.logits().data()[n * classes + c]));
            }
            best.add(clip);
        }
        return best;
    }

    private static Map<String, Object> entry(Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", t.shape());
        m.put("data", t.data());
        return m;
    }

    /** Indices of the k largest of {@code v[off..off+len)}, largest first. */
    static int[] topK(float[] v, int off, int len, int k) {
        return IntStream.range(0, len).boxed()
                .sorted((a, b) -> Float.compare(v[off + b], v[off + a]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static long[] prepend(long d, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = d;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
