package logitlab.model;

/**
 * The small dense linear algebra the fits share, each routine once: inner products and linear
 * predictors with aliased (NaN) coefficients, Givens updates of a triangular factor, triangular
 * solves and inverse, Cholesky, and the sandwich product.
 *
 * <p>Storage. A triangular or square matrix is a row-major {@code double[]} read through a leading
 * dimension {@code ld} (entry (i, j) at {@code i * ld + j}), of which the routines use the leading
 * m x m block; only the upper triangle of an upper triangular factor R is read. A design matrix is
 * the row-major n x p {@code double[]} of {@code DesignMatrix.x()}.
 *
 * <p>Operation order. Each loop sums in increasing index order, exactly as the fits summed before
 * these routines were shared, so that every result (and every output byte) stayed the same; a
 * change of order changes the last bits of the estimates. p is small (tens of columns): plain loops,
 * no blocking.
 *
 * <p>References: Golub &amp; Van Loan, Matrix Computations, 4th ed. (GVL): 3.1 (triangular
 * systems), 4.2 (Cholesky), 5.1.8 and 6.5.3 (Givens rotations, updating a QR factorisation);
 * Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 8 (triangular systems), 14.2
 * (triangular inverse). The results are checked against commons-math3's {@code QRDecomposition},
 * {@code CholeskyDecomposition} and {@code LUDecomposition} in {@code DenseTest}.
 */
public final class Dense {
  private Dense() {}

  // ---- inner products ---------------------------------------------------------------------------

  /** a'b = sum_{k &lt; m} a_k b_k over the first m entries. */
  public static double dot(double[] a, double[] b, int m) {
    double s = 0;
    for (int k = 0; k < m; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** ||v||_2 = sqrt(sum_k v_k^2), unscaled (v of moderate size, such as a gradient). */
  public static double norm(double[] v) {
    return norm(v, 0, v.length);
  }

  /** ||v[from..to)||_2 = sqrt(sum_{from &le; k &lt; to} v_k^2), unscaled. */
  public static double norm(double[] v, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      s += v[k] * v[k];
    }
    return Math.sqrt(s);
  }

  /**
   * x'beta = sum_j x_{off + j} beta_j over j &lt; beta.length, an aliased coefficient (NaN) counting
   * as 0, as R's {@code predict.lm} and {@code predict.glm} treat the NA coefficients of a
   * rank-deficient fit.
   */
  public static double linearPredictor(double[] x, int off, double[] beta) {
    double s = 0;
    for (int j = 0; j < beta.length; j++) {
      if (!Double.isNaN(beta[j])) {
        s += x[off + j] * beta[j];
      }
    }
    return s;
  }

  /**
   * eta = X beta for the row-major n x p matrix x, aliased (NaN) coefficients as 0:
   * eta_i = {@link #linearPredictor(double[], int, double[]) linearPredictor(x, i p, beta)}.
   */
  public static double[] linearPredictors(double[] x, int n, int p, double[] beta) {
    if (beta.length != p) {
      throw new IllegalArgumentException(p + " columns but " + beta.length + " coefficients");
    }
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = linearPredictor(x, i * p, beta);
    }
    return eta;
  }

  /** A copy of beta with the aliased (NaN) coefficients set to 0. */
  public static double[] zeroNaN(double[] beta) {
    double[] b = beta.clone();
    for (int j = 0; j < b.length; j++) {
      if (Double.isNaN(b[j])) {
        b[j] = 0;
      }
    }
    return b;
  }

  // ---- Givens rotations ---------------------------------------------------------------------------

  /**
   * Folds the row a into the upper triangular m x m factor R (row-major, leading dimension ld
   * &ge; m) by Givens rotations, so that R'R gains a a' (GVL 6.5.3): for k = 0 .. m-1 with
   * a_k &ne; 0,
   * <pre>
   * h = sqrt(R_kk^2 + a_k^2),  c = R_kk / h,  s = a_k / h,  R_kk = h
   * (R_kj, a_j) := (c R_kj + s a_j,  c a_j - s R_kj)     for j = k+1 .. ld-1
   * </pre>
   * Columns m .. ld-1 of R are right-hand sides rotated along: with b in column m, R stays the R of
   * a QR factorisation of the rows folded in so far and column m holds Q'b; a[m .. ld) is
   * overwritten with the part of the new row's b that the rotations leave over (its contribution to
   * the residual sum of squares). a[0 .. m) is overwritten too.
   *
   * @param exactHypot true: h = {@code Math.hypot} always; false: h = sqrt(R_kk^2 + a_k^2), and
   *     {@code Math.hypot} only when that over- or underflows (several times faster, and within an
   *     ulp). The two round differently in the last bit; each caller keeps the one it was
   *     validated with (the streaming least squares the fast one, Firth's fit, whose weights reach
   *     far into the tails, {@code hypot}).
   */
  public static void givens(double[] r, int ld, int m, double[] a, boolean exactHypot) {
    for (int k = 0; k < m; k++) {
      double ak = a[k];
      if (ak == 0.0) {
        continue;
      }
      int rk = k * ld;
      double rkk = r[rk + k];
      double h;
      if (exactHypot) {
        h = Math.hypot(rkk, ak);
      } else {
        h = Math.sqrt(rkk * rkk + ak * ak);
        if (!(h > 0 && h < Double.POSITIVE_INFINITY)) {
          h = Math.hypot(rkk, ak);
        }
      }
      double c = rkk / h;
      double s = ak / h;
      r[rk + k] = h;
      for (int j = k + 1; j < ld; j++) {
        double t = r[rk + j];
        double aj = a[j];
        r[rk + j] = c * t + s * aj;
        a[j] = c * aj - s * t;
      }
    }
  }

  // ---- triangular systems ---------------------------------------------------------------------------

  /**
   * Back substitution: solves R x = b for the upper triangular leading m x m block of r (GVL
   * 3.1.2), x_i = (b_i - sum_{k &gt; i} R_ik x_k) / R_ii for i = m-1 .. 0. x may be b (in place).
   */
  public static void solveUpper(double[] r, int ld, int m, double[] b, double[] x) {
    for (int i = m - 1; i >= 0; i--) {
      double t = b[i];
      for (int k = i + 1; k < m; k++) {
        t -= r[i * ld + k] * x[k];
      }
      x[i] = t / r[i * ld + i];
    }
  }

  /**
   * Forward substitution with the transpose: solves R' x = b for the upper triangular leading m x m
   * block of r (GVL 3.1.1), x_i = (b_i - sum_{k &lt; i} R_ki x_k) / R_ii for i = 0 .. m-1. x may be
   * b (in place).
   */
  public static void solveUpperTransposed(double[] r, int ld, int m, double[] b, double[] x) {
    for (int i = 0; i < m; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= r[k * ld + i] * x[k];
      }
      x[i] = t / r[i * ld + i];
    }
  }

  /**
   * (R'R)^-1 b for the upper triangular leading m x m block of r: R' u = b forward, then R x = u
   * back. With R from a QR factorisation of X (or the Cholesky factor of A = R'R) this is the
   * solution of the normal equations X'X x = b (A x = b) without forming X'X.
   */
  public static double[] solveNormal(double[] r, int ld, int m, double[] b) {
    double[] x = new double[m];
    solveUpperTransposed(r, ld, m, b, x);
    solveUpper(r, ld, m, x, x);
    return x;
  }

  /**
   * The inverse of the upper triangular leading m x m block of r, upper triangular, m x m
   * row-major: column by column, (R^-1)_jj = 1 / R_jj and for i = j-1 .. 0
   * (R^-1)_ij = -(sum_{i &lt; k &le; j} R_ik (R^-1)_kj) / R_ii (Higham 14.2.1, method 2).
   */
  public static double[] invertUpper(double[] r, int ld, int m) {
    double[] inv = new double[m * m];
    for (int j = 0; j < m; j++) {
      inv[j * m + j] = 1.0 / r[j * ld + j];
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int k = i + 1; k <= j; k++) {
          s += r[i * ld + k] * inv[k * m + j];
        }
        inv[i * m + j] = -s / r[i * ld + i];
      }
    }
    return inv;
  }

  /**
   * U U' for the upper triangular m x m row-major u: (U U')_ij = sum_{k &ge; max(i, j)} U_ik U_jk.
   * With U = R^-1 this is (R'R)^-1, the unscaled covariance (X'X)^-1 of least squares.
   */
  public static double[] timesTranspose(double[] u, int m) {
    double[] out = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = Math.max(i, j); k < m; k++) {
          s += u[i * m + k] * u[j * m + k];
        }
        out[i * m + j] = s;
      }
    }
    return out;
  }

  /**
   * R'R for the upper triangular leading m x m block of r, m x m row-major and symmetric:
   * (R'R)_ab = sum_{k &le; min(a, b)} R_ka R_kb. With R from a QR factorisation of W^1/2 X this is
   * X'WX; its leading block is the leading block of R alone.
   */
  public static double[] transposeTimes(double[] r, int ld, int m) {
    double[] out = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double t = 0;
        for (int k = 0; k <= a; k++) {
          t += r[k * ld + a] * r[k * ld + b];
        }
        out[a * m + b] = t;
        out[b * m + a] = t;
      }
    }
    return out;
  }

  // ---- Cholesky -------------------------------------------------------------------------------------

  /**
   * The Cholesky factor of the symmetric m x m row-major a: the upper triangular R (m x m row-major,
   * zero below the diagonal) with R'R = A (GVL 4.2.5, the gaxpy form, by columns of R' = L):
   * <pre>
   * t = A_jj - sum_{k &lt; j} R_kj^2,   R_jj = sqrt(t),   R_ji = (A_ij - sum_{k &lt; j} R_ki R_kj) / R_jj  (i &gt; j)
   * </pre>
   * null when A is not numerically positive definite: some t is not finite or at most
   * {@code relTol} |A_jj|. Only the lower triangle of a is read.
   */
  public static double[] cholesky(double[] a, int m, double relTol) {
    double[] r = new double[m * m];
    for (int j = 0; j < m; j++) {
      double t = a[j * m + j];
      for (int k = 0; k < j; k++) {
        t -= r[k * m + j] * r[k * m + j];
      }
      if (!(t > relTol * Math.abs(a[j * m + j])) || !Double.isFinite(t)) {
        return null;
      }
      double rjj = Math.sqrt(t);
      r[j * m + j] = rjj;
      for (int i = j + 1; i < m; i++) {
        double u = a[i * m + j];
        for (int k = 0; k < j; k++) {
          u -= r[k * m + i] * r[k * m + j];
        }
        r[j * m + i] = u / rjj;
      }
    }
    return r;
  }

  // ---- sandwich -------------------------------------------------------------------------------------

  /**
   * The sandwich B M B of a q x q bread B (symmetric: an inverse information or (X'X)^-1) and meat
   * M (the outer products of the scores), as (B M) B, each product summed in increasing index
   * order. With B = (X'X)^-1 and M = X' diag(omega) X it is the heteroskedasticity-consistent
   * covariance of White (1980), Econometrica 48:817 (R's {@code sandwich::sandwich}).
   */
  public static double[][] sandwich(double[][] bread, double[][] meat) {
    int q = bread.length;
    double[][] bm = new double[q][q];
    for (int u = 0; u < q; u++) {
      for (int v = 0; v < q; v++) {
        double t = 0;
        for (int w = 0; w < q; w++) {
          t += bread[u][w] * meat[w][v];
        }
        bm[u][v] = t;
      }
    }
    double[][] out = new double[q][q];
    for (int u = 0; u < q; u++) {
      for (int v = 0; v < q; v++) {
        double t = 0;
        for (int w = 0; w < q; w++) {
          t += bm[u][w] * bread[w][v];
        }
        out[u][v] = t;
      }
    }
    return out;
  }
}
