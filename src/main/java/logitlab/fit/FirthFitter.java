package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.data.RowBlocks;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
import logitlab.model.Dense;
import logitlab.model.Diagnostic;
import logitlab.model.Interval;
import logitlab.model.Logistic;
import logitlab.model.LogisticFit;
import logitlab.model.Separation;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Firth's bias-reduced logistic regression: maximises the penalised log-likelihood
 * <pre>
 * l*(beta) = l(beta) + 1/2 log det I(beta),   I(beta) = X'WX,  W = diag(a mu (1 - mu))
 * </pre>
 * (Jeffreys' invariant prior as a penalty), whose gradient is Firth's modified score
 * <pre>
 * U*(beta) = X'(a (y - mu) + h (1/2 - mu)),   h_i = w_i x_i' I^-1 x_i   (the hat values of W^1/2 X)
 * </pre>
 * where a are the prior weights (1 for 0/1 data; the trials of grouped data, whose y is then the
 * proportion of successes), and l(beta) = sum a [y log mu + (1 - y) log(1 - mu)].
 *
 * <p>Algorithm. Start where brglm2's {@code brglmFit} starts: the maximum-likelihood fit to the
 * adjusted responses y' = (a y + c/2) / (a + c) with weights a + c, c = rank / nobs, which is
 * finite even for separated data (IRLS, at most 100 iterations; if it fails, the intercept at
 * logit of the mean and the slopes at 0, as logistf starts). Then Fisher scoring on U*, as
 * brglmFit and logistf iterate (beta' = beta + I^-1 U*), but with the curvature of the penalty
 * learnt along the way: the Hessian of -l* is I - P, P the Hessian of 1/2 log det I, which costs
 * O(n p^3) to form; a structured secant (quasi-Newton) update estimates -P from the change of U*
 * between iterations, and the step is (I + A)^-1 U* (plain scoring whenever I + A is not positive
 * definite). Under separation, where the penalty dominates, plain scoring converges only linearly
 * (brglm2 takes 29 iterations on birthwt, 68 on a separated set with 30 predictors; this takes 14
 * and 30). Each step is halved (at most {@value #MAX_HALVINGS} times) while l* falls, so every
 * iteration is an ascent. No step is capped at a fixed size (logistf's {@code maxstep = 5} makes
 * a coefficient in large units, such as a birth weight in grams, need dozens of iterations).
 * It stops when the step is at most {@value #XTOL} in every coefficient (relative to
 * max(1, |beta_j|)); the iteration that finds this counts. The limit is its own,
 * {@link IrlsOptions#FIRTH_MAX_ITERATIONS} by default (brglm2's {@code maxit = 100}). Unlike
 * maximum likelihood, the estimates are finite even when the data are separated.
 * Standard errors are sqrt(diag(I^-1)) at the estimate.
 *
 * <p>I, log det I and the hat values come from a QR decomposition of W^1/2 X, a Householder QR
 * per row block merged by Givens rotations with exact hypotenuses ({@link QrFactor}, TSQR; R'R = I,
 * log det I = 2 sum log|R_kk|, h_i = |R^-T W^1/2 x_i|^2), never from I itself, whose condition number is the
 * square of W^1/2 X's; the weights are sigma(eta) sigma(-eta), which stay positive far into the
 * tails. Where R is singular (every weight of some direction underflows), l* = -Infinity.
 *
 * <p>Intervals: Wald (estimate &plusmn; z se), or profile penalised likelihood, as logistf's default:
 * the values b with 2 [l*(beta_hat) - l*_j(b)] = chi^2_1(conf), where l*_j(b) is l* maximised over
 * the other coefficients with beta_j = b. The penalty keeps the full model's I (with beta_j = b),
 * as Heinze &amp; Schemper define it; each l*_j(b) is a Firth fit of the other coefficients (the
 * same iteration on their modified scores, the free columns first so that their information is
 * the leading block of R'R, stopped when U*' I^-1 U* &lt; {@value #PROFILE_DECREMENT}), followed
 * and solved by {@link ProfileSearch}. They need a converged fit.
 *
 * <p>Only estimable columns take part: a column that R's {@code qr(X)} (rank tolerance 1e-7) finds
 * to be a linear combination of earlier ones is reported as aliased (NA), as {@code brglmFit} does.
 *
 * <p>Firth, D. (1993). Bias reduction of maximum likelihood estimates. Biometrika 80(1), 27-38.
 * Heinze, G. &amp; Schemper, M. (2002). A solution to the problem of separation in logistic
 * regression. Statistics in Medicine 21, 2409-2419. Kosmidis, I. &amp; Firth, D. (2021).
 * Jeffreys-prior penalty, finiteness and shrinkage in binomial-response generalized linear models.
 * Biometrika 108(1), 71-82. Kosmidis, I., brglm2 0.9, R/brglmFit.R (start and iteration).
 */
public final class FirthFitter {
  /** {@link LogisticFit#ciMethod()} of profile penalised-likelihood intervals. */
  public static final String PROFILE_PENALIZED = "profile-penalized";
  static final double XTOL = 1e-10;
  static final int MAX_HALVINGS = 30;

  private FirthFitter() {}

  /** Firth's fit with its default iteration limit and 95 % Wald intervals. */
  public static LogisticFit fit(DesignMatrix d) {
    return fit(d, IrlsOptions.defaults());
  }

  /**
   * Firth's fit, with intervals as {@code opt.ci()} says (WALD: Wald; PROFILE: profile penalised
   * likelihood) at level {@code opt.conf()}, at most {@code opt.firthMaxIterations()} iterations.
   * The separation of the data is checked here (one more linear program; pass the
   * maximum-likelihood fit's {@link LogisticFit#separation()} to the three-argument form to avoid
   * it).
   */
  public static LogisticFit fit(DesignMatrix d, IrlsOptions opt) {
    return fit(d, opt, null);
  }

  /**
   * As {@link #fit(DesignMatrix, IrlsOptions)}, reporting {@code separation} (from the
   * maximum-likelihood fit of the same design) instead of checking it again; null checks it.
   */
  public static LogisticFit fit(DesignMatrix d, IrlsOptions opt, Separation separation) {
    Preconditions.check(d);
    int p = d.p();
    QrFactor.Solution qr = unweightedQr(d);
    boolean[] aliasedMask = qr.aliased();
    int[] cols = java.util.stream.IntStream.range(0, p).filter(j -> !aliasedMask[j]).toArray();
    int q = cols.length;

    boolean[] free = new boolean[q];
    Arrays.fill(free, true);
    Penalized c = penalized(d, cols, free, start(d, cols), opt.firthMaxIterations(), 0);

    List<Diagnostic> warnings = new ArrayList<>();
    double[] beta = new double[p];
    Arrays.fill(beta, Double.NaN);
    double[][] cov = new double[p][p];
    for (double[] r : cov) {
      Arrays.fill(r, Double.NaN);
    }
    for (int a = 0; a < q; a++) {
      beta[cols[a]] = c.beta()[a];
      for (int b = 0; b < q; b++) {
        cov[cols[a]][cols[b]] = c.cov()[a][b];
      }
    }
    List<Coefficient> coefs = GlmInference.waldCoefficients(d, beta, cov, aliasedMask);
    List<Alias> aliases = GlmInference.aliases(d, aliasedMask, qr.aliasCombination());
    if (!aliases.isEmpty()) {
      warnings.add(new Diagnostic.Aliased(aliases));
    }
    Separation sep = separation != null ? separation : SeparationDetector.detect(d, aliasedMask);
    if (sep.detected()) {
      warnings.add(new Diagnostic.Separated(sep));
    }

    List<Interval> intervals;
    String ciMethod;
    if (opt.ci() == IrlsOptions.CiMethod.PROFILE) {
      intervals = profileIntervals(d, cols, c, coefs, opt);
      ciMethod = PROFILE_PENALIZED;
    } else {
      intervals = GlmInference.waldIntervals(coefs, opt.conf());
      ciMethod = IrlsOptions.CiMethod.WALD.label();
    }
    double[] est = c.beta();
    return GlmInference.assemble(d, new GlmInference.Estimates(LogisticFit.Method.FIRTH, beta, cov, coefs, intervals,
        ciMethod, opt.conf(), (x, m) -> probabilities(x, m, cols, est), q, c.iterations(), c.converged(),
        aliases, sep, warnings));
  }

  /**
   * R's qr(X) on the rows with a positive prior weight: which columns are aliased (tolerance
   * 1e-7), as brglmFit decides it.
   */
  private static QrFactor.Solution unweightedQr(DesignMatrix d) {
    int p = d.p();
    return d.rows().reduce(b -> {
      int m = b.rows();
      int[] good = new int[m];
      int g = 0;
      for (int i = 0; i < m; i++) {
        if (b.a()[i] > 0) {
          good[g++] = i;
        }
      }
      double[][] s = QrFactor.scratch(p + 1, g);
      java.util.Arrays.fill(s[p], 0, g, 0.0);
      for (int k = 0; k < p; k++) {
        double[] xk = b.x()[k];
        for (int r = 0; r < g; r++) {
          s[k][r] = xk[good[r]];
        }
      }
      return QrFactor.ofBlock(s, g, p);
    }, QrFactor::merge).solve(1e-7);
  }

  /**
   * brglmFit's start: the maximum-likelihood fit to the adjusted responses y' = (a y + c/2) / (a + c)
   * with prior weights a + c, c = q / nobs (rows with a = 0 stay out). Every y' lies strictly
   * between 0 and 1, so this fit is finite even when the data are separated. If it fails, the
   * intercept (when there is one) at logit of the weighted mean of y and the rest 0.
   */
  static double[] start(DesignMatrix d, int[] cols) {
    int q = cols.length;
    double[] fallback = new double[q];
    if (q > 0 && isIntercept(d, cols[0])) {
      fallback[0] = Logistic.logit(d.weightedEvents() / d.totalWeight());
    }
    if (q == 0) {
      return fallback;
    }
    double c = (double) q / d.nobs();
    DesignMatrix adjusted = d.withResponse((y, a, ya, wa, m) -> {
      for (int i = 0; i < m; i++) {
        if (a[i] > 0) {
          wa[i] = a[i] + c;
          ya[i] = (a[i] * y[i] + c / 2) / wa[i];
        }
      }
    });
    IrlsFitter.Run fit;
    try {
      fit = IrlsFitter.irls(adjusted, cols, null, null,
          new IrlsOptions(1e-8, IrlsOptions.FIRTH_MAX_ITERATIONS, 0.95, IrlsOptions.CiMethod.WALD));
    } catch (FitException e) {
      return fallback;
    }
    double[] start = new double[q];
    for (int k = 0; k < q; k++) {
      start[k] = fit.beta()[cols[k]];
      if (!Double.isFinite(start[k])) {
        return fallback;
      }
    }
    return start;
  }

  private static boolean isIntercept(DesignMatrix d, int j) {
    return d.rows().reduce(b -> {
      for (int i = 0; i < b.rows(); i++) {
        if (b.a()[i] > 0 && b.x()[j][i] != 1) {
          return false;
        }
      }
      return true;
    }, Boolean::logicalAnd);
  }


  /**
   * The result of one penalised fit over the columns {@code cols}.
   *
   * @param beta over cols
   * @param penalizedLogLik l* at beta (-Infinity where the information is singular)
   * @param cov I^-1 over cols (full information, also for a profile fit); NaN if singular
   * @param iterations iterations used
   * @param converged whether the step (or the decrement) fell below its tolerance
   * @param lastStep the largest entry of the last step
   */
  record Penalized(double[] beta, double penalizedLogLik, double[][] cov, int iterations,
      boolean converged, double lastStep) {}

  /**
   * l* and the R factor of W^1/2 X at one beta, the columns in the order {@code order} (indexes into
   * cols: the free columns first); mu and the weights are recomputed per block where needed.
   *
   * @param beta over cols
   * @param r q x (q + 1) row-major, upper triangular in order space (column q unused); R'R = X'WX
   * @param singular some R_kk is 0: log det I = -Infinity
   * @param logLik l(beta)
   * @param penalized l*(beta)
   */
  private record State(double[] beta, double[] r, boolean singular, double logLik, double penalized) implements java.io.Serializable {}

  /**
   * A profile fit stops when U*' I^-1 U* (the scoring step in the metric of I, about twice the
   * distance of l* from its maximum) is below this: the profile statistic 2 (l*max - l*_j) is then
   * known to about 1e-10, far within the root's tolerance, without the last slow iterations of
   * scoring (which converges only linearly under separation, where the penalty dominates).
   */
  static final double PROFILE_DECREMENT = 1e-10;

  /**
   * Maximises l* over the coefficients marked {@code free}, the others held at their value in
   * {@code start}; it stops when the step is below {@link #XTOL} in every coefficient, or when
   * U*' I^-1 U* &lt; {@code decrementTol}. A start where l* is -Infinity (singular information) is
   * returned as it is, not converged.
   */
  static Penalized penalized(DesignMatrix d, int[] cols, boolean[] free, double[] start, int maxIterations,
      double decrementTol) {
    int q = cols.length;
    int[] f = java.util.stream.IntStream.range(0, q).filter(k -> free[k]).toArray();
    int[] order = new int[q];
    int m = 0;
    for (int k : f) {
      order[m++] = k;
    }
    for (int k = 0; k < q; k++) {
      if (!free[k]) {
        order[m++] = k;
      }
    }
    State s = evaluate(d, cols, order, start.clone());
    boolean converged = false;
    double lastStepSize = Double.NaN;
    int nf = f.length;
    double[] correction = new double[nf * nf]; // A: the secant estimate of -(the penalty's Hessian)
    double[] lastScore = null;
    double[] lastStep = null;
    int it = 0;
    while (!s.singular() && Double.isFinite(s.penalized())) {
      if (nf == 0) {
        converged = true;
        break;
      }
      if (it >= maxIterations) {
        break;
      }
      it++;
      double[] score = modifiedScore(d, cols, order, s);
      double[] info = Dense.transposeTimes(s.r(), q + 1, nf); // I_ff = R_ff' R_ff
      if (lastScore != null) {
        secantUpdate(correction, info, nf, lastStep, lastScore, score);
      }
      double[] delta = quasiNewtonStep(info, correction, nf, score);
      if (delta == null) {
        // I + A is not positive definite: plain scoring, and the correction starts again
        Arrays.fill(correction, 0);
        delta = Dense.solveNormal(s.r(), q + 1, nf, score);
      }
      double largest = 0;
      for (double v : delta) {
        largest = Math.max(largest, Math.abs(v));
      }
      if (!(largest < Double.POSITIVE_INFINITY)) {
        break;
      }
      boolean small = true;
      double decrement = 0;
      for (int a = 0; a < nf; a++) {
        small &= Math.abs(delta[a]) <= XTOL * Math.max(1, Math.abs(s.beta()[order[a]]));
        decrement += delta[a] * score[a];
      }
      small |= decrement < decrementTol;
      lastStepSize = largest;
      if (small) {
        converged = true;
        break;
      }
      State next = halvedStep(d, cols, order, f, s, delta);
      if (next == null && !allZero(correction)) {
        // the quasi-Newton direction found no ascent: retry with plain scoring
        Arrays.fill(correction, 0);
        delta = Dense.solveNormal(s.r(), q + 1, nf, score);
        next = halvedStep(d, cols, order, f, s, delta);
      }
      if (next == null) {
        // no step raises l*: beta is a maximum to working precision if the step was small
        converged = largest <= 1e-6 * Math.max(1, maxAbs(s.beta()));
        break;
      }
      lastStep = new double[nf];
      for (int a = 0; a < nf; a++) {
        lastStep[a] = next.beta()[order[a]] - s.beta()[order[a]];
      }
      lastScore = score;
      s = next;
    }
    return new Penalized(s.beta(), s.singular() ? Double.NEGATIVE_INFINITY : s.penalized(),
        covariance(s, order, q), it, converged, lastStepSize);
  }

  /**
   * beta + delta, delta halved (at most {@value #MAX_HALVINGS} times) until l* does not fall; null
   * when it always falls.
   */
  private static State halvedStep(DesignMatrix d, int[] cols, int[] order, int[] f, State s,
      double[] step) {
    double[] delta = step.clone();
    for (int h = 0; h <= MAX_HALVINGS; h++) {
      double[] beta = s.beta().clone();
      for (int a = 0; a < f.length; a++) {
        beta[order[a]] += delta[a];
      }
      State t = evaluate(d, cols, order, beta);
      if (Double.isFinite(t.penalized())
          && t.penalized() >= s.penalized() - 1e-12 * Math.max(1, Math.abs(s.penalized()))) {
        return t;
      }
      for (int a = 0; a < delta.length; a++) {
        delta[a] /= 2;
      }
    }
    return null;
  }

  /**
   * The structured secant update of A (Dennis &amp; Martinez): -l*'s Hessian is I - P, with I the
   * Fisher information (exact for the log-likelihood part, recomputed each iteration) and P the
   * Hessian of the penalty 1/2 log det I, which costs O(n p^3); A estimates -P from the change in
   * the score. With s the last step and y = U*_old - U*_new, A gets the symmetric rank-one
   * correction that makes (I_new + A) s = y; it is skipped when its denominator is tiny (Nocedal
   * &amp; Wright, Numerical Optimization, 2nd ed., 6.2 (SR1) and Dennis, Gay &amp; Welsch 1981, NL2SOL, whose
   * structured update corrects a Gauss-Newton Hessian the same way).
   */
  private static void secantUpdate(double[] a, double[] info, int f, double[] s, double[] oldScore,
      double[] newScore) {
    double[] v = new double[f];
    double vs = 0;
    double vv = 0;
    double ss = 0;
    for (int i = 0; i < f; i++) {
      double t = oldScore[i] - newScore[i];
      for (int k = 0; k < f; k++) {
        t -= (info[i * f + k] + a[i * f + k]) * s[k];
      }
      v[i] = t;
      vs += t * s[i];
      vv += t * t;
      ss += s[i] * s[i];
    }
    if (!(Math.abs(vs) > 1e-8 * Math.sqrt(vv * ss)) || !Double.isFinite(vs)) {
      return;
    }
    for (int i = 0; i < f; i++) {
      for (int k = 0; k < f; k++) {
        a[i * f + k] += v[i] * v[k] / vs;
      }
    }
  }

  /** (I + A)^-1 U by Cholesky, or null when I + A is not positive definite. */
  private static double[] quasiNewtonStep(double[] info, double[] a, int f, double[] score) {
    double[] b = new double[f * f];
    for (int k = 0; k < f * f; k++) {
      b[k] = info[k] + a[k];
    }
    double[] r = Dense.cholesky(b, f, 1e-12);
    return r == null ? null : Dense.solveNormal(r, f, f, score);
  }

  private static boolean allZero(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  /** The fitted probabilities sigma(X[, cols] beta) of m rows with design columns x. */
  static double[] probabilities(double[][] x, int m, int[] cols, double[] beta) {
    double[] mu = new double[m];
    IrlsFitter.eta(x, m, cols, beta, null, mu);
    for (int i = 0; i < mu.length; i++) {
      mu[i] = Logistic.sigmoid(mu[i]);
    }
    return mu;
  }

  /** One block's part of {@link #evaluate}: the factor of its rows of W^1/2 X and its l. */
  private record Part(QrFactor factor, double logLik) implements java.io.Serializable {
    static Part merge(Part top, Part bottom) {
      return new Part(QrFactor.merge(top.factor, bottom.factor, true), top.logLik + bottom.logLik);
    }
  }

  /**
   * The R factor of W^1/2 X (columns in {@code order}; a {@link QrFactor} per block, merged with
   * exact hypotenuses), l and l* at beta.
   */
  private static State evaluate(DesignMatrix d, int[] cols, int[] order, double[] beta) {
    int q = cols.length;
    Part part = d.rows().reduce(b -> {
      int m = b.rows();
      double[] eta = new double[m];
      IrlsFitter.eta(b, cols, beta, null, eta);
      double[] y = b.y();
      double[] prior = b.a();
      int[] good = new int[m];
      double[] sw = new double[m];
      int g = 0;
      double ll = 0;
      for (int i = 0; i < m; i++) {
        if (prior[i] == 0) {
          continue;
        }
        ll -= prior[i] * Logistic.crossEntropy(y[i], eta[i]);
        double w = prior[i] * Logistic.sigmoid(eta[i]) * Logistic.sigmoid(-eta[i]);
        sw[g] = Math.sqrt(w);
        good[g++] = i;
      }
      double[][] a = QrFactor.scratch(q + 1, g);
      java.util.Arrays.fill(a[q], 0, g, 0.0);
      for (int k = 0; k < q; k++) {
        double[] xk = b.x()[cols[order[k]]];
        for (int r = 0; r < g; r++) {
          a[k][r] = sw[r] * xk[good[r]];
        }
      }
      return new Part(QrFactor.ofBlock(a, g, q), ll);
    }, Part::merge);
    double[] r = part.factor().r();
    boolean singular = false;
    double logDet = 0;
    for (int k = 0; k < q; k++) {
      double rkk = Math.abs(r[k * (q + 1) + k]);
      if (!(rkk > 0) || !Double.isFinite(rkk)) {
        singular = true;
      }
      logDet += 2 * Math.log(rkk);
    }
    double ll = part.logLik();
    return new State(beta, r, singular, ll, singular ? Double.NEGATIVE_INFINITY : ll + 0.5 * logDet);
  }

  /**
   * U* = X'(a (y - mu) + h (1/2 - mu)) in order space, with h_i = a_i w_i |R^-T x_i|^2; per-block
   * sums merged in the fixed tree order.
   */
  private static double[] modifiedScore(DesignMatrix d, int[] cols, int[] order, State s) {
    int q = cols.length;
    double[] r = s.r();
    return d.rows().reduce(b -> {
      int m = b.rows();
      double[] eta = new double[m];
      IrlsFitter.eta(b, cols, s.beta(), null, eta);
      double[] y = b.y();
      double[] prior = b.a();
      double[] row = new double[q];
      double[] v = new double[q];
      double[] score = new double[q];
      for (int i = 0; i < m; i++) {
        if (prior[i] == 0) {
          continue;
        }
        for (int k = 0; k < q; k++) {
          row[k] = b.x()[cols[order[k]]][i];
        }
        Dense.solveUpperTransposed(r, q + 1, q, row, v); // v = R^-T x_i
        double vv = Dense.dot(v, v, q);
        double mu = Logistic.sigmoid(eta[i]);
        double h = prior[i] * Logistic.sigmoid(eta[i]) * Logistic.sigmoid(-eta[i]) * vv;
        double res = prior[i] * (y[i] - mu) + h * (0.5 - mu);
        for (int k = 0; k < q; k++) {
          score[k] += res * row[k];
        }
      }
      return score;
    }, IrlsFitter::add);
  }

  /** (R'R)^-1 mapped back from order space to cols order; NaN when R is singular. */
  private static double[][] covariance(State s, int[] order, int q) {
    double[][] inv = new double[q][q];
    if (s.singular()) {
      for (double[] row : inv) {
        Arrays.fill(row, Double.NaN);
      }
      return inv;
    }
    for (int j = 0; j < q; j++) {
      double[] e = new double[q];
      e[j] = 1;
      double[] col = Dense.solveNormal(s.r(), q + 1, q, e);
      for (int i = 0; i < q; i++) {
        inv[order[i]][order[j]] = col[i];
      }
    }
    return inv;
  }

  /**
   * Profile penalised-likelihood intervals: the roots of 2 [l*_max - l*_j(b)] = chi^2_1(conf), by
   * {@link ProfileSearch}; not defined when Firth's fit did not converge.
   */
  private static List<Interval> profileIntervals(DesignMatrix d, int[] cols, Penalized fit,
      List<Coefficient> coefs, IrlsOptions opt) {
    double crit = new ChiSquaredDistribution(null, 1).inverseCumulativeProbability(opt.conf());
    int q = cols.length;
    List<Interval> out = new ArrayList<>();
    int a = 0;
    for (int j = 0; j < d.p(); j++) {
      Coefficient c = coefs.get(j);
      if (c.isAliased()) {
        out.add(Interval.UNDEFINED);
        continue;
      }
      final int k = a++;
      if (!fit.converged()) {
        out.add(new Interval(Double.NaN, Double.NaN, Interval.End.FIT_NOT_CONVERGED,
            Interval.End.FIT_NOT_CONVERGED));
        continue;
      }
      boolean[] free = new boolean[q];
      Arrays.fill(free, true);
      free[k] = false;
      ProfileSearch.InnerFit inner = (b, others) -> {
        double[] start = new double[q];
        for (int u = 0, v = 0; u < q; u++) {
          start[u] = u == k ? b : others[v++];
        }
        Penalized pc = penalized(d, cols, free, start, opt.firthMaxIterations(), PROFILE_DECREMENT);
        double[] sol = new double[q - 1];
        for (int u = 0, v = 0; u < q; u++) {
          if (u != k) {
            sol[v++] = pc.beta()[u];
          }
        }
        double g = pc.penalizedLogLik() == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY
            : pc.converged() ? 2 * (fit.penalizedLogLik() - pc.penalizedLogLik()) - crit : Double.NaN;
        return new ProfileSearch.Solution(g, sol);
      };
      double[] othersAtEst = new double[q - 1];
      for (int u = 0, v = 0; u < q; u++) {
        if (u != k) {
          othersAtEst[v++] = fit.beta()[u];
        }
      }
      out.add(new ProfileSearch(inner, c.estimate(), othersAtEst, c.stdError(),
          IrlsFitter.columnScale(d, j)).interval());
    }
    return out;
  }
}
