package s3dx.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import s3dx.files.UserFiles;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.DesignException;

/**
 * The versioned design file ({@value #FORMAT}): every field is required, unknown fields are errors,
 * blocks are keyed by their canonical names, and writing what was read gives the same text.
 */
public final class DesignJson {
    public static final String FORMAT = "s3d-explorer/design@1";
    public static final String EXTENSION = ".s3dx.json";

    record ClipJson(int frames, int height, int width) {}

    record BlockJson(String mode, boolean gated) {}

    record DesignFileJson(String format, ClipJson clip, int classes, double widthMultiplier, int firstTemporalKernel,
                          Map<String, BlockJson> blocks) {}

    /** Design files are a few KB; larger ones are refused before they are read. */
    public static final long MAX_BYTES = 1L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DesignJson() {}

    public static String toJson(Design d) {
        Map<String, BlockJson> blocks = new LinkedHashMap<>();
        d.blocks().forEach((b, s) -> blocks.put(b.name(), new BlockJson(s.mode().id(), s.gated())));
        DesignFileJson f = new DesignFileJson(FORMAT, new ClipJson(d.frames(), d.height(), d.width()), d.classes(),
                d.widthMultiplier(), d.firstTemporalKernel(), blocks);
        try {
            return MAPPER.writeValueAsString(f) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a design; problems become a {@link DesignException} whose field is the JSON path. */
    public static Design fromJson(String json) {
        DesignFileJson f;
        try {
            f = MAPPER.readValue(json, DesignFileJson.class);
        } catch (UnrecognizedPropertyException e) {
            throw new DesignException(path(e), "unknown field; expected one of " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            String missing = e.getOriginalMessage().startsWith("Missing") || e.getOriginalMessage().contains("Null value")
                    ? "missing or null" : "wrong type (" + firstLine(e.getOriginalMessage()) + ")";
            throw new DesignException(path(e), missing);
        } catch (JsonProcessingException e) {
            throw new DesignException("json", "not valid JSON at line " + e.getLocation().getLineNr() + ": " + firstLine(e.getOriginalMessage()));
        }
        if (f == null) throw new DesignException("design", "the file holds null, not a design object");
        if (!FORMAT.equals(f.format())) {
            throw new DesignException("format", "expected \"" + FORMAT + "\", got \"" + f.format() + "\"");
        }
        EnumMap<Block, BlockSetting> blocks = new EnumMap<>(Block.class);
        f.blocks().forEach((name, b) -> {
            Block block;
            try {
                block = Block.named(name);
            } catch (DesignException e) {
                throw new DesignException("blocks." + name, "unknown block; toggleable blocks are " + Block.TOGGLEABLE);
            }
            if (b == null) throw new DesignException("blocks." + name, "missing or null");
            ConvMode mode;
            try {
                mode = ConvMode.fromId(b.mode());
            } catch (DesignException e) {
                throw new DesignException("blocks." + name + ".mode", e.getMessage().substring("mode: ".length()));
            }
            blocks.put(block, new BlockSetting(mode, b.gated()));
        });
        return new Design(blocks, f.firstTemporalKernel(), f.widthMultiplier(), f.clip().frames(), f.clip().height(),
                f.clip().width(), f.classes());
    }

    public static Design read(Path file) throws DesignFileException {
        String text;
        try {
            UserFiles.checkInput(file, MAX_BYTES);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (UserFiles.FileProblem e) {
            throw new DesignFileException(file, e.problem());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DesignFileException(file, "is not UTF-8 text (is it a design file?)");
        } catch (NoSuchFileException e) {
            throw new DesignFileException(file, "no such file");
        } catch (IOException e) {
            throw new DesignFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
        try {
            return fromJson(text);
        } catch (DesignException e) {
            throw new DesignFileException(file, e.getMessage());
        }
    }

    /** Writes through a temporary file so a crash never leaves half a design behind. */
    public static void write(Design d, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        UserFiles.write(file, out -> out.write(toJson(d).getBytes(StandardCharsets.UTF_8)));
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "design" : p;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
