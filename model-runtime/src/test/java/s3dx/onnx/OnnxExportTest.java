package s3dx.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import s3dx.cost.CostReport;
import s3dx.infer.InferenceException;
import s3dx.infer.InferenceResult;
import s3dx.infer.OnnxSession;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.net.Shape;
import s3dx.net.TensorSpec;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

/** Every preset exports, loads in ONNX Runtime and runs with the outputs and shapes of the spec. */
class OnnxExportTest {

    static Design small(Preset p) {
        return p.design().withClip(16, 112, 112).withWidthMultiplier(0.25);
    }

    static Tensor randomClip(int n, Design d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(n, 3, d.frames(), d.height(), d.width());
        for (int i = 0; i < t.data().length; i++) t.data()[i] = (float) r.nextGaussian();
        return t;
    }

    static ModelProto export(Network net, WeightSet w) {
        return OnnxModelBuilder.build(net, w, ModelInfo.defaults(net.design()));
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetBuildsLoadsAndRuns(Preset preset) {
        Network net = Network.of(small(preset));
        ModelProto model = export(net, WeightInit.seeded(net, 7));

        long paramElements = model.getGraph().getInitializerList().stream()
                .filter(t -> !t.getName().endsWith(".running_mean") && !t.getName().endsWith(".running_var"))
                .mapToLong(t -> t.getDimsList().stream().reduce(1L, (a, b) -> a * b)).sum();
        assertEquals(CostReport.of(net).params(), paramElements, "parameter elements among the initializers");

        List<String> expectedOutputs = new ArrayList<>(List.of("logits", "probs", "cam"));
        net.gates().forEach(g -> expectedOutputs.add("gate/" + g.scope()));
        net.blocks().stream().filter(b -> b.block().isToggleable()).forEach(b -> expectedOutputs.add("energy/" + b.block().name()));
        List<String> declared = model.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList();
        assertEquals(expectedOutputs.stream().sorted().toList(), declared.stream().sorted().toList());
        assertEquals(List.of("logits", "probs"), declared.subList(0, 2));

        int n = 2;
        try (OnnxSession s = OnnxSession.open(model.toByteArray(), 2)) {
            assertArrayEquals(new long[]{-1, 3, 16, 112, 112}, s.inputShape());
            InferenceResult r = s.run(randomClip(n, net.design(), 1));
            int classes = net.design().classes();
            assertArrayEquals(new long[]{n, classes}, r.logits().shape());
            assertArrayEquals(new long[]{n, classes}, r.probs().shape());
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < classes; c++) sum += r.probs().data()[i * classes + c];
                assertEquals(1.0, sum, 1e-4, "softmax sums to 1");
            }
            assertEquals(net.gates().size(), r.gates().size());
            for (Layer.Gate g : net.gates()) {
                Tensor t = r.gates().get(g.scope());
                assertArrayEquals(new long[]{n, g.input().c()}, t.shape(), g.scope());
                for (float v : t.data()) assertTrue(v > 0 && v < 1, "gate values are sigmoids");
            }
            List<String> toggleable = new ArrayList<>();
            for (Network.BlockNode b : net.blocks()) {
                if (!b.block().isToggleable()) continue;
                toggleable.add(b.block().name());
                Shape out = b.output();
                assertArrayEquals(new long[]{n, out.t(), out.h(), out.w()}, r.energy().get(b.block().name()).shape(), b.block().name());
            }
            assertEquals(toggleable, List.copyOf(r.energy().keySet()), "energy maps in network order");
            assertEquals(Block.TOGGLEABLE.size(), toggleable.size());
        }
    }

    @Test
    void gatedPresetHasAGateOutputForEveryGatedScope() {
        Network net = Network.of(small(Preset.S3D_G));
        assertEquals(1 + 9 * 4, net.gates().size(), "Conv2d_2c_3x3 plus four branches of nine Mixed blocks");
        ModelProto model = export(net, WeightInit.seeded(net, 1));
        List<String> outputs = model.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList();
        assertTrue(outputs.contains("gate/Conv2d_2c_3x3"));
        assertTrue(outputs.contains("gate/Mixed_4b/Branch_1"));
        assertTrue(outputs.contains("gate/Mixed_5c/Branch_3"));
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndOutputs() {
        Network net = Network.of(small(Preset.S3D_G));
        WeightSet a = WeightInit.seeded(net, 42), b = WeightInit.seeded(net, 42), c = WeightInit.seeded(net, 43);
        assertEquals(a.tensors(), b.tensors());
        assertNotEquals(a.get("Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/conv.weight"), c.get("Mixed_4b/Branch_1/Conv2d_0b_3x3/temporal/conv.weight"));
        Tensor clip = randomClip(1, net.design(), 5);
        byte[] ma = export(net, a).toByteArray();
        assertArrayEquals(ma, export(net, b).toByteArray(), "same seed, same bytes");
        InferenceResult ra, rb, rc;
        try (OnnxSession s = OnnxSession.open(ma, 2)) {
            ra = s.run(clip);
            rb = s.run(clip);
        }
        try (OnnxSession s = OnnxSession.open(export(net, c).toByteArray(), 2)) {
            rc = s.run(clip);
        }
        assertArrayEquals(ra.logits().data(), rb.logits().data());
        assertEquals(ra.energy(), rb.energy());
        assertFalse(java.util.Arrays.equals(ra.logits().data(), rc.logits().data()), "another seed, other outputs");
    }

    @Test
    void fullSizeExportHasExactlyTheNetworksInitializers(@TempDir Path dir) throws Exception {
        Design d = Preset.S3D_G.design().withClip(64, 224, 224).withClasses(400);
        Network net = Network.of(d);
        ModelProto model = export(net, WeightInit.seeded(net, 3));
        Path f = dir.resolve("s3dg.onnx");
        OnnxModelFile.write(model, f);
        ModelProto back = OnnxModelFile.parse(f);
        assertEquals(net.tensors().stream().map(TensorSpec::name).toList(),
                back.getGraph().getInitializerList().stream().map(TensorProto::getName).toList());
        assertEquals(OnnxModelBuilder.IR_VERSION, back.getIrVersion());
        assertEquals(OnnxModelBuilder.OPSET, back.getOpsetImport(0).getVersion());
        ValueInfoProto in = back.getGraph().getInput(0);
        assertEquals("video", in.getName());
        assertEquals("N", in.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(List.of(3L, 64L, 224L, 224L), in.getType().getTensorType().getShape().getDimList().subList(1, 5).stream()
                .map(x -> x.getDimValue()).toList());
    }

    @Test
    void exportedFileIsSelfDescribingAndReloads(@TempDir Path dir) throws Exception {
        Design d = small(Preset.S3D_G).withClasses(3);
        Network net = Network.of(d);
        WeightSet w = WeightInit.seeded(net, 9);
        ModelInfo info = ModelInfo.defaults(d).withLabels(List.of("abseiling", "air drumming", "\"quoted\" label")).withDescription("test model");
        Path f = dir.resolve("m.onnx");
        OnnxModelFile.write(OnnxModelBuilder.build(net, w, info), f);
        OnnxModelFile.Contents c = OnnxModelFile.read(f);
        assertEquals(info, c.info());
        assertEquals(w.tensors(), c.weights().tensors());
        Map<String, String> meta = new LinkedHashMap<>();
        OnnxModelFile.parse(f).getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
        assertEquals(List.of(ModelInfo.ARCHITECTURE, ModelInfo.PREPROCESSING, ModelInfo.LABELS), List.copyOf(meta.keySet()));
        try (OnnxSession s = OnnxSession.open(f, 1)) {
            assertEquals(info, s.info().orElseThrow(), "ORT sees the same metadata");
        }
    }

    @Test
    void wrongClipShapeIsReportedBeforeOrtRuns() {
        Network net = Network.of(small(Preset.S3D));
        try (OnnxSession s = OnnxSession.open(export(net, WeightInit.seeded(net, 1)).toByteArray(), 1)) {
            InferenceException e = assertThrows(InferenceException.class, () -> s.run(Tensor.zeros(1, 3, 8, 112, 112)));
            assertEquals("clip has shape [1,3,8,112,112] but this model takes [N,3,16,112,112]", e.getMessage());
            assertEquals(InferenceException.Problem.SHAPE_MISMATCH, e.problem());
            assertThrows(InferenceException.class, () -> s.run(Tensor.zeros(3, 16, 112, 112)));
        }
    }

    @Test
    void weightsThatDoNotFitAreRefusedByName() {
        Network net = Network.of(small(Preset.S3D));
        WeightSet w = WeightInit.seeded(net, 1).with("Mixed_3b/Branch_0/Conv2d_0a_1x1/bn.bias", Tensor.zeros(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> export(net, w));
        assertTrue(e.getMessage().contains("Mixed_3b/Branch_0/Conv2d_0a_1x1/bn.bias is [5], expected [16]"), e.getMessage());
    }
}
