package s3dx.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.design.DesignFileException;
import s3dx.design.DesignJson;
import s3dx.net.DesignException;
import s3dx.net.Preset;
import s3dx.tensor.Npy;
import s3dx.tensor.Tensor;
import s3dx.weights.SafeTensors;
import s3dx.weights.WeightSet;

/**
 * Seeded mutation fuzzing of the pickle, .npy, design and safetensors readers, a few seconds each: a mutated
 * file may be refused, but only with the reader's own exception (a message naming the problem), never with
 * another exception, a StackOverflowError or an OutOfMemoryError. A failure names the seed to replay.
 */
class ReaderFuzzTest {
    private static final long MILLIS_PER_READER = 6_000;

    @TempDir
    Path tmp;

    interface Reader {
        void read(byte[] input) throws Exception;
    }

    /** Flips, inserts, deletes, duplicates and overwrites bytes (with boundary values) of {@code seed}. */
    static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) new int[]{0, 0xff, 0x7f, 0x80, '(', ')', ']', '}', 'h', 'q', 'a', 's', '.'}[r.nextInt(13)];
                case 2 -> { // delete a run
                    int n = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte[] c = new byte[b.length - n];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + n, c, at, b.length - at - n);
                    b = c;
                }
                case 3 -> { // duplicate a run
                    int n = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, at + n);
                    System.arraycopy(b, at, c, at + n, b.length - at);
                    b = c;
                }
                case 4 -> { // a large little-endian number
                    if (at + 8 <= b.length) ByteBuffer.wrap(b, at, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(r.nextBoolean() ? -1L : 1L << (20 + r.nextInt(43)));
                }
                default -> { // a digit run in text formats
                    byte[] digits = Long.toString(r.nextLong()).getBytes(StandardCharsets.US_ASCII);
                    int n = Math.min(b.length - at, digits.length);
                    System.arraycopy(digits, 0, b, at, n);
                }
            }
        }
        return b;
    }

    private static void fuzz(String what, byte[] seed, Reader reader, Class<?>... allowed) {
        long end = System.currentTimeMillis() + MILLIS_PER_READER;
        int runs = 0;
        for (long s = 1; System.currentTimeMillis() < end; s++, runs++) {
            byte[] input = mutate(seed, new Random(s));
            try {
                reader.read(input);
            } catch (Throwable t) {
                boolean ok = false;
                for (Class<?> c : allowed) ok |= c.isInstance(t);
                if (!ok) fail(what + " seed " + s + ": " + t, t);
            }
        }
        assertTrue(runs > 50, what + ": only " + runs + " runs");
    }

    @Test
    void pickleReader() {
        Stored t = Stored.of();
        byte[] pickle = TorchSaveWriter.stateDictPickle(t.m, TorchSaveWriter.Wrap.STATE_DICT, false);
        fuzz("pickle", pickle, in -> new Unpickler(new TorchPickle()).load(ByteBuffer.wrap(in)), CheckpointException.class);
    }

    @Test
    void checkpointFiles() throws Exception {
        Path seedFile = tmp.resolve("seed.pth");
        TorchSaveWriter.writeLegacy(seedFile, Map.of("features.0.weight", new Tensor(new long[]{2, 3}, new float[]{1, 2, 3, 4, 5, 6})));
        Path f = tmp.resolve("fuzz.pth");
        fuzz("legacy checkpoint", Files.readAllBytes(seedFile), in -> PyTorchCheckpoint.read(Files.write(f, in)), CheckpointException.class);
    }

    @Test
    void npyReader() {
        byte[] seed = Npy.toBytes(new Tensor(new long[]{2, 3}, new float[]{1, 2, 3, 4, 5, 6}));
        fuzz("npy", seed, in -> Npy.parse(in, "fuzz.npy"), java.io.IOException.class);
    }

    @Test
    void designParser() throws Exception {
        byte[] seed = DesignJson.toJson(Preset.S3D_G.design()).getBytes(StandardCharsets.UTF_8);
        Path f = tmp.resolve("fuzz.s3dx.json");
        fuzz("design", seed, in -> DesignJson.read(Files.write(f, in)), DesignFileException.class, DesignException.class);
    }

    @Test
    void safetensorsReader() throws Exception {
        Path seedFile = tmp.resolve("seed.safetensors");
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("a", new Tensor(new long[]{2, 2}, new float[]{1, 2, 3, 4}));
        w.put("b", new Tensor(new long[]{3}, new float[]{5, 6, 7}));
        SafeTensors.write(new WeightSet(w), Map.of("k", "v"), seedFile);
        Path f = tmp.resolve("fuzz.safetensors");
        fuzz("safetensors", Files.readAllBytes(seedFile), in -> SafeTensors.read(Files.write(f, in)), java.io.IOException.class);
    }

    /** A small state_dict to mutate. */
    private record Stored(Map<String, TorchSaveWriter.Stored> m) {
        static Stored of() {
            Map<String, TorchSaveWriter.Stored> m = new LinkedHashMap<>();
            m.put("features.0.weight", TorchSaveWriter.Stored.float32("0", new Tensor(new long[]{2, 3}, new float[6]), ByteOrder.LITTLE_ENDIAN));
            m.put("features.0.bias", TorchSaveWriter.Stored.float32("1", new Tensor(new long[]{2}, new float[2]), ByteOrder.LITTLE_ENDIAN));
            return new Stored(m);
        }
    }
}
