package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.tensor.Tensor;

/** The player's timeline without a view: which window is shown, averaging, and the bound on energy maps. */
class PredictionTimelineTest {
    static Prediction window(long start, float[] probs, boolean energy) {
        Map<String, Tensor> maps = energy ? Map.of("Mixed_4f", new Tensor(new long[]{1, 1, 1, 1}, new float[]{1})) : Map.of();
        return new Prediction(start, start + 16, start / 25.0, (start + 16) / 25.0, false, probs, List.of("a", "b"),
                Map.of("Mixed_4b", new float[]{0.5f}), maps);
    }

    @Test
    void theShownWindowIsTheLatestStartingAtOrBeforeThePlayhead() {
        PredictionTimeline t = new PredictionTimeline();
        Prediction first = window(0, new float[]{1, 0}, true), second = window(8, new float[]{0, 1}, true);
        t.put(first);
        t.put(second);
        assertSame(first, t.at(7));
        assertSame(second, t.at(8));
        assertSame(second, t.at(100));
        assertNull(new PredictionTimeline().at(5));
    }

    @Test
    void averagingTakesTheLastNWindowsUpToTheShownOne() {
        PredictionTimeline t = new PredictionTimeline();
        t.put(window(0, new float[]{1, 0}, false));
        t.put(window(8, new float[]{0, 1}, false));
        t.put(window(16, new float[]{0, 1}, false));
        assertArrayEquals(new float[]{0, 1}, t.averaged(t.get(16), 1).probs());
        assertArrayEquals(new float[]{0, 1}, t.averaged(t.get(16), 2).probs(), 1e-6f);
        assertArrayEquals(new float[]{1 / 3f, 2 / 3f}, t.averaged(t.get(16), 3).probs(), 1e-6f);
        assertArrayEquals(new float[]{0.5f, 0.5f}, t.averaged(t.get(8), 5).probs(), 1e-6f, "only windows up to the shown one");
    }

    @Test
    void energyMapsStayForTheLastWindowsOnly() {
        PredictionTimeline t = new PredictionTimeline();
        int n = PredictionTimeline.WINDOWS_WITH_ENERGY + 5;
        for (int i = 0; i < n; i++) t.put(window(i, new float[]{1, 0}, true));
        assertEquals(n, t.size());
        assertEquals(n, t.received());
        assertEquals(PredictionTimeline.WINDOWS_WITH_ENERGY, t.list().stream().filter(p -> !p.energy().isEmpty()).count());
        assertTrue(t.get(0).energy().isEmpty(), "the oldest lost its map");
        assertFalse(t.get(n - 1).energy().isEmpty(), "the newest keeps its map");
        assertEquals(1, t.get(0).gates().size(), "gates stay");
    }

    @Test
    void aLongVideoKeepsRecentWindowsInFullAndAveragedHistory() {
        PredictionTimeline t = new PredictionTimeline();
        int n = 45_000;   // two hours at 25 fps, stride 4
        for (int i = 0; i < n; i++) t.put(window(4L * i, i % 2 == 0 ? new float[]{1, 0} : new float[]{0, 1}, true));
        assertTrue(t.size() <= PredictionTimeline.RECENT_WINDOWS + PredictionTimeline.HISTORY_BUCKETS, t.size() + " entries");
        assertEquals(n, t.received());
        Prediction last = t.get(4L * (n - 1));
        assertFalse(last.energy().isEmpty(), "the newest window is whole");
        assertNull(t.get(0), "the oldest is only in the history");
        Prediction early = t.at(0);
        assertEquals(0, early.startFrame());
        assertTrue(early.endFrame() > 16, "a history bucket spans several windows");
        assertArrayEquals(new float[]{0.5f, 0.5f}, early.probs(), 1e-6f, "alternating windows average to a half");
        assertArrayEquals(new float[]{0.5f}, early.gates().get("Mixed_4b"), 1e-6f, "gates are averaged too");
        assertTrue(early.energy().isEmpty());
        long starts = t.list().stream().mapToLong(Prediction::startFrame).distinct().count();
        assertEquals(t.size(), starts, "history and recent windows interleave by start");
    }
}
