package s3dx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Preset;

/** Names for trained models: the preset the design is, as text and as a file name in the demo models' style. */
class TrainModelsTest {
    @Test
    void fileNamesFollowTheShippedDemoModels() {
        assertEquals("s3d-g_16x64x64_w0.25_motionshapes.onnx",
                TrainModels.fileName(Preset.S3D_G.design().withWidthMultiplier(0.25).withClip(16, 64, 64)));
        assertEquals("i2d_16x64x64_w0.25_motionshapes.onnx",
                TrainModels.fileName(Preset.I2D.design().withWidthMultiplier(0.25).withClip(16, 64, 64)));
        assertEquals("top-heavy-i3d_8x32x48_w1_motionshapes.onnx",
                TrainModels.fileName(Preset.TOP_HEAVY_I3D.design().withClip(8, 32, 48)));
        assertEquals("bottom-heavy-i3d-mixed_4c_16x64x64_w0.5_motionshapes.onnx",
                TrainModels.fileName(Preset.BOTTOM_HEAVY_I3D.design(Block.Mixed_4c).withWidthMultiplier(0.5).withClip(16, 64, 64)));
        assertEquals("Bottom-Heavy-I3D (boundary Mixed_4c)", TrainModels.describe(Preset.BOTTOM_HEAVY_I3D.design(Block.Mixed_4c)));
        assertEquals("Top-Heavy-I3D", TrainModels.describe(Preset.TOP_HEAVY_I3D.design()));
    }

    @Test
    void aDesignNoPresetMakesIsCustom() {
        var d = Preset.S3D.design().withMode(Block.Mixed_5c, ConvMode.THREE_D).withClip(16, 64, 64);
        assertEquals("custom design", TrainModels.describe(d));
        assertEquals("custom_16x64x64_w1_motionshapes.onnx", TrainModels.fileName(d));
    }
}
