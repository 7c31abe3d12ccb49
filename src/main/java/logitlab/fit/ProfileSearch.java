package logitlab.fit;

import java.util.Map;
import java.util.TreeMap;
import logitlab.model.Interval;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathRuntimeException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * The ends of one coefficient's profile interval, shared by the maximum-likelihood fit (profile
 * likelihood) and Firth's (profile penalised likelihood). With D the deviance (-2 l for the GLM,
 * -2 l* for Firth) and D_j(b) its minimum over the other coefficients with beta_j = b:
 * <pre>
 * g(b) = D_j(b) - D(beta_hat) - chi^2_1(conf),    the ends are the roots of g either side of beta_hat_j
 * </pre>
 * g(beta_hat_j) = -chi^2_1(conf) &lt; 0 and g rises away from the estimate (for the GLM D_j is convex,
 * a partial minimum of a convex function). For each end:
 * <ol>
 *   <li>g at the estimate must be negative; otherwise the inner fits do not reach the fit's optimum
 *       and the end is {@link Interval.End#NOT_FOUND}.
 *   <li>Walk out from the estimate in steps s, 2 s, 4 s, ... until g &gt; 0, where s = min(se,
 *       1 / max_i |x_ij|) (a first step that moves no row's log-odds by more than 1); a step whose
 *       inner fit does not reach its optimum (g NaN) is retried a quarter as long. When the
 *       coefficient has moved so far that it changes some row's log-odds by more than
 *       {@value #UNBOUNDED_LOGODDS} (|b - est| max_i |x_ij|) with g still &le; 0, the likelihood never
 *       falls far enough on that side: the end is infinite ({@link Interval.End#UNBOUNDED}), as under
 *       separation. When the steps shrink below 1e-9 of the first, the end is
 *       {@link Interval.End#NOT_FOUND}.
 *   <li>An outer value g = +Infinity (Firth's penalty is -Infinity where the information is
 *       singular) is bisected until g is finite.
 *   <li>Brent's method on the bracket, as R's {@code uniroot} (Brent 1973, Algorithms for
 *       Minimization without Derivatives, ch. 4); a failure there is {@link Interval.End#NOT_FOUND}.
 * </ol>
 * Each inner fit starts from the other coefficients' solution at the b already solved nearest to
 * it, interpolated (or extrapolated) linearly from the two nearest: continuation along the profile,
 * which keeps the inner fits near their optimum where a cold start (from the data alone) diverges
 * for a far-out b. R's {@code profile.glm} starts each inner fit from the fit's linear predictor.
 * The order of evaluations is fixed, so the result is the same on every run.
 */
final class ProfileSearch {
  /** A coefficient whose change moves some row's log-odds by more than this is infinite. */
  static final double UNBOUNDED_LOGODDS = 1e8;
  private static final int MAX_WALK = 200;
  private static final int MAX_BISECTIONS = 200;

  /** The minimum of D over the other coefficients at beta_j = b. */
  interface InnerFit {
    /**
     * Minimises over the other coefficients with beta_j = b, starting from {@code start} (the
     * other coefficients, in the fit's order without j); null when the fit failed. g is NaN when the
   * inner fit did not reach its optimum (a start from which it cannot recover).
     */
    Solution fit(double b, double[] start);
  }

  /**
   * One inner fit's result.
   *
   * @param g D_j(b) - D_hat - crit (NaN when it could not be computed; +Infinity where D_j is)
   * @param others the other coefficients at the inner optimum
   */
  record Solution(double g, double[] others) {}

  private final InnerFit inner;
  private final double est;
  private final double se;
  private final double scale;
  private final TreeMap<Double, double[]> solved = new TreeMap<>();

  /**
   * @param inner the inner fit
   * @param est the coefficient's estimate
   * @param othersAtEst the other coefficients at the fit (the first warm start)
   * @param se its standard error (the first step, at most 1 / scale)
   * @param scale max_i |x_ij| over the rows that take part (0 treated as 1)
   */
  ProfileSearch(InnerFit inner, double est, double[] othersAtEst, double se, double scale) {
    this.inner = inner;
    this.est = est;
    this.se = se;
    this.scale = scale > 0 && Double.isFinite(scale) ? scale : 1;
    solved.put(est, othersAtEst.clone());
  }

  /** Both ends, the lower first. */
  Interval interval() {
    double g0 = g(est);
    if (!(g0 < 0)) {
      return new Interval(Double.NaN, Double.NaN, Interval.End.NOT_FOUND, Interval.End.NOT_FOUND);
    }
    End low = end(g0, -1);
    End high = end(g0, +1);
    return new Interval(low.value(), high.value(), low.kind(), high.kind());
  }

  /** One end and its kind. */
  private record End(double value, Interval.End kind) {}

  private End end(double g0, int dir) {
    // the first step: se, but never more than moves some row's log-odds by 1 (under separation se
    // is huge and meaningless, and a far first step leaves the warm starts nothing to follow)
    double step = Double.isFinite(se) && se > 0 ? Math.min(se, 1 / scale) : 1 / scale;
    double minStep = step * 1e-9;
    double inner = est;
    double gInner = g0;
    double outer = est;
    double gOuter = Double.NaN;
    for (int k = 0; ; k++) {
      outer = inner + dir * step;
      if (k >= MAX_WALK || !Double.isFinite(outer) || Math.abs(outer - est) * scale > UNBOUNDED_LOGODDS) {
        return new End(dir * Double.POSITIVE_INFINITY, Interval.End.UNBOUNDED);
      }
      gOuter = g(outer);
      if (Double.isNaN(gOuter)) {
        // the inner fit did not reach its optimum from this far: a shorter step
        step /= 4;
        if (step < minStep) {
          return notFound();
        }
        continue;
      }
      if (gOuter > 0) {
        break;
      }
      inner = outer;
      gInner = gOuter;
      step *= 2;
    }
    for (int k = 0; gOuter == Double.POSITIVE_INFINITY && k < MAX_BISECTIONS; k++) {
      double mid = 0.5 * (inner + outer);
      if (mid == inner || mid == outer) {
        break;
      }
      double gm = g(mid);
      if (Double.isNaN(gm)) {
        return notFound();
      }
      if (gm > 0) {
        outer = mid;
        gOuter = gm;
      } else {
        inner = mid;
        gInner = gm;
      }
    }
    if (!(gOuter > 0 && gOuter < Double.POSITIVE_INFINITY && gInner <= 0)) {
      return notFound();
    }
    if (gInner == 0) {
      return new End(inner, Interval.End.FINITE);
    }
    double lo = Math.min(inner, outer);
    double hi = Math.max(inner, outer);
    try {
      double root = new BrentSolver(1e-12, 1e-10).solve(500, this::gOrFail, lo, hi);
      return Double.isFinite(root) ? new End(root, Interval.End.FINITE) : notFound();
    } catch (MathIllegalArgumentException | MathIllegalStateException | MathRuntimeException
        | ProfileFailed e) {
      return notFound();
    }
  }

  private static End notFound() {
    return new End(Double.NaN, Interval.End.NOT_FOUND);
  }

  /** Thrown inside Brent's method when g cannot be computed. */
  private static final class ProfileFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProfileFailed() {
      super(null, null, false, false);
    }
  }

  private double gOrFail(double b) {
    double v = g(b);
    if (!Double.isFinite(v)) {
      throw new ProfileFailed();
    }
    return v;
  }

  /** g(b), the inner fit warm-started by continuation; the solution is kept for later starts. */
  double g(double b) {
    Solution s;
    try {
      s = inner.fit(b, start(b));
    } catch (FitException e) {
      s = null;
    }
    if (s == null) {
      return Double.NaN;
    }
    if (Double.isFinite(s.g()) && allFinite(s.others())) {
      solved.put(b, s.others().clone());
    }
    return s.g();
  }

  /**
   * The warm start at b: linear interpolation between the nearest solutions either side of b, or
   * extrapolation from the two nearest on one side, or the nearest one.
   */
  double[] start(double b) {
    Map.Entry<Double, double[]> below = solved.floorEntry(b);
    Map.Entry<Double, double[]> above = solved.ceilingEntry(b);
    if (below != null && below.getKey() == b) {
      return below.getValue().clone();
    }
    if (below != null && above != null) {
      return line(below, above, b);
    }
    Map.Entry<Double, double[]> near = below != null ? below : above;
    Map.Entry<Double, double[]> next = below != null ? solved.lowerEntry(near.getKey())
        : solved.higherEntry(near.getKey());
    if (next == null) {
      return near.getValue().clone();
    }
    return line(next, near, b);
  }

  private static double[] line(Map.Entry<Double, double[]> a, Map.Entry<Double, double[]> c, double b) {
    double t = (b - a.getKey()) / (c.getKey() - a.getKey());
    double[] va = a.getValue();
    double[] vc = c.getValue();
    double[] out = new double[va.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = va[k] + t * (vc[k] - va[k]);
    }
    return allFinite(out) ? out : (t < 0.5 ? va : vc).clone();
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
