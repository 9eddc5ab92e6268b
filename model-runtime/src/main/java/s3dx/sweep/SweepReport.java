package s3dx.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import s3dx.cost.CostFormat;
import s3dx.train.TrainConfig;
import s3dx.train.TrainModels;

/**
 * A sweep's results as the README shows them: one table row per design (mean ± sample standard deviation over its
 * seeds), and the paper's comparisons computed from the rows: gating (S3D-G against S3D), separable against full 3D
 * (S3D against I3D, and at each Figure-4 boundary, Fast-S3D against Top-Heavy-I3D among them), and top-heavy against
 * bottom-heavy at equal MACs.
 */
public final class SweepReport {
    private SweepReport() {}

    /** The markdown table and the comparisons, in held-out accuracy and reversed → partner points. */
    public static String markdown(SweepResults.Results r) {
        StringBuilder s = new StringBuilder();
        var p = r.protocol();
        s.append(String.format(Locale.ROOT, "Protocol: %d steps x %d clips, %s, %dx%dx%d clips (MotionShapes generator %d), "
                        + "width %s, %d clips per test; rates in percent, mean ± sd over seeds.%n%n", p.steps(), p.batch(),
                TrainConfig.describeSchedule(p.learningRate(), true, p.warmup()), p.frames(), p.size(), p.size(),
                p.generator(), TrainModels.number(p.width()), p.evalClips()));
        s.append("| design | seeds | params | MACs | held-out accuracy | reversed → partner | reversed → same "
                + "| held-out settings: accuracy | reversed → partner | reversed → same |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (SweepResults.DesignSummary d : r.summary()) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f M | %s | %s | %s | %s | %s | %s |%n", d.design(), d.seeds(),
                    CostFormat.count(d.params()), d.macs() / 1e6, pct(d.heldOutAccuracy(), d.seeds()), pct(d.reversedPartnerRate(), d.seeds()),
                    pct(d.reversedSameLabelRate(), d.seeds()), pct(d.heldOutSettingsAccuracy(), d.seeds()),
                    pct(d.heldOutSettingsPartnerRate(), d.seeds()), pct(d.heldOutSettingsSameLabelRate(), d.seeds())));
        }
        s.append('\n');
        for (String line : comparisons(r)) s.append("- ").append(line).append('\n');
        return s.toString();
    }

    /** The paper's comparisons that these results can make; each says which runs it used. */
    static List<String> comparisons(SweepResults.Results r) {
        List<String> out = new ArrayList<>();
        pair(r, "s3d-g", "s3d", "gating (S3D-G − S3D)").ifPresent(out::add);
        pair(r, "s3d", "i3d", "separable − full 3D (S3D − I3D)").ifPresent(out::add);
        List<Double> sepMinusFull = new ArrayList<>();
        for (String side : List.of("bottom-heavy", "top-heavy")) {
            for (SweepResults.DesignSummary sep : family(r, side + "-s3d")) {
                family(r, side + "-i3d").stream().filter(full -> full.boundary().equals(sep.boundary())).findFirst().ifPresent(full ->
                        sepMinusFull.add(100 * (sep.heldOutAccuracy().mean() - full.heldOutAccuracy().mean())));
            }
        }
        if (!sepMinusFull.isEmpty()) out.add(spread("separable − full 3D at the same Figure-4 boundary", sepMinusFull, "boundary", "boundaries"));
        for (String conv : List.of("i3d", "s3d")) {
            List<SweepResults.DesignSummary> top = r.curve("top-heavy-" + conv), bottom = r.curve("bottom-heavy-" + conv);
            List<Double> diffs = new ArrayList<>();
            for (SweepResults.DesignSummary b : bottom) {
                if (!b.family().equals("bottom-heavy-" + conv)) continue;   // not the ends both curves share
                interpolate(top, b.macs()).ifPresent(t -> diffs.add(100 * (t - b.heldOutAccuracy().mean())));
            }
            if (!diffs.isEmpty()) {
                out.add(spread("top-heavy − bottom-heavy at the same MACs (" + conv.toUpperCase(Locale.ROOT)
                        + " blocks; the top-heavy curve read at each bottom-heavy design's MACs)", diffs, "bottom-heavy design", "bottom-heavy designs"));
            }
        }
        return out;
    }

    /** The curve's accuracy at {@code macs}, linear between its neighbours; empty outside the curve. */
    static OptionalDouble interpolate(List<SweepResults.DesignSummary> curve, long macs) {
        for (int i = 0; i + 1 < curve.size(); i++) {
            SweepResults.DesignSummary a = curve.get(i), b = curve.get(i + 1);
            if (macs >= a.macs() && macs <= b.macs()) {
                double t = b.macs() == a.macs() ? 0 : (double) (macs - a.macs()) / (b.macs() - a.macs());
                double ya = a.heldOutAccuracy().mean(), yb = b.heldOutAccuracy().mean();
                return OptionalDouble.of(ya + t * (yb - ya));
            }
        }
        return OptionalDouble.empty();
    }

    private static Optional<String> pair(SweepResults.Results r, String a, String b, String what) {
        return byId(r, a).flatMap(x -> byId(r, b).map(y -> String.format(Locale.ROOT,
                "%s: %s points held-out accuracy (%s, %s), %s held-out settings, %s reversed → partner", what,
                signed(x, y, d -> d.heldOutAccuracy()), seeds(x), seeds(y), signed(x, y, d -> d.heldOutSettingsAccuracy()),
                signed(x, y, d -> d.reversedPartnerRate()))));
    }

    private static String signed(SweepResults.DesignSummary x, SweepResults.DesignSummary y, Function<SweepResults.DesignSummary, SweepResults.Spread> f) {
        return String.format(Locale.ROOT, "%+.1f", 100 * (f.apply(x).mean() - f.apply(y).mean()));
    }

    private static String seeds(SweepResults.DesignSummary d) {
        return d.design() + " " + d.seeds() + (d.seeds() == 1 ? " seed" : " seeds");
    }

    private static String spread(String what, List<Double> diffs, String one, String many) {
        String over = diffs.size() == 1 ? one : many;
        double mean = diffs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        long positive = diffs.stream().filter(x -> x > 0).count();
        return String.format(Locale.ROOT, "%s: mean %+.1f points over %d %s (%+.1f to %+.1f; higher in %d of %d)", what, mean, diffs.size(), over,
                diffs.stream().mapToDouble(Double::doubleValue).min().orElse(0), diffs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                positive, diffs.size());
    }

    /** The designs of one Figure-4 curve that have a boundary (the heavy presets and Fast-S3D among them). */
    private static List<SweepResults.DesignSummary> family(SweepResults.Results r, String family) {
        return r.summary().stream().filter(d -> family.equals(d.family()) && d.boundary() != null).toList();
    }

    private static Optional<SweepResults.DesignSummary> byId(SweepResults.Results r, String id) {
        return r.summary().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Mean ± sd over two or more seeds (also when the seeds agree: ± 0.0), the one value otherwise. */
    private static String pct(SweepResults.Spread s, int seeds) {
        return seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", 100 * s.mean(), 100 * s.sd()) : String.format(Locale.ROOT, "%.1f", 100 * s.mean());
    }
}
