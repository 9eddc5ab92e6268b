package s3dx.checkpoint;

import s3dx.tensor.Tensor;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes checkpoints the way torch.save does, zip and legacy, so the reader can be tested without Python. */
final class TorchSaveWriter {

    /** One tensor as torch stores it: a view (offset, size, stride) of a storage of raw elements. */
    record Stored(String storageKey, String storageClass, int elementSize, byte[] data, long offset, long[] size, long[] stride) {

        long storageNumel() {
            return data.length / elementSize;
        }

        /** A contiguous float32 tensor alone in its storage, in the given byte order. */
        static Stored float32(String storageKey, Tensor t, ByteOrder order) {
            ByteBuffer b = ByteBuffer.allocate(t.data().length * 4).order(order);
            for (float v : t.data()) b.putFloat(v);
            return new Stored(storageKey, "FloatStorage", 4, b.array(), 0, t.shape(), contiguousStride(t.shape()));
        }

        static long[] contiguousStride(long[] size) {
            long[] stride = new long[size.length];
            long s = 1;
            for (int d = size.length - 1; d >= 0; d--) {
                stride[d] = s;
                s *= size[d];
            }
            return stride;
        }
    }

    /** Where the state_dict sits: the top level, or under "state_dict" or "model" in a training checkpoint. */
    enum Wrap { NONE, STATE_DICT, MODEL }

    private static final byte[] LEGACY_MAGIC_LE = {0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    private TorchSaveWriter() {
    }

    static LinkedHashMap<String, Stored> float32(Map<String, Tensor> tensors, String keyPrefix) {
        LinkedHashMap<String, Stored> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            out.put(e.getKey(), Stored.float32(keyPrefix + i++, e.getValue(), ByteOrder.LITTLE_ENDIAN));
        }
        return out;
    }

    /** torch.save(state_dict) in the zip format, storages keyed 0, 1, ... under {@code folder}. */
    static void writeZip(Path file, Map<String, Tensor> tensors) throws IOException {
        Map<String, Stored> stored = float32(tensors, "");
        writeZip(file, "archive", stateDictPickle(stored, Wrap.NONE, false), storages(stored), "little");
    }

    /** A zip checkpoint from its parts; {@code byteorder} null leaves that record out, as torch before 1.12 did. */
    static void writeZip(Path file, String folder, byte[] dataPkl, Map<String, byte[]> storages, String byteorder) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, folder + "/data.pkl", dataPkl);
            if (byteorder != null) put(zip, folder + "/byteorder", byteorder.getBytes());
            for (Map.Entry<String, byte[]> e : storages.entrySet()) put(zip, folder + "/data/" + e.getKey(), e.getValue());
            put(zip, folder + "/version", "3\n".getBytes());
        }
    }

    /** torch.save(state_dict, _use_new_zipfile_serialization=False). */
    static void writeLegacy(Path file, Map<String, Tensor> tensors) throws IOException {
        Map<String, Stored> stored = float32(tensors, "9400");
        writeLegacy(file, stateDictPickle(stored, Wrap.NONE, true), storages(stored));
    }

    /** A legacy checkpoint from its main pickle and its float32 storages (key to raw bytes). */
    static void writeLegacy(Path file, byte[] mainPickle, Map<String, byte[]> storages) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(new PickleWriter().proto(2).long1(LEGACY_MAGIC_LE).stop().bytes());
            out.write(new PickleWriter().proto(2).integer(1001).stop().bytes());
            out.write(new PickleWriter().proto(2).emptyDict().mark()
                    .str("protocol_version").integer(1001)
                    .str("little_endian").bool(true)
                    .str("type_sizes").emptyDict().mark().str("short").integer(2).str("int").integer(4).str("long").integer(4).setitems()
                    .setitems().stop().bytes());
            out.write(mainPickle);
            PickleWriter keys = new PickleWriter().proto(2).emptyList().mark();
            storages.keySet().forEach(keys::str);
            out.write(keys.appends().stop().bytes());
            for (byte[] data : storages.values()) {
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length / 4).array());
                out.write(data);
            }
        }
    }

    static Map<String, byte[]> storages(Map<String, Stored> stored) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        stored.values().forEach(s -> out.put(s.storageKey(), s.data()));
        return out;
    }

    /** The pickle of an OrderedDict state_dict as torch writes it; legacy persistent ids carry a sixth item. */
    static byte[] stateDictPickle(Map<String, Stored> tensors, Wrap wrap, boolean legacy) {
        PickleWriter w = new PickleWriter().proto(2);
        if (wrap != Wrap.NONE) {
            w.emptyDict().mark().str("epoch").integer(7).str(wrap == Wrap.MODEL ? "model" : "state_dict");
        }
        w.global("collections", "OrderedDict").emptyTuple().reduce().mark();
        for (Map.Entry<String, Stored> e : tensors.entrySet()) {
            Stored s = e.getValue();
            w.str(e.getKey()).global("torch._utils", "_rebuild_tensor_v2").mark()
                    .mark().str("storage").global("torch", s.storageClass()).str(s.storageKey()).str("cpu").integer(s.storageNumel());
            if (legacy) w.none();
            w.tuple().binpersid()
                    .integer(s.offset()).tupleOf(s.size()).tupleOf(s.stride()).bool(false)
                    .global("collections", "OrderedDict").emptyTuple().reduce()
                    .tuple().reduce();
        }
        w.setitems();
        // OrderedDict's attribute state: state_dict()._metadata, applied with BUILD after the items
        w.emptyDict().mark().str("_metadata").global("collections", "OrderedDict").emptyTuple().reduce().setitems().build();
        if (wrap != Wrap.NONE) w.str("optimizer").emptyDict().setitems();
        return w.stop().bytes();
    }

    /** Stored, not deflated, as torch.save writes its records. */
    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
