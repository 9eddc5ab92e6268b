package s3dx.app.player;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import s3dx.infer.WindowPredictor.Prediction;

/**
 * The predictions so far, by window start (FX thread). Every window keeps its probabilities and gates, but energy
 * maps (up to megabytes a window at full size) only for the windows received last, so that memory stays flat
 * however long the video.
 */
public final class PredictionTimeline {
    static final int WINDOWS_WITH_ENERGY = 64;
    private final TreeMap<Long, Prediction> windows = new TreeMap<>();
    private final ArrayDeque<Long> withEnergy = new ArrayDeque<>();
    private long received;

    void put(Prediction p) {
        received++;
        long start = p.startFrame();
        windows.put(start, p);
        withEnergy.remove(start);
        withEnergy.addLast(start);
        while (withEnergy.size() > WINDOWS_WITH_ENERGY) {
            Prediction old = windows.get(withEnergy.removeFirst());
            if (old != null) windows.put(old.startFrame(), old.withoutEnergy());
        }
    }

    void clear() {
        windows.clear();
        withEnergy.clear();
    }

    public Prediction get(long start) {
        return windows.get(start);
    }

    /** The latest window starting at or before {@code start}, or null. */
    public Prediction at(long start) {
        Map.Entry<Long, Prediction> e = windows.floorEntry(start);
        return e == null ? null : e.getValue();
    }

    /** Windows received since the start (for the player benchmark). */
    public long received() {
        return received;
    }

    public int size() {
        return windows.size();
    }

    /** A copy, by window start. */
    public NavigableMap<Long, Prediction> windows() {
        return new TreeMap<>(windows);
    }

    /** Every window in time order. */
    public List<Prediction> list() {
        return new ArrayList<>(windows.values());
    }

    /** {@code p} with its probabilities averaged over the last {@code n} windows up to it (no gates or energy). */
    public Prediction averaged(Prediction p, int n) {
        if (n <= 1) return p;
        NavigableMap<Long, Prediction> upTo = windows.headMap(p.startFrame(), true);
        int count = Math.min(n, upTo.size());
        float[] sum = new float[p.probs().length];
        int k = 0;
        for (Prediction q : upTo.descendingMap().values()) {
            if (k++ >= n) break;
            for (int c = 0; c < sum.length; c++) sum[c] += q.probs()[c] / count;
        }
        return new Prediction(p.startFrame(), p.endFrame(), p.startSeconds(), p.endSeconds(), p.reversed(), sum, p.labels(),
                Map.of(), Map.of());
    }
}
