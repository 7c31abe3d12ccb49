package logitlab.model;

/**
 * How the neuron turns its linear predictor z = w'x into a probability p.
 * <pre>
 * sigmoid:  p = sigma(z) = 1 / (1 + exp(-z))
 * tanh:     p = (tanh(z) + 1) / 2 = sigma(2 z)
 * </pre>
 * The tanh identity follows from tanh(z) = (1 - e^{-2z}) / (1 + e^{-2z}): adding 1 and halving
 * gives 1 / (1 + e^{-2z}). Both activations are therefore p = sigma(a z) with a {@link
 * #logitScale()} of 1 or 2, so log(p / (1 - p)) = a w'x: a tanh neuron fits the logistic model with
 * weights a = 2 times smaller, and {@code 2 w} estimates the GLM's coefficients. The values are
 * computed through sigma(a z), which stays accurate where tanh(z) + 1 would round to 0. See
 * Goodfellow, Bengio and Courville, Deep Learning (2016), 6.3.2 (sigmoid and tanh are related by
 * tanh(z) = 2 sigma(2z) - 1).
 */
public enum Activation implements Named {
  /** p = sigma(z). */
  SIGMOID(1),
  /** p = (tanh(z) + 1) / 2 = sigma(2z). */
  TANH(2);

  private final double logitScale;

  Activation(double logitScale) {
    this.logitScale = logitScale;
  }

  /** The name used on the command line and in JSON: {@code sigmoid} or {@code tanh}. */
  public String cliName() {
    return externalName();
  }

  /** a in p = sigma(a z): 1 for sigmoid, 2 for tanh; the GLM's coefficients are a times the weights. */
  public double logitScale() {
    return logitScale;
  }

  /** p(z) = sigma(a z), in (0, 1) for every finite z (0 or 1 only after rounding). */
  public double probability(double z) {
    return Logistic.sigmoid(logitScale * z);
  }

  /**
   * dp/dz = a sigma(a z) (1 - sigma(a z)): sigma'(z) for sigmoid, (1 - tanh(z)^2) / 2 for tanh. At
   * most a / 4, reached at z = 0; it tends to 0 as |z| grows (saturation).
   */
  public double derivative(double z) {
    double p = Logistic.sigmoid(logitScale * z);
    return logitScale * p * (1 - p);
  }

  /** The activation named {@code name} (case-insensitive). */
  public static Activation parse(String name) {
    return Named.parse(Activation.class, "activation", name);
  }
}
