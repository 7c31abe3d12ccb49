package logitlab.fit;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The linear program behind the separation check: for rows a_i (n of them, m columns),
 * <pre>
 * P:  maximise c'b   subject to  a_i'b &gt;= 0 (i = 1..n),  -1 &lt;= b_j &lt;= 1
 * </pre>
 * b = 0 is feasible and the box keeps P bounded. It is solved through its dual, which has only m
 * equality rows whatever n is,
 * <pre>
 * D:  minimise sum_j (u_j + v_j)   subject to   u - v - A'lambda = c,   lambda, u, v &gt;= 0
 * </pre>
 * by a revised primal simplex on D (Dantzig pricing, switching to Bland's rule after a run of
 * degenerate pivots, so that it cannot cycle; the m x m basis inverse is updated in product form
 * and refactorised every {@value #REFACTOR} pivots). At the optimum the simplex multipliers pi
 * are an optimal b of P. The starting basis is u_j or v_j by the sign of c_j, as in Konis'
 * {@code separator} (dual "find" program).
 *
 * <p>For large n the rows are brought in by sifting (Bixby et al. 1992): P is solved on a subset
 * of rows, every row is then checked once against the solution (one pass over the data, O(nm)),
 * and the most violated rows are added until none is violated. The relaxation's optimum is at
 * least P's, so a solution that satisfies every row is optimal for P, and a relaxation whose
 * optimum is 0 proves that P's is 0 without a pass (the usual case when there is no separation).
 * A few passes usually suffice.
 *
 * <p>Why not commons-math3's {@code SimplexSolver}: its dense tableau for P has n rows and n + m
 * columns, O(n^2) memory, which is out of reach beyond a few thousand rows. The tests compare this
 * solver with {@code SimplexSolver} on small random problems.
 *
 * <p>Konis, K. (2007). Linear programming algorithms for detecting separated data in binary
 * logistic regression models. DPhil thesis, University of Oxford, ch. 4; Chvátal, V. (1983).
 * Linear Programming, ch. 7 (revised simplex) and 3 (Bland's rule); Bixby, R. E. et al. (1992),
 * Very large-scale linear programming: a case study in combining interior point and simplex
 * methods, Operations Research 40(5), 885-897 (sifting).
 */
final class SeparationLp {
  /** Reduced costs below -DTOL (relative to the column's largest entry) price it into the basis. */
  static final double DTOL = 1e-10;
  /** A row is violated when a_i'b &lt; -FTOL max_j |a_ij| (b is in the unit box). */
  static final double FTOL = 1e-9;
  private static final double PIVOT_TOL = 1e-11;
  /** An optimum at or below this (relative to max_j |c_j|) is 0, and b = 0 is returned. */
  static final double ZERO_OBJECTIVE = 1e-11;
  private static final int REFACTOR = 50;
  private static final int DEGENERATE_RUN = 30;

  private SeparationLp() {}

  /** The rows a_i of the program, read one at a time (no copy of the n x m matrix is needed). */
  interface Rows {
    int n();

    int m();

    /** Copies row i into out (length m). */
    void row(int i, double[] out);

    /** max_j |a_ij|, at least 1e-300. */
    default double scale(int i, double[] scratch) {
      row(i, scratch);
      double s = 1e-300;
      for (double v : scratch) {
        s = Math.max(s, Math.abs(v));
      }
      return s;
    }

    /** a_i'b. */
    default double dot(int i, double[] b, double[] scratch) {
      row(i, scratch);
      double s = 0;
      for (int j = 0; j < scratch.length; j++) {
        s += scratch[j] * b[j];
      }
      return s;
    }
  }

  /**
   * The optimum of P.
   *
   * @param b an optimal b (within the box; every row satisfied to FTOL)
   * @param objective c'b
   * @param passes passes over all n rows (sifting rounds)
   * @param pivots simplex pivots, over all rounds
   * @param rows the rows of the final sifting subset (a good start for a related program)
   */
  record Result(double[] b, double objective, int passes, int pivots, int[] rows) {}

  /** c = sum_i a_i (the objective of Konis' program: the sum of the slacks a_i'b). */
  static double[] sumOfRows(Rows rows) {
    int m = rows.m();
    double[] c = new double[m];
    double[] comp = new double[m]; // Neumaier compensation
    double[] a = new double[m];
    for (int i = 0; i < rows.n(); i++) {
      rows.row(i, a);
      for (int j = 0; j < m; j++) {
        double t = c[j] + a[j];
        comp[j] += Math.abs(c[j]) >= Math.abs(a[j]) ? (c[j] - t) + a[j] : (a[j] - t) + c[j];
        c[j] = t;
      }
    }
    for (int j = 0; j < m; j++) {
      c[j] += comp[j];
    }
    return c;
  }

  /**
   * Solves P by sifting.
   *
   * @param start row indices to start the subset with (may be null)
   */
  static Result maximize(Rows rows, double[] c, int[] start) {
    int n = rows.n();
    int m = rows.m();
    int batch = Math.max(500, 50 * m);
    boolean[] in = new boolean[n];
    int[] subset = new int[Math.min(n, batch)];
    int size = 0;
    if (start != null) {
      for (int i : start) {
        if (!in[i]) {
          subset = grow(subset, size + 1);
          subset[size++] = i;
          in[i] = true;
        }
      }
    }
    // evenly spaced rows to begin with
    int first = Math.min(n, batch);
    for (int k = 0; k < first; k++) {
      int i = (int) ((long) k * n / first);
      if (!in[i]) {
        subset = grow(subset, size + 1);
        subset[size++] = i;
        in[i] = true;
      }
    }
    double[] scratch = new double[m];
    int passes = 0;
    int pivots = 0;
    while (true) {
      double[] a = new double[size * m];
      for (int k = 0; k < size; k++) {
        rows.row(subset[k], scratch);
        System.arraycopy(scratch, 0, a, k * m, m);
      }
      Dense sol = solveDense(a, size, m, c);
      pivots += sol.pivots;
      double[] b = sol.b;
      if (dot(c, b) <= ZERO_OBJECTIVE * Math.max(1, maxAbs(c))) {
        // the subset's program is a relaxation: its optimum (0) bounds P's, and b = 0 attains it
        return new Result(new double[m], 0, passes, pivots, Arrays.copyOf(subset, size));
      }
      if (size == n) {
        return new Result(b, dot(c, b), passes, pivots, Arrays.copyOf(subset, size));
      }
      // one pass: the violated rows, most violated first
      passes++;
      int nv = 0;
      int[] violated = new int[16];
      double[] slack = new double[16];
      for (int i = 0; i < n; i++) {
        if (in[i]) {
          continue;
        }
        double s = rows.dot(i, b, scratch);
        if (s < -FTOL * rows.scale(i, scratch)) {
          if (nv == violated.length) {
            violated = Arrays.copyOf(violated, 2 * nv);
            slack = Arrays.copyOf(slack, 2 * nv);
          }
          violated[nv] = i;
          slack[nv++] = s / rows.scale(i, scratch);
        }
      }
      if (nv == 0) {
        return new Result(b, dot(c, b), passes, pivots, Arrays.copyOf(subset, size));
      }
      int take = Math.min(nv, batch);
      double cut = Double.POSITIVE_INFINITY;
      if (nv > take) {
        double[] sorted = Arrays.copyOf(slack, nv);
        Arrays.sort(sorted);
        cut = sorted[take - 1];
      }
      subset = grow(subset, size + take);
      for (int k = 0; k < nv && take > 0; k++) {
        if (slack[k] <= cut) {
          subset[size++] = violated[k];
          in[violated[k]] = true;
          take--;
        }
      }
    }
  }

  private static int[] grow(int[] a, int need) {
    return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, 2 * a.length));
  }

  private static double maxAbs(double[] a) {
    double t = 0;
    for (double v : a) {
      t = Math.max(t, Math.abs(v));
    }
    return t;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** An optimum of P over s dense rows. */
  record Dense(double[] b, int pivots) {}

  /**
   * Revised primal simplex on D for the s rows in {@code a} (row-major s x m).
   * Variables: lambda_k (k &lt; s, column -a_k, cost 0), u_j (column e_j, cost 1), v_j (column
   * -e_j, cost 1).
   */
  static Dense solveDense(double[] a, int s, int m, double[] c) {
    int nvar = s + 2 * m;
    int[] basis = new int[m];
    boolean[] basic = new boolean[nvar];
    double[][] binv = new double[m][m];
    double[] xb = new double[m];
    for (int j = 0; j < m; j++) {
      basis[j] = c[j] >= 0 ? s + j : s + m + j;
      basic[basis[j]] = true;
      binv[j][j] = c[j] >= 0 ? 1 : -1;
      xb[j] = Math.abs(c[j]);
    }
    double[] pi = new double[m];
    double[] col = new double[m];
    double[] w = new double[m];
    boolean bland = false;
    int degenerate = 0;
    double objective = objective(basis, xb, s);
    int maxPivots = 50_000 + 100 * (s + m);
    double[] rowScale = new double[s];
    for (int k = 0; k < s; k++) {
      double t = 1e-300;
      for (int j = 0; j < m; j++) {
        t = Math.max(t, Math.abs(a[k * m + j]));
      }
      rowScale[k] = t;
    }
    for (int it = 0; ; it++) {
      if (it > maxPivots) {
        throw new IllegalStateException("separation LP: no optimum after " + it + " pivots");
      }
      if (it > 0 && it % REFACTOR == 0) {
        refactor(a, s, m, c, basis, binv, xb);
      }
      // simplex multipliers pi' = c_B' B^-1
      Arrays.fill(pi, 0);
      for (int r = 0; r < m; r++) {
        if (basis[r] >= s) { // u or v: cost 1
          double[] br = binv[r];
          for (int k = 0; k < m; k++) {
            pi[k] += br[k];
          }
        }
      }
      // pricing
      int enter = -1;
      double best = -DTOL;
      for (int k = 0; k < s && !(bland && enter >= 0); k++) {
        if (basic[k]) {
          continue;
        }
        int off = k * m;
        double d = 0;
        for (int j = 0; j < m; j++) {
          d += a[off + j] * pi[j];
        }
        d /= rowScale[k];
        if (d < best) {
          best = bland ? -DTOL : d;
          enter = k;
        }
      }
      for (int j = 0; j < 2 * m && !(bland && enter >= 0); j++) {
        int var = s + j;
        if (basic[var]) {
          continue;
        }
        double d = j < m ? 1 - pi[j] : 1 + pi[j - m];
        if (d < best) {
          best = bland ? -DTOL : d;
          enter = var;
        }
      }
      if (enter < 0) {
        double[] b = pi.clone();
        for (int j = 0; j < m; j++) {
          b[j] = Math.max(-1, Math.min(1, b[j]));
        }
        return new Dense(b, it);
      }
      column(a, s, m, enter, col);
      for (int r = 0; r < m; r++) {
        double t = 0;
        double[] br = binv[r];
        for (int k = 0; k < m; k++) {
          t += br[k] * col[k];
        }
        w[r] = t;
      }
      // ratio test
      int leave = -1;
      double theta = Double.POSITIVE_INFINITY;
      for (int r = 0; r < m; r++) {
        if (w[r] > PIVOT_TOL) {
          double ratio = Math.max(0, xb[r]) / w[r];
          if (leave < 0 || ratio < theta - 1e-12) {
            leave = r;
            theta = ratio;
          } else if (ratio <= theta + 1e-12) {
            boolean better = bland ? basis[r] < basis[leave] : w[r] > w[leave];
            if (better) {
              leave = r;
              theta = Math.min(theta, ratio);
            }
          }
        }
      }
      if (leave < 0) {
        throw new IllegalStateException("separation LP: the dual is unbounded (cannot happen)");
      }
      // pivot
      double wr = w[leave];
      double[] pr = binv[leave];
      for (int k = 0; k < m; k++) {
        pr[k] /= wr;
      }
      for (int r = 0; r < m; r++) {
        if (r == leave || w[r] == 0) {
          continue;
        }
        double f = w[r];
        double[] br = binv[r];
        for (int k = 0; k < m; k++) {
          br[k] -= f * pr[k];
        }
        xb[r] -= theta * f;
      }
      xb[leave] = theta;
      basic[basis[leave]] = false;
      basis[leave] = enter;
      basic[enter] = true;
      double next = objective(basis, xb, s);
      if (next < objective - 1e-13 * Math.max(1, Math.abs(objective))) {
        degenerate = 0;
      } else if (++degenerate >= DEGENERATE_RUN) {
        bland = true;
      }
      objective = next;
    }
  }

  private static double objective(int[] basis, double[] xb, int s) {
    double z = 0;
    for (int r = 0; r < basis.length; r++) {
      if (basis[r] >= s) {
        z += xb[r];
      }
    }
    return z;
  }

  /** The constraint column of variable var. */
  private static void column(double[] a, int s, int m, int var, double[] col) {
    if (var < s) {
      for (int j = 0; j < m; j++) {
        col[j] = -a[var * m + j];
      }
    } else {
      Arrays.fill(col, 0);
      int j = var - s;
      col[j % m] = j < m ? 1 : -1;
    }
  }

  /** Recomputes B^-1 and x_B = B^-1 c from the basis (limits the drift of the product form). */
  private static void refactor(double[] a, int s, int m, double[] c, int[] basis, double[][] binv, double[] xb) {
    RealMatrix bm = new Array2DRowRealMatrix(m, m);
    double[] col = new double[m];
    for (int r = 0; r < m; r++) {
      column(a, s, m, basis[r], col);
      bm.setColumn(r, col);
    }
    RealMatrix inv = new LUDecomposition(bm, 1e-14).getSolver().getInverse();
    for (int r = 0; r < m; r++) {
      double t = 0;
      for (int k = 0; k < m; k++) {
        binv[r][k] = inv.getEntry(r, k);
        t += binv[r][k] * c[k];
      }
      xb[r] = Math.max(0, t);
    }
  }
}
