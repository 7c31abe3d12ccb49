package logitlab.fit;

/**
 * Settings of the one-neuron gradient descent.
 *
 * @param learningRate step size; NaN means automatic, 1/L with L the Lipschitz bound of the gradient
 * @param maxEpochs limit on full passes over the data
 * @param tolerance stop when the Euclidean norm of the mean-loss gradient (standardised inputs)
 *     falls below this
 * @param seed seed for anything random (fixed default, so runs are reproducible)
 */
public record NeuronOptions(double learningRate, int maxEpochs, double tolerance, long seed) {
  /** Default seed. */
  public static final long DEFAULT_SEED = 20261127L;
  /** Default epoch limit. */
  public static final int DEFAULT_MAX_EPOCHS = 200_000;
  /** Default gradient-norm tolerance. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  public NeuronOptions {
    if (!Double.isNaN(learningRate) && !(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("max epochs must be at least 1, got " + maxEpochs);
    }
    if (!(tolerance > 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("tolerance must be a positive number, got " + tolerance);
    }
  }

  /** Automatic step, 200,000 epochs, tolerance 1e-10, the default seed. */
  public static NeuronOptions defaults() {
    return new NeuronOptions(Double.NaN, DEFAULT_MAX_EPOCHS, DEFAULT_TOLERANCE, DEFAULT_SEED);
  }

  /** Whether the step size is chosen automatically. */
  public boolean autoLearningRate() {
    return Double.isNaN(learningRate);
  }
}
