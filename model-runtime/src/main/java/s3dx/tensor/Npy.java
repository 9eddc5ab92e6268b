package s3dx.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import s3dx.files.UserFiles;

/**
 * NumPy {@code .npy} files holding one float32 array in C order, little-endian ({@code '<f4'}).
 * Layout: magic {@code \x93NUMPY}, version byte pair, header length (uint16 LE in v1, uint32 LE in v2/v3),
 * a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (...), }} padded with
 * spaces to a multiple of 64 bytes and ended by a newline, then the raw data. Anything else is refused
 * with a message that says what the file holds and how to convert it.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Larger files are refused: a clip is read onto the Java heap as one array. */
    public static final long MAX_BYTES = 1L << 30;

    public static Tensor read(Path file) throws IOException {
        UserFiles.checkInput(file, MAX_BYTES);
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a .npy file; {@code source} names it in errors. */
    public static Tensor parse(byte[] bytes, String source) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) throw new IOException(source + ": not a .npy file (no \\x93NUMPY magic)");
        int major = bytes[6] & 0xff;
        buf.position(8);
        long headerLen = switch (major) {
            case 1 -> buf.getShort() & 0xffff;
            case 2, 3 -> {
                if (bytes.length < 12) throw new IOException(source + ": truncated .npy header");
                yield buf.getInt() & 0xffffffffL;
            }
            default -> throw new IOException(source + ": unsupported .npy format version " + major + " (1, 2 and 3 are read)");
        };
        int start = buf.position();
        if (start + headerLen > bytes.length) throw new IOException(source + ": .npy header says " + headerLen + " bytes but the file ends first");
        String header = new String(bytes, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr", source);
        if (!descr.equals("<f4")) {
            throw new IOException(source + ": dtype '" + descr + "' is not supported; save the array as little-endian float32 "
                    + "(numpy: arr.astype('<f4'))");
        }
        if (find(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new IOException(source + ": array is in Fortran order; save it in C order (numpy: np.ascontiguousarray(arr))");
        }
        long[] shape = parseShape(find(SHAPE, header, "shape", source), source);
        long n;
        try {
            n = Tensor.numel(shape);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": .npy " + e.getMessage());
        }
        long dataStart = start + headerLen;
        if (n > (bytes.length - dataStart) / Float.BYTES + 1) {
            throw new IOException(source + ": shape " + Arrays.toString(shape) + " needs " + n + " float32 values but the file has "
                    + (bytes.length - dataStart) + " data bytes");
        }
        long expected = dataStart + n * Float.BYTES;
        if (bytes.length != expected) {
            throw new IOException(source + ": shape " + Arrays.toString(shape) + " needs " + n * Float.BYTES
                    + " data bytes but the file has " + (bytes.length - dataStart));
        }
        float[] data = new float[(int) n];
        buf.position((int) dataStart);
        buf.asFloatBuffer().get(data);
        return new Tensor(shape, data);
    }

    public static void write(Tensor tensor, Path file) throws IOException {
        byte[] bytes = toBytes(tensor);
        UserFiles.write(file, out -> out.write(bytes));
    }

    public static byte[] toBytes(Tensor tensor) {
        String dims = Arrays.stream(tensor.shape()).mapToObj(Long::toString)
                .collect(Collectors.joining(", ")) + (tensor.rank() == 1 ? "," : ""); // (2, 3) but (5,)
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int version = dict.length() + 1 + 10 < 65536 ? 1 : 2;
        int prefix = version == 1 ? 10 : 12;
        int padded = ((prefix + dict.length() + 1 + 63) / 64) * 64;
        String header = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(padded + tensor.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) out.putShort((short) header.length());
        else out.putInt(header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        out.asFloatBuffer().put(tensor.data());
        return out.array();
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) if (bytes[i] != MAGIC[i]) return false;
        return true;
    }

    private static String find(Pattern p, String header, String key, String source) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException(source + ": .npy header has no '" + key + "': " + header.trim());
        return m.group(1);
    }

    private static long[] parseShape(String text, String source) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            try {
                long d = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (d < 0) throw new NumberFormatException();
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": bad dimension '" + p + "' in .npy shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
