package s3dx.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import s3dx.cost.CostReport;
import s3dx.net.Design;
import s3dx.platform.Cpu;

/**
 * One finished training run as a row of results: which design (with the sweep's id, curve {@code family} and
 * {@code boundary} where a sweep ran it), the protocol, cost, the held-out evaluations with training's generator
 * settings and with held-out ones, the training time, the {@code machine} whose CPU it was measured on
 * ({@link Cpu#describe()}; absent in runs recorded before it was kept) and the command that reproduces it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String id, String design, String family, String boundary, long seed, int frames, int size, double width,
                        long params, long macs, int steps, int batch, double learningRate, int evalClips,
                        double heldOutAccuracy, double reversedPartnerRate, double reversedSameLabelRate,
                        double heldOutSettingsAccuracy, double heldOutSettingsPartnerRate, double heldOutSettingsSameLabelRate,
                        double trainingSeconds, String machine, String command) {

    /** A finished, evaluated run; {@code command} is how to repeat it. */
    public static RunRecord of(TrainResult r, String command) {
        if (r.cancelled() || r.evaluation() == null || r.heldOutSettings() == null) {
            throw new IllegalArgumentException("only a finished and evaluated run has a result record");
        }
        Design d = r.design();
        TrainConfig c = r.config();
        CostReport cost = CostReport.of(d);
        Evaluation e = r.evaluation(), h = r.heldOutSettings();
        return new RunRecord(null, TrainModels.describe(d), null, null, c.seed(), d.frames(), d.height(), d.widthMultiplier(),
                cost.params(), cost.macs(), c.steps(), c.batch(), c.learningRate(), e.clips(),
                e.accuracy(), e.partnerRate(), e.sameLabelRate(), h.accuracy(), h.partnerRate(), h.sameLabelRate(),
                r.seconds(), Cpu.current().describe(), command);
    }

    /** This record as a sweep's run: its id, design name, curve and boundary. */
    public RunRecord named(String newId, String newDesign, String newFamily, String newBoundary, String newCommand) {
        return new RunRecord(newId, newDesign, newFamily, newBoundary, seed, frames, size, width, params, macs, steps, batch, learningRate,
                evalClips, heldOutAccuracy, reversedPartnerRate, reversedSameLabelRate, heldOutSettingsAccuracy,
                heldOutSettingsPartnerRate, heldOutSettingsSameLabelRate, trainingSeconds, machine, newCommand);
    }
}
