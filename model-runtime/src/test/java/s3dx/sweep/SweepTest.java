package s3dx.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.onnx.OnnxModelFile;
import s3dx.platform.Cpu;
import s3dx.train.RunRecord;

/** Tiny real sweeps (child JVMs running s3dx train for 2 steps at 8x32x32, width 0.125). */
class SweepTest {
    static final Sweep.Protocol TINY = new Sweep.Protocol(2, 4, 2e-3, 8, 32, 0.125, 4);

    @Test
    void trainsInChildProcessesWritesResultsAndResumesWithoutRedoingFinishedRuns(@TempDir Path dir) throws Exception {
        List<SweepPlan.Run> one = SweepPlan.runs(List.of("presets"), List.of(3L), List.of("i2d"));
        Sweep.Outcome first = new Sweep(one, TINY, dir, quiet()).run(1, 1);
        assertEquals(new Sweep.Outcome(0, 1, List.of()), first);
        long i2dWritten = Files.getLastModifiedTime(dir.resolve("runs/i2d_s3.json")).toMillis();

        // interrupted after one run: the bigger plan trains only what is missing
        List<SweepPlan.Run> two = SweepPlan.runs(List.of("presets"), List.of(3L), List.of("i2d", "fast-s3d"));
        Sweep.Outcome second = new Sweep(two, TINY, dir, quiet()).run(2, 1);
        assertEquals(new Sweep.Outcome(1, 1, List.of()), second);
        assertEquals(i2dWritten, Files.getLastModifiedTime(dir.resolve("runs/i2d_s3.json")).toMillis(), "finished run not redone");

        JsonNode results = Sweep.JSON.readTree(dir.resolve("results.json").toFile());
        assertEquals(2, results.get("runs").size());
        assertEquals(TINY.steps(), results.get("protocol").get("steps").asInt());
        for (JsonNode r : results.get("runs")) {
            RunRecord rec = Sweep.JSON.treeToValue(r, RunRecord.class);
            Design d = OnnxModelFile.read(dir.resolve("models").resolve(rec.id() + ".onnx")).info().design();
            assertEquals(CostReport.of(d).params(), rec.params(), rec.id());
            assertEquals(CostReport.of(d).macs(), rec.macs(), rec.id());
            assertEquals(3, rec.seed());
            assertEquals(4, rec.evalClips());
            for (double rate : new double[]{rec.heldOutAccuracy(), rec.reversedPartnerRate(), rec.reversedSameLabelRate(),
                    rec.heldOutSettingsAccuracy(), rec.heldOutSettingsPartnerRate(), rec.heldOutSettingsSameLabelRate()}) {
                assertTrue(rate >= 0 && rate <= 1 && rate * 4 == Math.rint(rate * 4), rec.id() + " rate " + rate + " of 4 clips");
            }
            assertTrue(rec.trainingSeconds() > 0);
            assertEquals(Cpu.current().describe(), rec.machine(), "the time is read with the CPU that trained it");
            assertTrue(rec.command().startsWith("./s3dx train --preset "), rec.command());
        }
        assertEquals("top-heavy-s3d", results.get("runs").get(1).get("family").asText());
        assertEquals("Mixed_4b", results.get("runs").get(1).get("boundary").asText());
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("id,design,family,boundary,seed,frames,size,width,params,macs"));
        assertTrue(csv.get(2).startsWith("fast-s3d_s3,\"Fast-S3D\",top-heavy-s3d,Mixed_4b,3,8,32,0.125,"), csv.get(2));
        assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size());
        SweepResults.Results read = SweepResults.read(dir.resolve("results.json"));
        SweepResults.DesignSummary fast = read.forDesign(Preset.FAST_S3D.design().withWidthMultiplier(0.5)).orElseThrow();
        assertEquals("fast-s3d", fast.id());
        assertEquals(1, fast.seeds());
        assertEquals(read.runs().get(1).heldOutAccuracy(), fast.heldOutAccuracy().mean());
        assertTrue(read.forDesign(Preset.I3D.design()).isEmpty(), "I3D was not trained");
        try (var left = Files.list(dir.resolve("runs"))) {
            assertEquals(Set.of("i2d_s3.json", "fast-s3d_s3.json"), left.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }

        // a different protocol in the same folder is refused, not mixed in
        Sweep.Protocol longer = new Sweep.Protocol(3, 4, 2e-3, 8, 32, 0.125, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sweep(one, longer, dir, quiet()).run(1, 1));
        assertTrue(e.getMessage().contains("another protocol"), e.getMessage());
    }

    @Test
    void shippingCopiesPresetModelsUnderDemoNamesAndIndexesThem(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep"), models = Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(sweep.resolve("runs"));
        Files.createDirectories(sweep.resolve("models"));
        RunRecord r = new RunRecord("s3d_s0", "S3D", "s3d", null, 0, 16, 64, 0.25, 1, 2, 600, 16, 2e-3, 200,
                0.9, 0.8, 0.1, 0.7, 0.6, 0.2, 100, "test machine", "./s3dx train --preset s3d --seed 0 --out s3d_s0.onnx");
        Files.writeString(sweep.resolve("runs/s3d_s0.json"), Sweep.JSON.writeValueAsString(r));
        Files.writeString(sweep.resolve("models/s3d_s0.onnx"), "model bytes");
        Files.writeString(models.resolve("index.json"), "{\"models\":[{\"file\":\"s3d_16x64x64_w0.25_motionshapes.onnx\",\"old\":true},{\"file\":\"other.onnx\"}]}");

        assertEquals(List.of("s3d_16x64x64_w0.25_motionshapes.onnx"), ShippedModels.ship(sweep, 0, models));
        assertEquals("model bytes", Files.readString(models.resolve("s3d_16x64x64_w0.25_motionshapes.onnx")));
        JsonNode index = Sweep.JSON.readTree(models.resolve("index.json").toFile()).get("models");
        assertEquals(2, index.size(), "the old entry of the same file is replaced, others stay");
        JsonNode e = index.get(1);
        assertEquals("s3d", e.get("preset").asText());
        assertEquals(10, e.get("classes").asInt());
        assertEquals(0.7, e.get("heldOutSettingsAccuracy").asDouble());
        assertEquals("./s3dx train --preset s3d --seed 0 --out s3d_16x64x64_w0.25_motionshapes.onnx", e.get("command").asText());
        assertFalse(e.has("old"));
        assertTrue(ShippedModels.ship(sweep, 1, models).isEmpty(), "no runs of seed 1");
    }

    @Test
    void aLostSweepFolderResumesFromCommittedResultsOfTheSameProtocolOnly(@TempDir Path dir) throws Exception {
        RunRecord done = new RunRecord("i2d_s3", "I2D", "i2d", null, 3, 8, 32, 0.125, 1, 2, 2, 4, 2e-3, 4,
                0.5, 0.25, 0.75, 0.5, 0.25, 0.75, 9, null, "./s3dx train --preset i2d --seed 3 --out i2d_s3.onnx");
        RunRecord other = new RunRecord("i3d_s9", "I3D", "i3d", null, 9, 8, 32, 0.125, 1, 2, 2, 4, 2e-3, 4,
                0.5, 0.25, 0.75, 0.5, 0.25, 0.75, 9, null, "./s3dx train --preset i3d --seed 9 --out i3d_s9.onnx");
        SweepResults.Results earlier = new SweepResults.Results(TINY, List.of(done, other));
        List<SweepPlan.Run> plan = SweepPlan.runs(List.of("presets"), List.of(3L), List.of("i2d", "fast-s3d"));
        Sweep sweep = new Sweep(plan, TINY, dir.resolve("fresh"), quiet());
        assertEquals(1, sweep.adopt(earlier, dir.resolve("results.json")), "only the plan's runs are taken");
        assertEquals(List.of(done), sweep.folderRecords());
        assertEquals(0, sweep.adopt(earlier, dir.resolve("results.json")), "a record already there is kept");
        // a later plan over the same folder (another list) keeps the earlier runs in the folder's results
        Files.writeString(dir.resolve("fresh/runs/i3d_s9.json"), Sweep.JSON.writeValueAsString(other));
        assertEquals(List.of(done, other), new Sweep(SweepPlan.runs(List.of("figure4"), List.of(0L), List.of()), TINY, dir.resolve("fresh"),
                quiet()).folderRecords(), "presets first (I2D before I3D), whatever the plan");

        Sweep longer = new Sweep(plan, new Sweep.Protocol(3, 4, 2e-3, 8, 32, 0.125, 4), dir.resolve("other"), quiet());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> longer.adopt(earlier, dir.resolve("results.json")));
        assertTrue(e.getMessage().contains("another protocol"), e.getMessage());

        // results from before the generator was recorded drew other clips: not this protocol either
        Path old = dir.resolve("old.json");
        var tree = (ObjectNode) Sweep.JSON.valueToTree(earlier);
        ((ObjectNode) tree.get("protocol")).remove("generator");
        Files.writeString(old, Sweep.JSON.writeValueAsString(tree));
        assertEquals(0, SweepResults.read(old).protocol().generator());
        Sweep again = new Sweep(plan, TINY, dir.resolve("again"), quiet());
        e = assertThrows(IllegalArgumentException.class, () -> again.adopt(SweepResults.read(old), old));
        assertTrue(e.getMessage().contains("another protocol"), e.getMessage());

        // results from before warm-up was recorded had none: the same protocol as no warm-up today
        tree = (ObjectNode) Sweep.JSON.valueToTree(earlier);
        ((ObjectNode) tree.get("protocol")).remove("warmup");
        Files.writeString(old, Sweep.JSON.writeValueAsString(tree));
        assertEquals(TINY, SweepResults.read(old).protocol());
        assertEquals(1, new Sweep(plan, TINY, dir.resolve("unwarmed"), quiet()).adopt(SweepResults.read(old), old));
        Sweep.Protocol warm = new Sweep.Protocol(2, 4, 2e-3, 8, 32, 0.125, 4, TINY.generator(), 1);
        assertTrue(String.join(" ", warm.trainArgs()).endsWith("--warmup 1") && !TINY.trainArgs().contains("--warmup"));
    }

    @Test
    void figure4CoversEveryBoundaryWithFullAndSeparable3dButNoPresetTwice() {
        List<SweepPlan.DesignEntry> f4 = SweepPlan.figure4();
        List<SweepPlan.DesignEntry> presets = SweepPlan.presets();
        // 10 boundaries per heavy variant and conv type, less the designs that are presets (Bottom-/Top-Heavy-I3D, Fast-S3D)
        assertEquals(4 * 10 - 3, f4.size());
        assertEquals(f4.size(), f4.stream().map(SweepPlan.DesignEntry::id).distinct().count());
        SweepPlan.DesignEntry th = f4.stream().filter(d -> d.id().equals("top-heavy-s3d-mixed_4c")).findFirst().orElseThrow();
        assertEquals("top-heavy-s3d", th.family());
        assertEquals(Block.Mixed_4c, th.boundary());
        assertTrue(th.args().contains("Mixed_5c=sep3d") && !th.args().contains("Mixed_4b=sep3d"), th.args().toString());
        assertEquals("Top-Heavy-S3D (boundary Mixed_4c)", SweepPlan.label(th.design().withClip(8, 32, 32)).orElseThrow());
        assertEquals(java.util.Optional.empty(), SweepPlan.label(th.design().withMode(Block.Mixed_5c, ConvMode.TWO_D)));
        assertEquals(7, presets.size());
        // order: every design of a list with the first seed, then the next seed
        List<SweepPlan.Run> runs = SweepPlan.runs(List.of("presets", "figure4"), List.of(0L, 1L), List.of());
        assertEquals(2 * (7 + 37), runs.size());
        assertEquals("s3d-g_s0", runs.get(0).id());
        assertEquals("i2d_s0", runs.get(1).id());
        assertEquals("s3d-g_s1", runs.get(7).id());
        assertEquals(f4.get(0).id() + "_s0", runs.get(14).id());
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.runs(List.of("nope"), List.of(0L), List.of()));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
