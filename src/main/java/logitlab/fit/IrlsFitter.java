package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
import logitlab.model.Dense;
import logitlab.model.Diagnostic;
import logitlab.model.Interval;
import logitlab.model.Logistic;
import logitlab.model.LogisticFit;
import logitlab.model.Separation;

/**
 * Logistic regression by iteratively reweighted least squares (Fisher scoring), following R's
 * {@code glm.fit} (R 4.2, src/library/stats/R/glm.fit.R) with the step halving of the
 * {@code glm2} package (Marschner 2011, The R Journal 3(2)).
 * <pre>
 * start:     mu = (a y + 0.5) / (a + 1),  eta = logit(mu)     (a = prior weights, 1 for 0/1 data)
 * iterate:   w = a mu (1 - mu),  z = eta - offset + (y - mu) / (mu (1 - mu))
 *            beta = argmin sum w (z - x'beta)^2          (weighted QR, tol min(1e-7, eps/1000))
 *            eta = X beta + offset,  mu = sigma(eta),  dev = sum a d(y, mu)
 *            if dev is not finite: beta = (beta + beta_old) / 2 until it is (glm.fit)
 *            if (dev - dev_old) / (0.1 + |dev|) &gt;= eps (glm2, from the second iteration on):
 *            beta = (beta + beta_old) / 2 while (dev - dev_old) / (0.1 + |dev|) &gt; -eps,
 *            at most maxit times
 * stop when  |dev - dev_old| / (|dev| + 0.1) &lt; eps, at most maxit iterations
 * </pre>
 * As in R, mu is kept in [eps/(1+eps), 1/(1+eps)] and d mu / d eta &gt;= eps (eps = 2.2e-16), and
 * the covariance is (X'WX)^-1 from the last iteration's QR (dispersion 1). Hastie, Tibshirani &amp;
 * Friedman, The Elements of Statistical Learning, 2nd ed., 4.4.1; McCullagh &amp; Nelder,
 * Generalized Linear Models, 2nd ed., 2.5.
 *
 * <p>Profile-likelihood intervals solve, for each coefficient, dev_j(b) - dev = chi^2_1(conf),
 * where dev_j(b) is the deviance minimised over the other coefficients with beta_j fixed at b (an
 * IRLS fit with offset b x_j); this is the exact root that R's {@code MASS::confint.glm}
 * approximates by spline interpolation of the profile (Venables &amp; Ripley, MASS, 4th ed., 8.4).
 */
public final class IrlsFitter {
  private static final double DBL_EPS = Math.ulp(1.0);
  private static final double THRESH = 30;

  private IrlsFitter() {}

  /** R's {@code binomial()$linkinv}: sigma(eta) with eta clamped to [-30, 30]. */
  static double linkinv(double eta) {
    double t = eta < -THRESH ? DBL_EPS : eta > THRESH ? 1 / DBL_EPS : Math.exp(eta);
    return t / (1 + t);
  }

  /** R's {@code binomial()$mu.eta}: d mu / d eta, at least eps. */
  static double muEta(double eta) {
    if (eta > THRESH || eta < -THRESH) {
      return DBL_EPS;
    }
    double e = Math.exp(eta);
    double op = 1 + e;
    return e / (op * op);
  }

  /** The logistic GLM with R's defaults (95 % Wald intervals). */
  public static LogisticFit fit(DesignMatrix d) {
    return fit(d, IrlsOptions.defaults());
  }

  public static LogisticFit fit(DesignMatrix d, IrlsOptions opt) {
    Preconditions.check(d);
    int n = d.n();
    int p = d.p();
    int[] all = new int[p];
    Arrays.setAll(all, j -> j);
    Core c = irls(d, all, null, null, opt);

    List<Diagnostic> warnings = new ArrayList<>();
    if (!c.converged) {
      warnings.add(new Diagnostic.NotConverged(c.iterations, c.lastChange));
    }
    if (c.halvings > 0) {
      warnings.add(new Diagnostic.StepHalved(c.halvings));
    }
    double lo = 10 * DBL_EPS;
    int extreme = 0;
    for (int i = 0; i < n; i++) {
      double m = c.mu[i];
      if (d.weights()[i] > 0 && (m > 1 - lo || m < lo)) {
        extreme++;
      }
    }
    if (extreme > 0) {
      warnings.add(new Diagnostic.FittedZeroOrOne(extreme));
    }

    StreamingQr.Solution s = c.solution;
    boolean[] aliasedMask = s.aliased();
    List<Coefficient> coefs = GlmInference.waldCoefficients(d, c.beta, s.unscaledCovariance(), aliasedMask);
    List<Alias> aliases = GlmInference.aliases(d, aliasedMask, s.aliasCombination());
    if (!aliases.isEmpty()) {
      warnings.add(new Diagnostic.Aliased(aliases));
    }

    Separation separation = Phases.time("separation", () -> SeparationDetector.detect(d, aliasedMask));
    if (separation.detected()) {
      warnings.add(new Diagnostic.Separated(separation));
    }

    List<Interval> intervals = opt.ci() == IrlsOptions.CiMethod.PROFILE
        ? profileIntervals(d, c, coefs, opt, separation.detected())
        : GlmInference.waldIntervals(coefs, opt.conf());
    return GlmInference.assemble(LogisticFit.Method.MAXIMUM_LIKELIHOOD, d, c.beta, s.unscaledCovariance(),
        coefs, intervals, opt.ci().label(), opt.conf(), c.mu, s.rank(), c.iterations, c.converged,
        aliases, separation, warnings);
  }


  /** The result of one IRLS run. */
  static final class Core {
    double[] beta; // length p, NaN for columns not in the fit or aliased
    double deviance;
    double lastChange;
    int iterations;
    int halvings;
    boolean converged;
    double[] mu;
    StreamingQr.Solution solution; // over the fitted columns, indexed in d's column order
  }

  /**
   * IRLS on the columns {@code cols} of the design, with an optional offset added to eta, from R's
   * start (mu from y) or, given {@code start} (coefficients over {@code cols}), from eta = X start +
   * offset, as R's {@code etastart}; from such a start the deviance is known, and the step is halved
   * whenever it rises from the first iteration on. The returned solution and beta are indexed in the
   * design's column order.
   */
  static Core irls(DesignMatrix d, int[] cols, double[] offset, double[] start, IrlsOptions opt) {
    int n = d.n();
    int p = d.p();
    int q = cols.length;
    double[] x = d.x();
    double[] y = d.y();
    double[] a = d.weights();
    double eps = opt.epsilon();
    double tol = Math.min(1e-7, eps / 1000);
    double[] row = new double[q];

    double[] eta = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      double m = (a[i] * y[i] + 0.5) / (a[i] + 1);
      eta[i] = Logistic.logit(m);
      mu[i] = linkinv(eta[i]);
    }
    double[] coefOld = null;
    if (start != null) {
      update(d, cols, start, offset, eta, mu);
      coefOld = start.clone();
    }
    double devOld = deviance(d, mu);
    double[] coef = null;
    StreamingQr.Solution last = null;
    boolean converged = false;
    int iter;
    int halvings = 0;
    double dev = devOld;
    double lastChange = Double.NaN;
    for (iter = 1; iter <= opt.maxIterations(); iter++) {
      StreamingQr qr = new StreamingQr(q);
      for (int i = 0; i < n; i++) {
        if (a[i] == 0) {
          continue; // R's "good" rows: zero prior weight takes no part
        }
        double me = muEta(eta[i]);
        double var = mu[i] * (1 - mu[i]);
        double z = eta[i] - (offset == null ? 0 : offset[i]) + (y[i] - mu[i]) / me;
        double w = Math.sqrt(a[i] * me * me / var);
        int off = i * p;
        for (int k = 0; k < q; k++) {
          row[k] = x[off + cols[k]];
        }
        qr.add(row, 0, w, z);
      }
      last = qr.solve(tol);
      double[] next = Dense.zeroNaN(last.beta());
      dev = update(d, cols, next, offset, eta, mu);
      if (!Double.isFinite(dev)) {
        if (coefOld == null) {
          throw new FitException(new FitException.NonFiniteStart(d.file()));
        }
        for (int h = 0; h < opt.maxIterations() && !Double.isFinite(dev); h++) {
          halve(next, coefOld);
          dev = update(d, cols, next, offset, eta, mu);
          halvings++;
        }
      }
      // glm2: when the deviance rose (by eps, relative), halve the step until it falls (by eps), at
      // most maxit times. Not on the first iteration from R's start, whose devOld is that of the
      // start values (coefOld is null exactly then), as glm2, whose start is not a coefficient vector.
      if ((iter > 1 || start != null) && coefOld != null && (dev - devOld) / (0.1 + Math.abs(dev)) >= eps) {
        for (int h = 0; h < opt.maxIterations() && (dev - devOld) / (0.1 + Math.abs(dev)) > -eps; h++) {
          halve(next, coefOld);
          dev = update(d, cols, next, offset, eta, mu);
          halvings++;
        }
      }
      coef = next;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < eps) {
        converged = true;
        break;
      }
      lastChange = Math.abs(dev - devOld);
      devOld = dev;
      coefOld = next.clone();
    }
    Core c = new Core();
    c.iterations = Math.min(iter, opt.maxIterations());
    c.converged = converged;
    c.deviance = dev;
    c.lastChange = lastChange; // reported only when not converged
    c.halvings = halvings;
    c.mu = mu;
    c.beta = new double[p];
    Arrays.fill(c.beta, Double.NaN);
    double[][] cov = new double[p][p];
    for (double[] r : cov) {
      Arrays.fill(r, Double.NaN);
    }
    boolean[] aliased = new boolean[p];
    Arrays.fill(aliased, true);
    double[][] comb = new double[p][];
    for (int u = 0; u < q; u++) {
      int ja = cols[u];
      aliased[ja] = last.aliased()[u];
      if (!last.aliased()[u]) {
        c.beta[ja] = coef[u];
      } else {
        double[] ca = last.aliasCombination()[u];
        comb[ja] = new double[p];
        for (int b = 0; b < q; b++) {
          comb[ja][cols[b]] = ca[b];
        }
      }
      for (int b = 0; b < q; b++) {
        cov[ja][cols[b]] = last.unscaledCovariance()[u][b];
      }
    }
    c.solution = new StreamingQr.Solution(c.beta.clone(), aliased, last.rank(), cov, last.rss(), comb);
    return c;
  }

  /**
   * Profile-likelihood intervals: the exact roots of dev_j(b) - dev = chi^2_1(conf), each inner fit
   * an IRLS with offset b x_j warm-started along the profile ({@link ProfileSearch}). They are
   * measured from the fit's deviance, so they need a converged fit; under separation the fit does
   * not converge (its deviance only approaches its infimum) and the profile is still followed, its
   * unbounded ends infinite.
   */
  private static List<Interval> profileIntervals(DesignMatrix d, Core fit, List<Coefficient> coefs,
      IrlsOptions opt, boolean separated) {
    double crit = new org.apache.commons.math3.distribution.ChiSquaredDistribution(null, 1)
        .inverseCumulativeProbability(opt.conf());
    List<Interval> out = new ArrayList<>();
    int p = d.p();
    for (int j = 0; j < p; j++) {
      Coefficient c = coefs.get(j);
      if (c.isAliased()) {
        out.add(Interval.UNDEFINED);
        continue;
      }
      if (!fit.converged && !separated) {
        out.add(new Interval(Double.NaN, Double.NaN, Interval.End.FIT_NOT_CONVERGED,
            Interval.End.FIT_NOT_CONVERGED));
        continue;
      }
      final int jj = j;
      int[] others = java.util.stream.IntStream.range(0, p)
          .filter(k -> k != jj && !coefs.get(k).isAliased()).toArray();
      double[] othersAtEst = new double[others.length];
      for (int k = 0; k < others.length; k++) {
        othersAtEst[k] = fit.beta[others[k]];
      }
      ProfileSearch.InnerFit inner = (b, start) -> {
        double[] offset = new double[d.n()];
        for (int i = 0; i < d.n(); i++) {
          offset[i] = b * d.get(i, jj);
        }
        Core cj = others.length == 0 ? offsetOnly(d, offset) : irls(d, others, offset, start, opt);
        double[] sol = new double[others.length];
        for (int k = 0; k < others.length; k++) {
          sol[k] = cj.beta[others[k]];
        }
        boolean reached = others.length == 0 || newtonDecrement(d, others, cj) <= DECREMENT_TOL;
        return new ProfileSearch.Solution(reached ? cj.deviance - fit.deviance - crit : Double.NaN, sol);
      };
      out.add(new ProfileSearch(inner, c.estimate(), othersAtEst, c.stdError(), columnScale(d, j))
          .interval());
    }
    return out;
  }

  /**
   * An inner fit whose deviance is within this of its minimum has reached it (the critical value
   * is 3.84 at 95 %).
   */
  static final double DECREMENT_TOL = 1e-3;

  /**
   * The Newton decrement U'(X'WX)^-1 U of an IRLS fit over {@code cols}, U = X'(a (y - mu)) the
   * score at its final mu: how far (in deviance) the fit is from its minimum, to second order
   * (Boyd &amp; Vandenberghe, Convex Optimization, 9.5.1). IRLS stalls where every weight
   * underflows (mu clamped at 0 or 1 on the wrong side): its deviance stops changing there, but the
   * score does not vanish, and the decrement is huge. Under separation the score vanishes as mu
   * approaches y, and so does the decrement.
   */
  static double newtonDecrement(DesignMatrix d, int[] cols, Core c) {
    double[] u = new double[cols.length];
    double[] y = d.y();
    double[] a = d.weights();
    for (int i = 0; i < d.n(); i++) {
      if (a[i] > 0) {
        double r = a[i] * (y[i] - c.mu[i]);
        for (int k = 0; k < cols.length; k++) {
          u[k] += r * d.get(i, cols[k]);
        }
      }
    }
    double[][] cov = c.solution.unscaledCovariance();
    double dec = 0;
    for (int k = 0; k < cols.length; k++) {
      for (int l = 0; l < cols.length; l++) {
        double v = cov[cols[k]][cols[l]];
        if (!Double.isNaN(v)) {
          dec += u[k] * v * u[l];
        }
      }
    }
    return Double.isNaN(dec) ? Double.POSITIVE_INFINITY : dec;
  }

  /** max_i |x_ij| over the rows with a positive prior weight. */
  static double columnScale(DesignMatrix d, int j) {
    double m = 0;
    for (int i = 0; i < d.n(); i++) {
      if (d.weights()[i] > 0) {
        m = Math.max(m, Math.abs(d.get(i, j)));
      }
    }
    return m;
  }

  /** The deviance of a model with no free coefficients (only an offset). */
  private static Core offsetOnly(DesignMatrix d, double[] offset) {
    Core c = new Core();
    c.beta = new double[d.p()];
    Arrays.fill(c.beta, Double.NaN);
    double[] mu = new double[d.n()];
    for (int i = 0; i < mu.length; i++) {
      mu[i] = linkinv(offset[i]);
    }
    c.mu = mu;
    c.deviance = deviance(d, mu);
    return c;
  }


  private static void halve(double[] start, double[] old) {
    for (int j = 0; j < start.length; j++) {
      start[j] = (start[j] + old[j]) / 2;
    }
  }

  /** Sets eta = X[, cols] beta + offset, mu = linkinv(eta) and returns the deviance. */
  private static double update(DesignMatrix d, int[] cols, double[] beta, double[] offset, double[] eta, double[] mu) {
    int p = d.p();
    double[] x = d.x();
    for (int i = 0; i < mu.length; i++) {
      int off = i * p;
      double s = offset == null ? 0 : offset[i];
      for (int k = 0; k < cols.length; k++) {
        s += x[off + cols[k]] * beta[k];
      }
      eta[i] = s;
      mu[i] = linkinv(s);
    }
    return deviance(d, mu);
  }

  /** Binomial deviance sum_i a_i d(y_i, mu_i) with prior weights a (R's dev.resids). */
  static double deviance(DesignMatrix d, double[] mu) {
    double[] y = d.y();
    double[] a = d.weights();
    double dev = 0;
    for (int i = 0; i < y.length; i++) {
      if (a[i] > 0) {
        dev += a[i] * Logistic.unitDeviance(y[i], mu[i]);
      }
    }
    return dev;
  }
}
