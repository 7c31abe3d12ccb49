package logitlab.fit;

import java.util.Arrays;
import logitlab.model.Dense;

/**
 * Weighted least squares by a QR decomposition built one row at a time, with R's rank-revealing
 * rule for aliased (exactly collinear) columns.
 *
 * <p>Rows {@code sqrt(w_i) x_i} and right-hand sides {@code sqrt(w_i) z_i} are folded into an upper
 * triangular {@code R} (p x p) and {@code Q'z} by Givens rotations, so that {@code R'R = X'WX}
 * without ever forming {@code X'WX} (which would square the condition number) and without storing
 * anything of size n. Memory is O(p^2), time O(n p^2). See Golub &amp; Van Loan, Matrix
 * Computations, 4th ed., 5.1.8 and 6.5 (updating the QR factorisation). The rotations, the back
 * substitution and the triangular inverse are {@link Dense}'s.
 *
 * <p>{@link #solve(double)} then applies the limited column pivoting of LINPACK {@code dqrdc2} as R
 * modifies it for {@code lm} and {@code glm} to that small {@code R}: a column whose norm, after
 * removing its projection on the columns before it, falls below {@code tol} times its original norm
 * is moved to the end and declared aliased. Because {@code X = QR} with orthogonal {@code Q}, the
 * column norms of {@code R} and of the partially reduced matrices equal those of {@code X}, so the
 * decisions are those R makes on the full matrix. R uses {@code tol = 1e-7} in {@code lm} and
 * {@code min(1e-7, epsilon / 1000)} in {@code glm.fit}.
 */
final class StreamingQr {
  private final int p;
  private final double[] r; // row-major p x (p + 1): R in the upper triangle of columns 0..p-1, Q'z in column p
  private final double[] a;
  private double rss;

  StreamingQr(int p) {
    this.p = p;
    this.r = new double[p * (p + 1)];
    this.a = new double[p + 1];
  }

  /**
   * Adds the row {@code sqrtW * x[off .. off+p)} with right-hand side {@code sqrtW * z}.
   */
  void add(double[] x, int off, double sqrtW, double z) {
    for (int j = 0; j < p; j++) {
      a[j] = x[off + j] * sqrtW;
    }
    a[p] = z * sqrtW;
    Dense.givens(r, p + 1, p, a, false);
    rss += a[p] * a[p];
  }

  /**
   * Solves the least squares problem accumulated so far.
   *
   * @param tol relative tolerance for declaring a column aliased (R: 1e-7 for lm)
   */
  Solution solve(double tol) {
    // Column-major copy of R so that column operations are contiguous.
    double[][] col = new double[p][p];
    double[] qz = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        col[j][i] = r[i * (p + 1) + j];
      }
      qz[i] = r[i * (p + 1) + p];
    }
    int[] pivot = new int[p];
    double[] original = new double[p];
    for (int j = 0; j < p; j++) {
      pivot[j] = j;
      double nrm = norm(col[j], 0);
      original[j] = nrm == 0 ? 1.0 : nrm;
    }
    int k = p; // columns 0..k-1 are candidates; k..p-1 have been moved to the end as aliased
    for (int l = 0; l < p; l++) {
      while (l < k && norm(col[l], l) < original[l] * tol) {
        // move column l to the end, as dqrdc2 does
        double[] c = col[l];
        int pv = pivot[l];
        double on = original[l];
        for (int j = l; j < p - 1; j++) {
          col[j] = col[j + 1];
          pivot[j] = pivot[j + 1];
          original[j] = original[j + 1];
        }
        col[p - 1] = c;
        pivot[p - 1] = pv;
        original[p - 1] = on;
        k--;
      }
      if (l >= k || l == p - 1) {
        continue;
      }
      // Householder reflection zeroing col[l][l+1..p)
      double[] v = col[l];
      double alpha = norm(v, l);
      if (alpha == 0) {
        continue;
      }
      if (v[l] > 0) {
        alpha = -alpha;
      }
      // v := x - alpha e_l, stored in a fresh vector
      double[] u = new double[p];
      for (int i = l; i < p; i++) {
        u[i] = v[i];
      }
      u[l] -= alpha;
      // Scale u by the power of two nearest 1 / max|u_i|: the reflection I - 2 u u' / u'u does not
      // depend on u's length, a power of two changes no digit, and u'u can then neither overflow
      // nor underflow (rows of sqrt(w) x beyond 1e154, as with prior weights near 1e307).
      double big = 0;
      for (int i = l; i < p; i++) {
        big = Math.max(big, Math.abs(u[i]));
      }
      int e = Math.getExponent(big);
      for (int i = l; i < p; i++) {
        u[i] = Math.scalb(u[i], -e);
      }
      double uu = 0;
      for (int i = l; i < p; i++) {
        uu += u[i] * u[i];
      }
      if (uu == 0) {
        continue;
      }
      for (int j = l; j < p; j++) {
        reflect(u, uu, col[j], l);
      }
      reflect(u, uu, qz, l);
    }
    int rank = k;
    // The leading rank x rank block R11, row-major.
    double[] r11 = new double[rank * rank];
    for (int i = 0; i < rank; i++) {
      for (int j = i; j < rank; j++) {
        r11[i * rank + j] = col[j][i];
      }
    }
    double[] betaPivoted = new double[rank];
    Dense.solveUpper(r11, rank, rank, qz, betaPivoted);
    // (R11' R11)^-1 = R11^-1 R11^-T
    double[] xtxInv = Dense.timesTranspose(Dense.invertUpper(r11, rank, rank), rank);
    double[] beta = new double[p];
    Arrays.fill(beta, Double.NaN);
    double[][] cov = new double[p][p];
    for (double[] row : cov) {
      Arrays.fill(row, Double.NaN);
    }
    for (int i = 0; i < rank; i++) {
      beta[pivot[i]] = betaPivoted[i];
      for (int j = 0; j < rank; j++) {
        cov[pivot[i]][pivot[j]] = xtxInv[i * rank + j];
      }
    }
    // Aliased columns as combinations of the estimable ones: R11 c = R12[:, a].
    boolean[] aliased = new boolean[p];
    double[][] combination = new double[p][];
    for (int a2 = rank; a2 < p; a2++) {
      aliased[pivot[a2]] = true;
      double[] c = new double[p];
      double[] cp = new double[rank];
      Dense.solveUpper(r11, rank, rank, col[a2], cp);
      for (int i = 0; i < rank; i++) {
        c[pivot[i]] = cp[i];
      }
      combination[pivot[a2]] = c;
    }
    double residual = rss;
    for (int i = rank; i < p; i++) {
      residual += qz[i] * qz[i];
    }
    return new Solution(beta, aliased, rank, cov, residual, combination);
  }

  private static void reflect(double[] u, double uu, double[] v, int from) {
    double d = 0;
    for (int i = from; i < u.length; i++) {
      d += u[i] * v[i];
    }
    double f = 2 * d / uu;
    for (int i = from; i < u.length; i++) {
      v[i] -= f * u[i];
    }
  }

  private static double norm(double[] v, int from) {
    double scale = 0;
    for (int i = from; i < v.length; i++) {
      scale = Math.max(scale, Math.abs(v[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < v.length; i++) {
      double t = v[i] / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }

  /**
   * A least squares solution.
   *
   * @param beta coefficients, NaN for aliased columns
   * @param aliased which columns were declared aliased
   * @param rank number of estimable columns
   * @param unscaledCovariance (X'WX)^-1 restricted to estimable columns, NaN elsewhere
   * @param rss weighted residual sum of squares
   * @param aliasCombination for an aliased column j, the coefficients c with x_j = sum_i c_i x_i
   *     over estimable columns; null for estimable columns
   */
  record Solution(
      double[] beta,
      boolean[] aliased,
      int rank,
      double[][] unscaledCovariance,
      double rss,
      double[][] aliasCombination) {}
}
