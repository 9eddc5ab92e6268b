package s3dx.infer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import s3dx.tensor.Tensor;

/** A model whose Loop never ends is stopped at the run limit with a message, and ONNX Runtime leaves no folder behind. */
class RunLimitTest {

    private static ValueInfoProto value(String name, int type, int rank) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < rank; i++) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("d" + i));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }

    private static NodeProto node(String op, String out, String... in) {
        return NodeProto.newBuilder().setOpType(op).addOutput(out).addAllInput(java.util.List.of(in)).build();
    }

    /** video -> Loop(no trip count, condition always true, carries the video unchanged) -> logits, probs. */
    static byte[] endlessLoop() {
        int f = TensorProto.DataType.FLOAT_VALUE, b = TensorProto.DataType.BOOL_VALUE, i64 = TensorProto.DataType.INT64_VALUE;
        GraphProto body = GraphProto.newBuilder().setName("body")
                .addInput(value("i", i64, 0)).addInput(value("c", b, 0)).addInput(value("v", f, 5))
                .addNode(node("Identity", "c_out", "c")).addNode(node("Identity", "v_out", "v"))
                .addOutput(value("c_out", b, 0)).addOutput(value("v_out", f, 5)).build();
        NodeProto loop = NodeProto.newBuilder().setOpType("Loop").addInput("").addInput("yes").addInput("video").addOutput("looped")
                .addAttribute(AttributeProto.newBuilder().setName("body").setType(AttributeProto.AttributeType.GRAPH).setG(body)).build();
        GraphProto g = GraphProto.newBuilder().setName("endless")
                .addInitializer(TensorProto.newBuilder().setName("yes").setDataType(b).addInt32Data(1))
                .addInput(value("video", f, 5)).addNode(loop)
                .addNode(node("Identity", "logits", "looped")).addNode(node("Identity", "probs", "looped"))
                .addOutput(value("logits", f, 5)).addOutput(value("probs", f, 5)).build();
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(g).build().toByteArray();
    }

    @Test
    void anEndlessLoopIsStoppedAtTheRunLimit() {
        try (OnnxSession s = OnnxSession.open(endlessLoop(), 1)) {
            s.setRunLimit(Duration.ofMillis(500));
            InferenceException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(InferenceException.class, () -> s.run(Tensor.zeros(1, 3, 1, 1, 1))));
            assertTrue(e.getMessage().contains("ran longer than the limit"), e.getMessage());
        }
    }

    @Test
    void theLibraryFolderInTmpIsRemoved() throws Exception {
        Ort.environment();
        var field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
        field.setAccessible(true);
        Path dir = (Path) field.get(null);
        assertTrue(dir == null || !Files.exists(dir), dir + " is left behind");
    }
}
