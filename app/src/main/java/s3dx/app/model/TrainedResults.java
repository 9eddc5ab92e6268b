package s3dx.app.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import static s3dx.app.i18n.I18n.t;

import s3dx.assets.Assets;
import s3dx.net.Design;
import s3dx.sweep.ShippedModels;
import s3dx.sweep.Sweep;
import s3dx.sweep.SweepResults;
import s3dx.synth.MotionClass;

/**
 * The sweep results shipped beside the demo models ({@code assets/models/sweep-results.json}): which designs were
 * trained on MotionShapes and how well. Empty where the file is missing or unreadable (the views then say that no
 * design has a trained result).
 */
public final class TrainedResults {
    private static TrainedResults shipped;
    private final SweepResults.Results results;

    private TrainedResults(SweepResults.Results results) {
        this.results = results;
    }

    /** The shipped results, read once. */
    public static synchronized TrainedResults shipped() {
        if (shipped == null) shipped = read(Assets.dir().map(d -> d.resolve("models").resolve(ShippedModels.RESULTS_FILE)).orElse(null));
        return shipped;
    }

    /** The results in a sweep's {@code results.json}; none where {@code file} is null, missing or unreadable. */
    public static TrainedResults read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return new TrainedResults(null);
        try {
            return new TrainedResults(SweepResults.read(file));
        } catch (IOException | RuntimeException e) {
            return new TrainedResults(null);
        }
    }

    /** Every trained design, each over its seeds. */
    public List<SweepResults.DesignSummary> designs() {
        return results == null ? List.of() : results.summary();
    }

    /** One of the Figure-4 curves by MACs (see {@link SweepResults.Results#curve}); empty where none was trained. */
    public List<SweepResults.DesignSummary> curve(String family) {
        return results == null ? List.of() : results.curve(family);
    }

    /** The result of the trained design with {@code d}'s blocks, if there is one. */
    public Optional<SweepResults.DesignSummary> of(Design d) {
        return results == null ? Optional.empty() : results.forDesign(d);
    }

    /**
     * One sentence on {@code d}'s trained accuracy (held-out clips, mean over seeds and its spread, and how often a
     * reversed clip gets its partner label), or that it has none: the design-space card, the lessons and Compare
     * all say it this way.
     */
    public String sentence(Design d) {
        return of(d).map(s -> s.seeds() > 1
                        ? t("trained.seeds", 100 * s.heldOutAccuracy().mean(), 100 * s.heldOutAccuracy().sd(), s.seeds(),
                                100 * s.reversedPartnerRate().mean())
                        : t("trained.one", 100 * s.heldOutAccuracy().mean(), 100 * s.reversedPartnerRate().mean()))
                .orElse(t("trained.none"));
    }

    /** {@code d} at the sweep's clip, width and classes: where its cost sits among the trained designs. */
    public Optional<Design> atSweepSize(Design d) {
        if (results == null) return Optional.empty();
        var p = results.protocol();
        return Optional.of(d.withClip(p.frames(), p.size(), p.size()).withWidthMultiplier(p.width()).withClasses(MotionClass.values().length));
    }

    /** How the designs were trained (their clip and width): empty without results. */
    public Optional<Sweep.Protocol> protocol() {
        return Optional.ofNullable(results).map(SweepResults.Results::protocol);
    }
}
