package logitlab.fit;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;

/** Two-sided p values, computed in the tail so that small values keep their precision. */
final class Inference {
  private Inference() {}

  /** 2 P(Z &gt; |z|) = erfc(|z| / sqrt 2) for a standard normal Z. */
  static double normalTwoSided(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
  }

  /** 2 P(T &gt; |t|) for Student's t with df degrees of freedom (lower tail, no cancellation). */
  static double studentTwoSided(double t, int df) {
    if (Double.isNaN(t) || df <= 0) {
      return Double.NaN;
    }
    return 2.0 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
  }
}
