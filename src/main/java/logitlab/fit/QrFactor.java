package logitlab.fit;

import java.util.Arrays;
import logitlab.model.Dense;

/**
 * Weighted least squares by a tall-skinny QR factorisation (TSQR) over row blocks, with R's
 * rank-revealing rule for aliased (exactly collinear) columns: a mergeable accumulator of plain
 * data (the triangular factor and a sum of squares), as a cluster engine's tree aggregation needs.
 * <pre>
 * block:  [sqrt(w) X | sqrt(w) z] = Q [R | Q'z; 0 | e]   (Householder, of the block's m rows)
 *         rss = |e|^2                                    (what R cannot explain)
 * merge:  QR of [R_1 | c_1; R_2 | c_2]  by Givens rotations of R_2's rows into R_1, rss = rss_1 + rss_2 + leftovers
 * solve:  dqrdc2's limited pivoting on the final R, then R_11 beta = (Q'z)_1
 * </pre>
 * Because every step is an orthogonal transformation of the rows, the final R satisfies
 * R'R = X'WX and Q'z is that of the whole stack, without ever forming X'WX (which would square the
 * condition number); the result depends on the block partition only in the rounding, and the
 * partition and the merge order are fixed ({@link logitlab.data.Parallel}), so it is the same on
 * any number of cores. Memory per accumulator O(q^2), time O(n q^2). Householder reflections as
 * LAPACK's {@code dgeqr2}/{@code dlarfg} build them (Golub &amp; Van Loan, Matrix Computations, 4th
 * ed., 5.1.2-5.1.3 and 5.2.2); the merge folds rows as in updating a QR factorisation (ibid. 6.5.3,
 * {@link Dense#givens}); TSQR: Demmel, Grigori, Hoemmen &amp; Langou (2012), Communication-optimal
 * parallel and sequential QR and LU factorizations, SIAM J. Sci. Comput. 34(1), A206-A239.
 *
 * <p>{@link #solve(double)} then applies the limited column pivoting of LINPACK {@code dqrdc2} as R
 * modifies it for {@code lm} and {@code glm} to that small {@code R}: a column whose norm, after
 * removing its projection on the columns before it, falls below {@code tol} times its original norm
 * is moved to the end and declared aliased. Because {@code X = QR} with orthogonal {@code Q}, the
 * column norms of {@code R} and of the partially reduced matrices equal those of {@code X}, so the
 * decisions are those R makes on the full matrix. R uses {@code tol = 1e-7} in {@code lm} and
 * {@code min(1e-7, epsilon / 1000)} in {@code glm.fit}.
 *
 * @param q number of columns (the right-hand side not counted)
 * @param r row-major q x (q + 1): R in the upper triangle of columns 0 .. q-1, Q'z in column q
 * @param rss the part of |z|^2 the rows' R cannot reach (the residual sum of squares of the
 *     unpivoted fit)
 */
record QrFactor(int q, double[] r, double rss) implements java.io.Serializable {
  /**
   * Columns per panel of {@link #ofBlock}: the reflections of a panel are applied to each column
   * right of it while that column stays in cache (a design of up to this many columns is one
   * panel).
   */
  static final int PANEL = 16;

  private static final ThreadLocal<double[][]> SCRATCH = new ThreadLocal<>();

  /**
   * Columns for a block to be factored on this thread: {@code cols} arrays of at least m entries,
   * reused from the thread's last call (so that a pass does not allocate a copy of the design); the
   * caller fills rows 0 .. m-1 of every column, and {@link #ofBlock} overwrites them.
   */
  static double[][] scratch(int cols, int m) {
    double[][] s = SCRATCH.get();
    if (s == null || s.length != cols || s[0].length < m) {
      s = new double[cols][Math.max(m, 1)];
      SCRATCH.set(s);
    }
    return s;
  }

  /** The factor of no rows. */
  static QrFactor empty(int q) {
    return new QrFactor(q, new double[q * (q + 1)], 0);
  }

  /**
   * The factor of an m x (q + 1) block given by its columns {@code c[0 .. q]} (column q the
   * right-hand side; each at least m long), by Householder reflections (overwrites the columns):
   * for k = 0 .. min(m, q) - 1, with x the part of column k from row k down, alpha = x_0 (LAPACK
   * {@code dlarfg}),
   * <pre>
   * beta = -sign(alpha) |x|,  tau = (beta - alpha) / beta,  v = (1, x_1..x_end / (alpha - beta))
   * column j &gt; k:  c_j := c_j - s v,  s = tau (c_jk + sum_{t &gt; k} v_t c_jt)
   * </pre>
   * and no reflection where x below its first entry is 0. Sums of squares are scaled when they
   * would over- or underflow. One pass per column and step: while column j is updated with
   * reflection k, its inner product with the next reflection's v (known as soon as column k + 1 is
   * updated) is summed on the fly, in four interleaved partial sums, for step k + 1 to use.
   */
  static QrFactor ofBlock(double[][] c, int m, int q) {
    int cols = q + 1;
    int kmax = Math.min(m, q);
    double[] taus = new double[kmax];
    for (int k0 = 0; k0 < kmax; k0 += PANEL) {
      int k1 = Math.min(k0 + PANEL, kmax);
      int last = k1 == kmax ? cols : k1; // the last panel takes the remaining columns along
      panel(c, m, k0, k1, last, taus);
      for (int j = last; j < cols; j++) {
        applyPanel(c, m, k0, k1, taus, c[j]);
      }
    }
    double[] r = new double[q * cols];
    for (int i = 0; i < kmax; i++) {
      for (int j = i; j < cols; j++) {
        r[i * cols + j] = c[j][i];
      }
    }
    double rss = 0;
    for (int i = q; i < m; i++) {
      double t = c[q][i];
      rss += t * t;
    }
    return new QrFactor(q, r, rss);
  }

  /**
   * Reflections k0 .. k1-1 of columns k0 .. k1-1, applied to columns k0 .. last-1 (columns k0 ..
   * last-1 already carry the reflections before k0); their tau into {@code taus}, their v below the
   * diagonal of their columns.
   */
  private static void panel(double[][] c, int m, int k0, int k1, int last, double[] taus) {
    double[] v = new double[m];
    double[] vNext = new double[m];
    double[] d = new double[last]; // d[j] = sum_{t > k} v_t c_jt, for the current step k
    double[] dNext = new double[last];
    double tau = reflector(c[k0], k0, m, v);
    if (tau != 0) {
      for (int j = k0 + 1; j < last; j++) {
        d[j] = dot(v, c[j], k0 + 1, m);
      }
    }
    for (int k = k0; k < k1; k++) {
      taus[k] = tau;
      if (k + 1 >= last) {
        break;
      }
      double[] c1 = c[k + 1];
      if (tau != 0) {
        double s = tau * (c1[k] + d[k + 1]);
        c1[k] -= s;
        for (int t = k + 1; t < m; t++) {
          c1[t] -= s * v[t];
        }
      }
      double tauNext = k + 1 < k1 ? reflector(c1, k + 1, m, vNext) : 0;
      int j = k + 2;
      for (; j < last; j++) {
        double[] cj = c[j];
        double s = tau != 0 ? tau * (cj[k] + d[j]) : 0;
        if (s != 0) {
          cj[k] -= s;
          cj[k + 1] -= s * v[k + 1];
        }
        if (s != 0 && tauNext != 0 && j + 1 < last) {
          // two columns in one pass: v and vNext are read once for both
          double[] cj2 = c[j + 1];
          double s2 = tau * (cj2[k] + d[j + 1]);
          cj2[k] -= s2;
          cj2[k + 1] -= s2 * v[k + 1];
          updateAndDot2(cj, s, cj2, s2, v, vNext, k + 2, m, dNext, j);
          j++;
          continue;
        }
        dNext[j] = tauNext == 0 ? 0 : updateAndDot(cj, s, v, vNext, k + 2, m);
        if (tauNext == 0 && s != 0) {
          for (int t = k + 2; t < m; t++) {
            cj[t] -= s * v[t];
          }
        }
      }
      double[] tv = v;
      v = vNext;
      vNext = tv;
      double[] td = d;
      d = dNext;
      dNext = td;
      tau = tauNext;
    }
  }

  /**
   * Applies reflections k0 .. k1-1 (v below the diagonal of columns k0 .. k1-1) to one column
   * right of the panel, one pass over it per reflection while it stays in cache: the update by
   * reflection r is fused with the inner product for reflection r + 1.
   */
  private static void applyPanel(double[][] c, int m, int k0, int k1, double[] taus, double[] cj) {
    double d = taus[k0] != 0 ? dot(c[k0], cj, k0 + 1, m) : 0;
    for (int r = k0; r < k1; r++) {
      double tau = taus[r];
      boolean next = r + 1 < k1 && taus[r + 1] != 0;
      if (tau == 0) {
        d = next ? dot(c[r + 1], cj, r + 2, m) : 0;
        continue;
      }
      double[] v = c[r];
      double s = tau * (cj[r] + d);
      cj[r] -= s;
      if (r + 1 < m) {
        cj[r + 1] -= s * v[r + 1];
      }
      if (next) {
        d = updateAndDot(cj, s, v, c[r + 1], r + 2, m);
      } else {
        for (int t = r + 2; t < m; t++) {
          cj[t] -= s * v[t];
        }
      }
    }
  }

  /**
   * The reflection that zeroes column {@code col} below row k: scales col[k+1 ..) into v (also
   * copied to {@code v}), sets col[k] = beta and returns tau; 0 (no reflection) when col is 0
   * below row k.
   */
  private static double reflector(double[] col, int k, int m, double[] v) {
    double alpha = col[k];
    double xnorm = norm(col, k + 1, m - k - 1);
    if (xnorm == 0) {
      return 0;
    }
    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
    double scal = 1 / (alpha - beta);
    for (int t = k + 1; t < m; t++) {
      double u = col[t] * scal;
      col[t] = u;
      v[t] = u;
    }
    col[k] = beta;
    return (beta - alpha) / beta;
  }

  /** c[t] -= s v[t] for t in [from, m) (skipped when s = 0), and sum_t w[t] c[t] of the new c. */
  private static double updateAndDot(double[] c, double s, double[] v, double[] w, int from, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = from;
    if (s == 0) {
      return dot(w, c, from, m);
    }
    for (; t + 3 < m; t += 4) {
      double c0 = c[t] - s * v[t];
      double c1 = c[t + 1] - s * v[t + 1];
      double c2 = c[t + 2] - s * v[t + 2];
      double c3 = c[t + 3] - s * v[t + 3];
      c[t] = c0;
      c[t + 1] = c1;
      c[t + 2] = c2;
      c[t + 3] = c3;
      s0 += w[t] * c0;
      s1 += w[t + 1] * c1;
      s2 += w[t + 2] * c2;
      s3 += w[t + 3] * c3;
    }
    for (; t < m; t++) {
      double c0 = c[t] - s * v[t];
      c[t] = c0;
      s0 += w[t] * c0;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@link #updateAndDot} of two columns in one pass, their sums into dNext[j] and dNext[j + 1]. */
  private static void updateAndDot2(double[] c, double s, double[] e, double se, double[] v, double[] w,
      int from, int m, double[] dNext, int j) {
    double a0 = 0;
    double a1 = 0;
    double b0 = 0;
    double b1 = 0;
    int t = from;
    for (; t + 1 < m; t += 2) {
      double v0 = v[t];
      double v1 = v[t + 1];
      double w0 = w[t];
      double w1 = w[t + 1];
      double c0 = c[t] - s * v0;
      double c1 = c[t + 1] - s * v1;
      double e0 = e[t] - se * v0;
      double e1 = e[t + 1] - se * v1;
      c[t] = c0;
      c[t + 1] = c1;
      e[t] = e0;
      e[t + 1] = e1;
      a0 += w0 * c0;
      a1 += w1 * c1;
      b0 += w0 * e0;
      b1 += w1 * e1;
    }
    for (; t < m; t++) {
      double c0 = c[t] - s * v[t];
      double e0 = e[t] - se * v[t];
      c[t] = c0;
      e[t] = e0;
      a0 += w[t] * c0;
      b0 += w[t] * e0;
    }
    dNext[j] = a0 + a1;
    dNext[j + 1] = b0 + b1;
  }

  /** sum_{from &le; t &lt; m} w[t] c[t], in four interleaved partial sums. */
  private static double dot(double[] w, double[] c, int from, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = from;
    for (; t + 3 < m; t += 4) {
      s0 += w[t] * c[t];
      s1 += w[t + 1] * c[t + 1];
      s2 += w[t + 2] * c[t + 2];
      s3 += w[t + 3] * c[t + 3];
    }
    for (; t < m; t++) {
      s0 += w[t] * c[t];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * The factor of the rows of {@code top} followed by those of {@code bottom}: bottom's R rows (with
   * their Q'z entries) folded into a copy of top's R by Givens rotations ({@link Dense#givens}).
   *
   * @param exactHypot as {@link Dense#givens}: {@code Math.hypot} always (far tails) or only on
   *     over- and underflow
   */
  static QrFactor merge(QrFactor top, QrFactor bottom, boolean exactHypot) {
    int q = top.q;
    if (bottom.q != q) {
      throw new IllegalArgumentException("factors of " + q + " and " + bottom.q + " columns");
    }
    int ld = q + 1;
    double[] r = top.r.clone();
    double rss = top.rss + bottom.rss;
    double[] row = new double[ld];
    for (int i = 0; i < q; i++) {
      boolean any = false;
      for (int j = 0; j < ld; j++) {
        row[j] = j < i ? 0 : bottom.r[i * ld + j];
        any |= row[j] != 0;
      }
      if (!any) {
        continue;
      }
      Dense.givens(r, ld, q, row, exactHypot);
      rss += row[q] * row[q];
    }
    return new QrFactor(q, r, rss);
  }

  /** {@link #merge(QrFactor, QrFactor, boolean)} with the fast hypotenuse. */
  static QrFactor merge(QrFactor top, QrFactor bottom) {
    return merge(top, bottom, false);
  }

  /** |R_kk| for k &lt; q: the diagonal of R up to sign. */
  double diagonal(int k) {
    return Math.abs(r[k * (q + 1) + k]);
  }

  /** |a[from .. from+len)|, scaled when the plain sum of squares over- or underflows. */
  private static double norm(double[] a, int from, int len) {
    double s = dot(a, a, from, from + len);
    if (s >= 0x1p-960 && s <= 0x1p960) {
      return Math.sqrt(s);
    }
    double scale = 0;
    for (int i = from; i < from + len; i++) {
      scale = Math.max(scale, Math.abs(a[i]));
    }
    if (scale == 0 || !Double.isFinite(scale)) {
      return scale;
    }
    double t = 0;
    for (int i = from; i < from + len; i++) {
      double u = a[i] / scale;
      t += u * u;
    }
    return scale * Math.sqrt(t);
  }

  /**
   * Solves the least squares problem accumulated so far.
   *
   * @param tol relative tolerance for declaring a column aliased (R: 1e-7 for lm)
   */
  Solution solve(double tol) {
    int p = q;
    // Column-major copy of R so that column operations are contiguous.
    double[][] col = new double[p][p];
    double[] qz = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        col[j][i] = r[i * (q + 1) + j];
      }
      qz[i] = r[i * (q + 1) + q];
    }
    int[] pivot = new int[p];
    double[] original = new double[p];
    for (int j = 0; j < p; j++) {
      pivot[j] = j;
      double nrm = columnNorm(col[j], 0);
      original[j] = nrm == 0 ? 1.0 : nrm;
    }
    int k = p; // columns 0..k-1 are candidates; k..p-1 have been moved to the end as aliased
    for (int l = 0; l < p; l++) {
      while (l < k && columnNorm(col[l], l) < original[l] * tol) {
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
      double alpha = columnNorm(v, l);
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

  private static double columnNorm(double[] v, int from) {
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
      double[][] aliasCombination) implements java.io.Serializable {}
}
