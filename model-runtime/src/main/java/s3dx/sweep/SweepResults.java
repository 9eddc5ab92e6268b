package s3dx.sweep;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import s3dx.files.UserFiles;
import s3dx.net.Design;
import java.util.function.ToDoubleFunction;
import s3dx.train.RunRecord;
import s3dx.train.TrainModels;

/**
 * A sweep's results: every finished run ({@code results.json} with the protocol and a per-design summary,
 * {@code results.csv} one row a run) and the summary over seeds ({@code summary.csv}: mean and sample standard
 * deviation of each rate, and its range).
 */
public final class SweepResults {
    /** Mean, sample standard deviation (0 for one run), min and max of one figure over a design's seeds. */
    public record Spread(double mean, double sd, double min, double max) {
        static Spread of(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
            double[] v = runs.stream().mapToDouble(f).toArray();
            double mean = 0, ss = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (double x : v) {
                mean += x / v.length;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            for (double x : v) ss += (x - mean) * (x - mean);
            return new Spread(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, min, max);
        }
    }

    /** One design over its finished seeds. */
    public record DesignSummary(String id, String design, String family, String boundary, int seeds, long params, long macs,
                                Spread heldOutAccuracy, Spread reversedPartnerRate, Spread reversedSameLabelRate,
                                Spread heldOutSettingsAccuracy, Spread heldOutSettingsPartnerRate, Spread heldOutSettingsSameLabelRate,
                                Spread trainingSeconds) {}

    /** A results file's content; its summary is always recomputed from its runs, never taken on trust. */
    public record Results(Sweep.Protocol protocol, List<RunRecord> runs, List<DesignSummary> summary) {
        public Results {
            if (protocol == null) throw new IllegalArgumentException("no \"protocol\"");
            if (runs == null) throw new IllegalArgumentException("no \"runs\" list");
            for (RunRecord r : runs) {
                if (r == null || r.id() == null || r.design() == null || r.command() == null) {
                    throw new IllegalArgumentException("a run without \"id\", \"design\" or \"command\"");
                }
            }
            runs = List.copyOf(runs);
            summary = summarise(runs);
        }

        public Results(Sweep.Protocol protocol, List<RunRecord> runs) {
            this(protocol, runs, null);
        }

        /**
         * One of the paper's Figure-4 curves ({@link SweepPlan#CURVES}) by MACs: its trained designs (the heavy presets
         * and Fast-S3D among them) between the two ends every heavy variant shares, I2D and I3D (or S3D for the
         * separable curves). Empty when no design of the curve itself was trained.
         */
        public List<DesignSummary> curve(String family) {
            String fullEnd = family.endsWith("-s3d") ? "s3d" : "i3d";
            if (summary.stream().noneMatch(d -> family.equals(d.family()))) return List.of();
            return summary.stream().filter(d -> family.equals(d.family()) || d.id().equals("i2d") || d.id().equals(fullEnd))
                    .sorted(java.util.Comparator.comparingLong(DesignSummary::macs)).toList();
        }

        /** The summary of the sweep design with {@code d}'s blocks, if it was trained. */
        public Optional<DesignSummary> forDesign(Design d) {
            return summary.stream().filter(s -> SweepPlan.entry(s.id()).map(e -> e.matches(d)).orElse(false)).findFirst();
        }
    }

    /** Reads a sweep's {@code results.json} (or the copy {@code ship-models} puts next to the demo models). */
    public static Results read(Path file) throws IOException {
        return Sweep.JSON.readValue(file.toFile(), Results.class);
    }

    /**
     * Reads a results file a user named (checked first: a regular file of at most 64 MiB); a file that is not a
     * sweep's results fails with a message naming it.
     */
    public static Results readUserFile(Path file) throws IOException {
        UserFiles.checkInput(file, 64L << 20);
        try {
            return read(file);
        } catch (IOException e) {
            // a value the Results constructor refused says why; Jackson's own wording names Java classes
            String why = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new UserFiles.FileProblem(file, "not a sweep's results.json (" + why.lines().findFirst().orElse("") + ")");
        }
    }

    private static final List<String> RATES = List.of("heldOutAccuracy", "reversedPartnerRate", "reversedSameLabelRate",
            "heldOutSettingsAccuracy", "heldOutSettingsPartnerRate", "heldOutSettingsSameLabelRate", "trainingSeconds");

    private SweepResults() {}

    /** Per design (the run id without its seed), in the order designs first finished. */
    private static List<DesignSummary> summarise(List<RunRecord> runs) {
        Map<String, List<RunRecord>> byDesign = new LinkedHashMap<>();
        for (RunRecord r : runs) byDesign.computeIfAbsent(designId(r), k -> new ArrayList<>()).add(r);
        List<DesignSummary> out = new ArrayList<>();
        byDesign.forEach((id, rs) -> {
            RunRecord first = rs.get(0);
            out.add(new DesignSummary(id, first.design(), first.family(), first.boundary(), rs.size(), first.params(), first.macs(),
                    Spread.of(rs, RunRecord::heldOutAccuracy), Spread.of(rs, RunRecord::reversedPartnerRate),
                    Spread.of(rs, RunRecord::reversedSameLabelRate), Spread.of(rs, RunRecord::heldOutSettingsAccuracy),
                    Spread.of(rs, RunRecord::heldOutSettingsPartnerRate), Spread.of(rs, RunRecord::heldOutSettingsSameLabelRate),
                    Spread.of(rs, RunRecord::trainingSeconds)));
        });
        return out;
    }

    static String designId(RunRecord r) {
        return r.id().replaceFirst("_s-?\\d+$", "");
    }

    static void write(Path dir, Sweep.Protocol protocol, List<RunRecord> runs) throws IOException {
        Results results = new Results(protocol, runs);
        List<DesignSummary> summary = results.summary();
        Sweep.writeAtomically(dir.resolve("results.json"), Sweep.JSON.writeValueAsString(results));
        StringBuilder csv = new StringBuilder("id,design,family,boundary,seed,frames,size,width,params,macs,steps,batch,learning_rate,eval_clips,"
                + "held_out_accuracy,reversed_partner_rate,reversed_same_label_rate,held_out_settings_accuracy,"
                + "held_out_settings_partner_rate,held_out_settings_same_label_rate,training_seconds,machine,command\n");
        for (RunRecord r : runs) {
            csv.append(String.join(",", r.id(), quote(r.design()), str(r.family()), str(r.boundary()), "" + r.seed(), "" + r.frames(),
                    "" + r.size(), TrainModels.number(r.width()), "" + r.params(), "" + r.macs(), "" + r.steps(), "" + r.batch(),
                    TrainModels.number(r.learningRate()), "" + r.evalClips(), f(r.heldOutAccuracy()), f(r.reversedPartnerRate()),
                    f(r.reversedSameLabelRate()), f(r.heldOutSettingsAccuracy()), f(r.heldOutSettingsPartnerRate()),
                    f(r.heldOutSettingsSameLabelRate()), String.format(Locale.ROOT, "%.1f", r.trainingSeconds()), quote(str(r.machine())), quote(r.command()))).append('\n');
        }
        Sweep.writeAtomically(dir.resolve("results.csv"), csv.toString());
        StringBuilder sum = new StringBuilder("id,design,family,boundary,seeds,params,macs");
        for (String rate : RATES) sum.append(',').append(rate).append("_mean,").append(rate).append("_sd,").append(rate).append("_min,").append(rate).append("_max");
        sum.append('\n');
        for (DesignSummary s : summary) {
            sum.append(String.join(",", s.id(), quote(s.design()), str(s.family()), str(s.boundary()), "" + s.seeds(), "" + s.params(), "" + s.macs()));
            for (Spread sp : List.of(s.heldOutAccuracy(), s.reversedPartnerRate(), s.reversedSameLabelRate(), s.heldOutSettingsAccuracy(),
                    s.heldOutSettingsPartnerRate(), s.heldOutSettingsSameLabelRate(), s.trainingSeconds())) {
                sum.append(',').append(f(sp.mean())).append(',').append(f(sp.sd())).append(',').append(f(sp.min())).append(',').append(f(sp.max()));
            }
            sum.append('\n');
        }
        Sweep.writeAtomically(dir.resolve("summary.csv"), sum.toString());
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
