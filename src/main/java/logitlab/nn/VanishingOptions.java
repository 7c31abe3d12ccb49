package logitlab.nn;

import logitlab.model.ActivationFunction;

/**
 * Settings of the vanishing-gradient experiment ({@link Vanishing}).
 *
 * @param activation the hidden units' activation (not the step, whose gradient is 0)
 * @param slope the leaky ReLU's slope, in (0, 1)
 * @param depth number of hidden layers, 1 to {@value #MAX_DEPTH}
 * @param width units per hidden layer and number of inputs, 1 to {@value #MAX_WIDTH}
 * @param init how the weights are drawn
 * @param seed seeds the batch and the weights
 * @param batch rows in the batch, 1 to {@value #MAX_BATCH}
 */
public record VanishingOptions(ActivationFunction activation, double slope, int depth, int width, Init init, long seed,
    int batch) {
  public static final int MAX_DEPTH = 1000;
  public static final int MAX_WIDTH = 4096;
  public static final int MAX_BATCH = 100_000;
  public static final int DEFAULT_DEPTH = 10;
  public static final int DEFAULT_WIDTH = 32;
  public static final int DEFAULT_BATCH = 256;

  public VanishingOptions {
    if (activation == null || init == null) {
      throw new IllegalArgumentException("activation and init are required");
    }
    if (activation.flat()) {
      throw new IllegalArgumentException("--activation step has derivative 0 wherever it is defined, so every "
          + "hidden layer's gradient is 0: there is nothing to vanish (the perceptron is not trained by "
          + "gradients); choose sigmoid, tanh, relu, leaky-relu or identity");
    }
    Checks.slope(slope);
    Checks.range("--depth", depth, 1, MAX_DEPTH);
    Checks.range("--width", width, 1, MAX_WIDTH);
    Checks.range("--batch", batch, 1, MAX_BATCH);
    if ((long) depth * width * width > 50_000_000L) {
      throw new IllegalArgumentException("--depth " + depth + " x --width " + width + " would need more than "
          + "50,000,000 weights; use a smaller depth or width");
    }
    if ((long) batch * width > 50_000_000L) {
      throw new IllegalArgumentException("--batch " + batch + " x --width " + width + " is too large a batch; "
          + "use a smaller batch");
    }
  }
}
