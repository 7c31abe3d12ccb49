package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
import logitlab.model.Interval;
import logitlab.model.LogisticFit;
import logitlab.model.LrTest;
import logitlab.model.MarginalEffect;
import logitlab.model.Separation;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The inference shared by the maximum-likelihood and the Firth fit of the logistic model: model-fit
 * statistics, Wald intervals and average marginal effects.
 * <pre>
 * log L = sum log dbinom(a y, a, mu)  (R's logLik.glm; = sum y log mu + (1-y) log(1-mu) for 0/1 data)
 * AIC = -2 log L + 2 k;  BIC = -2 log L + log(nobs) k
 * McFadden R^2 = 1 - l / l_0 and LR = 2 (l - l_0) ~ chi^2_{k-1}, with the individual-level
 *   l = sum a [y log mu + (1 - y) log(1 - mu)] (l_0 at mu = weighted mean of y)
 * Wald interval: beta_j +- z_{(1+conf)/2} se_j
 * AME_j = (1/A) sum_i a_i mu_i (1 - mu_i) beta_j          (a = prior weights, A = sum a)
 *   d AME_j / d beta_k = (1/A) sum_i a_i mu_i (1 - mu_i) [1{j=k} + beta_j (1 - 2 mu_i) x_ik],
 *   Var(AME) = J V J'  (delta method; statsmodels LogitResults.get_margeff(at='overall'))
 * </pre>
 * Greene, Econometric Analysis, 7th ed., 17.3 (marginal effects); McFadden (1974).
 */
final class GlmInference {
  private GlmInference() {}

  /** Wald intervals at level conf. */
  static List<Interval> waldIntervals(List<Coefficient> coefs, double conf) {
    double z = normalQuantile((1 + conf) / 2);
    List<Interval> out = new ArrayList<>();
    for (Coefficient c : coefs) {
      out.add(c.isAliased() ? Interval.UNDEFINED
          : new Interval(c.estimate() - z * c.stdError(), c.estimate() + z * c.stdError()));
    }
    return out;
  }

  /** The standard normal quantile. */
  static double normalQuantile(double prob) {
    return Math.sqrt(2) * Erf.erfInv(2 * prob - 1);
  }

  static LogisticFit assemble(String method, DesignMatrix d, double[] beta, double[][] cov,
      List<Coefficient> coefs, List<Interval> intervals, String ciMethod, double conf, double[] mu,
      int rank, int iterations, boolean converged, List<Alias> aliases, Separation separation,
      List<String> warnings) {
    int n = d.n();
    int nobs = d.nobs();
    double[] y = d.y();
    double[] a = d.weights();
    double ybar = d.weightedEvents() / d.totalWeight();
    double logLik = 0; // binomial log-likelihood, as R's logLik.glm (with log choose(m, k))
    double ll = 0; // individual-level sum a [y log mu + (1 - y) log(1 - mu)]
    double ll0 = 0;
    double nullDev = 0;
    double dev = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == 0) {
        continue;
      }
      logLik += logBinomial(y[i], a[i], mu[i]);
      ll += a[i] * logDensity(y[i], mu[i]);
      ll0 += a[i] * logDensity(y[i], ybar);
      nullDev += a[i] * logitlab.model.Logistic.unitDeviance(y[i], ybar);
      dev += a[i] * logitlab.model.Logistic.unitDeviance(y[i], mu[i]);
    }
    int dfLr = rank - 1;
    double lr = Math.max(0, 2 * (ll - ll0));
    // upper tail P(chi^2_df > lr) = Q(df/2, lr/2), computed directly (no 1 - cdf cancellation)
    double lrP = dfLr > 0 ? Gamma.regularizedGammaQ(dfLr / 2.0, lr / 2) : Double.NaN;
    return new LogisticFit(method, coefs, intervals, ciMethod, conf, nullDev, dev, nobs - 1, nobs - rank,
        -2 * logLik + 2 * rank, -2 * logLik + Math.log(nobs) * rank, logLik, 1 - ll / ll0,
        new LrTest(lr, dfLr, lrP), rank, iterations, converged, aliases, separation,
        Phases.time("AME", () -> marginalEffects(d, beta, cov, mu)), warnings, mu, cov);
  }

  /**
   * R's binomial log-likelihood term for a proportion y of m = a trials: log dbinom(round(m y),
   * round(m), mu), which for a 0/1 outcome with weight 1 is y log mu + (1 - y) log(1 - mu).
   */
  static double logBinomial(double y, double a, double mu) {
    double m = Math.rint(a);
    double k = Math.rint(a * y);
    double lchoose = m <= 1 ? 0
        : Gamma.logGamma(m + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(m - k + 1);
    return lchoose + (k > 0 ? k * Math.log(mu) : 0) + (m - k > 0 ? (m - k) * Math.log(1 - mu) : 0);
  }

  /** log P(Y = y) for a 0/1 outcome with probability mu, with 0 log 0 = 0. */
  static double logDensity(double y, double mu) {
    return (y > 0 ? y * Math.log(mu) : 0) + (y < 1 ? (1 - y) * Math.log(1 - mu) : 0);
  }

  /** Average marginal effects of the non-intercept terms, with delta-method standard errors. */
  static List<MarginalEffect> marginalEffects(DesignMatrix d, double[] beta, double[][] cov, double[] mu) {
    int n = d.n();
    int p = d.p();
    double[] a = d.weights();
    double total = d.totalWeight();
    double[] b = LinearPredictor.zeroNaN(beta);
    double meanW = 0;
    double[] meanWdX = new double[p]; // weighted mean of mu(1-mu)(1-2mu) x_ik
    for (int i = 0; i < n; i++) {
      double w = mu[i] * (1 - mu[i]);
      meanW += a[i] * w;
      double w2 = a[i] * w * (1 - 2 * mu[i]);
      for (int k = 0; k < p; k++) {
        meanWdX[k] += w2 * d.get(i, k);
      }
    }
    meanW /= total;
    for (int k = 0; k < p; k++) {
      meanWdX[k] /= total;
    }
    List<MarginalEffect> out = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      String term = d.terms().get(j);
      if (Double.isNaN(beta[j])) {
        out.add(new MarginalEffect(term, Double.NaN, Double.NaN));
        continue;
      }
      double[] jac = new double[p];
      for (int k = 0; k < p; k++) {
        jac[k] = (k == j ? meanW : 0) + b[j] * meanWdX[k];
      }
      double var = 0;
      for (int u = 0; u < p; u++) {
        if (Double.isNaN(beta[u])) {
          continue;
        }
        for (int v = 0; v < p; v++) {
          if (!Double.isNaN(beta[v])) {
            var += jac[u] * cov[u][v] * jac[v];
          }
        }
      }
      out.add(new MarginalEffect(term, b[j] * meanW, Math.sqrt(var)));
    }
    return out;
  }

  /**
   * The estimable terms an aliased column is an exact linear combination of: those with a
   * coefficient larger than 1e-7 of the largest in {@code combination} (R's {@code alias()}).
   */
  static List<String> collinearWith(DesignMatrix d, double[] combination, boolean[] aliased) {
    List<String> with = new ArrayList<>();
    if (combination == null) {
      return with;
    }
    double scale = 0;
    for (double v : combination) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < combination.length; i++) {
      if (!aliased[i] && Math.abs(combination[i]) > 1e-7 * Math.max(scale, 1e-300)) {
        with.add(d.terms().get(i));
      }
    }
    return with;
  }

  /** R's "k coefficients not defined because of singularities", with what each is collinear with. */
  static String aliasWarning(List<Alias> aliases) {
    StringBuilder sb = new StringBuilder();
    sb.append(aliases.size()).append(aliases.size() == 1 ? " coefficient is" : " coefficients are")
        .append(" not defined because of singularities (reported as NA, as R does): ");
    for (int k = 0; k < aliases.size(); k++) {
      Alias a = aliases.get(k);
      sb.append(k == 0 ? "" : "; ").append(a.term()).append(" is an exact linear combination of ")
          .append(a.collinearWith().isEmpty() ? "nothing (it is constant zero)"
              : String.join(", ", a.collinearWith()));
    }
    return sb.toString();
  }

  /**
   * One end of a profile interval: the root of g (negative at the estimate, rising away from it)
   * in direction dir. Walks out from the estimate in steps of se, doubling, until g &gt; 0, then
   * solves by Brent's method; an end that is never reached (beyond 1e12, or g undefined) is
   * infinite, as under separation.
   */
  static double profileEnd(java.util.function.DoubleUnaryOperator g, double est, double se, int dir) {
    double step = Double.isFinite(se) && se > 0 ? se : Math.max(1, Math.abs(est));
    double inner = est;
    double outer = est + dir * step;
    double go = g.applyAsDouble(outer);
    for (int k = 0; k < 60 && !(go > 0); k++) {
      if (Double.isNaN(go) || Math.abs(outer) > 1e12) {
        return dir * Double.POSITIVE_INFINITY;
      }
      inner = outer;
      step *= 2;
      outer = est + dir * step;
      go = g.applyAsDouble(outer);
    }
    if (!(go > 0)) {
      return dir * Double.POSITIVE_INFINITY;
    }
    double lo = Math.min(inner, outer);
    double hi = Math.max(inner, outer);
    return new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-12, 1e-10)
        .solve(500, g::applyAsDouble, lo, hi);
  }

  /**
   * Wald coefficient table: estimate, se = sqrt(diag(cov)), z = estimate / se and its two-sided
   * normal p value; aliased terms are NA.
   */
  static List<Coefficient> waldCoefficients(DesignMatrix d, double[] beta, double[][] cov, boolean[] aliased) {
    List<Coefficient> coefs = new ArrayList<>(d.p());
    for (int j = 0; j < d.p(); j++) {
      String term = d.terms().get(j);
      if (aliased[j]) {
        coefs.add(Coefficient.aliased(term));
        continue;
      }
      double se = Math.sqrt(cov[j][j]);
      double z = beta[j] / se;
      coefs.add(new Coefficient(term, beta[j], se, z, Inference.normalTwoSided(z)));
    }
    return coefs;
  }

  /** The aliased terms with the terms each is a linear combination of (rows of {@code combination}). */
  static List<Alias> aliases(DesignMatrix d, boolean[] aliased, double[][] combination) {
    List<Alias> out = new ArrayList<>();
    for (int j = 0; j < d.p(); j++) {
      if (aliased[j]) {
        out.add(new Alias(d.terms().get(j), collinearWith(d, combination[j], aliased)));
      }
    }
    return out;
  }
}
