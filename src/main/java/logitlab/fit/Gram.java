package logitlab.fit;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * The Gram matrix G = S'AS / sum(a) of the neuron's trained inputs ({@link NeuronObjective#gram()}),
 * its eigenvalues, and the metric that {@code --optimizer preconditioned} measures steps in.
 * <pre>
 * G = V diag(lambda) V'                          (symmetric eigendecomposition, lambda ascending)
 * G^+ = V diag(1/lambda_k if lambda_k &gt; q eps lambda_max, else 0) V'    (pseudo-inverse)
 * ||d||_G = sqrt(d' G d) = sqrt(sum_i a_i (d's_i)^2 / sum a)             (RMS change of z = theta's)
 * </pre>
 * The cut q eps lambda_max (eps = 2^-52) is that of numpy's {@code pinv} and of LAPACK's rank
 * decisions: a direction with a smaller eigenvalue is one along which the columns are collinear to
 * rounding error, and no step is taken along it. Golub and Van Loan, Matrix Computations, 4th ed.,
 * 2013, 5.5.4.
 */
final class Gram {
  final int q;
  /** G, row-major, q x q. */
  private final double[] g;
  /** The eigenvalues in the decomposition's order, and sorted ascending. */
  private final double[] unsorted;
  private final double[] eigenvalues;
  /** The eigenvectors, as columns: vectors[u][k] is entry u of eigenvector k. */
  private final double[][] vectors;
  private double[] pinv;

  private Gram(double[][] g) {
    q = g.length;
    this.g = new double[q * q];
    for (int u = 0; u < q; u++) {
      System.arraycopy(g[u], 0, this.g, u * q, q);
    }
    EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(g));
    double[] ev = e.getRealEigenvalues();
    this.eigenvalues = ev.clone();
    Arrays.sort(this.eigenvalues);
    this.vectors = e.getV().getData();
    this.unsorted = ev;
  }

  static Gram of(double[][] g) {
    return new Gram(g);
  }

  /** The eigenvalues of G, ascending. */
  double[] eigenvalues() {
    return eigenvalues.clone();
  }

  /** out = G^+ v. */
  void solve(double[] v, double[] out) {
    if (pinv == null) {
      pinv = pseudoInverse();
    }
    for (int u = 0; u < q; u++) {
      double s = 0;
      int row = u * q;
      for (int k = 0; k < q; k++) {
        s += pinv[row + k] * v[k];
      }
      out[u] = s;
    }
  }

  /** ||d||_G = sqrt(d' G d). */
  double norm(double[] d) {
    double s = 0;
    for (int u = 0; u < q; u++) {
      double t = 0;
      int row = u * q;
      for (int k = 0; k < q; k++) {
        t += g[row + k] * d[k];
      }
      s += d[u] * t;
    }
    return Math.sqrt(Math.max(0, s));
  }

  private double[] pseudoInverse() {
    double max = eigenvalues[q - 1];
    double cut = q * Math.ulp(1.0) * max;
    double[] inv = new double[q * q];
    double[] vk = new double[q];
    for (int k = 0; k < q; k++) {
      double l = unsorted[k];
      if (!(l > cut)) {
        continue;
      }
      for (int u = 0; u < q; u++) {
        vk[u] = vectors[u][k];
      }
      for (int u = 0; u < q; u++) {
        double vu = vk[u] / l;
        int row = u * q;
        for (int v = 0; v < q; v++) {
          inv[row + v] += vu * vk[v];
        }
      }
    }
    // exactly symmetric, so that the metric is
    for (int u = 0; u < q; u++) {
      for (int v = u + 1; v < q; v++) {
        double m = (inv[u * q + v] + inv[v * q + u]) / 2;
        inv[u * q + v] = m;
        inv[v * q + u] = m;
      }
    }
    return inv;
  }
}
