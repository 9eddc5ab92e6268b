package s3dx.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The conv units of preset S3D in layer order, each with its spec scope and its place in the backbone
 * nn.Sequential that torchvision ({@code features}) and kylemin/S3D ({@code base}) share: the same block
 * indices (max pools included) and, inside a Mixed block, branches 0 to 3 whose units sit at the same
 * steps (kylemin wraps branch0's one unit in a Sequential, torchvision does not).
 */
final class S3dUnits {

    /** A separable conv's half, or NONE for a plain conv unit. */
    enum Half { NONE, SPATIAL, TEMPORAL }

    /**
     * @param scope  spec name up to the unit, e.g. {@code Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal}
     * @param block  index in the backbone Sequential
     * @param branch branch of a Mixed block, -1 outside one
     * @param step   index in the branch's Sequential (Branch_3's max pool is step 0)
     */
    record Unit(String scope, int block, int branch, int step, Half half) {}

    static final String HEAD_SCOPE = "Logits/Conv2d_0c_1x1";
    static final List<String> BN_PARAMS = List.of("weight", "bias", "running_mean", "running_var");

    /** Backbone indices of the Mixed blocks; the max pools between them hold no weights. */
    private static final String[] MIXED = {
            null, null, null, null, null, "Mixed_3b", "Mixed_3c", null,
            "Mixed_4b", "Mixed_4c", "Mixed_4d", "Mixed_4e", "Mixed_4f", null, "Mixed_5b", "Mixed_5c"};

    static final List<Unit> UNITS = units();

    private S3dUnits() {
    }

    private static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        separable(units, "Conv2d_1a_7x7", 0, -1, 0);
        units.add(new Unit("Conv2d_2b_1x1", 2, -1, 0, Half.NONE));
        separable(units, "Conv2d_2c_3x3", 3, -1, 0);
        for (int i = 0; i < MIXED.length; i++) {
            if (MIXED[i] == null) continue;
            String block = MIXED[i];
            units.add(new Unit(block + "/Branch_0/Conv2d_0a_1x1", i, 0, 0, Half.NONE));
            for (int b = 1; b <= 2; b++) {
                units.add(new Unit(block + "/Branch_" + b + "/Conv2d_0a_1x1", i, b, 0, Half.NONE));
                separable(units, block + "/Branch_" + b + "/Conv2d_0b_3x3", i, b, 1);
            }
            units.add(new Unit(block + "/Branch_3/Conv2d_0b_1x1", i, 3, 1, Half.NONE));
        }
        return List.copyOf(units);
    }

    private static void separable(List<Unit> units, String scope, int block, int branch, int step) {
        units.add(new Unit(scope + "/spatial", block, branch, step, Half.SPATIAL));
        units.add(new Unit(scope + "/temporal", block, branch, step, Half.TEMPORAL));
    }
}
