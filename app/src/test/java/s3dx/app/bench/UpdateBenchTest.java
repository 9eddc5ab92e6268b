package s3dx.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link UpdateBench} inside the build (Monocle is on the test classpath) when asked: -Ds3dx.bench=true. */
@EnabledIfSystemProperty(named = "s3dx.bench", matches = "true")
class UpdateBenchTest {
    @Test
    void thousandToggles() throws Exception {
        UpdateBench.Result r = UpdateBench.run(Integer.getInteger("s3dx.bench.toggles", 1000));
        System.out.println(r.report());
        assertTrue(UpdateBench.pct(r.frameCpuMs(), 50) < 16.7, "a toggle must fit in one 60 Hz frame");
    }
}
