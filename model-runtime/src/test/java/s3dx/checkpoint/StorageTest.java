package s3dx.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.checkpoint.TorchSaveWriter.Stored;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage element types, byte orders, offsets and strides, and files that are damaged. */
class StorageTest {

    @TempDir
    Path tmp;

    private Path zip(String name, Map<String, Stored> tensors, String byteorder) throws IOException {
        Path file = tmp.resolve(name);
        TorchSaveWriter.writeZip(file, name.replace(".pth", ""), TorchSaveWriter.stateDictPickle(tensors, TorchSaveWriter.Wrap.NONE, false),
                TorchSaveWriter.storages(tensors), byteorder);
        return file;
    }

    private static Stored stored(String key, String storageClass, int size, ByteOrder order, long[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (long v : values) {
            switch (size) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return new Stored(key, storageClass, size, b.array(), 0, shape, Stored.contiguousStride(shape));
    }

    @Test
    void halfAndBfloat16BecomeTheFloatsTheirBitsEncode() throws IOException {
        Map<String, Stored> tensors = new LinkedHashMap<>();
        // 1, -2, max, smallest subnormal, smallest normal, 1/3 rounded, +inf, -inf, -0
        tensors.put("half", stored("0", "HalfStorage", 2, ByteOrder.LITTLE_ENDIAN, new long[]{3, 3},
                0x3C00, 0xC000, 0x7BFF, 0x0001, 0x0400, 0x3555, 0x7C00, 0xFC00, 0x8000));
        // 1, -3.5, max, smallest subnormal, 1/3 rounded
        tensors.put("bf16", stored("1", "BFloat16Storage", 2, ByteOrder.LITTLE_ENDIAN, new long[]{5},
                0x3F80, 0xC060, 0x7F7F, 0x0001, 0x3EAB));
        tensors.put("nan", stored("2", "HalfStorage", 2, ByteOrder.LITTLE_ENDIAN, new long[]{1}, 0x7E00));
        Map<String, Tensor> read = PyTorchCheckpoint.read(zip("half.pth", tensors, "little"));

        assertArrayEquals(new long[]{3, 3}, read.get("half").shape());
        assertArrayEquals(new float[]{1f, -2f, 65504f, 5.9604645e-8f, 6.1035156e-5f, 0.33325195f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f}, read.get("half").data());
        assertArrayEquals(new float[]{1f, -3.5f, 3.3895314e38f, Float.intBitsToFloat(0x00010000), 0.333984375f},
                read.get("bf16").data());
        assertTrue(Float.isNaN(read.get("nan").data()[0]));
    }

    @Test
    void longIntAndDoubleStoragesAreReadAsFloat() throws IOException {
        Map<String, Stored> tensors = new LinkedHashMap<>();
        tensors.put("bn.num_batches_tracked", stored("0", "LongStorage", 8, ByteOrder.LITTLE_ENDIAN, new long[0], 12345));
        tensors.put("ints", stored("1", "IntStorage", 4, ByteOrder.LITTLE_ENDIAN, new long[]{2}, -7, 1 << 20));
        tensors.put("doubles", stored("2", "DoubleStorage", 8, ByteOrder.LITTLE_ENDIAN, new long[]{2},
                Double.doubleToLongBits(0.1), Double.doubleToLongBits(-1e300)));
        Map<String, Tensor> read = PyTorchCheckpoint.read(zip("ints.pth", tensors, null));

        assertEquals(0, read.get("bn.num_batches_tracked").rank());
        assertArrayEquals(new float[]{12345f}, read.get("bn.num_batches_tracked").data());
        assertArrayEquals(new float[]{-7f, 1 << 20}, read.get("ints").data());
        assertArrayEquals(new float[]{0.1f, Float.NEGATIVE_INFINITY}, read.get("doubles").data());
    }

    @Test
    void aBigEndianRecordIsReadInItsOwnOrder() throws IOException {
        Tensor t = new Tensor(new long[]{2, 2}, new float[]{1.5f, -2.25f, 3e-5f, 7e7f});
        Map<String, Stored> tensors = Map.of("w", Stored.float32("0", t, ByteOrder.BIG_ENDIAN));
        assertEquals(t, PyTorchCheckpoint.read(zip("big.pth", tensors, "big")).get("w"));
    }

    @Test
    void offsetsStridesAndSharedStoragesGiveCOrderCopies() throws IOException {
        byte[] tenFloats = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(0).putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6).putFloat(7).putFloat(8).putFloat(9)
                .array();
        Map<String, Stored> tensors = new LinkedHashMap<>();
        tensors.put("all", new Stored("0", "FloatStorage", 4, tenFloats, 0, new long[]{10}, new long[]{1}));
        tensors.put("window", new Stored("0", "FloatStorage", 4, tenFloats, 3, new long[]{2, 2}, new long[]{2, 1}));
        tensors.put("transposed", new Stored("0", "FloatStorage", 4, tenFloats, 0, new long[]{3, 2}, new long[]{1, 3}));
        tensors.put("broadcast", new Stored("0", "FloatStorage", 4, tenFloats, 9, new long[]{2, 3}, new long[]{0, 0}));
        tensors.put("empty", new Stored("0", "FloatStorage", 4, tenFloats, 0, new long[]{0, 4}, new long[]{4, 1}));
        Map<String, Tensor> read = PyTorchCheckpoint.read(zip("views.pth", tensors, "little"));

        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, read.get("all").data());
        assertArrayEquals(new float[]{3, 4, 5, 6}, read.get("window").data());
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, read.get("transposed").data());
        assertArrayEquals(new long[]{3, 2}, read.get("transposed").shape());
        assertArrayEquals(new float[]{9, 9, 9, 9, 9, 9}, read.get("broadcast").data());
        assertArrayEquals(new long[]{0, 4}, read.get("empty").shape());
        read.get("window").data()[0] = 100; // a copy, not a view of the shared storage
        assertEquals(3, read.get("all").data()[3]);
    }

    @Test
    void aTensorReachingPastItsStorageIsReportedByName() throws IOException {
        Stored fourFloats = Stored.float32("0", new Tensor(new long[]{4}, new float[]{1, 2, 3, 4}), ByteOrder.LITTLE_ENDIAN);
        Stored tooBig = new Stored("0", "FloatStorage", 4, fourFloats.data(), 1, new long[]{2, 2}, new long[]{2, 1});
        Path file = zip("overrun.pth", Map.of("features.0.0.0.weight", tooBig), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertEquals(file + ": tensor 'features.0.0.0.weight' of shape [2, 2] (offset 1, stride [2, 1]) reaches element 4"
                + " of storage 0, which holds 4", e.getMessage());
    }

    @Test
    void aTruncatedZipIsReportedWithTheFileName() throws IOException {
        Map<String, Stored> tensors = TorchSaveWriter.float32(Map.of("w", new Tensor(new long[]{64}, new float[64])), "");
        Path file = zip("cut.pth", tensors, "little");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 40));

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is not a readable zip archive (truncated or damaged?)"), e.getMessage());
    }

    @Test
    void aMissingOrShortStorageRecordIsReportedByName() throws IOException {
        Map<String, Stored> tensors = TorchSaveWriter.float32(new LinkedHashMap<>(Map.of(
                "a", new Tensor(new long[]{2}, new float[]{1, 2}))), "");
        Path missing = tmp.resolve("missing.pth");
        TorchSaveWriter.writeZip(missing, "archive", TorchSaveWriter.stateDictPickle(tensors, TorchSaveWriter.Wrap.NONE, false),
                Map.of(), "little");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(missing));
        assertEquals(missing + ": has no record archive/data/0", e.getMessage());

        Path shortRecord = tmp.resolve("short.pth");
        TorchSaveWriter.writeZip(shortRecord, "archive", TorchSaveWriter.stateDictPickle(tensors, TorchSaveWriter.Wrap.NONE, false),
                Map.of("0", new byte[4]), "little");
        e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(shortRecord));
        assertEquals(shortRecord + ": record archive/data/0 holds 4 bytes, its 2 float32 elements need 8", e.getMessage());
    }

    @Test
    void aTruncatedLegacyFileIsReportedWithTheFileName() throws IOException {
        Path file = tmp.resolve("legacy.pt");
        TorchSaveWriter.writeLegacy(file, Map.of("w", new Tensor(new long[]{8}, new float[8])));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 4));

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is truncated: storage 94000 needs 32 bytes"), e.getMessage());
    }

    @Test
    void aFileThatIsNoCheckpointIsReportedAsSuch() throws IOException {
        Path text = Files.writeString(tmp.resolve("labels.txt"), "abseiling\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(text));
        assertEquals(text + ": is neither a zip nor a legacy torch.save file", e.getMessage());

        Path list = tmp.resolve("list.pt");
        Files.write(list, new PickleWriter().proto(2).emptyList().stop().bytes());
        e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(list));
        assertTrue(e.getMessage().startsWith(list + ": is not a torch.save file"), e.getMessage());
    }

    @Test
    void aCheckpointWithoutAStateDictSaysWhatItHolds() throws IOException {
        Path file = tmp.resolve("optimizer.pth");
        byte[] pickle = new PickleWriter().proto(2).emptyDict().mark().str("epoch").integer(3).str("lr").integer(1).setitems().stop().bytes();
        TorchSaveWriter.writeZip(file, "archive", pickle, Map.of(), null);

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": holds no state_dict: 'epoch' is Long 3"), e.getMessage());
        assertTrue(e.getMessage().contains(List.of("epoch", "lr").toString()), e.getMessage());
    }
}
