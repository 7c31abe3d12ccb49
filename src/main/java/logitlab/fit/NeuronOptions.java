package logitlab.fit;

import java.util.Locale;
import logitlab.model.Activation;
import logitlab.model.Loss;
import logitlab.model.Optimizer;

/**
 * Settings of the one-neuron training. Validated on construction; the {@code with...} methods
 * return changed copies.
 *
 * @param optimizer the update rule
 * @param learningRate step size; NaN means automatic (see {@link NeuronFitter}: 1/L for the
 *     gradient methods, with L the Lipschitz bound of the loss's gradient; 1 in its metric for
 *     preconditioned)
 * @param batchSize rows per step of the {@code minibatch} optimizer; 0 means its default,
 *     {@value #DEFAULT_BATCH_SIZE}. Must be 0 for the other optimizers ({@code sgd} uses one row
 *     per step, the rest all rows)
 * @param maxEpochs limit on passes over the data
 * @param tolerance stop when the Euclidean norm of the mean-loss gradient (on the scale the
 *     neuron trains on) falls below this
 * @param seed seed for the shuffling of {@code sgd} and {@code minibatch} and for random initial
 *     weights (fixed default, so runs are reproducible); unused otherwise
 * @param standardize train on standardised inputs (x - mean) / sd (the default) rather than raw ones
 * @param init initial weights on the scale the neuron trains on: {@code zeros}; {@code random},
 *     normal with sd 1/sqrt(number of weights) (LeCun, Bottou, Orr and Müller, "Efficient
 *     BackProp", 1998, 4.6), drawn with the seed; or a number VALUE, every weight (the intercept
 *     included) set to VALUE, |VALUE| at most 1000, which with a large VALUE starts the neuron
 *     saturated as in Nielsen's slow-learning neuron (Neural Networks and Deep Learning, 2015,
 *     ch. 3). {@code 0} is {@code zeros}
 * @param loss the loss minimised
 * @param activation the output activation
 * @param progress receives a progress snapshot about once a second; null for none
 */
public record NeuronOptions(
    Optimizer optimizer,
    double learningRate,
    int batchSize,
    int maxEpochs,
    double tolerance,
    long seed,
    boolean standardize,
    String init,
    Loss loss,
    Activation activation,
    NeuronProgress progress) {
  /** Default seed. */
  public static final long DEFAULT_SEED = 20261127L;
  /** Default epoch limit of the full-batch optimizers. */
  public static final int DEFAULT_MAX_EPOCHS = 200_000;
  /**
   * Default epoch limit of {@code sgd} and {@code minibatch}: a stochastic gradient never falls
   * below a tolerance of 1e-10, and each of their epochs costs n / batch steps.
   */
  public static final int DEFAULT_MAX_EPOCHS_STOCHASTIC = 2_000;
  /** Default gradient-norm tolerance. */
  public static final double DEFAULT_TOLERANCE = 1e-10;
  /** Largest |VALUE| of {@code --init VALUE}. */
  public static final double MAX_INIT = 1000;
  /** Default rows per step of the {@code minibatch} optimizer. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  public NeuronOptions {
    if (optimizer == null || init == null || loss == null || activation == null) {
      throw new IllegalArgumentException("neuron options must not be null");
    }
    if (!Double.isNaN(learningRate) && !(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    if (batchSize != 0 && optimizer != Optimizer.MINIBATCH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a batch size applies to the minibatch optimizer only, not to %s (sgd uses 1 row per step; "
              + "preconditioned, gd, momentum, nesterov and adam use all rows)", optimizer.cliName()));
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("max epochs must be at least 1, got " + maxEpochs);
    }
    if (!(tolerance > 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("tolerance must be a positive number, got " + tolerance);
    }
    init = normaliseInit(init);
  }

  /** The old four-setting form: full-batch gradient descent, zeros, cross-entropy, sigmoid. */
  public NeuronOptions(double learningRate, int maxEpochs, double tolerance, long seed) {
    this(Optimizer.GD, learningRate, 0, maxEpochs, tolerance, seed, true, "zeros", Loss.CROSS_ENTROPY,
        Activation.SIGMOID, null);
  }

  /** The default optimizer: {@code preconditioned}. */
  public static final Optimizer DEFAULT_OPTIMIZER = Optimizer.PRECONDITIONED;

  /**
   * Preconditioned Nesterov ({@link #DEFAULT_OPTIMIZER}), automatic step, 200,000 epochs, tolerance
   * 1e-10, standardised, zeros, cross-entropy, sigmoid.
   */
  public static NeuronOptions defaults() {
    return new NeuronOptions(Double.NaN, DEFAULT_MAX_EPOCHS, DEFAULT_TOLERANCE, DEFAULT_SEED)
        .withOptimizer(DEFAULT_OPTIMIZER);
  }

  /** The default epoch limit of an optimizer. */
  public static int defaultMaxEpochs(Optimizer o) {
    return o.stochastic() ? DEFAULT_MAX_EPOCHS_STOCHASTIC : DEFAULT_MAX_EPOCHS;
  }

  /** Whether the step size is chosen automatically. */
  public boolean autoLearningRate() {
    return Double.isNaN(learningRate);
  }

  /** Rows per step: 1 for sgd, the batch size for minibatch, 0 (all rows) otherwise. */
  public int rowsPerStep() {
    return switch (optimizer) {
      case SGD -> 1;
      case MINIBATCH -> batchSize == 0 ? DEFAULT_BATCH_SIZE : batchSize;
      default -> 0;
    };
  }

  /** Whether the initial weights are drawn at random ({@code --init random}). */
  public boolean randomInit() {
    return init.equals("random");
  }

  /** The common initial value of every weight: 0 for {@code zeros}, the number for VALUE; NaN for random. */
  public double initValue() {
    return switch (init) {
      case "zeros" -> 0;
      case "random" -> Double.NaN;
      default -> Double.parseDouble(init);
    };
  }

  /** Whether anything random is drawn: shuffling or random initial weights. */
  public boolean usesSeed() {
    return optimizer.stochastic() || randomInit();
  }

  private static String normaliseInit(String init) {
    String s = init.trim().toLowerCase(Locale.ROOT);
    if (s.equals("zeros") || s.equals("random")) {
      return s;
    }
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(Double.isFinite(v) && Math.abs(v) <= MAX_INIT)) {
      throw new IllegalArgumentException("initial weights must be zeros, random or a number from -" + (int) MAX_INIT
          + " to " + (int) MAX_INIT + ", not \"" + init + "\"");
    }
    return v == 0 ? "zeros" : plain(v);
  }

  private static String plain(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  public NeuronOptions withOptimizer(Optimizer o) {
    return new NeuronOptions(o, learningRate, batchSize, maxEpochs, tolerance, seed, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withLearningRate(double lr) {
    return new NeuronOptions(optimizer, lr, batchSize, maxEpochs, tolerance, seed, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withBatchSize(int b) {
    return new NeuronOptions(optimizer, learningRate, b, maxEpochs, tolerance, seed, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withMaxEpochs(int e) {
    return new NeuronOptions(optimizer, learningRate, batchSize, e, tolerance, seed, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withTolerance(double t) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, t, seed, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withSeed(long s) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, s, standardize, init, loss,
        activation, progress);
  }

  public NeuronOptions withStandardize(boolean s) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, seed, s, init, loss,
        activation, progress);
  }

  public NeuronOptions withInit(String i) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, seed, standardize, i, loss,
        activation, progress);
  }

  public NeuronOptions withLoss(Loss l) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, seed, standardize, init, l,
        activation, progress);
  }

  public NeuronOptions withActivation(Activation a) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, seed, standardize, init, loss,
        a, progress);
  }

  public NeuronOptions withProgress(NeuronProgress p) {
    return new NeuronOptions(optimizer, learningRate, batchSize, maxEpochs, tolerance, seed, standardize, init, loss,
        activation, p);
  }
}
