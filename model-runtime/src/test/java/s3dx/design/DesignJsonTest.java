package s3dx.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;

class DesignJsonTest {

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetRoundTripsExactly(Preset p) {
        Design d = p.design().withClip(16, 112, 128).withWidthMultiplier(0.375).withClasses(10).withFirstTemporalKernel(5);
        String json = DesignJson.toJson(d);
        Design back = DesignJson.fromJson(json);
        assertEquals(d, back);
        assertEquals(json, DesignJson.toJson(back), "writing what was read gives the same text");
        assertTrue(json.contains("\"format\" : \"" + DesignJson.FORMAT + "\""));
    }

    @Test
    void mixedDesignRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Design d = Preset.I3D.design().withMode(Block.Mixed_4c, ConvMode.SEP3D).withGated(Block.Mixed_5b, true);
        Path f = dir.resolve("mine" + DesignJson.EXTENSION);
        DesignJson.write(d, f);
        assertEquals(d, DesignJson.read(f));
    }

    @Test
    void unknownFieldIsNamed() {
        String json = DesignJson.toJson(Preset.S3D.design()).replace("\"classes\"", "\"colour\" : 3,\n  \"classes\"");
        DesignException e = assertThrows(DesignException.class, () -> DesignJson.fromJson(json));
        assertEquals("colour", e.field());
        String nested = DesignJson.toJson(Preset.S3D.design()).replace("\"frames\"", "\"fps\" : 3, \"frames\"");
        assertEquals("clip.fps", assertThrows(DesignException.class, () -> DesignJson.fromJson(nested)).field());
    }

    @Test
    void missingFieldIsNamed() {
        String json = DesignJson.toJson(Preset.S3D.design()).replaceAll("\"widthMultiplier\" : [0-9.]+,", "");
        DesignException e = assertThrows(DesignException.class, () -> DesignJson.fromJson(json));
        assertTrue(e.getMessage().contains("widthMultiplier"), e.getMessage());
    }

    @Test
    void missingBlockIsNamed() {
        String json = DesignJson.toJson(Preset.S3D.design()).replaceAll("\"Mixed_4e\" : \\{[^}]*},", "");
        DesignException e = assertThrows(DesignException.class, () -> DesignJson.fromJson(json));
        assertEquals("Mixed_4e", e.field());
    }

    @Test
    void unknownBlockAndModeAreNamed() {
        String base = DesignJson.toJson(Preset.S3D.design());
        assertEquals("blocks.Mixed_9z", assertThrows(DesignException.class,
                () -> DesignJson.fromJson(base.replace("Mixed_4e", "Mixed_9z"))).field());
        DesignException mode = assertThrows(DesignException.class, () -> DesignJson.fromJson(base.replaceFirst("sep3d", "4d")));
        assertEquals("blocks.Conv2d_1a_7x7.mode", mode.field());
    }

    @Test
    void wrongFormatAndBrokenJsonAreRefused(@TempDir Path dir) throws Exception {
        String base = DesignJson.toJson(Preset.S3D.design());
        assertEquals("format", assertThrows(DesignException.class,
                () -> DesignJson.fromJson(base.replace("design@1", "design@9"))).field());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, base.substring(0, 100));
        DesignFileException e = assertThrows(DesignFileException.class, () -> DesignJson.read(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
        assertTrue(assertThrows(DesignFileException.class, () -> DesignJson.read(dir.resolve("none.json")))
                .getMessage().contains("no such file"));
    }

    @Test
    void gatingTheFirstConvIsRefused() {
        String json = DesignJson.toJson(Preset.S3D.design()).replaceFirst("\"gated\" : false", "\"gated\" : true");
        assertEquals("Conv2d_1a_7x7", assertThrows(DesignException.class, () -> DesignJson.fromJson(json)).field());
    }
}
