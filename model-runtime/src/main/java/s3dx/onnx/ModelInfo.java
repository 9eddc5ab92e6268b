package s3dx.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import s3dx.design.DesignJson;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preprocessing;

/**
 * What an exported model says about itself besides its graph: the design it was built from, how clips
 * must be prepared, the class labels, and an optional free-text description (null when none). Stored in
 * the ONNX file's metadata_props under {@link #ARCHITECTURE}, {@link #PREPROCESSING} and {@link #LABELS}.
 */
public record ModelInfo(Design design, Preprocessing preprocessing, List<String> labels, String description) {
    public static final String ARCHITECTURE = "s3dx.architecture";
    public static final String PREPROCESSING = "s3dx.preprocessing";
    public static final String LABELS = "s3dx.labels";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelInfo {
        labels = List.copyOf(labels);
        if (labels.size() != design.classes()) {
            throw new IllegalArgumentException("the design has " + design.classes() + " classes but " + labels.size() + " labels were given");
        }
    }

    /**
     * Defaults for a design: labels "class 0".., torchvision's Kinetics normalisation with the crop at the
     * design's height, the short side resized in torchvision's 256:224 ratio, and the design's frame count.
     */
    public static ModelInfo defaults(Design design) {
        return new ModelInfo(design, defaultPreprocessing(design), numberedLabels(design.classes()), null);
    }

    public static Preprocessing defaultPreprocessing(Design d) {
        return new Preprocessing(Preprocessing.Scaling.UNIT, Preprocessing.KINETICS_MEAN, Preprocessing.KINETICS_STD,
                Math.round(d.height() * 256f / 224f), d.height(), d.frames());
    }

    public static List<String> numberedLabels(int classes) {
        return IntStream.range(0, classes).mapToObj(i -> "class " + i).toList();
    }

    public ModelInfo withLabels(List<String> l) {
        return new ModelInfo(design, preprocessing, l, description);
    }

    public ModelInfo withPreprocessing(Preprocessing p) {
        return new ModelInfo(design, p, labels, description);
    }

    public ModelInfo withDescription(String d) {
        return new ModelInfo(design, preprocessing, labels, d);
    }

    /** The three metadata entries, in a fixed order. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ARCHITECTURE, DesignJson.toJson(design));
        m.put(PREPROCESSING, preprocessingJson(preprocessing));
        try {
            m.put(LABELS, JSON.writeValueAsString(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /**
     * Reads the entries back; {@code source} names the model in errors. Throws {@link IllegalArgumentException}
     * saying which entry is missing or wrong.
     */
    public static ModelInfo fromMetadata(Map<String, String> metadata, String description, String source) {
        String arch = metadata.get(ARCHITECTURE);
        if (arch == null) {
            throw new IllegalArgumentException(source + ": not an S3D Explorer model (no '" + ARCHITECTURE + "' metadata)");
        }
        Design design;
        try {
            design = DesignJson.fromJson(arch);
        } catch (DesignException e) {
            throw new IllegalArgumentException(source + ": metadata '" + ARCHITECTURE + "' is not a valid design: " + e.getMessage());
        }
        Preprocessing pre = metadata.containsKey(PREPROCESSING)
                ? parsePreprocessing(metadata.get(PREPROCESSING), source) : defaultPreprocessing(design);
        List<String> labels = metadata.containsKey(LABELS)
                ? parseLabels(metadata.get(LABELS), source) : numberedLabels(design.classes());
        if (labels.size() != design.classes()) {
            throw new IllegalArgumentException(source + ": metadata has " + labels.size() + " labels for " + design.classes() + " classes");
        }
        return new ModelInfo(design, pre, labels, description == null || description.isEmpty() ? null : description);
    }

    static String preprocessingJson(Preprocessing p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("scaling", p.scaling().name());
        for (float v : p.mean()) n.withArray("mean").add(v);
        for (float v : p.std()) n.withArray("std").add(v);
        n.put("resizeShortSide", p.resizeShortSide());
        n.put("cropSize", p.cropSize());
        n.put("frames", p.frames());
        return n.toString();
    }

    static Preprocessing parsePreprocessing(String json, String source) {
        String what = source + ": metadata '" + PREPROCESSING + "'";
        try {
            JsonNode n = JSON.readTree(json);
            Preprocessing.Scaling scaling = Preprocessing.Scaling.valueOf(n.path("scaling").asText());
            return new Preprocessing(scaling, floats(n.path("mean")), floats(n.path("std")),
                    requiredInt(n, "resizeShortSide"), requiredInt(n, "cropSize"), requiredInt(n, "frames"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is invalid: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode n, String field) {
        if (!n.path(field).isIntegralNumber() || !n.path(field).canConvertToInt()) throw new IllegalArgumentException("'" + field + "' must be an integer");
        return n.path(field).asInt();
    }

    private static float[] floats(JsonNode arr) {
        float[] f = new float[arr.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) arr.get(i).asDouble();
        return f;
    }

    static List<String> parseLabels(String json, String source) {
        try {
            JsonNode n = JSON.readTree(json);
            if (!n.isArray()) throw new IllegalArgumentException(source + ": metadata '" + LABELS + "' is not a JSON array");
            List<String> out = new ArrayList<>();
            n.forEach(e -> out.add(e.asText()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": metadata '" + LABELS + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
