package s3dx.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import s3dx.net.Network;
import s3dx.net.TensorSpec;
import s3dx.tensor.Tensor;

/** The weights of one network: tensors by the spec's names, in insertion (normally network) order. Immutable. */
public final class WeightSet {
    private final Map<String, Tensor> tensors;

    public WeightSet(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor named '" + name + "' in this weight set");
        return t;
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public int size() {
        return tensors.size();
    }

    /** A copy with one tensor added or replaced (kept in place if it was there). */
    public WeightSet with(String name, Tensor tensor) {
        Map<String, Tensor> m = new LinkedHashMap<>(tensors);
        m.put(name, tensor);
        return new WeightSet(m);
    }

    /** What keeps a weight set from fitting a network, by tensor name. */
    public record Mismatch(List<String> unknown, List<String> missing, List<String> misShaped) {
        public boolean isEmpty() {
            return unknown.isEmpty() && missing.isEmpty() && misShaped.isEmpty();
        }

        @Override
        public String toString() {
            if (isEmpty()) return "weights match the network";
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) parts.add(missing.size() + " missing: " + shortList(missing));
            if (!misShaped.isEmpty()) parts.add(misShaped.size() + " with the wrong shape: " + shortList(misShaped));
            if (!unknown.isEmpty()) parts.add(unknown.size() + " not in the network: " + shortList(unknown));
            return String.join("; ", parts);
        }

        private static String shortList(List<String> names) {
            int shown = Math.min(names.size(), 8);
            String s = String.join(", ", names.subList(0, shown));
            return names.size() > shown ? s + ", ... (" + (names.size() - shown) + " more)" : s;
        }
    }

    /** Compares against the network's tensors: names it lacks, names it does not know, shapes that differ. */
    public Mismatch check(Network network) {
        List<String> missing = new ArrayList<>(), misShaped = new ArrayList<>(), unknown = new ArrayList<>();
        Map<String, TensorSpec> specs = new LinkedHashMap<>();
        for (TensorSpec s : network.tensors()) specs.put(s.name(), s);
        for (TensorSpec s : specs.values()) {
            Tensor t = tensors.get(s.name());
            if (t == null) missing.add(s.name());
            else if (!Arrays.equals(t.shape(), s.shape())) {
                misShaped.add(s.name() + " is " + t.shapeString() + ", expected " + Arrays.toString(s.shape()));
            }
        }
        for (String name : tensors.keySet()) if (!specs.containsKey(name)) unknown.add(name);
        return new Mismatch(List.copyOf(unknown), List.copyOf(missing), List.copyOf(misShaped));
    }

    /** This weight set in the network's tensor order; throws {@link WeightMismatchException} unless it fits exactly. */
    public WeightSet requireFits(Network network) {
        Mismatch m = check(network);
        if (!m.isEmpty()) throw new WeightMismatchException(m);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (TensorSpec s : network.tensors()) ordered.put(s.name(), tensors.get(s.name()));
        return new WeightSet(ordered);
    }
}
