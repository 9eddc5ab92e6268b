package s3dx.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import s3dx.files.UserFiles;
import s3dx.tensor.Tensor;

/**
 * Weight files in the safetensors format (https://github.com/huggingface/safetensors), float32 only.
 * A file is: 8 bytes, the header length N as an unsigned little-endian 64-bit integer; N bytes of UTF-8
 * JSON, {@code {"__metadata__": {string: string}, name: {"dtype": "F32", "shape": [..],
 * "data_offsets": [begin, end]}, ...}}, padded with spaces to a multiple of 8; then the data: each
 * tensor's values as little-endian float32 in C order at [begin, end) counted from the end of the header.
 * Reading is pure parsing (nothing in the file is ever executed); every offset and size is checked against
 * the file before a byte of data is read, and errors name the file and the tensor.
 */
public final class SafeTensors {
    /** Headers larger than this are refused (the reference implementation's limit). */
    public static final long MAX_HEADER_BYTES = 100L << 20;
    /** Files larger than this are refused: every tensor is read onto the Java heap. */
    public static final long MAX_FILE_BYTES = 4L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's tensors (in file order) and its string metadata. */
    public record Contents(WeightSet weights, Map<String, String> metadata) {}

    private SafeTensors() {}

    public static void write(WeightSet weights, Map<String, String> metadata, Path file) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) header.put("__metadata__", metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : weights.tensors().entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("'__metadata__' cannot name a tensor");
            long bytes = (long) e.getValue().data().length * Float.BYTES;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", e.getValue().shape());
            entry.put("data_offsets", new long[]{offset, offset + bytes});
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        UserFiles.write(file, out -> {
            out.write(head.array());
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : weights.tensors().values()) {
                float[] d = t.data();
                for (int i = 0; i < d.length; ) {
                    chunk.clear();
                    int n = Math.min(d.length - i, chunk.capacity() / Float.BYTES);
                    chunk.asFloatBuffer().put(d, i, n);
                    out.write(chunk.array(), 0, n * Float.BYTES);
                    i += n;
                }
            }
        });
    }

    public static Contents read(Path file) throws IOException {
        UserFiles.checkInput(file, MAX_FILE_BYTES);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw bad(file, "only " + size + " bytes, too short for a safetensors file");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0, file);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen < 2 || headerLen > MAX_HEADER_BYTES || headerLen > size - 8) {
                throw bad(file, "header length " + Long.toUnsignedString(headerLen) + " does not fit a file of " + size
                        + " bytes (is this a safetensors file?)");
            }
            ByteBuffer headBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headBuf, 8, file);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headBuf.array(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw bad(file, "header is not valid JSON: " + e.getOriginalMessage());
            }
            if (header == null || !header.isObject()) throw bad(file, "header is not a JSON object");
            long dataStart = 8 + headerLen, dataLen = size - dataStart;

            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("__metadata__")) {
                    if (!f.getValue().isObject()) throw bad(file, "__metadata__ is not an object");
                    f.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                } else {
                    entries.add(entry(file, f.getKey(), f.getValue(), dataLen));
                }
            }
            List<Entry> byOffset = new ArrayList<>(entries);
            byOffset.sort(Comparator.comparingLong(Entry::begin));
            long covered = 0;
            for (Entry e : byOffset) {
                if (e.begin < covered) throw bad(file, "tensor '" + e.name + "' overlaps the tensor before it (offset " + e.begin + ")");
                if (e.begin > covered) throw bad(file, "bytes " + covered + ".." + e.begin + " of the data belong to no tensor");
                covered = e.end;
            }
            if (covered != dataLen) throw bad(file, "data has " + dataLen + " bytes but the tensors cover " + covered);

            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                ByteBuffer buf = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, buf, dataStart + e.begin, file);
                float[] data = new float[buf.capacity() / Float.BYTES];
                buf.flip().asFloatBuffer().get(data);
                tensors.put(e.name, new Tensor(e.shape, data));
            }
            return new Contents(new WeightSet(tensors), metadata);
        }
    }

    private record Entry(String name, long[] shape, long begin, long end) {}

    private static Entry entry(Path file, String name, JsonNode node, long dataLen) throws IOException {
        String what = "tensor '" + name + "'";
        if (!node.isObject()) throw bad(file, what + " is not described by an object");
        String dtype = node.path("dtype").asText("");
        if (!dtype.equals("F32")) throw bad(file, what + " has dtype '" + dtype + "'; only F32 is supported");
        JsonNode shapeNode = node.path("shape"), offs = node.path("data_offsets");
        if (!shapeNode.isArray()) throw bad(file, what + " has no shape array");
        long[] shape = new long[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) throw bad(file, what + " has a bad dimension " + d);
            shape[i] = d.asLong();
            if (shape[i] != 0 && numel > Long.MAX_VALUE / shape[i]) throw bad(file, what + " has more than 2^63 elements");
            numel *= shape[i];
        }
        if (!offs.isArray() || offs.size() != 2 || !offs.get(0).isIntegralNumber() || !offs.get(1).isIntegralNumber()) {
            throw bad(file, what + " needs data_offsets [begin, end]");
        }
        long begin = offs.get(0).asLong(), end = offs.get(1).asLong();
        if (begin < 0 || end < begin || end > dataLen) {
            throw bad(file, what + " has data_offsets [" + begin + ", " + end + "] outside the " + dataLen + " data bytes (file truncated?)");
        }
        if (numel > Integer.MAX_VALUE / Float.BYTES) throw bad(file, what + " is too large (" + numel + " values)");
        if (end - begin != numel * Float.BYTES) {
            throw bad(file, what + " has shape " + Arrays.toString(shape) + " (" + numel * Float.BYTES
                    + " bytes) but data_offsets span " + (end - begin) + " bytes");
        }
        return new Entry(name, shape, begin, end);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) throw bad(file, "ends early");
            pos += n;
        }
    }

    private static IOException bad(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
