package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
import logitlab.model.Dense;
import logitlab.model.Fitted;
import logitlab.model.Diagnostic;
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
 * Average marginal effects (a = prior weights, A = sum a, F = sigma, f = F (1 - F)):
 * numeric column j, the derivative (statsmodels LogitResults.get_margeff(at='overall')):
 *   AME_j = (1/A) sum_i a_i mu_i (1 - mu_i) beta_j
 *   d AME_j / d beta_k = (1/A) sum_i a_i mu_i (1 - mu_i) [1{j=k} + beta_j (1 - 2 mu_i) x_ik]
 * level column j of a factor with dummy columns D, the discrete change from the reference level
 * (R's marginaleffects::avg_slopes, Stata's margins; statsmodels get_margeff(dummy=True) for a
 * two-level factor): with x_i^0 the row with every dummy in D set to 0 and x_i^j = x_i^0 + e_j,
 *   AME_j = (1/A) sum_i a_i [F(x_i^j' beta) - F(x_i^0' beta)]
 *   d AME_j / d beta_k = (1/A) sum_i a_i [f(x_i^j' beta) x^j_ik - f(x_i^0' beta) x^0_ik]
 * Var(AME_j) = J V J'  (delta method; V the coefficients' covariance, aliased terms left out)
 * </pre>
 * Greene, Econometric Analysis, 7th ed., 17.3 (marginal effects; the discrete change for a dummy
 * variable); McFadden (1974); V. Arel-Bundock, marginaleffects, "Slopes" and "Comparisons".
 */
final class GlmInference {
  private GlmInference() {}

  /**
   * Wald intervals at level conf; where the standard error is not a finite number (a singular
   * information matrix), both ends are NaN, {@link Interval.End#NO_STD_ERROR}.
   */
  static List<Interval> waldIntervals(List<Coefficient> coefs, double conf) {
    double z = normalQuantile((1 + conf) / 2);
    List<Interval> out = new ArrayList<>();
    for (Coefficient c : coefs) {
      if (c.isAliased()) {
        out.add(Interval.UNDEFINED);
      } else if (!Double.isFinite(c.stdError()) || !Double.isFinite(c.estimate())) {
        out.add(new Interval(Double.NaN, Double.NaN, Interval.End.NO_STD_ERROR, Interval.End.NO_STD_ERROR));
      } else {
        double lo = c.estimate() - z * c.stdError();
        double hi = c.estimate() + z * c.stdError();
        // an end beyond the largest double is still a number, only too large to write
        out.add(new Interval(lo, hi, Interval.End.FINITE, Interval.End.FINITE));
      }
    }
    return out;
  }

  /** The standard normal quantile. */
  static double normalQuantile(double prob) {
    return Math.sqrt(2) * Erf.erfInv(2 * prob - 1);
  }

  /**
   * What a logistic fit estimated, for {@link #assemble}.
   *
   * @param method how it was fitted ({@link LogisticFit#method()})
   * @param beta coefficients, NaN for aliased terms
   * @param cov their covariance, NaN for aliased terms
   * @param coefs the coefficient table
   * @param intervals confidence intervals, parallel to coefs
   * @param ciMethod how the intervals were computed
   * @param conf their level
   * @param mu the fitted probabilities, per block
   * @param rank number of estimable coefficients
   * @param iterations iterations used
   * @param converged whether the fit converged
   * @param aliases the aliased terms
   * @param separation the separation check
   * @param warnings the diagnostics so far
   */
  record Estimates(LogisticFit.Method method, double[] beta, double[][] cov, List<Coefficient> coefs,
      List<Interval> intervals, String ciMethod, double conf, Fitted mu, int rank,
      int iterations, boolean converged, List<Alias> aliases, Separation separation,
      List<Diagnostic> warnings) {}

  /**
   * The fit record: the model-fit statistics (one pass over the blocks, sums merged in the fixed
   * tree order) and the average marginal effects.
   */
  static LogisticFit assemble(DesignMatrix d, Estimates e) {
    int nobs = d.nobs();
    int rank = e.rank();
    double ybar = d.weightedEvents() / d.totalWeight();
    // logLik: binomial log-likelihood, as R's logLik.glm (with log choose(m, k)); ll: the
    // individual-level sum a [y log mu + (1 - y) log(1 - mu)]; ll0 at mu = ybar
    // The pass captures locals only (the fitted values as a Fitted, not e), so that an engine
    // (Spark) can ship it where the blocks live; it writes nothing outside its accumulator.
    Fitted fitted = e.mu();
    double[] sums = d.rows().reduce(b -> {
      double[] mu = fitted.of(b.x(), b.rows());
      double[] y = b.y();
      double[] a = b.a();
      double[] t = new double[5];
      for (int i = 0; i < b.rows(); i++) {
        if (a[i] == 0) {
          continue;
        }
        t[0] += logBinomial(y[i], a[i], mu[i]);
        t[1] += a[i] * logDensity(y[i], mu[i]);
        t[2] += a[i] * logDensity(y[i], ybar);
        t[3] += a[i] * logitlab.model.Logistic.unitDeviance(y[i], ybar);
        t[4] += a[i] * logitlab.model.Logistic.unitDeviance(y[i], mu[i]);
      }
      return t;
    }, IrlsFitter::add);
    double logLik = sums[0];
    double ll = sums[1];
    double ll0 = sums[2];
    double nullDev = sums[3];
    double dev = sums[4];
    int dfLr = rank - 1;
    double lr = Math.max(0, 2 * (ll - ll0));
    // upper tail P(chi^2_df > lr) = Q(df/2, lr/2), computed directly (no 1 - cdf cancellation)
    double lrP = dfLr > 0 ? Gamma.regularizedGammaQ(dfLr / 2.0, lr / 2) : Double.NaN;
    return new LogisticFit(e.method(), e.coefs(), e.intervals(), e.ciMethod(), e.conf(), nullDev, dev,
        nobs - 1, nobs - rank, -2 * logLik + 2 * rank, -2 * logLik + Math.log(nobs) * rank, logLik,
        1 - ll / ll0, new LrTest(lr, dfLr, lrP), rank, e.iterations(), e.converged(), e.aliases(),
        e.separation(), Phases.time("AME", () -> marginalEffects(d, e.beta(), e.cov(), e.mu())),
        e.warnings(), e.mu(), e.cov());
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

  /**
   * Average marginal effects of the non-intercept terms, with delta-method standard errors: the
   * derivative for a numeric predictor, the discrete change from the reference level for each
   * level of a categorical one (see the class comment).
   */
  static List<MarginalEffect> marginalEffects(DesignMatrix d, double[] beta, double[][] cov, Fitted mus) {
    int p = d.p();
    double total = d.totalWeight();
    double[] b = Dense.zeroNaN(beta);
    // [0]: sum a mu(1-mu); [1 + k]: sum a mu(1-mu)(1-2mu) x_ik
    double[] sums = d.rows().reduce(blk -> {
      double[] mu = mus.of(blk.x(), blk.rows());
      double[] a = blk.a();
      double[] t = new double[1 + p];
      double[][] x = blk.x();
      for (int i = 0; i < blk.rows(); i++) {
        double w = mu[i] * (1 - mu[i]);
        t[0] += a[i] * w;
        double w2 = a[i] * w * (1 - 2 * mu[i]);
        for (int k = 0; k < p; k++) {
          t[1 + k] += w2 * x[k][i];
        }
      }
      return t;
    }, IrlsFitter::add);
    double meanW = sums[0] / total;
    double[] meanWdX = new double[p]; // weighted mean of mu(1-mu)(1-2mu) x_ik
    for (int k = 0; k < p; k++) {
      meanWdX[k] = sums[1 + k] / total;
    }
    MarginalEffect[] out = new MarginalEffect[p];
    for (DesignMatrix.Predictor pr : d.predictors()) {
      if (pr.categorical()) {
        discreteChanges(d, pr, beta, b, cov, out);
      }
    }
    for (int j = 1; j < p; j++) {
      if (out[j] != null) {
        continue; // a factor level
      }
      String term = d.terms().get(j);
      if (Double.isNaN(beta[j])) {
        out[j] = MarginalEffect.derivative(term, Double.NaN, Double.NaN);
        continue;
      }
      double[] jac = new double[p];
      for (int k = 0; k < p; k++) {
        jac[k] = (k == j ? meanW : 0) + b[j] * meanWdX[k];
      }
      out[j] = MarginalEffect.derivative(term, b[j] * meanW, Math.sqrt(quadraticForm(jac, cov, beta)));
    }
    List<MarginalEffect> list = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      list.add(out[j]);
    }
    return list;
  }

  /**
   * The average discrete change of each level of categorical predictor {@code pr} from its
   * reference level, into {@code out} at the level's design column.
   */
  private static void discreteChanges(DesignMatrix d, DesignMatrix.Predictor pr, double[] beta, double[] b,
      double[][] cov, MarginalEffect[] out) {
    int p = d.p();
    int first = pr.firstTerm();
    int width = pr.width();
    double total = d.totalWeight();
    // per block: est[m] at [m * (p + 1)], the jacobian row jac[m][k] at [m * (p + 1) + 1 + k]
    double[] sums = d.rows().reduce(blk -> {
      double[] t = new double[width * (p + 1)];
      double[] a = blk.a();
      double[][] x = blk.x();
      for (int i = 0; i < blk.rows(); i++) {
        if (a[i] == 0) {
          continue;
        }
        double eta0 = 0; // x_i^0' beta: the row at the reference level
        for (int k = 0; k < p; k++) {
          if (k < first || k >= first + width) {
            eta0 += b[k] * x[k][i];
          }
        }
        double f0 = logitlab.model.Logistic.sigmoid(eta0);
        double w0 = f0 * (1 - f0);
        for (int m = 0; m < width; m++) {
          int j = first + m;
          double f1 = logitlab.model.Logistic.sigmoid(eta0 + b[j]);
          double w1 = f1 * (1 - f1);
          int base = m * (p + 1);
          t[base] += a[i] * (f1 - f0);
          for (int k = 0; k < p; k++) {
            if (k < first || k >= first + width) {
              t[base + 1 + k] += a[i] * (w1 - w0) * x[k][i];
            }
          }
          t[base + 1 + j] += a[i] * w1;
        }
      }
      return t;
    }, IrlsFitter::add);
    double[] est = new double[width];
    double[][] jac = new double[width][p];
    for (int m = 0; m < width; m++) {
      est[m] = sums[m * (p + 1)];
      System.arraycopy(sums, m * (p + 1) + 1, jac[m], 0, p);
    }
    for (int m = 0; m < width; m++) {
      int j = first + m;
      String level = pr.levels().get(m + 1);
      if (Double.isNaN(beta[j])) {
        out[j] = MarginalEffect.discreteChange(d.terms().get(j), Double.NaN, Double.NaN, pr.column(), level,
            pr.reference());
        continue;
      }
      for (int k = 0; k < p; k++) {
        jac[m][k] /= total;
      }
      out[j] = MarginalEffect.discreteChange(d.terms().get(j), est[m] / total,
          Math.sqrt(quadraticForm(jac[m], cov, beta)), pr.column(), level, pr.reference());
    }
  }

  /** J V J' over the estimable (non-NaN) coefficients. */
  private static double quadraticForm(double[] jac, double[][] cov, double[] beta) {
    double var = 0;
    for (int u = 0; u < jac.length; u++) {
      if (Double.isNaN(beta[u])) {
        continue;
      }
      for (int v = 0; v < jac.length; v++) {
        if (!Double.isNaN(beta[v])) {
          var += jac[u] * cov[u][v] * jac[v];
        }
      }
    }
    return var;
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
