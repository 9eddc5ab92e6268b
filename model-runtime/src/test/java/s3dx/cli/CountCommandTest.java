package s3dx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.design.DesignJson;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Preset;

class CountCommandTest {


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void jsonForS3dGHasTheSpecNumbers() throws Exception {
        CliRun r = run("count", "--preset", "s3d-g", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(9_545_056L, j.get("params").asLong());
        assertEquals(71.918, j.get("macs").asLong() / 1e9, 71.918 * 1e-4);
        assertEquals(2 * j.get("macs").asLong(), j.get("flops").asLong());
        assertTrue(j.get("activationBytes").asLong() > 0);
        JsonNode first = j.get("layers").get(0);
        assertEquals("Conv2d_1a_7x7/spatial", first.get("name").asText()); // spatial half keeps all frames; temporal strides by 2
        assertEquals("[64,32,112,112]", j.get("layers").get(1).get("outputShape").toString());
        assertEquals("[64,64,112,112]", first.get("outputShape").toString());
        long sum = 0;
        for (JsonNode l : j.get("layers")) sum += l.get("params").asLong();
        assertEquals(9_545_056L, sum, "layers add up to the total");
    }

    @Test
    void setChangesOneBlockAndMatchesTheDesignFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("d.json");
        DesignJson.write(Preset.S3D.design().withClip(16, 224, 224).withMode(Block.Mixed_4b, ConvMode.THREE_D).withGated(Block.Mixed_4b, true), f);
        CliRun fromFile = run("count", "--design", f.toString(), "--format", "csv");
        CliRun fromSet = run("count", "--preset", "s3d", "--frames", "16", "--set", "Mixed_4b=3d+gate", "--format", "csv");
        assertEquals(0, fromSet.exit(), fromSet.err());
        assertEquals(fromFile.out(), fromSet.out());
        assertTrue(fromSet.out().contains("Mixed_4b/Branch_1/gate"));
    }

    @Test
    void badArgumentsGiveOneLineAndNonZeroExit() {
        for (String[] args : new String[][]{
                {"count", "--preset", "s4d"}, {"count", "--preset", "s3d", "--frames", "2"},
                {"count", "--preset", "s3d", "--set", "Mixed_9z=3d"}, {"count", "--preset", "s3d", "--format", "xml"},
                {"count", "--design", "/nonexistent/d.json"}, {"count", "--preset", "s3d", "--nope"},
                {"count", "--preset", "s3d", "--set", "Conv2d_1a_7x7=sep3d+gate"}}) {
            CliRun r = run(args);
            assertTrue(r.exit() != 0, String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void presetsListsEveryPreset() {
        CliRun r = run("presets");
        assertEquals(Preset.values().length, r.out().strip().lines().count());
        assertTrue(r.out().contains("8,320,048"));
    }
}
