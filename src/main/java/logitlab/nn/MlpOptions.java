package logitlab.nn;

import java.util.Arrays;
import logitlab.model.ActivationFunction;
import logitlab.model.Optimizer;

/**
 * Settings of one {@code mlp} training run. Validated on construction; {@code with...} return
 * changed copies (the sweeps vary one setting).
 *
 * @param hidden units per hidden layer; empty for none (the logistic model)
 * @param activation the hidden units' activation (not the step)
 * @param slope the leaky ReLU's slope, in (0, 1)
 * @param optimizer the update rule (the neuron's: gd, momentum, nesterov, sgd, minibatch, adam; preconditioned
 *     only without hidden layer and penalty)
 * @param learningRate the step size; NaN for automatic (see {@link MlpTrainer#autoLearningRate})
 * @param epochs the most passes over the training rows
 * @param batchSize rows per step of {@code minibatch}; 0 for its default (32); must be 0 otherwise
 * @param l2 lambda of the penalty (lambda/2) ||W||^2 on the weights (not the biases), at least 0
 * @param testFraction share of the rows held out for testing, in [0, 0.9]; 0 trains on every row
 * @param seed seeds the split, the initial weights and the shuffling
 * @param init how the initial weights are drawn
 * @param tolerance stop when the gradient norm of the training objective falls below it
 * @param targetLoss the training loss whose first epoch is reported ({@code epochsToTarget})
 * @param timing whether to measure the time per epoch (then two runs differ in that number)
 */
public record MlpOptions(int[] hidden, ActivationFunction activation, double slope, Optimizer optimizer,
    double learningRate, int epochs, int batchSize, double l2, double testFraction, long seed, Init init,
    double tolerance, double targetLoss, boolean timing) {
  public static final int DEFAULT_EPOCHS = 1000;
  public static final double DEFAULT_TEST_FRACTION = 0.25;
  public static final double DEFAULT_TOLERANCE = 1e-10;
  public static final double DEFAULT_TARGET_LOSS = 0.1;
  public static final int MAX_EPOCHS = 10_000_000;

  public MlpOptions {
    if (hidden == null || activation == null || optimizer == null || init == null) {
      throw new IllegalArgumentException("mlp options must not be null");
    }
    hidden = hidden.clone();
    if (hidden.length > 100) {
      throw new IllegalArgumentException("--hidden allows at most 100 layers, not " + hidden.length);
    }
    for (int h : hidden) {
      Checks.range("--hidden (units per layer)", h, 1, 100_000);
    }
    Checks.trainable(activation);
    Checks.slope(slope);
    if (!Double.isNaN(learningRate) && !(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("--learning-rate must be auto or a positive number, not " + learningRate);
    }
    Checks.range("--epochs", epochs, 1, MAX_EPOCHS);
    if (batchSize < 0 || (batchSize != 0 && optimizer != Optimizer.MINIBATCH)) {
      throw new IllegalArgumentException(batchSize < 0 ? "--batch-size must be at least 1, not " + batchSize
          : "--batch-size applies to --optimizer minibatch only (sgd uses 1 row per step; gd, momentum, nesterov "
              + "and adam use all rows)");
    }
    if (!(l2 >= 0 && Double.isFinite(l2))) {
      throw new IllegalArgumentException("--l2 must be a number >= 0, not " + l2);
    }
    if (optimizer == Optimizer.PRECONDITIONED && (hidden.length > 0 || l2 > 0)) {
      throw new IllegalArgumentException("--optimizer preconditioned trains the one neuron only (--hidden 0 without "
          + "--l2): its metric is the inputs' Gram matrix, which a net with hidden layers has no counterpart of");
    }
    if (!(testFraction >= 0 && testFraction <= 0.9)) {
      throw new IllegalArgumentException("--test-fraction must be between 0 and 0.9, not " + testFraction);
    }
    if (!(tolerance > 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("--tolerance must be a positive number, not " + tolerance);
    }
    if (!(targetLoss > 0 && Double.isFinite(targetLoss))) {
      throw new IllegalArgumentException("--target-loss must be a positive number, not " + targetLoss);
    }
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** Rows per step: the batch size for minibatch (default 32), 1 for sgd, else 0 (all rows). */
  public int rowsPerStep() {
    return switch (optimizer) {
      case MINIBATCH -> batchSize == 0 ? logitlab.fit.NeuronOptions.DEFAULT_BATCH_SIZE : batchSize;
      case SGD -> 1;
      default -> Integer.MAX_VALUE;
    };
  }

  public MlpOptions withHidden(int[] h) {
    return new MlpOptions(h, activation, slope, optimizer, learningRate, epochs, batchSize, l2, testFraction, seed,
        init, tolerance, targetLoss, timing);
  }

  public MlpOptions withActivation(ActivationFunction f) {
    return new MlpOptions(hidden, f, slope, optimizer, learningRate, epochs, batchSize, l2, testFraction, seed, init,
        tolerance, targetLoss, timing);
  }

  public MlpOptions withLearningRate(double lr) {
    return new MlpOptions(hidden, activation, slope, optimizer, lr, epochs, batchSize, l2, testFraction, seed, init,
        tolerance, targetLoss, timing);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MlpOptions m && Arrays.equals(hidden, m.hidden) && activation == m.activation
        && Double.compare(slope, m.slope) == 0 && optimizer == m.optimizer
        && Double.compare(learningRate, m.learningRate) == 0 && epochs == m.epochs && batchSize == m.batchSize
        && Double.compare(l2, m.l2) == 0 && Double.compare(testFraction, m.testFraction) == 0 && seed == m.seed
        && init.equals(m.init) && Double.compare(tolerance, m.tolerance) == 0
        && Double.compare(targetLoss, m.targetLoss) == 0 && timing == m.timing;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hidden) * 31 + Double.hashCode(learningRate) + activation.hashCode();
  }

  @Override
  public String toString() {
    return "MlpOptions" + Arrays.toString(hidden) + " " + activation.cliName() + " " + optimizer.cliName();
  }
}
