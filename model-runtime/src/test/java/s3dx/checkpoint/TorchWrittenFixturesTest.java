package s3dx.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import s3dx.tensor.Tensor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files torch.save itself wrote (src/test/python/make_fixtures.py, torch 1.13): an nn.Module state_dict with
 * its _metadata, half, bfloat16, double and long storages, a shared storage with an offset, a transposed
 * view and a Parameter; torch_expected.json holds what torch reads back from them, as float32.
 */
class TorchWrittenFixturesTest {

    private static Path resource(String name) {
        try {
            return Path.of(TorchWrittenFixturesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertMatchesTorch(Map<String, Tensor> read) throws IOException {
        JsonNode tensors = new ObjectMapper().readTree(Files.readString(resource("torch_expected.json"))).get("tensors");
        List<String> names = new ArrayList<>();
        tensors.fieldNames().forEachRemaining(names::add);
        assertEquals(names, new ArrayList<>(read.keySet()));
        for (Iterator<Map.Entry<String, JsonNode>> it = tensors.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor t = read.get(e.getKey());
            long[] shape = new long[e.getValue().get("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = e.getValue().get("shape").get(i).asLong();
            float[] values = new float[e.getValue().get("values").size()];
            for (int i = 0; i < values.length; i++) values[i] = (float) e.getValue().get("values").get(i).asDouble();
            assertArrayEquals(shape, t.shape(), e.getKey());
            assertArrayEquals(values, t.data(), e.getKey());
        }
    }

    @Test
    void zipFormatMatchesWhatTorchReads() throws IOException {
        Map<String, Tensor> read = PyTorchCheckpoint.read(resource("torch_zip.pth"));
        assertMatchesTorch(read);
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, read.get("transposed").data());
        assertArrayEquals(new float[]{5}, read.get("1.num_batches_tracked").data());
    }

    @Test
    void legacyFormatInsideATrainingCheckpointMatchesWhatTorchReads() throws IOException {
        assertMatchesTorch(PyTorchCheckpoint.read(resource("torch_legacy_wrapped.pt")));
    }

    @Test
    void aRealMaliciousPickleIsRefused() {
        Path file = resource("torch_os_system.pth");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PyTorchCheckpoint.read(file));
        // os.system pickles as posix.system on Linux.
        assertEquals(file + ": refuses to load: the pickle asks for global posix.system, which a state_dict never needs",
                e.getMessage());
        assertFalse(Files.exists(Path.of("/tmp/s3dx-fixture-ran")));
        assertTrue(e.getCause() instanceof CheckpointException);
    }
}
