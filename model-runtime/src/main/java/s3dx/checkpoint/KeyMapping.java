package s3dx.checkpoint;

import s3dx.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Renames one PyTorch implementation's state_dict keys to the spec's tensor names and checks the result
 * against the names and shapes a network expects. A DataParallel {@code module.} prefix is ignored, and so is
 * BatchNorm's {@code num_batches_tracked}, a training counter rather than a weight.
 */
final class KeyMapping {

    private static final String PARALLEL_PREFIX = "module.";
    private static final String BN_COUNTER = ".num_batches_tracked";
    private static final int PROBLEMS_SHOWN = 20;

    private final String convention;
    private final Map<String, String> specNames;

    /**
     * @param convPrefix the key prefix of a unit's conv (its weight is {@code prefix + "weight"})
     * @param bnPrefix   the key prefix of a unit's BatchNorm
     * @param headPrefix the key prefix of the logits conv
     */
    KeyMapping(String convention, Function<S3dUnits.Unit, String> convPrefix, Function<S3dUnits.Unit, String> bnPrefix,
               String headPrefix) {
        this.convention = convention;
        Map<String, String> names = new LinkedHashMap<>();
        for (S3dUnits.Unit u : S3dUnits.UNITS) {
            names.put(convPrefix.apply(u) + "weight", u.scope() + "/conv.weight");
            for (String p : S3dUnits.BN_PARAMS) names.put(bnPrefix.apply(u) + p, u.scope() + "/bn." + p);
        }
        names.put(headPrefix + "weight", S3dUnits.HEAD_SCOPE + "/conv.weight");
        names.put(headPrefix + "bias", S3dUnits.HEAD_SCOPE + "/conv.bias");
        this.specNames = Map.copyOf(names);
    }

    Optional<String> specName(String key) {
        return Optional.ofNullable(specNames.get(strip(key)));
    }

    LinkedHashMap<String, Tensor> toSpecNames(Map<String, Tensor> stateDict, Map<String, long[]> expected) throws CheckpointException {
        List<String> problems = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : stateDict.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(BN_COUNTER)) continue;
            String name = specNames.get(strip(key));
            long[] shape = name == null ? null : expected.get(name);
            Tensor t = e.getValue();
            if (name == null) {
                problems.add("unknown key " + key);
            } else if (!accounted.add(name)) {
                problems.add(key + ": a second tensor for " + name);
            } else if (shape == null) {
                problems.add(key + ": " + name + " is not a tensor of this network");
            } else if (!Arrays.equals(shape, t.shape())) {
                problems.add(key + " (" + name + "): shape " + t.shapeString() + " in the checkpoint, "
                        + Arrays.toString(shape) + " expected");
            } else {
                out.put(name, t);
            }
        }
        for (String name : expected.keySet()) {
            if (!accounted.contains(name)) problems.add("missing " + name);
        }
        if (!problems.isEmpty()) {
            String shown = String.join("\n  ", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
            String more = problems.size() > PROBLEMS_SHOWN ? "\n  and " + (problems.size() - PROBLEMS_SHOWN) + " more" : "";
            throw new CheckpointException("the " + convention + " state_dict does not fit the network ("
                    + problems.size() + " problems):\n  " + shown + more);
        }
        return out;
    }

    private static String strip(String key) {
        return key.startsWith(PARALLEL_PREFIX) ? key.substring(PARALLEL_PREFIX.length()) : key;
    }
}
