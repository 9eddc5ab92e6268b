package s3dx.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DesignValidationTest {
    private final Design s3d = Preset.S3D.design();

    private static String field(Runnable r) {
        return assertThrows(DesignException.class, r::run).field();
    }

    @Test
    void clipTooShortForThePoolsNamesFramesAndTheLayer() {
        DesignException e = assertThrows(DesignException.class, () -> Network.of(s3d.withClip(2, 224, 224)));
        assertEquals("frames", e.field());
        assertTrue(e.getMessage().contains("MaxPool_5a_2x2"), e.getMessage());
        assertTrue(e.getMessage().endsWith("use at least 5"), e.getMessage());
        assertThrows(DesignException.class, () -> Network.of(s3d.withClip(4, 224, 224)));
        Network.of(s3d.withClip(5, 224, 224));
    }

    @Test
    void clipTooSmallNamesHeightOrWidth() {
        assertEquals("height", field(() -> Network.of(s3d.withClip(16, 16, 224))));
        assertEquals("width", field(() -> Network.of(s3d.withClip(16, 224, 16))));
    }

    @Test
    void fieldRulesAreEnforced() {
        assertEquals("widthMultiplier", field(() -> s3d.withWidthMultiplier(0)));
        assertEquals("widthMultiplier", field(() -> s3d.withWidthMultiplier(Double.NaN)));
        assertEquals("classes", field(() -> s3d.withClasses(0)));
        assertEquals("firstTemporalKernel", field(() -> s3d.withFirstTemporalKernel(4)));
        assertEquals("Conv2d_1a_7x7", field(() -> s3d.withGated(Block.Conv2d_1a_7x7, true)));
        assertEquals("block", field(() -> Block.named("Mixed_6a")));
        assertEquals("MaxPool_4a_3x3", field(() -> s3d.with(Block.MaxPool_4a_3x3, BlockSetting.of(ConvMode.THREE_D))));
        assertEquals("preset", field(() -> Preset.fromId("s4d")));
    }

    @Test
    void boundaryMovesTheSplit() {
        Design top = Preset.TOP_HEAVY_I3D.design(Block.Mixed_5b);
        assertEquals(ConvMode.TWO_D, top.setting(Block.Mixed_4f).mode());
        assertEquals(ConvMode.THREE_D, top.setting(Block.Mixed_5b).mode());
        Design bottom = Preset.BOTTOM_HEAVY_I3D.design(Block.Conv2d_2c_3x3);
        assertEquals(ConvMode.THREE_D, bottom.setting(Block.Conv2d_2c_3x3).mode());
        assertEquals(ConvMode.TWO_D, bottom.setting(Block.Mixed_3b).mode());
    }

    @Test
    void widthMultiplierFloorsAndKeepsEight() {
        Design quarter = s3d.withWidthMultiplier(0.25);
        Network n = Network.of(quarter);
        assertEquals(16, n.block(Block.Conv2d_1a_7x7).output().c());
        // Mixed_3b branch 2 reduces to 16 channels at width 1.0: floor(16 * 0.25) = 4, raised to 8
        Layer.ConvUnit reduce = (Layer.ConvUnit) n.block(Block.Mixed_3b).branches().get(2).get(0);
        assertEquals(8, reduce.output().c());
        assertEquals(400, n.head().outputDims()[0]);
    }

    @Test
    void settingParsesCommandLineForm() {
        assertEquals(new BlockSetting(ConvMode.SEP3D, true), BlockSetting.parse("sep3d+gate"));
        assertEquals(new BlockSetting(ConvMode.TWO_D, false), BlockSetting.parse("2D"));
        assertEquals("3d+gate", new BlockSetting(ConvMode.THREE_D, true).toString());
    }
}
