package logitlab.fit;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import logitlab.model.Activation;
import logitlab.model.Fmt;
import logitlab.model.Loss;
import logitlab.model.Optimizer;

/**
 * Settings of the one-neuron training. Validated on construction; the {@code with...} methods
 * return changed copies.
 *
 * @param optimizer the update rule
 * @param learningRate step size; NaN means automatic (see {@link NeuronFitter}: 1/L for the
 *     gradient methods, with L the Lipschitz bound of the loss's gradient)
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
  /** Largest |VALUE| of a numeric {@link #init()}. */
  public static final double MAX_INIT = 1000;
  /** Default rows per step of the {@code minibatch} optimizer. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * @throws InvalidSetting for a setting out of its range (the CLI words it)
   * @throws NullPointerException for a null optimizer, init, loss or activation
   */
  public NeuronOptions {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(activation, "activation");
    if (!Double.isNaN(learningRate) && !(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new InvalidSetting(InvalidSetting.Setting.LEARNING_RATE, String.valueOf(learningRate));
    }
    if (batchSize < 0) {
      throw new InvalidSetting(InvalidSetting.Setting.BATCH_SIZE, String.valueOf(batchSize));
    }
    if (batchSize != 0 && optimizer != Optimizer.MINIBATCH) {
      throw new InvalidSetting(InvalidSetting.Setting.BATCH_SIZE_OPTIMIZER, optimizer.cliName());
    }
    if (maxEpochs < 1) {
      throw new InvalidSetting(InvalidSetting.Setting.MAX_EPOCHS, String.valueOf(maxEpochs));
    }
    if (!(tolerance > 0 && Double.isFinite(tolerance))) {
      throw new InvalidSetting(InvalidSetting.Setting.TOLERANCE, String.valueOf(tolerance));
    }
    init = normaliseInit(init);
  }

  /** The old four-setting form: full-batch gradient descent, zeros, cross-entropy, sigmoid. */
  public NeuronOptions(double learningRate, int maxEpochs, double tolerance, long seed) {
    this(Optimizer.GD, learningRate, 0, maxEpochs, tolerance, seed, true, "zeros", Loss.CROSS_ENTROPY,
        Activation.SIGMOID, null);
  }

  /** Gradient descent, automatic step, 200,000 epochs, tolerance 1e-10, standardised, zeros, cross-entropy, sigmoid. */
  public static NeuronOptions defaults() {
    return new NeuronOptions(Double.NaN, DEFAULT_MAX_EPOCHS, DEFAULT_TOLERANCE, DEFAULT_SEED);
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

  /** Whether the initial weights are drawn at random ({@code init} is {@code random}). */
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
      throw new InvalidSetting(InvalidSetting.Setting.INIT, init);
    }
    return v == 0 ? "zeros" : Fmt.plain(v);
  }

  public NeuronOptions withOptimizer(Optimizer o) {
    return copy(c -> c.optimizer = o);
  }

  public NeuronOptions withLearningRate(double lr) {
    return copy(c -> c.learningRate = lr);
  }

  public NeuronOptions withBatchSize(int b) {
    return copy(c -> c.batchSize = b);
  }

  public NeuronOptions withMaxEpochs(int e) {
    return copy(c -> c.maxEpochs = e);
  }

  public NeuronOptions withTolerance(double t) {
    return copy(c -> c.tolerance = t);
  }

  public NeuronOptions withSeed(long s) {
    return copy(c -> c.seed = s);
  }

  public NeuronOptions withStandardize(boolean s) {
    return copy(c -> c.standardize = s);
  }

  public NeuronOptions withInit(String i) {
    return copy(c -> c.init = i);
  }

  public NeuronOptions withLoss(Loss l) {
    return copy(c -> c.loss = l);
  }

  public NeuronOptions withActivation(Activation a) {
    return copy(c -> c.activation = a);
  }

  public NeuronOptions withProgress(NeuronProgress p) {
    return copy(c -> c.progress = p);
  }

  /** These options with one setting changed, validated again. */
  private NeuronOptions copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new NeuronOptions(c.optimizer, c.learningRate, c.batchSize, c.maxEpochs, c.tolerance, c.seed,
        c.standardize, c.init, c.loss, c.activation, c.progress);
  }

  /** The settings of a copy while one is changed. */
  private static final class Copy {
    Optimizer optimizer;
    double learningRate;
    int batchSize;
    int maxEpochs;
    double tolerance;
    long seed;
    boolean standardize;
    String init;
    Loss loss;
    Activation activation;
    NeuronProgress progress;

    Copy(NeuronOptions o) {
      optimizer = o.optimizer;
      learningRate = o.learningRate;
      batchSize = o.batchSize;
      maxEpochs = o.maxEpochs;
      tolerance = o.tolerance;
      seed = o.seed;
      standardize = o.standardize;
      init = o.init;
      loss = o.loss;
      activation = o.activation;
      progress = o.progress;
    }
  }
}
