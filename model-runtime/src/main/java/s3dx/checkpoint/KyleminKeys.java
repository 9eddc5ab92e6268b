package s3dx.checkpoint;

import s3dx.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * kylemin/S3D's state_dict keys (github.com/kylemin/S3D, model.py) as spec tensor names. BasicConv3d names
 * its parts conv and bn, SepConv3d conv_s, bn_s, conv_t, bn_t; the logits conv is {@code fc.0}. Files saved
 * from nn.DataParallel carry a {@code module.} prefix, which is ignored:
 * {@code module.base.8.branch1.1.bn_t.running_var} is {@code Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/bn.running_var}.
 */
public final class KyleminKeys {

    private static final KeyMapping MAPPING = new KeyMapping("kylemin/S3D",
            u -> unit(u) + ".conv" + suffix(u) + ".", u -> unit(u) + ".bn" + suffix(u) + ".", "fc.0.");

    private KyleminKeys() {
    }

    private static String unit(S3dUnits.Unit u) {
        return "base." + u.block() + (u.branch() < 0 ? "" : ".branch" + u.branch() + "." + u.step());
    }

    private static String suffix(S3dUnits.Unit u) {
        return switch (u.half()) {
            case NONE -> "";
            case SPATIAL -> "_s";
            case TEMPORAL -> "_t";
        };
    }

    /** The spec name for a kylemin/S3D key; empty for num_batches_tracked and keys that are not S3D's. */
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
