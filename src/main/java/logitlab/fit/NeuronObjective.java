package logitlab.fit;

import java.util.Arrays;
import java.util.stream.IntStream;
import logitlab.data.DesignMatrix;
import logitlab.model.Activation;
import logitlab.model.Dense;
import logitlab.model.Loss;

/**
 * The mean loss the neuron minimises and its gradient, on the scale it trains on.
 * <pre>
 * s_i = (1, (x_i1 - m_1) / sd_1, ..., (x_iq - m_q) / sd_q)   standardised (m = 0, sd = 1: raw)
 * J(theta) = sum_i a_i l(y_i, theta' s_i) / sum_i a_i         l: {@link Loss}, activation inside
 * grad J(theta) = sum_i a_i l'(y_i, theta' s_i) s_i / sum_i a_i
 * </pre>
 * a_i are the design's prior weights (1 for plain 0/1 data; the number of trials for grouped
 * data, whose y_i is then a proportion), so that with the cross-entropy J is the binomial
 * negative log-likelihood per trial, minimised by the weighted GLM. Means and sds are weighted
 * the same way.
 * The standardised row s_i is computed on the fly from the row-major design; nothing n x q is
 * copied. Only the active columns are trained: the intercept and every column that is not excluded
 * (the GLM's aliased terms) and not constant. The weights map back to the original scale by
 * {@code w_j = theta_j / sd_j}, {@code w_0 = theta_0 - sum_j theta_j m_j / sd_j}.
 */
final class NeuronObjective implements BatchObjective {
  final int n;
  final int p;
  /** Number of trained weights (active columns). */
  final int q;
  private final double[] x;
  private final double[] y;
  /** Prior weights a_i and their sum. */
  private final double[] a;
  final double totalWeight;
  /** Design column of each trained weight; cols[0] = 0, the intercept. */
  final int[] cols;
  /** Per design column: the centre and 1/scale subtracted and multiplied (0 and 1 on the raw scale). */
  private final double[] centre;
  private final double[] invScale;
  /**
   * Per design column: the (weighted) mean and the population sd sqrt(sum a (x - m)^2 / sum a),
   * the n-denominator sd that standardises the inputs (as scikit-learn's StandardScaler).
   */
  final double[] mean;
  final double[] sd;
  /**
   * Per design column: the sample sd sqrt(sum a (x - m)^2 / (sum a - 1)), R's {@code sd()} for
   * unweighted rows (n - 1 denominator) and the frequency-weighted sd otherwise (as Hmisc's
   * {@code wtd.var}); the population sd when sum a is at most 1. The sd that messages quote.
   */
  final double[] sampleSd;
  /** The weighted mean of y, sum a_i y_i / sum a_i: the intercept-only fit's probability. */
  final double meanY;
  /**
   * Per trained weight: the shift c_k that {@link #gram()} and the full-batch pass subtract from x
   * (the centre, or 0 for a mostly-zero column such as a dummy, whose rows then stay sparse), and
   * delta_k = centre_k - c_k, what is left to subtract: s_ik = (x_ik - c_k - delta_k) / sd_k.
   */
  private final double[] shift;
  private final double[] delta;
  /** The trained weights k &gt;= 1 whose column the pass reads from x, their columns and shifts. */
  private final int[] denseK;
  private final int[] denseCol;
  private final double[] denseShift;
  /**
   * The other trained columns (shift 0, at least half zeros: dummies), by row, nonzeros only:
   * row i holds entries rowStart[i] .. rowStart[i + 1] - 1, weight nzK[e] with value nzX[e]. Null
   * when there are none.
   */
  private final int[] rowStart;
  private final int[] nzK;
  private final double[] nzX;
  final Loss loss;
  final Activation activation;
  final boolean standardized;
  private final DesignMatrix d;
  private final boolean[] exclude;

  private NeuronObjective(DesignMatrix d, boolean[] exclude, boolean standardize, Loss loss, Activation act) {
    this.d = d;
    this.exclude = exclude == null ? null : exclude.clone();
    n = d.n();
    p = d.p();
    x = d.x();
    y = d.y();
    a = d.weights();
    double sw = 0;
    for (double v : a) {
      sw += v;
    }
    totalWeight = sw;
    this.loss = loss;
    this.activation = act;
    this.standardized = standardize;
    mean = new double[p];
    sd = new double[p];
    sampleSd = new double[p];
    centre = new double[p];
    invScale = new double[p];
    boolean[] active = new boolean[p];
    boolean[] sparse = new boolean[p];
    boolean[] mostlyZero = new boolean[p];
    active[0] = true;
    invScale[0] = 1;
    mean[0] = 1;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sy += a[i] * y[i];
    }
    meanY = sy / totalWeight;
    // each column's sums in row order, all columns in one sweep of the row-major design
    double[] sums = new double[p];
    int[] zeroCount = new int[p];
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double ai = a[i];
      for (int j = 1; j < p; j++) {
        double v = x[off + j];
        sums[j] += ai * v;
        zeroCount[j] += v == 0 ? 1 : 0;
      }
    }
    double[] squares = new double[p];
    for (int j = 1; j < p; j++) {
      sums[j] /= totalWeight;
    }
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double ai = a[i];
      for (int j = 1; j < p; j++) {
        double t = x[off + j] - sums[j];
        squares[j] += ai * t * t;
      }
    }
    for (int j = 1; j < p; j++) {
      double m = sums[j];
      int zeros = zeroCount[j];
      double ss = squares[j];
      double s = Math.sqrt(ss / totalWeight);
      mean[j] = m;
      sd[j] = s;
      sampleSd[j] = totalWeight > 1 ? Math.sqrt(ss / (totalWeight - 1)) : s;
      active[j] = !(exclude != null && exclude[j]) && s > 0;
      if (active[j]) {
        centre[j] = standardize ? m : 0;
        invScale[j] = standardize ? 1 / s : 1;
      }
      mostlyZero[j] = 2L * zeros >= n;
      sparse[j] = mostlyZero[j] && m * m <= s * s;
    }
    cols = IntStream.range(0, p).filter(j -> active[j]).toArray();
    q = cols.length;
    shift = new double[q];
    delta = new double[q];
    int indexed = 0;
    boolean[] byRow = new boolean[q];
    for (int k = 1; k < q; k++) {
      int j = cols[k];
      shift[k] = sparse[j] ? 0 : centre[j];
      delta[k] = centre[j] - shift[k];
      byRow[k] = shift[k] == 0 && mostlyZero[j];
      indexed += byRow[k] ? 1 : 0;
    }
    denseK = IntStream.range(1, q).filter(k -> !byRow[k]).toArray();
    denseCol = new int[denseK.length];
    denseShift = new double[denseK.length];
    for (int u = 0; u < denseK.length; u++) {
      denseCol[u] = cols[denseK[u]];
      denseShift[u] = shift[denseK[u]];
    }
    if (indexed == 0) {
      rowStart = null;
      nzK = null;
      nzX = null;
    } else {
      int[] idx = IntStream.range(1, q).filter(k -> byRow[k]).toArray();
      rowStart = new int[n + 1];
      for (int i = 0; i < n; i++) {
        int c = 0;
        for (int k : idx) {
          c += x[i * p + cols[k]] != 0 ? 1 : 0;
        }
        rowStart[i + 1] = rowStart[i] + c;
      }
      nzK = new int[rowStart[n]];
      nzX = new double[rowStart[n]];
      for (int i = 0, e = 0; i < n; i++) {
        for (int k : idx) {
          double v = x[i * p + cols[k]];
          if (v != 0) {
            nzK[e] = k;
            nzX[e++] = v;
          }
        }
      }
    }
  }

  static NeuronObjective of(DesignMatrix d, boolean[] exclude, boolean standardize, Loss loss, Activation act) {
    return new NeuronObjective(d, exclude, standardize, loss, act);
  }

  /** The same objective with inputs standardised or not. */
  static NeuronObjective of(NeuronObjective f, boolean standardize) {
    return new NeuronObjective(f.d, f.exclude, standardize, f.loss, f.activation);
  }

  /** The name of design column j. */
  String term(int j) {
    return d.terms().get(j);
  }

  /** Fills s with the trained row i: s_k = (x_i,cols[k] - centre) * invScale, s_0 = 1. */
  private void row(int i, double[] s) {
    int off = i * p;
    s[0] = 1;
    for (int k = 1; k < q; k++) {
      int j = cols[k];
      s[k] = (x[off + j] - centre[j]) * invScale[j];
    }
  }

  @Override
  public int rows() {
    return n;
  }

  /**
   * J(theta); fills grad with grad J(theta). One pass over the rows, in fixed blocks of
   * {@value #BLOCK} rows that may run on several cores; each block sums its rows in order and the
   * blocks' sums are added in block order, so the result is the same on any number of cores. With
   * t_k = theta_k / sd_k and e_ik = x_ik - c_k (0 for a dummy's zeros, which are skipped):
   * <pre>
   * z_i = theta_0 - sum_k t_k delta_k + sum_k t_k e_ik                     (= theta' s_i)
   * J = sum_i a_i l(y_i, z_i) / sum a,    r_i = a_i l'(y_i, z_i),   R = sum_i r_i
   * dJ/dtheta_0 = R / sum a,   dJ/dtheta_k = (sum_i r_i e_ik - delta_k R) / (sd_k sum a)
   * </pre>
   */
  double lossAndGradient(double[] theta, double[] grad) {
    double[] t = new double[q];
    double z0 = theta[0];
    for (int k = 1; k < q; k++) {
      t[k] = theta[k] * invScale[cols[k]];
      z0 -= t[k] * delta[k];
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] sums = new double[blocks][q + 1];
    double start = z0;
    if (blocks == 1) {
      pass(0, n, t, start, sums[0]);
    } else {
      IntStream.range(0, blocks).parallel()
          .forEach(b -> pass(b * BLOCK, Math.min(n, (b + 1) * BLOCK), t, start, sums[b]));
    }
    double[] total = new double[q + 1];
    for (double[] block : sums) {
      for (int k = 0; k <= q; k++) {
        total[k] += block[k];
      }
    }
    double r = total[1];
    grad[0] = r / totalWeight;
    for (int k = 1; k < q; k++) {
      grad[k] = (total[k + 1] - delta[k] * r) * invScale[cols[k]] / totalWeight;
    }
    return total[0] / totalWeight;
  }

  /** Rows per block of the full-batch pass. */
  static final int BLOCK = 4096;

  /**
   * Rows from..to-1 of {@link #lossAndGradient}: out[0] += sum a_i l_i, out[1] += R,
   * out[1 + k] += sum r_i e_ik.
   */
  private void pass(int from, int to, double[] t, double z0, double[] out) {
    int dense = denseK.length;
    double[] td = new double[dense]; // t and the sums of the dense columns, compact
    for (int u = 0; u < dense; u++) {
      td[u] = t[denseK[u]];
    }
    double[] e = new double[dense];
    double[] hd = new double[dense];
    double[] h = new double[q];
    double[] dz = new double[1];
    double l = 0;
    double rs = 0;
    for (int i = from; i < to; i++) {
      int off = i * p;
      double z = z0;
      for (int u = 0; u < dense; u++) {
        double v = x[off + denseCol[u]] - denseShift[u];
        e[u] = v;
        z += td[u] * v;
      }
      int nzFrom = rowStart == null ? 0 : rowStart[i];
      int nzTo = rowStart == null ? 0 : rowStart[i + 1];
      for (int c = nzFrom; c < nzTo; c++) {
        z += t[nzK[c]] * nzX[c];
      }
      double ai = a[i];
      l += ai * loss.valueAndDerivative(y[i], z, activation, dz);
      double r = ai * dz[0];
      rs += r;
      for (int u = 0; u < dense; u++) {
        hd[u] += r * e[u];
      }
      for (int c = nzFrom; c < nzTo; c++) {
        h[nzK[c]] += r * nzX[c];
      }
    }
    for (int u = 0; u < dense; u++) {
      h[denseK[u]] += hd[u];
    }
    out[0] += l;
    out[1] += rs;
    for (int k = 1; k < q; k++) {
      out[k + 1] += h[k];
    }
  }

  /** J(theta) only. */
  double loss(double[] theta) {
    double[] s = new double[q];
    double l = 0;
    for (int i = 0; i < n; i++) {
      row(i, s);
      double z = Dense.dot(theta, s, q);
      l += a[i] * loss.value(y[i], z, activation);
    }
    return l / totalWeight;
  }

  /**
   * An unbiased estimate of grad J from rows order[from..to), b of them:
   * (1/(b abar)) sum a_i l'(y_i, theta' s_i) s_i with abar = sum_i a_i / n (the plain mean over
   * the batch when every a_i = 1). {@code s} is scratch space of length q.
   */
  @Override
  public void batchGradient(double[] theta, int[] order, int from, int to, double[] grad, double[] s) {
    Arrays.fill(grad, 0);
    for (int t = from; t < to; t++) {
      int i = order[t];
      row(i, s);
      double z = Dense.dot(theta, s, q);
      double r = a[i] * loss.derivative(y[i], z, activation);
      for (int k = 0; k < q; k++) {
        grad[k] += r * s[k];
      }
    }
    double b = (to - from) * totalWeight / n;
    for (int k = 0; k < q; k++) {
      grad[k] /= b;
    }
  }

  /** The trained weights theta on the original scale, length p, NaN for the columns left out. */
  double[] toOriginal(double[] theta) {
    double[] w = new double[p];
    Arrays.fill(w, Double.NaN);
    double w0 = theta[0];
    for (int k = 1; k < q; k++) {
      int j = cols[k];
      w[j] = theta[k] * invScale[j];
      w0 -= theta[k] * invScale[j] * centre[j];
    }
    w[0] = w0;
    return w;
  }

  /**
   * Fractions of rows (weighted) with |u| above {@code limit}, where sigma'(u) is tiny: [0] all
   * such rows, [1] those among them on the wrong side (u &gt; 0 for y = 0, u &lt; 0 for y = 1, or
   * for a proportion y: u on the other side of 0 than y of 1/2), confidently wrong.
   */
  double[] saturatedFractions(double[] theta, double limit) {
    return saturation(linearPredictors(theta), limit);
  }

  /** z_i = theta' s_i for every row, as {@link #lossAndGradient} computes it (dummies' zeros skipped). */
  double[] linearPredictors(double[] theta) {
    double[] t = new double[q];
    double z0 = theta[0];
    for (int k = 1; k < q; k++) {
      t[k] = theta[k] * invScale[cols[k]];
      z0 -= t[k] * delta[k];
    }
    double[] z = new double[n];
    int dense = denseK.length;
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double zi = z0;
      for (int u = 0; u < dense; u++) {
        zi += t[denseK[u]] * (x[off + denseCol[u]] - denseShift[u]);
      }
      if (rowStart != null) {
        for (int c = rowStart[i]; c < rowStart[i + 1]; c++) {
          zi += t[nzK[c]] * nzX[c];
        }
      }
      z[i] = zi;
    }
    return z;
  }

  private double[] saturation(double[] z, double limit) {
    double count = 0;
    double wrong = 0;
    double scale = activation.logitScale();
    for (int i = 0; i < n; i++) {
      double u = scale * z[i];
      if (Math.abs(u) > limit) {
        count += a[i];
        if (u > 0 ? y[i] < 0.5 : y[i] > 0.5) {
          wrong += a[i];
        }
      }
    }
    return new double[] {count / totalWeight, wrong / totalWeight};
  }

  /**
   * {@link #saturatedFractions} for weights w on the original scale (NaN weights left out):
   * u_i = a sum_j w_j x_ij.
   */
  double[] saturatedFractionsOriginal(double[] w, double limit) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = Dense.linearPredictor(x, i * p, w);
    }
    return saturation(z, limit);
  }

  /** The eigenvalues of S'AS / sum(a) (trained columns, A = diag(a)), ascending. */
  double[] gramEigenvalues() {
    return Gram.of(gram()).eigenvalues();
  }

  /**
   * G = S'AS / sum(a), the Gram matrix of the trained inputs (A = diag(a)), q x q. With
   * s_ik = (x_ik - m_k) / sd_k (m_k the centre: the mean, or 0 on raw inputs) it is accumulated from
   * shifted values e_ik = x_ik - c_k, skipping the exact zeros, with c_k = m_k, or c_k = 0 for a
   * column of mostly zeros whose mean is at most its sd (a dummy: its rows stay sparse, so a
   * 300-level factor costs 3 products a row instead of 45,000):
   * <pre>
   * sum_i a_i (e_iu - d_u)(e_iv - d_v) = sum_i a_i e_iu e_iv - d_v E_u - d_u E_v + sum(a) d_u d_v
   * d_k = m_k - c_k,  E_k = sum_i a_i e_ik,   G_uv = that / (sd_u sd_v sum(a))
   * </pre>
   * A shift of 0 is used only where m_k^2 &lt;= sd_k^2, so sum a e^2 is at most twice the centred sum
   * and the subtraction loses at most one bit. The rows are summed in fixed blocks (at most
   * {@value #GRAM_BUDGET} partial sums in all), on several cores, and the blocks in order: the
   * same result on any number of cores.
   */
  double[][] gram() {
    // fixed row blocks, at most GRAM_BUDGET doubles of partial sums in all; summed in block order
    int blocks = (int) Math.max(1, Math.min((n + (long) BLOCK - 1) / BLOCK, GRAM_BUDGET / ((long) q * q + q)));
    int rowsPerBlock = (int) ((n + (long) blocks - 1) / blocks);
    double[][] part = new double[blocks][];
    if (blocks == 1) {
      part[0] = gramRows(0, n);
    } else {
      IntStream.range(0, blocks).parallel()
          .forEach(b -> part[b] = gramRows(b * rowsPerBlock, Math.min(n, (b + 1) * rowsPerBlock)));
    }
    double[] total = part[0];
    for (int b = 1; b < blocks; b++) {
      for (int k = 0; k < total.length; k++) {
        total[k] += part[b][k];
      }
    }
    double[] acc = total;
    int qq = q * q;
    double[][] g = new double[q][q];
    for (int u = 0; u < q; u++) {
      double su = u == 0 ? 1 : invScale[cols[u]];
      for (int v = u; v < q; v++) {
        double sv = v == 0 ? 1 : invScale[cols[v]];
        double c = acc[u * q + v] - delta[v] * acc[qq + u] - delta[u] * acc[qq + v]
            + totalWeight * delta[u] * delta[v];
        g[u][v] = c * su * sv / totalWeight;
        g[v][u] = g[u][v];
      }
    }
    return g;
  }

  /** The most partial sums (doubles) the Gram matrix's row blocks may hold: 64 MB. */
  static final long GRAM_BUDGET = 1L << 23;

  /**
   * Rows from..to-1 of {@link #gram()}: sum a e_u e_v (u &lt;= v) at [u q + v], sum a e_u at
   * [q q + u].
   */
  private double[] gramRows(int from, int to) {
    double[] acc = new double[q * q + q];
    int sumsAt = q * q;
    double[] e = new double[q];
    int[] nz = new int[q];
    for (int i = from; i < to; i++) {
      int off = i * p;
      double ai = a[i];
      int m = 0;
      for (int k = 0; k < q; k++) {
        double v = k == 0 ? 1 : x[off + cols[k]] - shift[k];
        if (v != 0) {
          e[m] = v;
          nz[m++] = k;
        }
      }
      if (m == q) { // a dense row: the same sums without the index (a loop the JIT vectorises)
        for (int u = 0; u < q; u++) {
          double w = ai * e[u];
          int row = u * q;
          acc[sumsAt + u] += w;
          for (int v = u; v < q; v++) {
            acc[row + v] += w * e[v];
          }
        }
        continue;
      }
      for (int u = 0; u < m; u++) {
        double w = ai * e[u];
        int row = nz[u] * q;
        acc[sumsAt + nz[u]] += w;
        for (int v = u; v < m; v++) {
          acc[row + nz[v]] += w * e[v];
        }
      }
    }
    return acc;
  }

  /**
   * sum_i a_i ||s_i||_1 / sum_i a_i, the mean absolute row sum: how far z moves when every weight
   * moves by 1.
   */
  double meanRowL1() {
    double[] s = new double[q];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      row(i, s);
      for (int k = 0; k < q; k++) {
        sum += a[i] * Math.abs(s[k]);
      }
    }
    return sum / totalWeight;
  }

  /**
   * max_i (a_i / abar) ||s_i||^2, abar = sum(a) / n: the largest curvature factor of one row's term
   * in the stochastic gradient (the squared row norm when every a_i = 1).
   */
  double maxRowNormSquared() {
    double[] s = new double[q];
    double max = 0;
    double abar = totalWeight / n;
    for (int i = 0; i < n; i++) {
      row(i, s);
      double r = 0;
      for (int k = 0; k < q; k++) {
        r += s[k] * s[k];
      }
      max = Math.max(max, a[i] / abar * r);
    }
    return max;
  }
}
