package s3dx.train;

/**
 * After one optimiser step: this batch's loss and accuracy (training mode), their averages over the last
 * {@link Trainer#WINDOW} steps, and the speed so far (steps/s and clips/s since the first step, data included).
 */
public record TrainProgress(int step, int steps, double loss, double accuracy, double avgLoss, double avgAccuracy,
                            double stepsPerSecond, double clipsPerSecond, double learningRate) {}
