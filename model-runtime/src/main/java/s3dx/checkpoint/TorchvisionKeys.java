package s3dx.checkpoint;

import s3dx.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * torchvision's {@code s3d} state_dict keys as spec tensor names. A conv unit there is a Sequential of
 * conv (.0) and BatchNorm (.1); a separable conv is a Sequential of its spatial (.0) and temporal (.1) units;
 * a Mixed block's branch0 is a bare conv unit, not a Sequential holding one:
 * {@code features.8.branch1.1.1.1.running_var} is {@code Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/bn.running_var}.
 */
public final class TorchvisionKeys {

    private static final KeyMapping MAPPING = new KeyMapping("torchvision s3d",
            u -> unit(u) + ".0.", u -> unit(u) + ".1.", "classifier.1.");

    private TorchvisionKeys() {
    }

    private static String unit(S3dUnits.Unit u) {
        String branch = switch (u.branch()) {
            case -1 -> "";
            case 0 -> ".branch0";
            default -> ".branch" + u.branch() + "." + u.step();
        };
        return "features." + u.block() + branch + switch (u.half()) {
            case NONE -> "";
            case SPATIAL -> ".0";
            case TEMPORAL -> ".1";
        };
    }

    /** The spec name for a torchvision key; empty for num_batches_tracked and keys that are not S3D's. */
    public static Optional<String> specName(String key) {
        return MAPPING.specName(key);
    }

    /**
     * The state_dict under spec names, in its own order, num_batches_tracked dropped.
     *
     * @param expected the spec names and shapes the network needs
     * @throws CheckpointException naming every unknown, missing or mis-shaped key
     */
    public static LinkedHashMap<String, Tensor> toSpecNames(Map<String, Tensor> stateDict, Map<String, long[]> expected)
            throws CheckpointException {
        return MAPPING.toSpecNames(stateDict, expected);
    }
}
