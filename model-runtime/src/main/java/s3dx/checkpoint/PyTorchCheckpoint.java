package s3dx.checkpoint;

import s3dx.checkpoint.TorchPickle.StorageRef;
import s3dx.checkpoint.TorchPickle.TensorRef;
import s3dx.files.UserFiles;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the state_dict of a {@code torch.save} file without Python: the zip format (torch 1.6 and later)
 * and the legacy format before it. The pickle inside may only name what a state_dict needs (see
 * {@link TorchPickle}); anything else is refused before a single tensor is built.
 */
public final class PyTorchCheckpoint {

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL_VERSION = 1001;
    private static final String PICKLE = "data.pkl";
    /**
     * Limits: the file, and all its storages together once unpacked (a zip bomb stops here); the pickle
     * itself. Kinetics-400 S3D checkpoints are about 32 MB with a pickle of about 100 KB.
     */
    public static final long MAX_BYTES = 1L << 30, MAX_PICKLE_BYTES = 64L << 20;

    private PyTorchCheckpoint() {
    }

    /**
     * The tensors of the state_dict in {@code file}, by name in file order, all as float32. A checkpoint that
     * wraps its state_dict in a dict under "state_dict" or "model" gives that one.
     *
     * @throws CheckpointException if the file is not a readable checkpoint; the message names the file
     */
    public static LinkedHashMap<String, Tensor> read(Path file) throws IOException {
        try {
            UserFiles.checkInput(file, MAX_BYTES);
        } catch (UserFiles.FileProblem e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        try {
            return isZip(file) ? readZip(file) : readLegacy(file);
        } catch (CheckpointException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    /** {@code <folder>/data.pkl}, storages in {@code <folder>/data/<key>}, optional {@code <folder>/byteorder}. */
    private static LinkedHashMap<String, Tensor> readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> pickles = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.equals(PICKLE) || n.endsWith("/" + PICKLE)).toList();
            if (pickles.size() != 1) {
                throw new CheckpointException("a torch.save zip holds one " + PICKLE + ", this one holds " + pickles);
            }
            String folder = pickles.get(0).substring(0, pickles.get(0).length() - PICKLE.length());
            ByteOrder order = zipByteOrder(zip, folder + "byteorder");

            TorchPickle torch = new TorchPickle();
            Object root = new Unpickler(torch).load(ByteBuffer.wrap(entry(zip, pickles.get(0), MAX_PICKLE_BYTES)));
            return materialize(stateDict(root), ref -> {
                String name = folder + "data/" + ref.key();
                if (zip.getEntry(name) == null) throw new CheckpointException("has no record " + Unpickler.shorten(name));
                // Only the bytes the storage needs are unpacked: a record that claims or inflates to more is not read further.
                byte[] data = entry(zip, name, ref.numel() * ref.dtype().size);
                return checkedStorage(ByteBuffer.wrap(data).order(order), ref, "record " + Unpickler.shorten(name));
            });
        } catch (ZipException e) {
            throw new CheckpointException("is not a readable zip archive (truncated or damaged?): " + e.getMessage(), e);
        }
    }

    private static ByteOrder zipByteOrder(ZipFile zip, String name) throws IOException {
        if (zip.getEntry(name) == null) return ByteOrder.LITTLE_ENDIAN; // written before torch 1.12: little-endian
        String order = new String(entry(zip, name, 16), StandardCharsets.US_ASCII).trim();
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new CheckpointException("record " + name + " says '" + Unpickler.shorten(order) + "', not little or big");
        };
    }

    /** At most {@code limit} bytes of a record; a pickle record that is longer is refused. */
    private static byte[] entry(ZipFile zip, String name, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
            if (name.endsWith(PICKLE) && in.read() >= 0) {
                throw new CheckpointException("record " + Unpickler.shorten(name) + " is over the limit of " + limit + " bytes");
            }
            return bytes;
        }
    }

    /**
     * Pickles of the magic number, the protocol version and the system info, the main pickle, the list of
     * storage keys, then each storage in that order as an 8-byte element count and its raw bytes.
     */
    private static LinkedHashMap<String, Tensor> readLegacy(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        if (!in.hasRemaining() || in.get(0) != (byte) 0x80) {
            throw new CheckpointException("is neither a zip nor a legacy torch.save file");
        }
        TorchPickle torch = new TorchPickle();
        Unpickler unpickler = new Unpickler(torch);
        Object magic = unpickler.load(in);
        if (!LEGACY_MAGIC.equals(magic)) {
            throw new CheckpointException("is not a torch.save file: it starts with " + Unpickler.describe(magic)
                    + ", not the legacy magic number");
        }
        Object version = unpickler.load(in);
        if (!Long.valueOf(LEGACY_PROTOCOL_VERSION).equals(version)) {
            throw new CheckpointException("has legacy protocol version " + Unpickler.describe(version) + ", not " + LEGACY_PROTOCOL_VERSION);
        }
        ByteOrder order = unpickler.load(in) instanceof Map<?, ?> sysInfo && Boolean.FALSE.equals(sysInfo.get("little_endian"))
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Map<String, TensorRef> tensors = stateDict(unpickler.load(in));
        if (!(unpickler.load(in) instanceof List<?> keys)) throw new CheckpointException("has no list of storage keys");

        Map<String, ByteBuffer> storages = new HashMap<>();
        in.order(order);
        for (Object key : keys) {
            StorageRef ref = key instanceof String k ? torch.storage(k) : null;
            if (ref == null) throw new CheckpointException("lists storage " + Unpickler.describe(key) + ", which no tensor uses");
            String what = "storage " + Unpickler.shorten(ref.key());
            if (in.remaining() < Long.BYTES) throw new CheckpointException("is truncated: " + what + " is missing");
            long count = in.getLong();
            if (count != ref.numel()) {
                throw new CheckpointException(what + " holds " + count + " elements, the pickle says " + ref.numel());
            }
            long bytes = count * ref.dtype().size;
            if (bytes > in.remaining()) {
                throw new CheckpointException("is truncated: " + what + " needs " + bytes + " bytes at offset "
                        + in.position() + ", " + in.remaining() + " are left");
            }
            storages.put(ref.key(), in.slice(in.position(), (int) bytes).order(order));
            in.position(in.position() + (int) bytes);
        }
        return materialize(tensors, ref -> {
            ByteBuffer data = storages.get(ref.key());
            if (data == null) throw new CheckpointException("has no data for storage " + ref.key());
            return data;
        });
    }

    /** The state_dict in a pickle's result: the result itself, or a dict under "state_dict" or "model". */
    private static Map<String, TensorRef> stateDict(Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new CheckpointException("holds a " + Unpickler.describe(root) + ", not a state_dict");
        }
        Map<?, ?> candidate = dict;
        if (!dict.isEmpty() && !dict.values().stream().allMatch(TensorRef.class::isInstance)) {
            for (String wrapper : List.of("state_dict", "model")) {
                if (dict.get(wrapper) instanceof Map<?, ?> inner) {
                    candidate = inner;
                    break;
                }
            }
        }
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : candidate.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef t)) {
                throw new CheckpointException("holds no state_dict: " + Unpickler.describe(e.getKey()) + " is " + Unpickler.describe(e.getValue())
                        + " (a state_dict maps names to tensors, alone or under 'state_dict' or 'model'; top-level keys "
                        + dict.keySet().stream().limit(10).map(k -> k instanceof String n ? Unpickler.shorten(n) : Unpickler.describe(k)).toList() + (dict.size() > 10 ? " and " + (dict.size() - 10) + " more" : "") + ")");
            }
            tensors.put(name, t);
        }
        if (tensors.isEmpty()) throw new CheckpointException("holds an empty state_dict");
        return tensors;
    }

    private interface StorageBytes {
        /** The bytes of a storage, in its byte order, at least numel x element size long. */
        ByteBuffer of(StorageRef ref) throws IOException;
    }

    private static ByteBuffer checkedStorage(ByteBuffer data, StorageRef ref, String what) throws CheckpointException {
        long needed = ref.numel() * ref.dtype().size;
        if (data.capacity() < needed) {
            throw new CheckpointException(what + " holds " + data.capacity() + " bytes, its " + ref.numel() + " "
                    + ref.dtype().dtypeName + " elements need " + needed);
        }
        return data;
    }

    private static LinkedHashMap<String, Tensor> materialize(Map<String, TensorRef> tensors, StorageBytes bytes) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        for (TensorRef t : tensors.values()) sizes.put(t.storage().key(), t.storage().numel() * t.storage().dtype().size);
        long total = 0;
        for (long s : sizes.values()) {
            total += s;
            if (s < 0 || total < 0 || total > MAX_BYTES) {
                throw new CheckpointException("its storages need more than " + MAX_BYTES + " bytes (the limit, 1 GiB)");
            }
        }
        Map<String, float[]> decoded = new HashMap<>();
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> e : tensors.entrySet()) {
            StorageRef ref = e.getValue().storage();
            float[] storage = decoded.get(ref.key());
            if (storage == null) {
                storage = decode(bytes.of(ref), ref);
                decoded.put(ref.key(), storage);
            }
            out.put(e.getKey(), view(e.getKey(), e.getValue(), storage));
        }
        return out;
    }

    private static float[] decode(ByteBuffer data, StorageRef ref) throws CheckpointException {
        if (ref.numel() > Integer.MAX_VALUE) throw new CheckpointException("storage " + ref.key() + " is too large");
        float[] out = new float[(int) ref.numel()];
        for (int i = 0; i < out.length; i++) out[i] = ref.dtype().read(data, i);
        return out;
    }

    /** The elements of a tensor, gathered from its storage by offset and strides into C order. */
    private static Tensor view(String name, TensorRef t, float[] storage) throws CheckpointException {
        long[] size = t.size();
        long[] stride = t.stride();
        if (stride.length != size.length) {
            throw new CheckpointException("tensor '" + name + "' has size " + Arrays.toString(size)
                    + " but stride " + Arrays.toString(stride));
        }
        long numel;
        long last = t.offset();
        boolean contiguous = true;
        long expectedStride = 1;
        try {
            numel = Tensor.numel(size);
            if (numel == 0) return new Tensor(size, new float[0]);
            for (int d = size.length - 1; d >= 0; d--) { // exact: a wrapped sum would point back into the storage
                last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                if (size[d] != 1 && stride[d] != expectedStride) contiguous = false;
                expectedStride = Math.multiplyExact(expectedStride, size[d]);
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new CheckpointException("tensor '" + name + "' of shape " + Arrays.toString(size) + " (offset "
                    + t.offset() + ", stride " + Arrays.toString(stride) + ") overflows a 64-bit index; PyTorch refuses it too");
        }
        if (last >= storage.length || numel > Integer.MAX_VALUE) {
            throw new CheckpointException("tensor '" + name + "' of shape " + Arrays.toString(size) + " (offset " + t.offset()
                    + ", stride " + Arrays.toString(stride) + ") reaches element " + last + " of storage "
                    + t.storage().key() + ", which holds " + storage.length);
        }
        int offset = (int) t.offset();
        if (contiguous) return new Tensor(size, Arrays.copyOfRange(storage, offset, offset + (int) numel));

        float[] out = new float[(int) numel];
        int[] index = new int[size.length];
        long at = offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = storage[(int) at];
            for (int d = size.length - 1; d >= 0; d--) { // odometer over the C-order index
                at += stride[d];
                if (++index[d] < size[d]) break;
                at -= size[d] * stride[d];
                index[d] = 0;
            }
        }
        return new Tensor(size, out);
    }
}
