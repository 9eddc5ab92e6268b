package s3dx.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import s3dx.net.Design;
import s3dx.net.Preset;

/** The table of SPEC-network.md: params exact, MACs to 0.01%, for every preset at 16 and 64 frames. */
class SpecNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "I2D, 6009904, 9.222, 36.891",
            "I3D, 12697264, 27.788, 111.153",
            "Bottom-Heavy-I3D, 7015600, 25.003, 100.012",
            "Top-Heavy-I3D, 11691568, 12.008, 48.033",
            "S3D, 8320048, 17.979, 71.916",
            "Fast-S3D, 7988912, 10.188, 40.754",
            "S3D-G, 9545056, 17.980, 71.918",
    })
    void presetMatchesSpec(String preset, long params, double gmacs16, double gmacs64) {
        Design d64 = Preset.fromId(preset).design();
        Design d16 = d64.withClip(16, 224, 224);
        CostReport at64 = CostReport.of(d64);
        CostReport at16 = CostReport.of(d16);
        assertEquals(params, at64.params(), "params");
        assertEquals(params, at16.params(), "params do not depend on the clip");
        assertEquals(gmacs16, at16.macs() / 1e9, gmacs16 * 1e-4, "G MACs at 16x224x224");
        assertEquals(gmacs64, at64.macs() / 1e9, gmacs64 * 1e-4, "G MACs at 64x224x224");
        assertEquals(2 * at64.macs(), at64.flops());
    }
}
