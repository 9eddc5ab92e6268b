package s3dx.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import s3dx.files.UserFiles;
import s3dx.net.Network;
import s3dx.tensor.Tensor;
import s3dx.weights.WeightMismatchException;
import s3dx.weights.WeightSet;

/** Reads and writes our ONNX files: an exported model carries its {@link ModelInfo} and weights, so it re-loads. */
public final class OnnxModelFile {

    /** What a model file holds: its description and its weights in network order. */
    public record Contents(ModelInfo info, WeightSet weights) {
        public Network network() {
            return Network.of(info.design());
        }
    }

    /** Protocol buffers cannot hold more than 2 GiB. */
    public static final long MAX_BYTES = Integer.MAX_VALUE;

    private OnnxModelFile() {}

    /** Writes through a temporary file so a failed export never leaves half a model behind. */
    public static void write(ModelProto model, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        UserFiles.write(file, model::writeTo);
    }

    public static ModelProto parse(Path file) throws IOException {
        UserFiles.checkInput(file, MAX_BYTES);
        try (InputStream in = Files.newInputStream(file)) {
            return ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(file + ": not an ONNX model (" + e.getMessage() + ")");
        }
    }

    public static Contents read(Path file) throws IOException {
        return contents(parse(file), file.toString());
    }

    /** The info and weights of a parsed model; {@code source} names it in errors. */
    public static Contents contents(ModelProto model, String source) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) metadata.put(e.getKey(), e.getValue());
        ModelInfo info;
        try {
            info = ModelInfo.fromMetadata(metadata, model.getDocString(), source);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorProto t : model.getGraph().getInitializerList()) tensors.put(t.getName(), tensor(t, source));
        try {
            return new Contents(info, new WeightSet(tensors).requireFits(Network.of(info.design())));
        } catch (WeightMismatchException e) {
            throw new IOException(source + ": " + e.getMessage());
        }
    }

    /**
     * The model with the class activation map output {@link OnnxModelBuilder#CAM}: as it is when it has one, else
     * rebuilt from its metadata and weights (files exported before the output existed). Rebuilding goes through
     * the one builder, so it does not depend on how an older builder named its nodes.
     */
    public static ModelProto withClassMaps(ModelProto model, String source) throws IOException {
        for (var out : model.getGraph().getOutputList()) if (out.getName().equals(OnnxModelBuilder.CAM)) return model;
        Contents c = contents(model, source);
        return OnnxModelBuilder.build(c.network(), c.weights(), c.info());
    }

    static Tensor tensor(TensorProto t, String source) throws IOException {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IOException(source + ": initializer '" + t.getName() + "' is not float32 (ONNX data type " + t.getDataType() + ")");
        }
        if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IOException(source + ": initializer '" + t.getName() + "' uses external data, which is not supported");
        }
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long n;
        try {
            n = Tensor.numel(shape);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": initializer '" + t.getName() + "': " + e.getMessage());
        }
        float[] data;
        if (t.hasRawData()) {
            if (t.getRawData().size() != n * Float.BYTES) {
                throw new IOException(source + ": initializer '" + t.getName() + "' has " + t.getRawData().size()
                        + " bytes for " + n + " values");
            }
            data = new float[(int) n];
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().get(data);
        } else {
            if (t.getFloatDataCount() != n) {
                throw new IOException(source + ": initializer '" + t.getName() + "' has " + t.getFloatDataCount() + " values, its shape needs " + n);
            }
            data = new float[(int) n];
            for (int i = 0; i < data.length; i++) data[i] = t.getFloatData(i);
        }
        return new Tensor(shape, data);
    }
}
