package s3dx.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pickles that ask for more than a state_dict needs are refused, and nothing in them runs. */
class PickleSafetyTest {

    @TempDir
    Path tmp;

    /** A pickle that would run {@code module.name("touch <marker>")} in Python. */
    private byte[] callWithShellCommand(PickleWriter w, Path marker) {
        return w.str("touch " + marker).tuple1().reduce().stop().bytes();
    }

    @Test
    void osSystemInAZipCheckpointIsRefusedNamingGlobalAndFile() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path file = tmp.resolve("evil.pth");
        byte[] pickle = callWithShellCommand(new PickleWriter().proto(2).global("os", "system"), marker);
        TorchSaveWriter.writeZip(file, "evil", pickle, Map.of(), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertEquals(file + ": refuses to load: the pickle asks for global os.system, which a state_dict never needs",
                e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void builtinsEvalThroughStackGlobalIsRefused() throws IOException {
        Path file = tmp.resolve("eval.pth");
        PickleWriter w = new PickleWriter().stackGlobal("builtins", "eval");
        TorchSaveWriter.writeZip(file, "archive", w.str("__import__('os').system('true')").tuple1().reduce().stop().bytes(),
                Map.of(), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": refuses to load"), e.getMessage());
        assertTrue(e.getMessage().contains("global builtins.eval,"), e.getMessage());
    }

    @Test
    void posixSystemInALegacyCheckpointIsRefused() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path file = tmp.resolve("evil_legacy.pt");
        TorchSaveWriter.writeLegacy(file, callWithShellCommand(new PickleWriter().proto(2).global("posix", "system"), marker), Map.of());

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("global posix.system,"), e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aForbiddenGlobalAfterValidTensorsStillRefusesTheWholeFile() throws IOException {
        Map<String, TorchSaveWriter.Stored> stored = TorchSaveWriter.float32(
                Map.of("w", new Tensor(new long[]{2}, new float[]{1, 2})), "");
        byte[] good = TorchSaveWriter.stateDictPickle(stored, TorchSaveWriter.Wrap.NONE, false);
        // Replace the trailing STOP: the state_dict stays on the stack, then a Popen call is pickled as its extra item.
        PickleWriter tail = new PickleWriter().str("extra").global("subprocess", "Popen").str("sh").tuple1().reduce().op('s').stop();
        byte[] pickle = TorchSaveWriter.concat(Arrays.copyOf(good, good.length - 1), tail.bytes());
        Path file = tmp.resolve("mixed.pth");
        TorchSaveWriter.writeZip(file, "archive", pickle, TorchSaveWriter.storages(stored), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("global subprocess.Popen,"), e.getMessage());
    }

    @Test
    void aTorchScriptStyleGlobalIsRefused() throws IOException {
        Path file = tmp.resolve("module.pth");
        byte[] pickle = new PickleWriter().proto(2).global("__main__", "S3D").emptyTuple().op(0x81).stop().bytes();
        TorchSaveWriter.writeZip(file, "archive", pickle, Map.of(), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("global __main__.S3D,"), e.getMessage());
    }

    @Test
    void anOpcodeOutsideTheSupportedSetIsReportedNotSkipped() throws IOException {
        Path file = tmp.resolve("opcode.pth");
        byte[] pickle = new PickleWriter().proto(2).op('I').stop().bytes(); // INT, a text-protocol opcode
        TorchSaveWriter.writeZip(file, "archive", pickle, Map.of(), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("opcode 0x49"), e.getMessage());
    }

    @Test
    void aTruncatedPickleIsReported() throws IOException {
        Map<String, TorchSaveWriter.Stored> stored = TorchSaveWriter.float32(
                new LinkedHashMap<>(Map.of("w", new Tensor(new long[]{2}, new float[]{1, 2}))), "");
        byte[] good = TorchSaveWriter.stateDictPickle(stored, TorchSaveWriter.Wrap.NONE, false);
        Path file = tmp.resolve("short.pth");
        TorchSaveWriter.writeZip(file, "archive", Arrays.copyOf(good, good.length / 2), TorchSaveWriter.storages(stored), "little");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": pickle is truncated"), e.getMessage());
    }
}
