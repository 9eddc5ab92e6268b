package s3dx.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.net.Network;
import s3dx.net.Preset;
import s3dx.tensor.Tensor;

class SafeTensorsTest {
    static final Network NET = Network.of(Preset.S3D_G.design().withClip(16, 112, 112).withWidthMultiplier(0.25));

    @Test
    void roundTripKeepsNamesOrderValuesAndMetadata(@TempDir Path dir) throws IOException {
        WeightSet w = WeightInit.seeded(NET, 5);
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(w, Map.of("design", "S3D-G"), f);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.copyOf(w.tensors().keySet()), List.copyOf(c.weights().tensors().keySet()));
        assertEquals(w.tensors(), c.weights().tensors());
        assertEquals(Map.of("design", "S3D-G"), c.metadata());
        assertTrue(c.weights().check(NET).isEmpty());
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "header padded to 8 bytes");
    }

    @Test
    void scalarsAndEmptyTensorsRoundTrip(@TempDir Path dir) throws IOException {
        WeightSet w = new WeightSet(Map.of("s", new Tensor(new long[0], new float[]{2.5f}), "e", Tensor.zeros(0, 3)));
        Path f = dir.resolve("x.safetensors");
        SafeTensors.write(w, Map.of(), f);
        assertEquals(w.tensors(), SafeTensors.read(f).weights().tensors());
    }

    @Test
    void truncatedFileIsRefusedNamingFileAndTensor(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(WeightInit.seeded(NET, 1), Map.of(), f);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 100));
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("Logits/Conv2d_0c_1x1/conv.bias") || e.getMessage().contains("cover"), e.getMessage());
    }

    @Test
    void corruptHeadersAreRefusedWithClearMessages(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        assertError(f, new byte[3], "too short");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, 1L << 40), "does not fit");
        assertError(f, withHeader("{not json", 0, -1), "not valid JSON");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, -1), "tensor 'a' has dtype 'F16'");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, -1), "tensor 'a' has shape [3]");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4, -1), "outside the 4 data bytes");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, -1), "overlaps");
        assertError(f, withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8, -1), "bad dimension");
    }

    @Test
    void checkReportsUnknownMissingAndMisShapedByName() {
        WeightSet w = WeightInit.seeded(NET, 1);
        java.util.LinkedHashMap<String, Tensor> m = new java.util.LinkedHashMap<>(w.tensors());
        m.remove("Mixed_5c/Branch_3/gate.bias");
        m.put("Mixed_4b/Branch_0/Conv2d_0a_1x1/conv.weight", Tensor.zeros(1, 1, 1, 1, 1));
        m.put("extra.weight", Tensor.zeros(1));
        WeightSet.Mismatch mm = new WeightSet(m).check(NET);
        assertEquals(List.of("extra.weight"), mm.unknown());
        assertEquals(List.of("Mixed_5c/Branch_3/gate.bias"), mm.missing());
        assertEquals(1, mm.misShaped().size());
        assertTrue(mm.misShaped().get(0).startsWith("Mixed_4b/Branch_0/Conv2d_0a_1x1/conv.weight is [1, 1, 1, 1, 1], expected [48, 120, 1, 1, 1]"),
                mm.misShaped().get(0));
    }

    private static void assertError(Path f, byte[] bytes, String expected) throws IOException {
        Files.write(f, bytes);
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains(expected), e.getMessage());
    }

    /** A file with this header text and {@code dataBytes} zero bytes of data; {@code claimedLen} >= 0 overrides the length field. */
    private static byte[] withHeader(String json, int dataBytes, long claimedLen) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(claimedLen >= 0 ? claimedLen : h.length).put(h);
        return b.array();
    }
}
