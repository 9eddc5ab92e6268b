package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import s3dx.cost.CostReport;
import s3dx.infer.OnnxSession;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.onnx.OnnxModelFile;
import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;
import s3dx.sweep.ShippedModels;
import s3dx.sweep.Sweep;
import s3dx.sweep.SweepPlan;
import s3dx.sweep.SweepResults;

/**
 * The demo models in assets/models: each matches its index entry (design, params, MACs, labels), and the S3D-G
 * one scores in ONNX Runtime what index.json says its training run measured, with training's and held-out settings.
 */
class ShippedModelsTest {
    static final Path DIR = Path.of("..", "assets", "models");

    static JsonNode index() throws Exception {
        Assumptions.assumeTrue(Files.exists(DIR.resolve("index.json")), "no demo models shipped yet (assets/models/index.json)");
        return new ObjectMapper().readTree(DIR.resolve("index.json").toFile());
    }

    static Design designOf(JsonNode m) {
        return Preset.fromId(m.get("preset").asText()).design()
                .withClip(m.get("frames").asInt(), m.get("size").asInt(), m.get("size").asInt())
                .withWidthMultiplier(m.get("width").asDouble()).withClasses(m.get("classes").asInt());
    }

    @Test
    void everyModelLoadsAndMatchesItsIndexEntry() throws Exception {
        List<String> files = new ArrayList<>();
        for (JsonNode m : index().get("models")) {
            Path file = DIR.resolve(m.get("file").asText());
            files.add(file.getFileName().toString());
            OnnxModelFile.Contents c = OnnxModelFile.read(file);
            Design d = designOf(m);
            assertEquals(d, c.info().design(), file + ": design");
            assertEquals(m.get("params").asLong(), CostReport.of(c.network()).params(), file + ": params");
            assertTrue(c.weights().check(c.network()).isEmpty(), file + ": weights fit the design");
            assertEquals(MotionClass.labels(), c.info().labels(), file + ": labels");
            assertEquals(MotionData.preprocessing(d), c.info().preprocessing(), file + ": preprocessing");
            if (m.has("macs")) assertEquals(m.get("macs").asLong(), CostReport.of(c.network()).macs(), file + ": MACs");
            for (String rate : RATES) {
                if (m.has(rate)) assertTrue(m.get(rate).asDouble() >= 0 && m.get(rate).asDouble() <= 1, file + ": " + rate);
            }
        }
        assertTrue(files.size() >= 2);
        try (var listing = Files.list(DIR)) {
            listing.filter(p -> p.toString().endsWith(".onnx"))
                    .forEach(p -> assertTrue(files.contains(p.getFileName().toString()), p + " is not in index.json"));
        }
    }

    @Test
    void s3dgDemoTellsClipsFromTheirReversal() throws Exception {
        JsonNode m = null;
        for (JsonNode e : index().get("models")) if (e.get("preset").asText().equalsIgnoreCase("s3d-g")) m = e;
        assertFalse(m == null, "no S3D-G model in index.json");
        Evaluation e = scoresWhatTheIndexSays(m)[0];
        assertTrue(e.accuracy() >= 0.90, "held-out accuracy " + e);
        assertTrue(e.partnerRate() >= 0.80, "reversed clips given the partner label " + e);
    }

    @Test
    void everyOtherDemoModelScoresWhatItsIndexEntrySays() throws Exception {
        int checked = 0;
        for (JsonNode m : index().get("models")) {
            if (m.get("preset").asText().equalsIgnoreCase("s3d-g") || !m.has(RATES.get(5))) continue;
            scoresWhatTheIndexSays(m);
            checked++;
        }
        assertTrue(checked >= 1, "no other demo model has results in index.json");
    }

    /**
     * Tests a demo model in ONNX Runtime on the clips its training run was tested on (same seed, count and batches;
     * a stream its training never used), with training's and held-out generator settings, and checks each rate
     * against index.json to within a few clips that libtorch and ONNX Runtime round differently.
     */
    private static Evaluation[] scoresWhatTheIndexSays(JsonNode m) throws Exception {
        Design d = designOf(m);
        long seed = m.get("seed").asLong();
        Evaluation e, h;
        try (OnnxSession s = OnnxSession.open(DIR.resolve(m.get("file").asText()))) {
            int clips = m.path("evalClips").asInt(200), batch = m.path("batch").asInt(20);
            e = HeldOut.evaluate(v -> s.run(v).logits(), d, MotionShapes.Settings.TRAINING, seed, clips, batch);
            h = HeldOut.evaluate(v -> s.run(v).logits(), d, MotionShapes.Settings.HELD_OUT, seed, clips, batch);
        }
        double[] measured = {e.accuracy(), e.partnerRate(), e.sameLabelRate(), h.accuracy(), h.partnerRate(), h.sameLabelRate()};
        for (int i = 0; i < RATES.size() && m.has(RATES.get(5)); i++) {
            assertEquals(m.get(RATES.get(i)).asDouble(), measured[i], 0.02,
                    m.get("file").asText() + ": " + RATES.get(i) + " in index.json vs ONNX Runtime: " + e + "; " + h);
        }
        return new Evaluation[]{e, h};
    }

    @Test
    void sweepResultsShippedWithTheModelsDescribeTheirDesigns() throws Exception {
        Path file = DIR.resolve(ShippedModels.RESULTS_FILE);
        Assumptions.assumeTrue(Files.exists(file), "no sweep results shipped yet");
        SweepResults.Results r = SweepResults.read(file);
        Sweep.Protocol p = r.protocol();
        assertEquals(MotionShapes.GENERATOR, p.generator(), "the shipped results were trained on this build's clips");
        assertFalse(r.summary().isEmpty());
        for (SweepResults.DesignSummary s : r.summary()) {
            Design d = SweepPlan.entry(s.id()).orElseThrow(() -> new AssertionError("no sweep design " + s.id())).design()
                    .withClip(p.frames(), p.size(), p.size()).withWidthMultiplier(p.width()).withClasses(MotionClass.values().length);
            assertEquals(CostReport.of(d).params(), s.params(), s.id());
            assertEquals(CostReport.of(d).macs(), s.macs(), s.id());
            assertEquals(r.runs().stream().filter(run -> run.id().startsWith(s.id() + "_s")).count(), s.seeds(), s.id());
        }
        for (JsonNode m : index().get("models")) {  // a shipped model's figures are its run's
            if (!m.has("heldOutSettingsAccuracy")) continue;
            RunRecord run = r.runs().stream().filter(x -> x.id().equals(m.get("preset").asText() + "_s" + m.get("seed").asLong()))
                    .findFirst().orElseThrow();
            assertEquals(run.heldOutSettingsAccuracy(), m.get("heldOutSettingsAccuracy").asDouble(), m.get("file").asText());
            assertEquals(run.heldOutAccuracy(), m.get("heldOutAccuracy").asDouble(), m.get("file").asText());
        }
    }

    static final List<String> RATES = List.of("heldOutAccuracy", "reversedPartnerRate", "reversedSameLabelRate",
            "heldOutSettingsAccuracy", "heldOutSettingsPartnerRate", "heldOutSettingsSameLabelRate");
}
