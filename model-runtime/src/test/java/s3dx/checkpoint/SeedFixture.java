package s3dx.checkpoint;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import s3dx.testing.SharedReference;

/** The shared torchvision S3D fixtures, and the spec names of preset S3D written out from the spec's grammar. */
final class SeedFixture {

    static final String[] MIXED = {"Mixed_3b", "Mixed_3c", "Mixed_4b", "Mixed_4c", "Mixed_4d", "Mixed_4e", "Mixed_4f", "Mixed_5b", "Mixed_5c"};

    private SeedFixture() {
    }

    static Path dir() {
        return SharedReference.require("torchvision-s3d/s3d_torchvision_seed1.pth").getParent();
    }

    static Path checkpoint() {
        return dir().resolve("s3d_torchvision_seed1.pth");
    }

    /** torchvision_s3d_state_dict.tsv: key to shape, in file order. */
    static LinkedHashMap<String, long[]> tsv() throws IOException {
        LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir().resolve("torchvision_s3d_state_dict.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            String dims = cols[1].replaceAll("[\\[\\] ]", "");
            out.put(cols[0], dims.isEmpty() ? new long[0]
                    : Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray());
        }
        return out;
    }

    /** Spec unit scopes of preset S3D in layer order, as the spec's "Tensor names" section spells them. */
    static List<String> specUnits() {
        List<String> units = new ArrayList<>(List.of("Conv2d_1a_7x7/spatial", "Conv2d_1a_7x7/temporal", "Conv2d_2b_1x1",
                "Conv2d_2c_3x3/spatial", "Conv2d_2c_3x3/temporal"));
        for (String m : MIXED) {
            units.add(m + "/Branch_0/Conv2d_0a_1x1");
            for (String b : List.of("Branch_1", "Branch_2")) {
                units.add(m + "/" + b + "/Conv2d_0a_1x1");
                units.add(m + "/" + b + "/Conv2d_0b_3x3/spatial");
                units.add(m + "/" + b + "/Conv2d_0b_3x3/temporal");
            }
            units.add(m + "/Branch_3/Conv2d_0b_1x1");
        }
        return units;
    }

    /**
     * Spec name to shape for preset S3D: the spec names in layer order paired with the tsv's shapes in its
     * order (num_batches_tracked left out), since both implementations store the layers in the same order.
     */
    static LinkedHashMap<String, long[]> expectedSpecShapes() throws IOException {
        List<String> names = new ArrayList<>();
        for (String u : specUnits()) {
            for (String p : List.of("conv.weight", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var")) names.add(u + "/" + p);
        }
        names.add("Logits/Conv2d_0c_1x1/conv.weight");
        names.add("Logits/Conv2d_0c_1x1/conv.bias");
        List<long[]> shapes = new ArrayList<>();
        for (Map.Entry<String, long[]> e : tsv().entrySet()) {
            if (!e.getKey().endsWith("num_batches_tracked")) shapes.add(e.getValue());
        }
        if (names.size() != shapes.size()) throw new AssertionError(names.size() + " spec names, " + shapes.size() + " tsv tensors");
        LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), shapes.get(i));
        return out;
    }
}
