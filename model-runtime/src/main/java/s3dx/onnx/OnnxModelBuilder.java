package s3dx.onnx;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import s3dx.net.Layer;
import s3dx.net.Network;
import s3dx.net.Shape;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightSet;

/**
 * Writes a {@link Network} as an ONNX graph (IR {@value #IR_VERSION}, opset {@value #OPSET}), one node group per
 * layer of the network, named by the layer. Input {@code video} [N,3,T,H,W]; outputs {@code logits} and
 * {@code probs} [N,classes], {@code gate/<scope>} [N,C] for every gate and {@code energy/<block>} [N,T',H',W']
 * (channel mean of the block's gated output) for every toggleable block, and {@code cam} [N,classes,T',H',W'] (the
 * class activation maps: the logits conv applied to Mixed_5c's output before the head pools it, so the head's
 * average of a class's map is its logit). Initializers are exactly the network's
 * tensors, by the spec's names; BatchNormalization stays a node (ONNX Runtime fuses it into the conv).
 */
public final class OnnxModelBuilder {
    /** The IR version of the bundled onnx.proto (ONNX 1.12); ONNX Runtime 1.29 reads IR up to 11. */
    public static final long IR_VERSION = 8;
    public static final long OPSET = 17;
    public static final String PRODUCER = "s3d-explorer";
    public static final String INPUT = "video", LOGITS = "logits", PROBS = "probs";
    public static final String GATE_PREFIX = "gate/", ENERGY_PREFIX = "energy/";
    /** Class activation maps [N,classes,T',H',W']: W_c . features(Mixed_5c) + b_c at every position, before pooling. */
    public static final String CAM = "cam";
    private static final String AXES_THW = "const/axes_2_3_4";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Network network;
    private boolean axesConstant;

    private OnnxModelBuilder(Network network) {
        this.network = network;
    }

    public static String gateOutput(Layer.Gate g) {
        return GATE_PREFIX + g.scope();
    }

    public static String energyOutput(Network.BlockNode b) {
        return ENERGY_PREFIX + b.block().name();
    }

    public static ModelProto build(Network network, WeightSet weights, ModelInfo info) {
        if (!info.design().equals(network.design())) {
            throw new IllegalArgumentException("the model info describes a different design from the network");
        }
        WeightSet ordered = weights.requireFits(network);
        OnnxModelBuilder b = new OnnxModelBuilder(network);
        b.graph.setName("s3dx");
        Shape in = network.input();
        b.graph.addInput(valueInfo(INPUT, in.c(), in.t(), in.h(), in.w()));
        for (Map.Entry<String, Tensor> e : ordered.tensors().entrySet()) b.graph.addInitializer(initializer(e.getKey(), e.getValue()));
        b.backbone();

        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(producerVersion())
                .setGraph(b.graph);
        if (info.description() != null) m.setDocString(info.description());
        info.toMetadata().forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private void backbone() {
        String x = INPUT;
        for (Network.BlockNode node : network.blocks()) {
            List<String> branchOutputs = new ArrayList<>();
            for (List<Layer> branch : node.branches()) {
                String y = x;
                for (Layer layer : branch) y = layer(layer, y);
                branchOutputs.add(y);
            }
            if (node.concat() != null) {
                x = node.concat().name();
                node(NodeProto.newBuilder().setOpType("Concat").setName(x).addAllInput(branchOutputs).addOutput(x)
                        .addAttribute(intAttr("axis", 1)));
                shape(x, node.output());
            } else {
                x = branchOutputs.get(0);
            }
            if (node.block().isToggleable()) {
                String energy = energyOutput(node);
                Shape s = node.output();
                node(op("ReduceMean", node.block().name() + "/energy", energy, x)
                        .addAttribute(intsAttr("axes", 1)).addAttribute(intAttr("keepdims", 0)));
                graph.addOutput(valueInfo(energy, s.t(), s.h(), s.w()));
            }
        }
    }

    /** Adds the nodes of one layer reading tensor {@code x}; returns the name of its output tensor. */
    private String layer(Layer layer, String x) {
        if (layer instanceof Layer.ConvUnit c) return convUnit(c, x);
        if (layer instanceof Layer.MaxPool p) {
            node(op("MaxPool", p.name(), p.name(), x).addAttribute(intsAttr("kernel_shape", p.kernel()))
                    .addAttribute(intsAttr("strides", p.stride())).addAttribute(intsAttr("pads", pads(p.pad()))));
            shape(p.name(), p.output());
            return p.name();
        }
        if (layer instanceof Layer.Gate g) return gate(g, x);
        if (layer instanceof Layer.Logits l) return head(l, x);
        throw new IllegalStateException("unexpected layer " + layer.name()); // concat is handled per block
    }

    private String convUnit(Layer.ConvUnit c, String x) {
        String s = c.name();
        node(op("Conv", s + "/conv", s + "/conv", x, s + "/conv.weight")
                .addAttribute(intsAttr("kernel_shape", c.kernel())).addAttribute(intsAttr("strides", c.stride()))
                .addAttribute(intsAttr("pads", pads(c.pad()))).addAttribute(intsAttr("dilations", 1, 1, 1))
                .addAttribute(intAttr("group", 1)));
        node(op("BatchNormalization", s + "/bn", s + "/bn", s + "/conv", s + "/bn.weight", s + "/bn.bias",
                s + "/bn.running_mean", s + "/bn.running_var")
                .addAttribute(AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT)
                        .setF((float) Layer.ConvUnit.BN_EPSILON)));
        node(op("Relu", s + "/relu", s, s + "/bn"));
        for (String t : new String[]{s + "/conv", s + "/bn", s}) shape(t, c.output());
        return s;
    }

    private String gate(Layer.Gate g, String x) {
        String s = g.scope() + "/gate";
        if (!axesConstant) {
            TensorProto axes = TensorProto.newBuilder().setName(AXES_THW).setDataType(TensorProto.DataType.INT64_VALUE)
                    .addDims(3).addInt64Data(2).addInt64Data(3).addInt64Data(4).build();
            graph.addNode(0, NodeProto.newBuilder().setOpType("Constant").setName(AXES_THW).addOutput(AXES_THW)
                    .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(axes)));
            axesConstant = true;
        }
        String out = gateOutput(g);
        node(op("ReduceMean", s + "/mean", s + "/mean", x).addAttribute(intsAttr("axes", 2, 3, 4)).addAttribute(intAttr("keepdims", 0)));
        node(op("Gemm", s + "/fc", s + "/fc", s + "/mean", g.scope() + "/gate.weight", g.scope() + "/gate.bias")
                .addAttribute(intAttr("transB", 1)));
        node(op("Sigmoid", s + "/sigmoid", out, s + "/fc"));
        node(op("Unsqueeze", s + "/unsqueeze", s + "/broadcast", out, AXES_THW));
        node(op("Mul", s + "/mul", s, x, s + "/broadcast"));
        shape(s, g.output());
        graph.addOutput(valueInfo(out, g.input().c()));
        return s;
    }

    private String head(Layer.Logits l, String x) {
        String s = l.name();
        String pool = "Logits/AvgPool_0a";
        node(op("AveragePool", pool, pool, x).addAttribute(intsAttr("kernel_shape", l.poolKernel()))
                .addAttribute(intsAttr("strides", 1, 1, 1)));
        // Dropout (p = 0.2) is the identity at inference and is left out.
        node(op("Conv", s + "/conv", s + "/conv", pool, s + "/conv.weight", s + "/conv.bias")
                .addAttribute(intsAttr("kernel_shape", 1, 1, 1)));
        shape(pool, l.pooled());
        shape(s + "/conv", l.output());
        // The same conv before pooling: pooling and a 1x1x1 conv commute, so these maps average to the logits.
        node(op("Conv", "Logits/cam", CAM, x, s + "/conv.weight", s + "/conv.bias").addAttribute(intsAttr("kernel_shape", 1, 1, 1)));
        Shape in = l.input();
        graph.addOutput(valueInfo(CAM, l.output().c(), in.t(), in.h(), in.w()));
        node(op("ReduceMean", "Logits/mean", LOGITS, s + "/conv").addAttribute(intsAttr("axes", 2, 3, 4)).addAttribute(intAttr("keepdims", 0)));
        node(op("Softmax", "Logits/softmax", PROBS, LOGITS).addAttribute(intAttr("axis", 1)));
        graph.addOutput(0, valueInfo(LOGITS, l.output().c()));
        graph.addOutput(1, valueInfo(PROBS, l.output().c()));
        return LOGITS;
    }

    /** Declares an intermediate tensor's shape, so viewers such as Netron show it on the edge. */
    private void shape(String tensor, Shape s) {
        graph.addValueInfo(valueInfo(tensor, s.c(), s.t(), s.h(), s.w()));
    }

    private void node(NodeProto.Builder n) {
        graph.addNode(n);
    }

    private static NodeProto.Builder op(String type, String name, String output, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(name).addOutput(output);
        for (String i : inputs) n.addInput(i);
        return n;
    }

    private static int[] pads(int[] p) {
        return new int[]{p[0], p[1], p[2], p[0], p[1], p[2]};
    }

    private static AttributeProto intsAttr(String name, int... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int v : values) a.addInts(v);
        return a.build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float tensor [N, dims...] with N symbolic. */
    private static ValueInfoProto valueInfo(String name, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int d : dims) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static TensorProto initializer(String name, Tensor t) {
        ByteBuffer bytes = ByteBuffer.allocate(t.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(t.data());
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array())); // the array is never touched again
        for (long d : t.shape()) p.addDims(d);
        return p.build();
    }

    private static String producerVersion() {
        String v = OnnxModelBuilder.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
