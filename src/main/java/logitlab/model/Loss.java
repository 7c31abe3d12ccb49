package logitlab.model;

/**
 * The loss of one 0/1 observation y given the neuron's linear predictor z, with p = sigma(u),
 * u = a z (a = {@link Activation#logitScale()}):
 * <pre>
 * cross-entropy:  l = -[y log p + (1 - y) log(1 - p)] = softplus(u) - y u
 *                 dl/dz = a (p - y)
 *                 d2l/dz2 = a^2 p (1 - p)                        &lt;= a^2 / 4
 * squared:        l = (p - y)^2 / 2
 *                 dl/dz = a (p - y) p (1 - p)
 *                 d2l/dz2 = a^2 [ (p(1-p))^2 + (p - y) p (1-p) (1 - 2p) ]
 * </pre>
 * The cross-entropy is the binomial negative log-likelihood, so minimising its mean is maximum
 * likelihood: the logistic GLM. Its gradient (p - y) has no factor sigma'(u) = p (1 - p): the
 * derivative of the log cancels it. The squared error keeps that factor, so a neuron whose z is far
 * from 0 (saturated, p near 0 or 1) gets almost no gradient even when it is wrong: the vanishing
 * gradient (Nielsen, Neural Networks and Deep Learning, 2015, ch. 3, "The cross-entropy cost
 * function"; Glorot and Bengio, AISTATS 2010). Minimising the squared error is nonlinear least
 * squares, whose optimum is close to the GLM's but not equal to it.
 *
 * <p>{@link #curvatureBound(Activation)} is sup over z and y in {0, 1} of |d2l/dz2|. For the squared
 * error with y = 0 it is max over p of |p^2 (1 - p)(2 - 3p)|, reached at p = (15 - sqrt 33) / 24
 * (where 12 p^2 - 15 p + 4 = 0), about 0.0770; y = 1 is the mirror image. With it the mean loss
 * has an L-Lipschitz gradient, L = bound * lambda_max(X'X / n).
 */
public enum Loss implements Named {
  /** The binomial negative log-likelihood. */
  CROSS_ENTROPY,
  /** Half the squared error of the probability. */
  SQUARED;

  /** max_p |p^2 (1 - p)(2 - 3p)|, at p = (15 - sqrt(33)) / 24. */
  private static final double SQUARED_CURVATURE;

  static {
    double p = (15 - Math.sqrt(33)) / 24;
    SQUARED_CURVATURE = p * p * (1 - p) * (2 - 3 * p);
  }

  /** The name used on the command line and in JSON: {@code cross-entropy} or {@code squared}. */
  public String cliName() {
    return externalName();
  }

  /** l(y, z); finite for every finite z (the cross-entropy is computed from u, never from log p). */
  public double value(double y, double z, Activation act) {
    double u = act.logitScale() * z;
    if (this == CROSS_ENTROPY) {
      return Logistic.crossEntropy(y, u);
    }
    double r = Logistic.sigmoid(u) - y;
    return 0.5 * r * r;
  }

  /** dl/dz. */
  public double derivative(double y, double z, Activation act) {
    double a = act.logitScale();
    double p = Logistic.sigmoid(a * z);
    return this == CROSS_ENTROPY ? a * (p - y) : a * (p - y) * p * (1 - p);
  }

  /**
   * l(y, z) and dl/dz together, with one exp and (cross-entropy) one log: e = exp(-|u|),
   * p = 1/(1+e) for u &gt;= 0 and e/(1+e) otherwise, softplus(u) = max(u, 0) + log(1 + e). As
   * e &lt;= 1, log(1 + e) has an absolute error below 3e-16, all a mean loss needs, at half the cost
   * of log1p(e) (which {@link #value} uses, accurate to the last bit).
   *
   * @param derivative receives dl/dz in element 0
   * @return l(y, z)
   */
  public double valueAndDerivative(double y, double z, Activation act, double[] derivative) {
    double a = act.logitScale();
    double u = a * z;
    double e = Math.exp(-Math.abs(u));
    double p = u >= 0 ? 1 / (1 + e) : e / (1 + e);
    double r = p - y;
    if (this == CROSS_ENTROPY) {
      derivative[0] = a * r;
      return Math.max(u, 0) + Math.log(1 + e) - y * u;
    }
    derivative[0] = a * r * p * (1 - p);
    return 0.5 * r * r;
  }

  /** sup over z and y in {0, 1} of |d2l/dz2|: a^2 / 4 for the cross-entropy, about 0.0770 a^2 squared. */
  public double curvatureBound(Activation act) {
    double a = act.logitScale();
    return a * a * (this == CROSS_ENTROPY ? 0.25 : SQUARED_CURVATURE);
  }

  /** The loss named {@code name} (case-insensitive). */
  public static Loss parse(String name) {
    return Named.parse(Loss.class, "loss", name);
  }
}
