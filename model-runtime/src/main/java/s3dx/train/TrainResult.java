package s3dx.train;

import java.util.List;
import s3dx.net.Design;
import s3dx.weights.WeightSet;

/**
 * What a run produced: the weights after {@code stepsDone} steps (all of them unless cancelled), the
 * progress of every step, and the held-out evaluations on fresh clips with training's generator settings
 * ({@code evaluation}) and with settings training never saw ({@code heldOutSettings}); both null when
 * cancelled before the end or evalClips is 0.
 */
public record TrainResult(TrainConfig config, WeightSet weights, List<TrainProgress> history, int stepsDone,
                          boolean cancelled, double seconds, Evaluation evaluation, Evaluation heldOutSettings) {
    public TrainResult {
        history = List.copyOf(history);
    }

    public Design design() {
        return config.design();
    }

    public TrainProgress last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    public TrainResult withEvaluations(Evaluation trainingSettings, Evaluation heldOutSettings) {
        return new TrainResult(config, weights, history, stepsDone, cancelled, seconds, trainingSettings, heldOutSettings);
    }
}
