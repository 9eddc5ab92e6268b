package s3dx.app.player;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import s3dx.infer.WindowPredictor.Prediction;

/**
 * The predictions so far, by window start (FX thread), in bounded memory however long the video. The windows
 * received last keep everything ({@link #RECENT_WINDOWS}; energy maps, up to megabytes a window at full size, only
 * the last {@link #WINDOWS_WITH_ENERGY}); older windows are averaged into history buckets (probabilities and gates),
 * and when there are more than {@link #HISTORY_BUCKETS} the buckets double in width and merge in pairs.
 */
public final class PredictionTimeline {
    static final int WINDOWS_WITH_ENERGY = 64;
    static final int RECENT_WINDOWS = 1024;
    static final int HISTORY_BUCKETS = 512;
    private final TreeMap<Long, Prediction> recent = new TreeMap<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();  // recent windows' starts, oldest received first
    private final TreeMap<Long, Bucket> history = new TreeMap<>();
    private long bucketFrames = 1;
    private long received;

    /** Windows averaged together: their mean and how many. */
    private record Bucket(Prediction mean, int count) {
        Bucket merge(Bucket o) {
            return new Bucket(PredictionTimeline.mean(mean, count, o.mean, o.count), count + o.count);
        }
    }

    void put(Prediction p) {
        received++;
        long start = p.startFrame();
        recent.put(start, p);
        order.remove(start);
        order.addLast(start);
        if (order.size() > WINDOWS_WITH_ENERGY) {
            long dropEnergy = order.stream().skip(order.size() - WINDOWS_WITH_ENERGY - 1L).findFirst().orElseThrow();
            Prediction old = recent.get(dropEnergy);
            if (!old.energy().isEmpty()) recent.put(dropEnergy, old.withoutEnergy());
        }
        while (order.size() > RECENT_WINDOWS) toHistory(recent.remove(order.removeFirst()));
    }

    private void toHistory(Prediction p) {
        history.merge(p.startFrame() / bucketFrames * bucketFrames, new Bucket(p.withoutEnergy(), 1), Bucket::merge);
        while (history.size() > HISTORY_BUCKETS) {
            bucketFrames *= 2;
            TreeMap<Long, Bucket> wider = new TreeMap<>();
            history.forEach((k, b) -> wider.merge(k / bucketFrames * bucketFrames, b, Bucket::merge));
            history.clear();
            history.putAll(wider);
        }
    }

    void clear() {
        recent.clear();
        order.clear();
        history.clear();
        bucketFrames = 1;
    }

    /** The window starting at {@code start} in full detail, or null (also when it is only in the history). */
    public Prediction get(long start) {
        return recent.get(start);
    }

    /** The latest window (or history bucket) starting at or before {@code start}, or null; full detail wins a tie. */
    public Prediction at(long start) {
        Map.Entry<Long, Prediction> r = recent.floorEntry(start);
        Map.Entry<Long, Bucket> h = history.floorEntry(start);
        if (h == null) return r == null ? null : r.getValue();
        return r != null && r.getKey() >= h.getKey() ? r.getValue() : h.getValue().mean();
    }

    /** Windows received since the start (for the player benchmark). */
    public long received() {
        return received;
    }

    /** Entries held: full windows plus history buckets; at most {@link #RECENT_WINDOWS} + {@link #HISTORY_BUCKETS}. */
    public int size() {
        return recent.size() + history.size();
    }

    /** A copy, by start: history buckets, then the full windows (which replace a bucket starting at the same frame). */
    public NavigableMap<Long, Prediction> windows() {
        TreeMap<Long, Prediction> all = new TreeMap<>();
        history.forEach((k, b) -> all.put(k, b.mean()));
        all.putAll(recent);
        return all;
    }

    /** Every entry in time order. */
    public List<Prediction> list() {
        return new ArrayList<>(windows().values());
    }

    /** {@code p} with its probabilities averaged over the last {@code n} entries up to it (no gates or energy). */
    public Prediction averaged(Prediction p, int n) {
        if (n <= 1) return p;
        List<Prediction> upTo = windows().headMap(p.startFrame(), true).descendingMap().values().stream().limit(n).toList();
        float[] sum = new float[p.probs().length];
        for (Prediction q : upTo) for (int c = 0; c < sum.length; c++) sum[c] += q.probs()[c] / upTo.size();
        return new Prediction(p.startFrame(), p.endFrame(), p.startSeconds(), p.endSeconds(), p.reversed(), sum, p.labels(),
                Map.of(), Map.of());
    }

    /** The weighted mean of two entries, spanning both: probabilities and gates averaged, no energy. */
    static Prediction mean(Prediction a, int na, Prediction b, int nb) {
        Prediction first = a.startFrame() <= b.startFrame() ? a : b;
        Prediction last = Comparator.comparingLong(Prediction::endFrame).compare(a, b) >= 0 ? a : b;
        Map<String, float[]> gates = new LinkedHashMap<>();
        a.gates().forEach((k, g) -> {
            float[] o = b.gates().get(k);
            if (o != null && o.length == g.length) gates.put(k, mix(g, na, o, nb));
        });
        return new Prediction(first.startFrame(), last.endFrame(), first.startSeconds(), last.endSeconds(),
                a.reversed() && b.reversed(), mix(a.probs(), na, b.probs(), nb), a.labels(), gates, Map.of());
    }

    private static float[] mix(float[] x, int nx, float[] y, int ny) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (x[i] * nx + y[i] * ny) / (nx + ny);
        return out;
    }
}
