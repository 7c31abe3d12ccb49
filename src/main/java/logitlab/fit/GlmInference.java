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
 * log L = sum y log mu + (1 - y) log(1 - mu);  AIC = -2 log L + 2 k;  BIC = -2 log L + log(n) k
 * McFadden R^2 = 1 - log L / log L_0;  LR = 2 (log L - log L_0) ~ chi^2_{k-1}
 * Wald interval: beta_j +- z_{(1+conf)/2} se_j
 * AME_j = (1/n) sum_i mu_i (1 - mu_i) beta_j,
 *   d AME_j / d beta_k = (1/n) sum_i mu_i (1 - mu_i) [1{j=k} + beta_j (1 - 2 mu_i) x_ik],
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
    double[] y = d.y();
    double ybar = 0;
    for (double v : y) {
      ybar += v;
    }
    ybar /= n;
    double logLik = 0;
    double logLik0 = 0;
    double nullDev = 0;
    double dev = 0;
    for (int i = 0; i < n; i++) {
      logLik += logDensity(y[i], mu[i]);
      logLik0 += logDensity(y[i], ybar);
      nullDev += logitlab.model.Logistic.unitDeviance(y[i], ybar);
      dev += logitlab.model.Logistic.unitDeviance(y[i], mu[i]);
    }
    int dfLr = rank - 1;
    double lr = Math.max(0, 2 * (logLik - logLik0));
    // upper tail P(chi^2_df > lr) = Q(df/2, lr/2), computed directly (no 1 - cdf cancellation)
    double lrP = dfLr > 0 ? Gamma.regularizedGammaQ(dfLr / 2.0, lr / 2) : Double.NaN;
    return new LogisticFit(method, coefs, intervals, ciMethod, conf, nullDev, dev, n - 1, n - rank,
        -2 * logLik + 2 * rank, -2 * logLik + Math.log(n) * rank, logLik, 1 - logLik / logLik0,
        new LrTest(lr, dfLr, lrP), rank, iterations, converged, aliases, separation,
        marginalEffects(d, beta, cov, mu), warnings, mu, cov);
  }

  /** log P(Y = y) for a 0/1 outcome with probability mu, with 0 log 0 = 0. */
  static double logDensity(double y, double mu) {
    return (y > 0 ? y * Math.log(mu) : 0) + (y < 1 ? (1 - y) * Math.log(1 - mu) : 0);
  }

  /** Average marginal effects of the non-intercept terms, with delta-method standard errors. */
  static List<MarginalEffect> marginalEffects(DesignMatrix d, double[] beta, double[][] cov, double[] mu) {
    int n = d.n();
    int p = d.p();
    double[] b = LinearPredictor.zeroNaN(beta);
    double meanW = 0;
    double[] meanWdX = new double[p]; // (1/n) sum mu(1-mu)(1-2mu) x_ik
    for (int i = 0; i < n; i++) {
      double w = mu[i] * (1 - mu[i]);
      meanW += w;
      double w2 = w * (1 - 2 * mu[i]);
      for (int k = 0; k < p; k++) {
        meanWdX[k] += w2 * d.get(i, k);
      }
    }
    meanW /= n;
    for (int k = 0; k < p; k++) {
      meanWdX[k] /= n;
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
      for (int a = 0; a < p; a++) {
        if (Double.isNaN(beta[a])) {
          continue;
        }
        for (int c = 0; c < p; c++) {
          if (!Double.isNaN(beta[c])) {
            var += jac[a] * cov[a][c] * jac[c];
          }
        }
      }
      out.add(new MarginalEffect(term, b[j] * meanW, Math.sqrt(var)));
    }
    return out;
  }
}
