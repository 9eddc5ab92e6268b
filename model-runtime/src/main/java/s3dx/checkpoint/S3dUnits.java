package s3dx.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The conv units of preset S3D in layer order, each with its spec scope and its place in the nn.Sequential
 * trees that torchvision ({@code features}) and kylemin/S3D ({@code base}) share: the same block indices and
 * branch layout, differing only in how a unit names its conv and BatchNorm.
 */
final class S3dUnits {

    /** A separable conv's half, or NONE for a plain conv unit. */
    enum Half { NONE, SPATIAL, TEMPORAL }

    /**
     * @param scope spec name up to the unit, e.g. {@code Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal}
     * @param path  module path under the backbone Sequential, e.g. {@code 8.branch1.1}
     */
    record Unit(String scope, String path, Half half) {}

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
        separable(units, "Conv2d_1a_7x7", "0");
        units.add(new Unit("Conv2d_2b_1x1", "2", Half.NONE));
        separable(units, "Conv2d_2c_3x3", "3");
        for (int i = 0; i < MIXED.length; i++) {
            if (MIXED[i] == null) continue;
            String block = MIXED[i];
            units.add(new Unit(block + "/Branch_0/Conv2d_0a_1x1", i + ".branch0.0", Half.NONE));
            for (int b = 1; b <= 2; b++) {
                units.add(new Unit(block + "/Branch_" + b + "/Conv2d_0a_1x1", i + ".branch" + b + ".0", Half.NONE));
                separable(units, block + "/Branch_" + b + "/Conv2d_0b_3x3", i + ".branch" + b + ".1");
            }
            units.add(new Unit(block + "/Branch_3/Conv2d_0b_1x1", i + ".branch3.1", Half.NONE)); // .0 is the max pool
        }
        return List.copyOf(units);
    }

    private static void separable(List<Unit> units, String scope, String path) {
        units.add(new Unit(scope + "/spatial", path, Half.SPATIAL));
        units.add(new Unit(scope + "/temporal", path, Half.TEMPORAL));
    }
}
