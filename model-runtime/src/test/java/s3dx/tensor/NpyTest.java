package s3dx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Tensor t = new Tensor(new long[]{1, 3, 2, 4, 5}, new float[120]);
        for (int i = 0; i < 120; i++) t.data()[i] = i * 0.5f - 7;
        Path f = dir.resolve("clip.npy");
        Npy.write(t, f);
        assertEquals(t, Npy.read(f));
        Tensor v = new Tensor(new long[]{3}, new float[]{1, 2, 3});
        assertEquals(v, Npy.parse(Npy.toBytes(v), "v"));
    }

    @Test
    void headerIsWhatNumpyWrites() {
        byte[] b = Npy.toBytes(Tensor.zeros(2, 3));
        String header = new String(b, 10, b[8] & 0xff, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertEquals(0, (10 + header.length()) % 64);
        assertTrue(new String(Npy.toBytes(Tensor.zeros(5)), StandardCharsets.ISO_8859_1).contains("'shape': (5,)"));
    }

    @Test
    void readsVersion2Headers() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n";
        ByteBuffer b = ByteBuffer.allocate(12 + dict.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(dict.length()).put(dict.getBytes(StandardCharsets.ISO_8859_1));
        b.putFloat(1.5f).putFloat(-2f);
        assertArrayEquals(new float[]{1.5f, -2f}, Npy.parse(b.array(), "v2").data());
    }

    @Test
    void refusesOtherDtypesFortranOrderAndTruncation() {
        assertMessage(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16), "dtype '<f8' is not supported");
        assertMessage(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8), "dtype '>f4' is not supported");
        assertMessage(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16), "Fortran order");
        assertMessage(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 8), "needs 12 data bytes but the file has 8");
        assertMessage("hello world".getBytes(StandardCharsets.ISO_8859_1), "not a .npy file");
    }

    private static void assertMessage(byte[] bytes, String expected) {
        IOException e = assertThrows(IOException.class, () -> Npy.parse(bytes, "in.npy"));
        assertTrue(e.getMessage().startsWith("in.npy: ") && e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] npy(String dict, int dataBytes) {
        String h = dict + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length()).put(h.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
