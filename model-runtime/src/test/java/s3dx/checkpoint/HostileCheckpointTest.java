package s3dx.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.checkpoint.TorchSaveWriter.Stored;
import s3dx.tensor.Tensor;

/**
 * Checkpoints made to hang, exhaust or fool the reader (issue 19's corpus): each gives one CheckpointException
 * naming the file and the problem, quickly, and never a wrong tensor.
 */
class HostileCheckpointTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private Path zip(String name, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        Path f = tmp.resolve(name);
        TorchSaveWriter.writeZip(f, "archive", pickle, storages, "little");
        return f;
    }

    private String refused(Path file) {
        CheckpointException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file)));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    /** Memo entry i is a list holding entry i-1 twice: 2^60 paths through 60 lists. */
    private static PickleWriter laughs(int levels) {
        PickleWriter w = new PickleWriter().proto(2).emptyList().op('q').op(0).op('0');
        for (int i = 1; i <= levels; i++) w.emptyList().mark().op('h').op(i - 1).op('h').op(i - 1).appends().op('q').op(i).op('0');
        return w;
    }

    @Test
    void billionLaughsAsADictKeyIsRefusedAtOnce() throws IOException {
        byte[] pickle = laughs(60).emptyDict().op('h').op(60).str("x").op('s').stop().bytes();
        assertTrue(refused(zip("laughs.pth", pickle, Map.of())).contains("as a dict key"));
    }

    @Test
    void billionLaughsAsAValueIsDescribedWithoutWalkingIt() throws IOException {
        byte[] pickle = laughs(60).emptyDict().str("weight").op('h').op(60).op('s').stop().bytes();
        String msg = refused(zip("laughs-value.pth", pickle, Map.of()));
        assertTrue(msg.contains("'weight' is sequence of 2"), msg);
    }

    @Test
    void aListHoldingItselfAsAKeyIsRefused() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).emptyList().op('q').op(0).op('h').op(0).op('a')
                .emptyDict().op('h').op(0).str("x").op('s').stop().bytes();
        assertTrue(refused(zip("self.pth", pickle, Map.of())).contains("as a dict key"));
    }

    @Test
    void listsNestedAHundredThousandDeepGiveAMessageNotAStackOverflow() throws IOException {
        PickleWriter w = new PickleWriter().proto(2).emptyDict();
        for (int i = 0; i < 100_000; i++) w.emptyList();
        for (int i = 1; i < 100_000; i++) w.op('a');
        w.str("v").op('s'); // the nested list becomes a key
        assertTrue(refused(zip("deep.pth", w.stop().bytes(), Map.of())).contains("as a dict key"));
    }

    @Test
    void aStrideWhoseIndexWrapsAroundIsRefusedLikePyTorchDoes() throws IOException {
        Tensor t = new Tensor(new long[]{5}, new float[]{1, 2, 3, 4, 5});
        Stored ok = Stored.float32("0", t, ByteOrder.LITTLE_ENDIAN);
        // 4 x 2^62 = 2^64 wraps to 0: unchecked, every element would be element 0
        Stored wrapping = new Stored("0", "FloatStorage", 4, ok.data(), 0, new long[]{5}, new long[]{1L << 62});
        Map<String, Stored> m = new LinkedHashMap<>(Map.of("w", wrapping));
        Path f = zip("stride.pth", TorchSaveWriter.stateDictPickle(m, TorchSaveWriter.Wrap.NONE, false), TorchSaveWriter.storages(m));
        assertTrue(refused(f).contains("overflows a 64-bit index"));
    }

    @Test
    void aStorageOffsetPastTheEndIsRefused() throws IOException {
        Stored ok = Stored.float32("0", new Tensor(new long[]{2}, new float[]{1, 2}), ByteOrder.LITTLE_ENDIAN);
        Stored far = new Stored("0", "FloatStorage", 4, ok.data(), Long.MAX_VALUE - 1, new long[]{2}, new long[]{1});
        Map<String, Stored> m = new LinkedHashMap<>(Map.of("w", far));
        Path f = zip("offset.pth", TorchSaveWriter.stateDictPickle(m, TorchSaveWriter.Wrap.NONE, false), TorchSaveWriter.storages(m));
        assertTrue(refused(f).contains("tensor 'w'"));
    }

    @Test
    void aZipBombPickleIsRefusedAtTheLimit() throws IOException {
        Path f = tmp.resolve("bomb.pth");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("archive/data.pkl")); // deflated: 80 MB of zeros in about 80 KB
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) z.write(zeros);
            z.closeEntry();
        }
        assertTrue(Files.size(f) < 1 << 20);
        assertTrue(refused(f).contains("over the limit of " + PyTorchCheckpoint.MAX_PICKLE_BYTES + " bytes"));
    }

    @Test
    void storagesClaimingMoreThanTheLimitAreRefusedBeforeReading() throws IOException {
        // one tensor of 2^40 elements in a storage that says it holds them (4 TiB once unpacked)
        byte[] pickle = new PickleWriter().proto(2).emptyDict().str("w").global("torch._utils", "_rebuild_tensor_v2").mark()
                .mark().str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(1L << 40).tuple().binpersid()
                .integer(0).tupleOf(1L << 40).tupleOf(1).bool(false).global("collections", "OrderedDict").emptyTuple().reduce()
                .tuple().reduce().op('s').stop().bytes();
        assertTrue(refused(zip("claims.pth", pickle, Map.of("0", new byte[16]))).contains("the limit, 1 GiB"));
    }

    @Test
    void devicesAndFifosAreRefusedWithoutOpeningThem() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertTrue(refused(Path.of("/dev/zero")).contains("is a device, FIFO or socket"));
        Path fifo = tmp.resolve("fifo.pth");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertTrue(refused(fifo).contains("is a device, FIFO or socket"));
    }
}
