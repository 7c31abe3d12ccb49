package logitlab.model;

/**
 * The three fitted models' probabilities for one design row x (intercept first, dummy columns 0/1):
 * <pre>
 * linear:   x'beta_ols                 (may leave [0, 1])
 * logistic: sigma(x'beta_glm)
 * neuron:   sigma(a x'w)               (a = 1 for sigmoid, 2 for tanh: the neuron's logit weights)
 * firth:    sigma(x'beta_firth)        (when the comparison has Firth's fit)
 * </pre>
 * An aliased coefficient (NaN) counts as 0, as R's {@code predict} does. Thread-safe and cheap: p
 * multiplications per model.
 */
public final class Scorer {
  private final double[] linear;
  private final double[] logistic;
  private final double[] neuron;
  private final double[] firth;

  public Scorer(Comparison c) {
    this(c.linear(), c.logistic(), c.neuron(), c.firth());
  }

  /** The scorer of three fits (before they are gathered into a {@link Comparison}). */
  public Scorer(LinearProbabilityFit linear, LogisticFit logistic, NeuronFit neuron) {
    this(linear, logistic, neuron, null);
  }

  /** The scorer of three fits and Firth's ({@code firth} may be null: none). */
  public Scorer(LinearProbabilityFit linear, LogisticFit logistic, NeuronFit neuron, LogisticFit firth) {
    this.linear = linear.estimates();
    this.logistic = logistic.estimates();
    this.neuron = neuron.logitWeights();
    this.firth = firth == null ? null : firth.estimates();
  }

  /** Whether there is Firth's fit to score with. */
  public boolean hasFirth() {
    return firth != null;
  }

  /**
   * Firth's penalised-likelihood fit's sigma(x'beta).
   *
   * @throws IllegalStateException when the comparison has no Firth fit
   */
  public double firth(double[] x) {
    if (firth == null) {
      throw new IllegalStateException("no Firth fit (compare without --firth)");
    }
    return Logistic.sigmoid(dot(x, firth));
  }

  /** Number of design columns a row must have. */
  public int columns() {
    return linear.length;
  }

  /** The linear probability model's x'beta. */
  public double linear(double[] x) {
    return dot(x, linear);
  }

  /** The logistic GLM's sigma(x'beta). */
  public double logistic(double[] x) {
    return Logistic.sigmoid(dot(x, logistic));
  }

  /** The neuron's probability. */
  public double neuron(double[] x) {
    return Logistic.sigmoid(dot(x, neuron));
  }

  /** The GLM's linear predictor x'beta. */
  public double logisticEta(double[] x) {
    return dot(x, logistic);
  }

  private static double dot(double[] x, double[] b) {
    if (x.length != b.length) {
      throw new IllegalArgumentException("a row of " + x.length + " columns for a model of " + b.length);
    }
    return Dense.linearPredictor(x, 0, b);
  }
}
