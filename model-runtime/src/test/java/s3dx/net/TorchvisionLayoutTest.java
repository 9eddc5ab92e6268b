package s3dx.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import s3dx.testing.SharedReference;

/** Preset S3D has torchvision's s3d() tensors one to one: same count, order, shapes and roles. */
class TorchvisionLayoutTest {

    @Test
    void presetS3dMatchesTorchvisionStateDict() throws Exception {
        Path tsv = SharedReference.require("torchvision-s3d/torchvision_s3d_state_dict.tsv");
        List<String[]> rows = Files.readAllLines(tsv).stream().skip(1)
                .map(l -> l.split("\t")).filter(r -> !r[0].endsWith("num_batches_tracked")).toList();
        List<TensorSpec> ours = Network.of(Preset.S3D.design()).tensors();
        assertEquals(rows.size(), ours.size(), "tensor count");
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i)[0];
            TensorSpec t = ours.get(i);
            long[] shape = Arrays.stream(rows.get(i)[1].replaceAll("[\\[\\] ]", "").split(","))
                    .mapToLong(Long::parseLong).toArray();
            assertArrayEquals(shape, t.shape(), key + " vs " + t.name());
            String role = key.substring(key.lastIndexOf('.') + 1);
            String ourRole = t.name().substring(t.name().lastIndexOf('/') + 1);
            String expected = switch (role) {
                case "weight" -> shape.length == 5 ? "conv.weight" : "bn.weight";
                case "bias" -> key.startsWith("classifier") ? "conv.bias" : "bn.bias";
                default -> "bn." + role;
            };
            assertEquals(expected, ourRole, key + " vs " + t.name());
            assertEquals(!role.startsWith("running"), t.isParameter(), t.name());
        }
        assertEquals(8_320_048L, ours.stream().filter(TensorSpec::isParameter).mapToLong(TensorSpec::numel).sum());
    }
}
