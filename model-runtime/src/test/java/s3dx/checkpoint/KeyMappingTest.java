package s3dx.checkpoint;

import org.junit.jupiter.api.Test;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key names as each implementation's model.py spells them, and state_dicts that do not fit. */
class KeyMappingTest {

    @Test
    void kyleminKeysAsModelPyNamesThem() {
        Map<String, String> cases = Map.of(
                "module.base.0.conv_s.weight", "Conv2d_1a_7x7/spatial/conv.weight",
                "base.0.bn_t.running_mean", "Conv2d_1a_7x7/temporal/bn.running_mean",
                "base.2.bn.bias", "Conv2d_2b_1x1/bn.bias",
                "base.3.bn_t.running_var", "Conv2d_2c_3x3/temporal/bn.running_var",
                "base.5.branch0.0.bn.running_mean", "Mixed_3b/Branch_0/Conv2d_0a_1x1/bn.running_mean",
                "module.base.8.branch1.1.bn_t.running_var", "Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/bn.running_var",
                "base.14.branch2.0.conv.weight", "Mixed_5b/Branch_2/Conv2d_0a_1x1/conv.weight",
                "base.15.branch3.1.conv.weight", "Mixed_5c/Branch_3/Conv2d_0b_1x1/conv.weight",
                "module.fc.0.bias", "Logits/Conv2d_0c_1x1/conv.bias");
        cases.forEach((key, name) -> assertEquals(name, KyleminKeys.specName(key).orElse("none"), key));
        assertTrue(KyleminKeys.specName("base.15.branch3.0.conv.weight").isEmpty()); // branch3.0 is the max pool
        assertTrue(KyleminKeys.specName("features.0.0.0.weight").isEmpty());
    }

    @Test
    void torchvisionKeysAsTheTsvNamesThem() {
        Map<String, String> cases = Map.of(
                "features.0.0.0.weight", "Conv2d_1a_7x7/spatial/conv.weight",
                "features.0.1.1.bias", "Conv2d_1a_7x7/temporal/bn.bias",
                "features.2.1.running_var", "Conv2d_2b_1x1/bn.running_var",
                "features.5.branch0.1.weight", "Mixed_3b/Branch_0/Conv2d_0a_1x1/bn.weight",
                "features.12.branch2.1.0.0.weight", "Mixed_4f/Branch_2/Conv2d_0b_3x3/spatial/conv.weight",
                "module.classifier.1.weight", "Logits/Conv2d_0c_1x1/conv.weight");
        cases.forEach((key, name) -> assertEquals(name, TorchvisionKeys.specName(key).orElse("none"), key));
        assertTrue(TorchvisionKeys.specName("base.0.conv_s.weight").isEmpty());
    }

    @Test
    void unknownMissingAndMisShapedKeysAreAllNamed() throws IOException {
        LinkedHashMap<String, Tensor> stateDict = new LinkedHashMap<>();
        SeedFixture.tsv().forEach((key, shape) -> stateDict.put(key, Tensor.zeros(shape)));
        stateDict.put("features.8.branch1.1.1.0.weight", Tensor.zeros(208, 208, 1, 3, 3)); // spatial's shape on temporal
        stateDict.put("features.16.weight", Tensor.zeros(4));
        stateDict.remove("classifier.1.bias");

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TorchvisionKeys.toSpecNames(stateDict, SeedFixture.expectedSpecShapes()));
        assertEquals("the torchvision s3d state_dict does not fit the network (3 problems):\n"
                + "  features.8.branch1.1.1.0.weight (Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/conv.weight):"
                + " shape [208, 208, 1, 3, 3] in the checkpoint, [208, 208, 3, 1, 1] expected\n"
                + "  unknown key features.16.weight\n"
                + "  missing Logits/Conv2d_0c_1x1/conv.bias", e.getMessage());
    }

    @Test
    void theSameTensorTwiceUnderAndWithoutModulePrefixIsReported() throws IOException {
        LinkedHashMap<String, Tensor> stateDict = new LinkedHashMap<>();
        SeedFixture.tsv().forEach((key, shape) -> stateDict.put(key, Tensor.zeros(shape)));
        stateDict.put("module.classifier.1.bias", Tensor.zeros(400));

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TorchvisionKeys.toSpecNames(stateDict, SeedFixture.expectedSpecShapes()));
        assertTrue(e.getMessage().contains("module.classifier.1.bias: a second tensor for Logits/Conv2d_0c_1x1/conv.bias"),
                e.getMessage());
    }
}
