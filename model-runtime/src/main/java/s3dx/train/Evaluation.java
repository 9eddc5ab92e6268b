package s3dx.train;

import java.util.Locale;
import s3dx.synth.MotionShapes;

/**
 * Held-out results on fresh clips drawn with {@code settings} (training's, or held-out generator settings):
 * {@code accuracy} on the clips as generated; on the same clips played backwards, {@code partnerRate} is how
 * often the model gives the partner label (the right answer for a reversed clip) and {@code sameLabelRate} how
 * often it keeps the forward clip's label (a model blind to the order of frames does this).
 */
public record Evaluation(int clips, long seed, MotionShapes.Settings settings, double accuracy, double partnerRate, double sameLabelRate) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d held-out clips (seed %d, %s settings): accuracy %.1f%%; reversed clips: partner label %.1f%%, same label %.1f%%",
                clips, seed, settings == MotionShapes.Settings.HELD_OUT ? "held-out" : "training", 100 * accuracy, 100 * partnerRate, 100 * sameLabelRate);
    }
}
