package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.data.RowBlocks;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
import logitlab.model.Dense;
import logitlab.model.Fitted;
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
    int p = d.p();
    int[] all = new int[p];
    Arrays.setAll(all, j -> j);
    Run c = irls(d, all, null, null, opt);

    List<Diagnostic> warnings = new ArrayList<>();
    if (!c.converged()) {
      warnings.add(new Diagnostic.NotConverged(c.iterations(), c.lastChange()));
    }
    if (c.halvings() > 0) {
      warnings.add(new Diagnostic.StepHalved(c.halvings()));
    }
    double lo = 10 * DBL_EPS;
    int extreme = d.rows().reduce(b -> {
      double[] mu = c.fitted().of(b.x(), b.rows());
      int k = 0;
      for (int i = 0; i < b.rows(); i++) {
        if (b.a()[i] > 0 && (mu[i] > 1 - lo || mu[i] < lo)) {
          k++;
        }
      }
      return k;
    }, Integer::sum);
    if (extreme > 0) {
      warnings.add(new Diagnostic.FittedZeroOrOne(extreme));
    }

    QrFactor.Solution s = c.solution();
    boolean[] aliasedMask = s.aliased();
    List<Coefficient> coefs = GlmInference.waldCoefficients(d, c.beta(), s.unscaledCovariance(), aliasedMask);
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
    return GlmInference.assemble(d, new GlmInference.Estimates(LogisticFit.Method.MAXIMUM_LIKELIHOOD, c.beta(),
        s.unscaledCovariance(), coefs, intervals, opt.ci().label(), opt.conf(), c.fitted(), s.rank(),
        c.iterations(), c.converged(), aliases, separation, warnings));
  }

  /**
   * An offset added to the linear predictor: {@code coefficient} times design column
   * {@code column} (the profile likelihood's b x_j), computed per row, never stored.
   */
  record Offset(int column, double coefficient) implements java.io.Serializable {
    double at(double[][] x, int i) {
      return coefficient * x[column][i];
    }
  }

  /**
   * The result of one IRLS run.
   *
   * @param beta length p, NaN for columns not in the fit or aliased
   * @param cols the fitted columns
   * @param coef the last coefficients over {@code cols}, 0 for aliased ones: eta = X[, cols] coef +
   *     offset, from which mu is recomputed per block ({@link #fitted})
   * @param offset the offset, or null
   * @param deviance the deviance at coef
   * @param lastChange |dev - dev_old| of the last iteration (reported when not converged)
   * @param iterations iterations used
   * @param halvings step halvings
   * @param converged whether the convergence rule was met
   * @param solution the last weighted least squares solution, over the fitted columns, indexed in
   *     the design's column order
   */
  record Run(double[] beta, int[] cols, double[] coef, Offset offset, double deviance, double lastChange,
      int iterations, int halvings, boolean converged, QrFactor.Solution solution) implements java.io.Serializable {

    /** The fitted probabilities: linkinv(X[, cols] coef + offset), per block of rows. */
    Fitted fitted() {
      return (x, m) -> {
        double[] mu = new double[m];
        eta(x, m, cols, coef, offset, mu);
        for (int i = 0; i < m; i++) {
          mu[i] = linkinv(mu[i]);
        }
        return mu;
      };
    }
  }

  /**
   * IRLS on the columns {@code cols} of the design, with an optional offset added to eta, from R's
   * start (mu from y) or, given {@code start} (coefficients over {@code cols}), from eta = X start +
   * offset, as R's {@code etastart}; from such a start the deviance is known, and the step is halved
   * whenever it rises from the first iteration on. The returned solution and beta are indexed in the
   * design's column order.
   *
   * <p>Each iteration is one pass over the row blocks: each block's rows sqrt(w) [x | z], with w and
   * z from the current coefficients (recomputed per block, nothing of length n is kept), are
   * reduced to a {@link QrFactor}, and the factors are merged in the fixed tree order; each
   * deviance is another pass.
   */
  static Run irls(DesignMatrix d, int[] cols, Offset offset, double[] start, IrlsOptions opt) {
    RowBlocks rows = d.rows();
    int p = d.p();
    int q = cols.length;
    double eps = opt.epsilon();
    double tol = Math.min(1e-7, eps / 1000);

    double[] current = null; // null: R's start, mu = (a y + 0.5) / (a + 1)
    double[] coefOld = null;
    if (start != null) {
      current = start.clone();
      coefOld = start.clone();
    }
    double devOld = deviance(rows, cols, current, offset);
    double[] coef = null;
    QrFactor.Solution last = null;
    boolean converged = false;
    int iter;
    int halvings = 0;
    double dev = devOld;
    double lastChange = Double.NaN;
    for (iter = 1; iter <= opt.maxIterations(); iter++) {
      double[] at = current;
      QrFactor f = rows.reduce(b -> weightedFactor(b, cols, at, offset), QrFactor::merge);
      last = f.solve(tol);
      double[] next = Dense.zeroNaN(last.beta());
      dev = deviance(rows, cols, next, offset);
      if (!Double.isFinite(dev)) {
        if (coefOld == null) {
          throw new FitException(new FitException.NonFiniteStart(d.file()));
        }
        for (int h = 0; h < opt.maxIterations() && !Double.isFinite(dev); h++) {
          halve(next, coefOld);
          dev = deviance(rows, cols, next, offset);
          halvings++;
        }
      }
      // glm2: when the deviance rose (by eps, relative), halve the step until it falls (by eps), at
      // most maxit times. Not on the first iteration from R's start, whose devOld is that of the
      // start values (coefOld is null exactly then), as glm2, whose start is not a coefficient vector.
      if ((iter > 1 || start != null) && coefOld != null && (dev - devOld) / (0.1 + Math.abs(dev)) >= eps) {
        for (int h = 0; h < opt.maxIterations() && (dev - devOld) / (0.1 + Math.abs(dev)) > -eps; h++) {
          halve(next, coefOld);
          dev = deviance(rows, cols, next, offset);
          halvings++;
        }
      }
      coef = next;
      current = next;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < eps) {
        converged = true;
        break;
      }
      lastChange = Math.abs(dev - devOld);
      devOld = dev;
      coefOld = next.clone();
    }
    double[] beta = new double[p];
    Arrays.fill(beta, Double.NaN);
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
        beta[ja] = coef[u];
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
    QrFactor.Solution solution = new QrFactor.Solution(beta.clone(), aliased, last.rank(), cov, last.rss(), comb);
    return new Run(beta, cols.clone(), coef, offset, dev, lastChange, Math.min(iter, opt.maxIterations()),
        halvings, converged, solution);
  }

  /**
   * eta = X[, cols] coef + offset for a block's rows, into {@code eta}; each row summed as
   * (offset + x_1 c_1) + x_2 c_2 + ..., in the column order of {@code cols}.
   */
  static void eta(RowBlocks.Block b, int[] cols, double[] coef, Offset offset, double[] eta) {
    eta(b.x(), b.rows(), cols, coef, offset, eta);
  }

  /** {@link #eta(RowBlocks.Block, int[], double[], Offset, double[])} of m rows with columns x. */
  static void eta(double[][] x, int m, int[] cols, double[] coef, Offset offset, double[] eta) {
    if (offset == null) {
      Arrays.fill(eta, 0, m, 0.0);
    } else {
      double[] xo = x[offset.column()];
      double c = offset.coefficient();
      for (int i = 0; i < m; i++) {
        eta[i] = c * xo[i];
      }
    }
    for (int k = 0; k < cols.length; k++) {
      double[] xk = x[cols[k]];
      double ck = coef[k];
      for (int i = 0; i < m; i++) {
        eta[i] += xk[i] * ck;
      }
    }
  }

  /**
   * eta and mu of a block at the coefficients {@code coef} over {@code cols}, or, when coef is null,
   * at R's start: mu = (a y + 0.5) / (a + 1), eta = logit(mu), mu = linkinv(eta).
   */
  private static void etaMu(RowBlocks.Block b, int[] cols, double[] coef, Offset offset, double[] eta,
      double[] mu) {
    int m = b.rows();
    if (coef == null) {
      start(b, eta);
    } else {
      eta(b, cols, coef, offset, eta);
    }
    for (int i = 0; i < m; i++) {
      mu[i] = linkinv(eta[i]);
    }
  }

  /** R's start: eta = logit((a y + 0.5) / (a + 1)) for a block's rows. */
  private static void start(RowBlocks.Block b, double[] eta) {
    double[] y = b.y();
    double[] a = b.a();
    for (int i = 0; i < b.rows(); i++) {
      eta[i] = Logistic.logit((a[i] * y[i] + 0.5) / (a[i] + 1));
    }
  }

  /**
   * One block's share of an IRLS step: the {@link QrFactor} of the rows sqrt(w_i) [x_i | z_i] over
   * the rows with a positive prior weight (R's "good" rows), with w = a mu_eta^2 / var(mu) and
   * z = eta - offset + (y - mu) / mu_eta at the coefficients {@code coef} (null: R's start).
   */
  private static QrFactor weightedFactor(RowBlocks.Block b, int[] cols, double[] coef, Offset offset) {
    int m = b.rows();
    int q = cols.length;
    double[] eta = new double[m];
    if (coef == null) {
      start(b, eta);
    } else {
      eta(b, cols, coef, offset, eta);
    }
    double[] y = b.y();
    double[] a = b.a();
    int[] good = new int[m];
    double[] w = new double[m];
    double[] z = new double[m];
    int g = 0;
    for (int i = 0; i < m; i++) {
      if (a[i] == 0) {
        continue; // R's "good" rows: zero prior weight takes no part
      }
      // linkinv(eta) and muEta(eta) from one exp(eta), the same values as the two calls
      double e = eta[i];
      double mu;
      double me;
      if (e < -THRESH) {
        mu = DBL_EPS / (1 + DBL_EPS);
        me = DBL_EPS;
      } else if (e > THRESH) {
        mu = (1 / DBL_EPS) / (1 + 1 / DBL_EPS);
        me = DBL_EPS;
      } else {
        double t = Math.exp(e);
        double op = 1 + t;
        mu = t / op;
        me = t / (op * op);
      }
      double var = mu * (1 - mu);
      z[g] = e - (offset == null ? 0 : offset.at(b.x(), i)) + (y[i] - mu) / me;
      w[g] = Math.sqrt(a[i] * me * me / var);
      good[g++] = i;
    }
    double[][] s = QrFactor.scratch(q + 1, g);
    for (int k = 0; k < q; k++) {
      double[] xk = b.x()[cols[k]];
      double[] sk = s[k];
      if (g == m) {
        for (int r = 0; r < g; r++) {
          sk[r] = xk[r] * w[r];
        }
      } else {
        for (int r = 0; r < g; r++) {
          sk[r] = xk[good[r]] * w[r];
        }
      }
    }
    double[] sz = s[q];
    for (int r = 0; r < g; r++) {
      sz[r] = z[r] * w[r];
    }
    return QrFactor.ofBlock(s, g, q);
  }

  /**
   * The binomial deviance sum_i a_i d(y_i, mu_i) (R's dev.resids) at the coefficients {@code coef}
   * over {@code cols} (null: R's start), a sum per block merged in the fixed tree order.
   */
  static double deviance(RowBlocks rows, int[] cols, double[] coef, Offset offset) {
    return rows.reduce(b -> {
      int m = b.rows();
      double[] eta = new double[m];
      double[] mu = new double[m];
      etaMu(b, cols, coef, offset, eta, mu);
      double[] y = b.y();
      double[] a = b.a();
      double dev = 0;
      for (int i = 0; i < m; i++) {
        if (a[i] > 0) {
          dev += a[i] * Logistic.unitDeviance(y[i], mu[i]);
        }
      }
      return dev;
    }, Double::sum);
  }

  /**
   * Profile-likelihood intervals: the exact roots of dev_j(b) - dev = chi^2_1(conf), each inner fit
   * an IRLS with offset b x_j warm-started along the profile ({@link ProfileSearch}). They are
   * measured from the fit's deviance, so they need a converged fit; under separation the fit does
   * not converge (its deviance only approaches its infimum) and the profile is still followed, its
   * unbounded ends infinite.
   */
  private static List<Interval> profileIntervals(DesignMatrix d, Run fit, List<Coefficient> coefs,
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
      if (!fit.converged() && !separated) {
        out.add(new Interval(Double.NaN, Double.NaN, Interval.End.FIT_NOT_CONVERGED,
            Interval.End.FIT_NOT_CONVERGED));
        continue;
      }
      final int jj = j;
      int[] others = java.util.stream.IntStream.range(0, p)
          .filter(k -> k != jj && !coefs.get(k).isAliased()).toArray();
      double[] othersAtEst = new double[others.length];
      for (int k = 0; k < others.length; k++) {
        othersAtEst[k] = fit.beta()[others[k]];
      }
      ProfileSearch.InnerFit inner = (b, start) -> {
        Offset offset = new Offset(jj, b);
        Run cj = others.length == 0 ? offsetOnly(d, offset) : irls(d, others, offset, start, opt);
        double[] sol = new double[others.length];
        for (int k = 0; k < others.length; k++) {
          sol[k] = cj.beta()[others[k]];
        }
        boolean reached = others.length == 0 || newtonDecrement(d, others, cj) <= DECREMENT_TOL;
        return new ProfileSearch.Solution(reached ? cj.deviance() - fit.deviance() - crit : Double.NaN, sol);
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
  static double newtonDecrement(DesignMatrix d, int[] cols, Run c) {
    int q = cols.length;
    double[] u = d.rows().reduce(b -> {
      double[] mu = c.fitted().of(b.x(), b.rows());
      double[] y = b.y();
      double[] a = b.a();
      double[] part = new double[q];
      for (int i = 0; i < b.rows(); i++) {
        if (a[i] > 0) {
          double r = a[i] * (y[i] - mu[i]);
          for (int k = 0; k < q; k++) {
            part[k] += r * b.x()[cols[k]][i];
          }
        }
      }
      return part;
    }, IrlsFitter::add);
    double[][] cov = c.solution().unscaledCovariance();
    double dec = 0;
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        double v = cov[cols[k]][cols[l]];
        if (!Double.isNaN(v)) {
          dec += u[k] * v * u[l];
        }
      }
    }
    return Double.isNaN(dec) ? Double.POSITIVE_INFINITY : dec;
  }

  /** a + b, into a (the merge of per-block sums). */
  static double[] add(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      a[k] += b[k];
    }
    return a;
  }

  /** max_i |x_ij| over the rows with a positive prior weight. */
  static double columnScale(DesignMatrix d, int j) {
    return d.rows().reduce(b -> {
      double m = 0;
      double[] x = b.x()[j];
      for (int i = 0; i < b.rows(); i++) {
        if (b.a()[i] > 0) {
          m = Math.max(m, Math.abs(x[i]));
        }
      }
      return m;
    }, Math::max);
  }

  /** The deviance of a model with no free coefficients (only an offset). */
  private static Run offsetOnly(DesignMatrix d, Offset offset) {
    double[] beta = new double[d.p()];
    Arrays.fill(beta, Double.NaN);
    int[] none = new int[0];
    double dev = deviance(d.rows(), none, new double[0], offset);
    return new Run(beta, none, new double[0], offset, dev, Double.NaN, 0, 0, false, null);
  }


  private static void halve(double[] start, double[] old) {
    for (int j = 0; j < start.length; j++) {
      start[j] = (start[j] + old[j]) / 2;
    }
  }
}
