package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.model.Logistic;
import logitlab.model.NeuronFit;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * One sigmoid neuron trained by full-batch gradient descent on the mean cross-entropy.
 * <pre>
 * inputs standardised:  s_ij = (x_ij - m_j) / sd_j   (intercept column kept as 1)
 * model:  mu_i = sigma(gamma' s_i)
 * loss:   J(gamma) = (1/n) sum_i [ log(1 + exp(gamma' s_i)) - y_i gamma' s_i ]
 * step:   gamma := gamma - lr * grad J,   grad J = (1/n) S'(mu - y)
 * </pre>
 * J is convex with Hessian (1/n) S' diag(mu(1-mu)) S &lt;= S'S / (4n), so its gradient is
 * L-Lipschitz with L = lambda_max(S'S) / (4n) and the fixed step 1/L decreases J at every epoch
 * (Nesterov, Introductory Lectures on Convex Optimization, 2004, 2.1.5). Training stops when
 * ||grad J|| falls below the tolerance. The weights are then mapped back to the original scale,
 * {@code w_j = gamma_j / sd_j}, {@code w_0 = gamma_0 - sum_j gamma_j m_j / sd_j}, where they
 * estimate the logistic GLM's coefficients.
 *
 * <p>Columns the caller excludes (the GLM's aliased terms) and constant columns are left out and
 * get NaN weights.
 */
public final class NeuronFitter {
  /** Loss growth for this many consecutive epochs counts as divergence. */
  private static final int DIVERGENCE_PATIENCE = 10;

  private NeuronFitter() {}

  public static NeuronFit fit(DesignMatrix d, NeuronOptions opt, boolean[] exclude) {
    Preconditions.check(d);
    int n = d.n();
    int p = d.p();
    double[] x = d.x();
    double[] y = d.y();
    // Active columns: the intercept (column 0) and every non-excluded, non-constant column.
    double[] mean = new double[p];
    double[] invSd = new double[p];
    boolean[] active = new boolean[p];
    active[0] = true;
    invSd[0] = 1;
    for (int j = 1; j < p; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i * p + j];
      }
      m /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double t = x[i * p + j] - m;
        ss += t * t;
      }
      double sd = Math.sqrt(ss / n);
      mean[j] = m;
      active[j] = !(exclude != null && exclude[j]) && sd > 0;
      invSd[j] = active[j] ? 1 / sd : 0;
    }
    int[] cols = java.util.stream.IntStream.range(0, p).filter(j -> active[j]).toArray();
    int q = cols.length;

    double autoLr = 1.0 / lipschitz(x, n, p, cols, mean, invSd);
    double lr = opt.autoLearningRate() ? autoLr : opt.learningRate();
    double[] gamma = new double[q];
    double[] grad = new double[q];
    double[] s = new double[q];
    double loss = Double.NaN;
    double gnorm = Double.NaN;
    String stop = "max-epochs";
    int epoch = 0;
    int rising = 0;
    double prevLoss = Double.POSITIVE_INFINITY;
    double initialLoss = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    double[] best = gamma.clone();
    double bestGnorm = Double.NaN;
    while (true) {
      // one pass: loss and gradient at gamma
      Arrays.fill(grad, 0);
      double l = 0;
      for (int i = 0; i < n; i++) {
        int off = i * p;
        double eta = 0;
        for (int k = 0; k < q; k++) {
          int j = cols[k];
          s[k] = j == 0 ? 1 : (x[off + j] - mean[j]) * invSd[j];
          eta += gamma[k] * s[k];
        }
        double r = Logistic.sigmoid(eta) - y[i];
        l += Logistic.crossEntropy(y[i], eta);
        for (int k = 0; k < q; k++) {
          grad[k] += r * s[k];
        }
      }
      loss = l / n;
      double g2 = 0;
      for (int k = 0; k < q; k++) {
        grad[k] /= n;
        g2 += grad[k] * grad[k];
      }
      gnorm = Math.sqrt(g2);
      if (epoch == 0) {
        initialLoss = loss;
      }
      rising = loss > prevLoss ? rising + 1 : 0;
      prevLoss = loss;
      // Divergence: a non-finite loss, a loss clearly above the starting one (gradient descent
      // with a step below 2/L never rises above it), or a loss rising for several epochs in a row.
      if (!Double.isFinite(loss) || !Double.isFinite(gnorm)
          || loss > initialLoss + Math.max(1, initialLoss) || rising >= DIVERGENCE_PATIENCE) {
        stop = "divergence";
        break;
      }
      if (loss <= bestLoss) {
        bestLoss = loss;
        best = gamma.clone();
        bestGnorm = gnorm;
      }
      if (gnorm < opt.tolerance()) {
        stop = "tolerance";
        break;
      }
      if (epoch >= opt.maxEpochs()) {
        break;
      }
      for (int k = 0; k < q; k++) {
        gamma[k] -= lr * grad[k];
      }
      epoch++;
    }
    List<String> warnings = new ArrayList<>();
    if (stop.equals("divergence")) {
      // report the best weights seen, never the diverged ones
      gamma = best;
      loss = bestLoss;
      gnorm = bestGnorm;
      warnings.add(String.format(Locale.ROOT,
          "the neuron's training diverged at epoch %d with learning rate %.4g (the loss grew instead "
              + "of falling); its weights are those of the lowest loss seen. Try --learning-rate %.4g "
              + "(1/L, the largest step that is safe for this data) or leave it at auto",
          epoch, lr, autoLr));
    } else if (stop.equals("max-epochs")) {
      warnings.add(String.format(Locale.ROOT,
          "the neuron stopped at the epoch limit (%d) before its gradient norm (%.3g) fell below %.3g; "
              + "its weights have not reached the optimum: raise --max-epochs",
          epoch, gnorm, opt.tolerance()));
    }
    // back to the original scale
    double[] w = new double[p];
    Arrays.fill(w, Double.NaN);
    double w0 = 0;
    for (int k = 0; k < q; k++) {
      int j = cols[k];
      if (j == 0) {
        w0 += gamma[k];
      } else {
        w[j] = gamma[k] * invSd[j];
        w0 -= gamma[k] * invSd[j] * mean[j];
      }
    }
    w[0] = w0;
    double[] fitted = LinearPredictor.of(d, w);
    for (int i = 0; i < n; i++) {
      fitted[i] = Logistic.sigmoid(fitted[i]);
    }
    return new NeuronFit(d.terms(), w, epoch, loss, gnorm, lr, "tolerance".equals(stop), stop, warnings,
        fitted);
  }

  /** L = lambda_max(S'S / n) / 4 for the standardised active columns. */
  private static double lipschitz(double[] x, int n, int p, int[] cols, double[] mean, double[] invSd) {
    int q = cols.length;
    double[][] g = new double[q][q];
    double[] s = new double[q];
    for (int i = 0; i < n; i++) {
      int off = i * p;
      for (int k = 0; k < q; k++) {
        int j = cols[k];
        s[k] = j == 0 ? 1 : (x[off + j] - mean[j]) * invSd[j];
      }
      for (int a = 0; a < q; a++) {
        for (int b = a; b < q; b++) {
          g[a][b] += s[a] * s[b];
        }
      }
    }
    for (int a = 0; a < q; a++) {
      for (int b = a; b < q; b++) {
        g[a][b] /= n;
        g[b][a] = g[a][b];
      }
    }
    double[] ev = new EigenDecomposition(MatrixUtils.createRealMatrix(g)).getRealEigenvalues();
    double max = Arrays.stream(ev).max().orElse(1);
    return max / 4;
  }
}
