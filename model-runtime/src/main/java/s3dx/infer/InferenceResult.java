package s3dx.infer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import s3dx.tensor.Tensor;

/**
 * One forward pass: {@code logits} and {@code probs} [N,classes]; the gate activations [N,C] by gate scope
 * (e.g. {@code Mixed_4b/Branch_1}) and the energy maps [N,T',H',W'] by block name, both in network order.
 */
public record InferenceResult(Tensor logits, Tensor probs, Map<String, Tensor> gates, Map<String, Tensor> energy) {
    public InferenceResult {
        gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
        energy = Collections.unmodifiableMap(new LinkedHashMap<>(energy));
    }
}
