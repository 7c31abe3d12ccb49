package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.model.Alias;
import logitlab.model.Coefficient;
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
 * by Fisher scoring on U* as R's {@code logistf} does: beta' = beta + I^-1 U*, the step scaled down
 * to at most {@value #MAX_STEP} in any coefficient and halved while l* falls. It stops when the
 * scoring step I^-1 U* is at most {@value #XTOL} in every coefficient (relative to
 * max(1, |beta_j|)); the iteration that finds this counts. Unlike maximum likelihood, the estimates are finite even when the
 * data are separated. Standard errors are sqrt(diag(I^-1)) at the estimate.
 *
 * <p>Intervals: Wald (estimate &plusmn; z se), or profile penalised likelihood, as logistf's default:
 * the values b with 2 [l*(beta_hat) - l*_j(b)] = chi^2_1(conf), where l*_j(b) is l* maximised over
 * the other coefficients with beta_j = b. The penalty keeps the full model's I (with beta_j = b),
 * as Heinze &amp; Schemper define it; each l*_j(b) is a Firth fit of the other coefficients (Fisher
 * scoring on their modified scores), and the roots are found by Brent's method.
 *
 * <p>Only estimable columns take part: a column that R's {@code qr(X)} (rank tolerance 1e-7) finds
 * to be a linear combination of earlier ones is reported as aliased (NA), as {@code brglmFit} does.
 *
 * <p>Firth, D. (1993). Bias reduction of maximum likelihood estimates. Biometrika 80(1), 27-38.
 * Heinze, G. &amp; Schemper, M. (2002). A solution to the problem of separation in logistic
 * regression. Statistics in Medicine 21, 2409-2419. Kosmidis, I. &amp; Firth, D. (2021).
 * Jeffreys-prior penalty, finiteness and shrinkage in binomial-response generalized linear models.
 * Biometrika 108(1), 71-82.
 */
public final class FirthFitter {
  /** The method named in the fit. */
  public static final String METHOD = "Firth penalised likelihood";
  /** {@link LogisticFit#ciMethod()} of profile penalised-likelihood intervals. */
  public static final String PROFILE_PENALIZED = "profile-penalized";
  static final double MAX_STEP = 5;
  static final double XTOL = 1e-10;
  private static final int MAX_HALVINGS = 30;

  private FirthFitter() {}

  /** Firth's fit with R's defaults (25 iterations) and 95 % Wald intervals. */
  public static LogisticFit fit(DesignMatrix d) {
    return fit(d, IrlsOptions.defaults());
  }

  /**
   * Firth's fit, with intervals as {@code opt.ci()} says (WALD: Wald; PROFILE: profile penalised
   * likelihood) at level {@code opt.conf()}, at most {@code opt.maxIterations()} iterations. The
   * separation of the data is checked here (one more linear program; pass the maximum-likelihood
   * fit's {@link LogisticFit#separation()} to the three-argument form to avoid it).
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
    StreamingQr.Solution qr = unweightedQr(d);
    boolean[] aliasedMask = qr.aliased();
    int[] cols = java.util.stream.IntStream.range(0, p).filter(j -> !aliasedMask[j]).toArray();
    int q = cols.length;

    double[] start = new double[q];
    if (q > 0 && isIntercept(d, cols[0])) {
      start[0] = Logistic.logit(d.weightedEvents() / d.totalWeight());
    }
    boolean[] free = new boolean[q];
    Arrays.fill(free, true);
    Core c = penalized(d, cols, free, start, opt.maxIterations());

    List<String> warnings = new ArrayList<>();
    if (!c.converged) {
      warnings.add(String.format(Locale.ROOT, "Firth's fit did not converge in %d iterations (the "
          + "largest step was still %.3g): its estimates are not the penalised-likelihood "
          + "estimates. Try --max-iterations 100", c.iterations, c.lastStep));
    }
    double[] beta = new double[p];
    Arrays.fill(beta, Double.NaN);
    double[][] cov = new double[p][p];
    for (double[] r : cov) {
      Arrays.fill(r, Double.NaN);
    }
    for (int a = 0; a < q; a++) {
      beta[cols[a]] = c.beta[a];
      for (int b = 0; b < q; b++) {
        cov[cols[a]][cols[b]] = c.cov[a][b];
      }
    }
    List<Coefficient> coefs = GlmInference.waldCoefficients(d, beta, cov, aliasedMask);
    List<Alias> aliases = GlmInference.aliases(d, aliasedMask, qr.aliasCombination());
    if (!aliases.isEmpty()) {
      warnings.add(GlmInference.aliasWarning(aliases));
    }
    Separation sep = separation != null ? separation : SeparationDetector.detect(d, aliasedMask);
    if (sep.detected()) {
      warnings.add(SeparationDetector.firthNote(sep));
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
    return GlmInference.assemble(METHOD, d, beta, cov, coefs, intervals, ciMethod, opt.conf(), c.mu,
        q, c.iterations, c.converged, aliases, sep, warnings);
  }

  /**
   * R's qr(X) on the rows with a positive prior weight: which columns are aliased (tolerance
   * 1e-7), as brglmFit decides it.
   */
  private static StreamingQr.Solution unweightedQr(DesignMatrix d) {
    int p = d.p();
    StreamingQr qr = new StreamingQr(p);
    double[] x = d.x();
    for (int i = 0; i < d.n(); i++) {
      if (d.weights()[i] > 0) {
        qr.add(x, i * p, 1, 0);
      }
    }
    return qr.solve(1e-7);
  }

  private static boolean isIntercept(DesignMatrix d, int j) {
    for (int i = 0; i < d.n(); i++) {
      if (d.weights()[i] > 0 && d.get(i, j) != 1) {
        return false;
      }
    }
    return true;
  }


  /** The result of one penalised fit over the columns {@code cols}. */
  static final class Core {
    double[] beta; // over cols
    double penalizedLogLik;
    double[] mu;
    double[][] cov; // I^-1 over cols (full information, also for a profile fit)
    int iterations;
    boolean converged;
    double lastStep;
  }

  /** l*, mu and I at one beta. */
  private static final class State {
    double[] beta;
    double[] mu;
    double[] information; // q x q row-major, X'WX
    double[] chol; // lower Cholesky factor of I, row-major
    double logLik;
    double penalized;
  }

  /**
   * Maximises l* over the coefficients marked {@code free}, the others held at their value in
   * {@code start}.
   */
  static Core penalized(DesignMatrix d, int[] cols, boolean[] free, double[] start, int maxIterations) {
    int q = cols.length;
    int[] f = java.util.stream.IntStream.range(0, q).filter(k -> free[k]).toArray();
    State s = evaluate(d, cols, start.clone());
    Core c = new Core();
    c.converged = false;
    c.lastStep = Double.NaN;
    int it = 0;
    while (true) {
      if (f.length == 0) {
        c.converged = true;
        break;
      }
      if (it >= maxIterations) {
        break;
      }
      it++;
      double[] score = modifiedScore(d, cols, s);
      // delta_f = (I_ff)^-1 U*_f
      double[] sub = new double[f.length * f.length];
      double[] rhs = new double[f.length];
      for (int a = 0; a < f.length; a++) {
        rhs[a] = score[f[a]];
        for (int b = 0; b < f.length; b++) {
          sub[a * f.length + b] = s.information[f[a] * q + f[b]];
        }
      }
      double[] delta = choleskySolve(sub, f.length, rhs);
      double largest = 0;
      for (double v : delta) {
        largest = Math.max(largest, Math.abs(v));
      }
      if (!(largest < Double.POSITIVE_INFINITY)) {
        throw new FitException(d.file() + ": Firth's fit failed: the information matrix is singular");
      }
      if (largest > MAX_STEP) {
        for (int a = 0; a < delta.length; a++) {
          delta[a] *= MAX_STEP / largest;
        }
      }
      boolean small = true;
      for (int a = 0; a < f.length; a++) {
        small &= Math.abs(delta[a]) <= XTOL * Math.max(1, Math.abs(s.beta[f[a]]));
      }
      c.lastStep = largest;
      if (small) {
        c.converged = true;
        break;
      }
      State next = null;
      for (int h = 0; h <= MAX_HALVINGS; h++) {
        double[] beta = s.beta.clone();
        for (int a = 0; a < f.length; a++) {
          beta[f[a]] += delta[a];
        }
        State t = evaluate(d, cols, beta);
        if (Double.isFinite(t.penalized)
            && t.penalized >= s.penalized - 1e-12 * Math.max(1, Math.abs(s.penalized))) {
          next = t;
          break;
        }
        for (int a = 0; a < delta.length; a++) {
          delta[a] /= 2;
        }
      }
      if (next == null) {
        // no step raises l*: beta is a maximum to working precision
        c.converged = small || largest < 1e-6;
        break;
      }
      s = next;
    }
    c.beta = s.beta;
    c.penalizedLogLik = s.penalized;
    c.mu = s.mu;
    c.iterations = it;
    c.cov = inverse(s.chol, q);
    return c;
  }

  /** mu, I = X'WX and its Cholesky factor, l and l* at beta. */
  private static State evaluate(DesignMatrix d, int[] cols, double[] beta) {
    int n = d.n();
    int p = d.p();
    int q = cols.length;
    double[] x = d.x();
    double[] y = d.y();
    double[] prior = d.weights();
    double[] mu = new double[n];
    double[] info = new double[q * q];
    double[] row = new double[q];
    double ll = 0;
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double eta = 0;
      for (int k = 0; k < q; k++) {
        row[k] = x[off + cols[k]];
        eta += row[k] * beta[k];
      }
      double m = Logistic.sigmoid(eta);
      mu[i] = m;
      if (prior[i] == 0) {
        continue;
      }
      ll -= prior[i] * Logistic.crossEntropy(y[i], eta);
      double w = prior[i] * m * (1 - m);
      for (int a = 0; a < q; a++) {
        double wa = w * row[a];
        int ra = a * q;
        for (int b = 0; b <= a; b++) {
          info[ra + b] += wa * row[b];
        }
      }
    }
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < a; b++) {
        info[b * q + a] = info[a * q + b];
      }
    }
    State s = new State();
    s.beta = beta;
    s.mu = mu;
    s.information = info;
    s.logLik = ll;
    s.chol = cholesky(info, q);
    double logDet = 0;
    if (s.chol == null) {
      logDet = Double.NEGATIVE_INFINITY;
    } else {
      for (int k = 0; k < q; k++) {
        logDet += 2 * Math.log(s.chol[k * q + k]);
      }
    }
    s.penalized = ll + 0.5 * logDet;
    return s;
  }

  /** U* = X'(a (y - mu) + h (1/2 - mu)), with h_i = a_i w_i |L^-1 x_i|^2 (I = L L'). */
  private static double[] modifiedScore(DesignMatrix d, int[] cols, State s) {
    int n = d.n();
    int p = d.p();
    int q = cols.length;
    double[] x = d.x();
    double[] y = d.y();
    double[] prior = d.weights();
    double[] l = s.chol;
    double[] row = new double[q];
    double[] v = new double[q];
    double[] score = new double[q];
    for (int i = 0; i < n; i++) {
      if (prior[i] == 0) {
        continue;
      }
      int off = i * p;
      for (int k = 0; k < q; k++) {
        row[k] = x[off + cols[k]];
      }
      // v = L^-1 x_i (forward substitution)
      double vv = 0;
      for (int a = 0; a < q; a++) {
        double t = row[a];
        int ra = a * q;
        for (int b = 0; b < a; b++) {
          t -= l[ra + b] * v[b];
        }
        v[a] = t / l[ra + a];
        vv += v[a] * v[a];
      }
      double m = s.mu[i];
      double h = prior[i] * m * (1 - m) * vv;
      double r = prior[i] * (y[i] - m) + h * (0.5 - m);
      for (int k = 0; k < q; k++) {
        score[k] += r * row[k];
      }
    }
    return score;
  }

  /** Lower Cholesky factor of the q x q symmetric matrix a (row-major), or null if not positive definite. */
  static double[] cholesky(double[] a, int q) {
    double[] l = new double[q * q];
    for (int j = 0; j < q; j++) {
      double s = a[j * q + j];
      for (int k = 0; k < j; k++) {
        s -= l[j * q + k] * l[j * q + k];
      }
      if (!(s > 0)) {
        return null;
      }
      double ljj = Math.sqrt(s);
      l[j * q + j] = ljj;
      for (int i = j + 1; i < q; i++) {
        double t = a[i * q + j];
        for (int k = 0; k < j; k++) {
          t -= l[i * q + k] * l[j * q + k];
        }
        l[i * q + j] = t / ljj;
      }
    }
    return l;
  }

  private static double[] choleskySolve(double[] a, int q, double[] b) {
    double[] l = cholesky(a, q);
    if (l == null) {
      double[] x = new double[q];
      Arrays.fill(x, Double.NaN);
      return x;
    }
    return substitute(l, q, b);
  }

  /** Solves L L' x = b by forward then back substitution, L lower triangular (row-major q x q). */
  private static double[] substitute(double[] l, int q, double[] b) {
    double[] x = new double[q];
    for (int i = 0; i < q; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= l[i * q + k] * x[k];
      }
      x[i] = t / l[i * q + i];
    }
    for (int i = q - 1; i >= 0; i--) {
      double t = x[i];
      for (int k = i + 1; k < q; k++) {
        t -= l[k * q + i] * x[k];
      }
      x[i] = t / l[i * q + i];
    }
    return x;
  }

  /** (L L')^-1 from the lower factor L, column by column; NaN when L is null. */
  private static double[][] inverse(double[] l, int q) {
    double[][] inv = new double[q][q];
    if (l == null) {
      for (double[] r : inv) {
        Arrays.fill(r, Double.NaN);
      }
      return inv;
    }
    for (int j = 0; j < q; j++) {
      double[] e = new double[q];
      e[j] = 1;
      double[] x = substitute(l, q, e);
      for (int i = 0; i < q; i++) {
        inv[i][j] = x[i];
      }
    }
    return inv;
  }

  /** Profile penalised-likelihood intervals: exact roots of 2 [l*_max - l*_j(b)] = chi^2_1(conf). */
  private static List<Interval> profileIntervals(DesignMatrix d, int[] cols, Core fit,
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
      boolean[] free = new boolean[q];
      Arrays.fill(free, true);
      free[k] = false;
      // enough iterations for each profile fit: they start at the estimate
      int maxIt = Math.max(opt.maxIterations(), 100);
      java.util.function.DoubleUnaryOperator g = b -> {
        double[] start = fit.beta.clone();
        start[k] = b;
        Core pc = penalized(d, cols, free, start, maxIt);
        return 2 * (fit.penalizedLogLik - pc.penalizedLogLik) - crit;
      };
      out.add(new Interval(GlmInference.profileEnd(g, c.estimate(), c.stdError(), -1),
          GlmInference.profileEnd(g, c.estimate(), c.stdError(), +1)));
    }
    return out;
  }

}
