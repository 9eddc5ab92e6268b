package s3dx.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import s3dx.net.Design;
import s3dx.net.Preset;
import s3dx.synth.MotionClass;
import s3dx.train.RunRecord;
import s3dx.train.TrainModels;

/**
 * Ships a sweep's preset runs of one seed as demo models: copies each model under its demo name
 * ({@code s3d-g_16x64x64_w0.25_motionshapes.onnx}) and puts its results into the folder's {@code index.json}
 * (replacing the entry of the same file; other entries stay), and ships the sweep's whole results as {@link #RESULTS_FILE}.
 */
public final class ShippedModels {
    /** The sweep's results as shipped next to the demo models: every run and design, not only the shipped ones. */
    public static final String RESULTS_FILE = "sweep-results.json";

    private ShippedModels() {}

    /** Returns the files shipped. */
    public static List<String> ship(Path sweepDir, long seed, Path modelsDir) throws IOException {
        Path indexFile = modelsDir.resolve("index.json");
        ObjectNode index = Files.exists(indexFile) ? (ObjectNode) Sweep.JSON.readTree(indexFile.toFile()) : Sweep.JSON.createObjectNode();
        ArrayNode models = index.has("models") ? (ArrayNode) index.get("models") : index.putArray("models");
        List<String> shipped = new ArrayList<>();
        for (Preset p : Preset.values()) {
            String id = p.id() + "_s" + seed;
            Path record = sweepDir.resolve("runs").resolve(id + ".json");
            if (!Files.exists(record)) continue;
            RunRecord r = Sweep.JSON.readValue(record.toFile(), RunRecord.class);
            Design d = p.design().withClip(r.frames(), r.size(), r.size()).withWidthMultiplier(r.width()).withClasses(MotionClass.values().length);
            String file = TrainModels.fileName(d);
            Files.copy(sweepDir.resolve("models").resolve(id + ".onnx"), modelsDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            ObjectNode entry = Sweep.JSON.createObjectNode().put("file", file).put("preset", p.id());
            ObjectNode fields = Sweep.JSON.valueToTree(r.named(null, null, null, null, r.command().replace(id + ".onnx", file)));
            fields.remove(List.of("family", "boundary"));
            entry.setAll(fields);
            entry.put("classes", d.classes());
            for (int i = models.size() - 1; i >= 0; i--) if (file.equals(models.get(i).path("file").asText())) models.remove(i);
            models.add(entry);
            shipped.add(file);
        }
        Sweep.writeAtomically(indexFile, Sweep.JSON.writeValueAsString(index));
        if (Files.exists(sweepDir.resolve("results.json"))) {
            Files.copy(sweepDir.resolve("results.json"), modelsDir.resolve(RESULTS_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        return shipped;
    }

}
