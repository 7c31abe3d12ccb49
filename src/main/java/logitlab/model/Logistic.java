package logitlab.model;

/**
 * The logistic link and the binomial log-likelihood, in numerically stable forms shared by the
 * IRLS fit, the neuron and the renderers' predictions.
 *
 * <pre>
 * sigma(eta) = 1 / (1 + exp(-eta))               (inverse logit)
 * log(1 + exp(eta)) = max(eta, 0) + log1p(exp(-|eta|))   (softplus, never overflows)
 * -log L(y; eta) = softplus(eta) - y eta          (cross-entropy of one 0/1 observation)
 * </pre>
 */
public final class Logistic {
  private Logistic() {}

  /** sigma(eta) = 1/(1+exp(-eta)), evaluated without overflow for any finite eta. */
  public static double sigmoid(double eta) {
    if (eta >= 0) {
      return 1.0 / (1.0 + Math.exp(-eta));
    }
    double e = Math.exp(eta);
    return e / (1.0 + e);
  }

  /** log(1 + exp(eta)) = max(eta, 0) + log1p(exp(-|eta|)). */
  public static double softplus(double eta) {
    return Math.max(eta, 0.0) + Math.log1p(Math.exp(-Math.abs(eta)));
  }

  /**
   * Cross-entropy -[y log mu + (1-y) log(1-mu)] with mu = sigma(eta), computed from eta as
   * softplus(eta) - y eta so that it stays finite where mu rounds to 0 or 1. Valid for y in [0, 1].
   */
  public static double crossEntropy(double y, double eta) {
    return softplus(eta) - y * eta;
  }

  /** logit(mu) = log(mu / (1 - mu)). */
  public static double logit(double mu) {
    return Math.log(mu / (1.0 - mu));
  }

  /**
   * Binomial unit deviance of a proportion y with fitted mu, 2 [y log(y/mu) + (1-y) log((1-y)/(1-mu))],
   * with 0 log 0 = 0, as R's {@code binomial()$dev.resids} (per unit weight).
   */
  public static double unitDeviance(double y, double mu) {
    double d = 0;
    if (y > 0) {
      d += y * Math.log(y / mu);
    }
    if (y < 1) {
      d += (1 - y) * Math.log((1 - y) / (1 - mu));
    }
    return 2 * d;
  }
}
