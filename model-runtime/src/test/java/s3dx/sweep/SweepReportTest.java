package s3dx.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import s3dx.train.RunRecord;

/** The README's table and the paper's comparisons, computed from made-up runs whose answers are known. */
class SweepReportTest {
    private static RunRecord run(String id, String family, String boundary, long seed, long macs, double accuracy) {
        return new RunRecord(id + "_s" + seed, id.toUpperCase(), family, boundary, seed, 16, 64, 0.25, 1000, macs, 600, 16, 2e-3, 200,
                accuracy, 0.9, 0.05, accuracy - 0.01, 0.88, 0.04, 100, "test machine", "./s3dx train --seed " + seed);
    }

    private static SweepResults.Results results(List<RunRecord> runs) {
        return new SweepResults.Results(SweepTest.TINY, runs);
    }

    @Test
    void theTableHasOneRowPerDesignWithItsSpreadOverSeeds() {
        SweepResults.Results r = results(List.of(run("s3d-g", "s3d-g", null, 0, 100_000_000, 0.90),
                run("s3d-g", "s3d-g", null, 1, 100_000_000, 0.94), run("s3d", "s3d", null, 0, 99_000_000, 0.89)));
        String md = SweepReport.markdown(r);
        // two seeds that agree show their spread too (± 0.0), so a row never reads as one seed
        assertTrue(md.contains("| S3D-G | 2 | 1,000 | 100 M | 92.0 ± 2.8 | 90.0 ± 0.0 |"), md);
        assertTrue(md.contains("| S3D | 1 | 1,000 | 99 M | 89.0 | 90.0 |"), md);
        assertTrue(md.contains("gating (S3D-G − S3D): +3.0 points held-out accuracy (S3D-G 2 seeds, S3D 1 seed)"), md);
        assertTrue(!md.contains("top-heavy − bottom-heavy"), "no curves, no curve comparison");
    }

    @Test
    void topHeavyIsReadAtEachBottomHeavyDesignsMacsBetweenItsNeighbours() {
        List<RunRecord> runs = new ArrayList<>(List.of(run("i2d", "i2d", null, 0, 60, 0.50), run("i3d", "i3d", null, 0, 200, 0.90)));
        // top-heavy: 60 -> 0.50 (I2D), 100 -> 0.80, 200 -> 0.90 (I3D); bottom-heavy at 80 MACs: 0.55, at 150: 0.70
        runs.add(run("top-heavy-i3d-mixed_4c", "top-heavy-i3d", "Mixed_4c", 0, 100, 0.80));
        runs.add(run("bottom-heavy-i3d-mixed_3b", "bottom-heavy-i3d", "Mixed_3b", 0, 80, 0.55));
        runs.add(run("bottom-heavy-i3d-mixed_4d", "bottom-heavy-i3d", "Mixed_4d", 0, 150, 0.70));
        // separable at the same boundaries: +2 and -4 points
        runs.add(run("bottom-heavy-s3d-mixed_3b", "bottom-heavy-s3d", "Mixed_3b", 0, 70, 0.57));
        runs.add(run("bottom-heavy-s3d-mixed_4d", "bottom-heavy-s3d", "Mixed_4d", 0, 120, 0.66));
        SweepResults.Results r = results(runs);

        List<SweepResults.DesignSummary> top = r.curve("top-heavy-i3d");
        assertEquals(List.of("i2d", "top-heavy-i3d-mixed_4c", "i3d"), top.stream().map(SweepResults.DesignSummary::id).toList());
        assertTrue(r.curve("top-heavy-s3d").isEmpty(), "a curve without a design of its own is not drawn");
        assertEquals(0.65, SweepReport.interpolate(top, 80).getAsDouble(), 1e-12);    // halfway from 0.50 to 0.80
        assertEquals(0.85, SweepReport.interpolate(top, 150).getAsDouble(), 1e-12);   // halfway from 0.80 to 0.90
        assertTrue(SweepReport.interpolate(top, 201).isEmpty(), "not beyond the curve");

        List<String> lines = SweepReport.comparisons(r);
        // (65 - 55) and (85 - 70): mean +12.5
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("top-heavy − bottom-heavy at the same MACs (I3D blocks")
                && l.contains("mean +12.5 points over 2 bottom-heavy designs (+10.0 to +15.0; higher in 2 of 2)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("separable − full 3D at the same Figure-4 boundary: mean -1.0 points over 2 boundaries")),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("S3D blocks")), "no top-heavy S3D curve yet");
    }
}
