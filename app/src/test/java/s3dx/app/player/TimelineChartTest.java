package s3dx.app.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import s3dx.infer.WindowPredictor.Prediction;

class TimelineChartTest {
    private static Prediction window(long start, float[] probs) {
        List<String> labels = IntStream.range(0, probs.length).mapToObj(i -> "c" + i).toList();
        return new Prediction(start, start + 16, start / 25.0, (start + 16) / 25.0, false, probs, labels, Map.of(), Map.of());
    }

    @Test
    void withManyClassesOnlyEachWindowsTopClassesGetALineMostProbableFirst() {
        Random rnd = new Random(3);
        List<Prediction> windows = new ArrayList<>();
        for (int w = 0; w < 40; w++) {
            float[] p = new float[400];
            for (int c = 0; c < p.length; c++) p[c] = rnd.nextFloat() * 1e-3f;
            p[w % 7] = 0.6f + w * 1e-3f;     // seven classes take turns at the top
            p[100 + w % 5] = 0.2f;           // five more come second
            windows.add(window(w * 8L, p));
        }
        int[] drawn = TimelineChart.drawnClasses(windows);
        assertTrue(drawn.length <= TimelineChart.MAX_LINES, Arrays.toString(drawn));
        for (int c = 0; c < 7; c++) {
            int cls = c;
            assertTrue(IntStream.of(drawn).anyMatch(d -> d == cls), "class " + c + " was some window's best");
        }
        for (int c = 100; c < 105; c++) {
            int cls = c;
            assertTrue(IntStream.of(drawn).anyMatch(d -> d == cls), "class " + c + " was some window's second");
        }
        assertEquals(4, drawn[0], "the highest peak (window 39's best, 0.639) comes first");
    }

    @Test
    void aSmallModelsClassesAllGetALineWhenTheyReachTheTop3() {
        List<Prediction> windows = List.of(window(0, new float[]{0.5f, 0.3f, 0.1f, 0.1f}), window(8, new float[]{0.1f, 0.1f, 0.2f, 0.6f}));
        int[] drawn = TimelineChart.drawnClasses(windows);
        assertArrayEquals(new int[]{3, 0, 1, 2}, drawn);
        assertEquals(0, TimelineChart.drawnClasses(List.of()).length);
    }
}
