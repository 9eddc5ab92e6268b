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

/** The demo models in assets/models: each matches its index entry, and the S3D-G one does what the README says. */
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
        Design d = designOf(m);
        long seed = m.get("seed").asLong(); // held-out clips come from a stream the run's training never used
        Evaluation e;
        try (OnnxSession s = OnnxSession.open(DIR.resolve(m.get("file").asText()))) {
            e = HeldOut.evaluate(v -> s.run(v).logits(), d, seed, 200, 20);
        }
        assertTrue(e.accuracy() >= 0.90, "held-out accuracy " + e);
        assertTrue(e.partnerRate() >= 0.80, "reversed clips given the partner label " + e);
    }
}
