package logitlab.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.fit.FitException;

/**
 * A seeded split of a design's rows into training and test rows, and the inputs standardised with
 * the training rows' means and standard deviations (prior-weighted, as the neuron standardises).
 * <pre>
 * shuffle the row indices (Fisher-Yates, seeded); the first round(f n) are the test rows (at least one
 * when f &gt; 0), the rest train; each part keeps the file's order
 * s_ij = (x_ij - m_j) / sd_j   with m, sd over the training rows (sd = 0: the column is centred only)
 * </pre>
 * The design's intercept column is dropped: the nets have biases.
 */
public final class Split {
  private final DesignMatrix all;
  private final DesignMatrix train;
  private final DesignMatrix test;
  private final double[] mean;
  private final double[] sd;

  private Split(DesignMatrix all, DesignMatrix train, DesignMatrix test, double[] mean, double[] sd) {
    this.all = all;
    this.train = train;
    this.test = test;
    this.mean = mean;
    this.sd = sd;
  }

  /**
   * Splits {@code d}.
   *
   * @throws FitException when the training rows hold one class only (exit code 4)
   */
  public static Split of(DesignMatrix d, double testFraction, SplittableRandom rng) {
    int n = d.n();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int nTest = testFraction == 0 ? 0 : (int) Math.max(1, Math.round(testFraction * n));
    if (n - nTest < 2) {
      throw new FitException(new FitException.TooFewTrainingRows(d.file(), n, n - nTest, testFraction));
    }
    int[] testRows = Arrays.copyOf(order, nTest);
    int[] trainRows = Arrays.copyOfRange(order, nTest, n);
    Arrays.sort(testRows);
    Arrays.sort(trainRows);
    DesignMatrix train = rows(d, trainRows);
    double events = train.weightedEvents();
    if (events <= 0 || events >= train.totalWeight()) {
      throw new FitException(new FitException.OneClassInTraining(d.file(), trainRows.length, d.outcome().column(),
          testFraction));
    }
    DesignMatrix test = nTest == 0 ? null : rows(d, testRows);
    int p = d.p();
    double[] mean = new double[p];
    double[] sd = new double[p];
    double tw = train.totalWeight();
    for (int j = 1; j < p; j++) {
      double m = 0;
      for (int i = 0; i < train.n(); i++) {
        m += train.weight(i) * train.get(i, j);
      }
      m /= tw;
      double v = 0;
      for (int i = 0; i < train.n(); i++) {
        double e = train.get(i, j) - m;
        v += train.weight(i) * e * e;
      }
      mean[j] = m;
      sd[j] = Math.sqrt(v / tw);
    }
    return new Split(d, train, test, mean, sd);
  }

  /** The design restricted to some rows, in the order given. */
  static DesignMatrix rows(DesignMatrix d, int[] rows) {
    int p = d.p();
    double[] x = new double[rows.length * p];
    double[] y = new double[rows.length];
    double[] w = new double[rows.length];
    int[] lines = new int[rows.length];
    double[] all = d.x();
    for (int k = 0; k < rows.length; k++) {
      int i = rows[k];
      System.arraycopy(all, i * p, x, k * p, p);
      y[k] = d.y(i);
      w[k] = d.weight(i);
      lines[k] = d.line(i);
    }
    return new DesignMatrix(d.file(), rows.length, p, x, y, lines, d.terms(), d.predictors(), d.outcome(),
        d.rowsRead(), d.rowsDropped(), d.droppedByColumn(), w, d.weighting());
  }

  /** Every row. */
  public DesignMatrix all() {
    return all;
  }

  /** The training rows. */
  public DesignMatrix train() {
    return train;
  }

  /** The test rows, or null with a test fraction of 0. */
  public DesignMatrix test() {
    return test;
  }

  /** Number of inputs of a net: the design's columns without the intercept. */
  public int inputs() {
    return all.p() - 1;
  }

  /** The standardised inputs of a design's rows (row-major, {@link #inputs()} per row). */
  public double[] standardize(DesignMatrix d) {
    int p = d.p();
    int q = p - 1;
    double[] s = new double[d.n() * q];
    for (int i = 0; i < d.n(); i++) {
      for (int j = 1; j < p; j++) {
        s[i * q + j - 1] = (d.get(i, j) - mean[j]) / (sd[j] > 0 ? sd[j] : 1);
      }
    }
    return s;
  }

  /** One point's standardised inputs, from its values on the original scale (the intercept left out). */
  public double[] standardize(double[] raw) {
    double[] s = new double[raw.length];
    for (int j = 0; j < raw.length; j++) {
      s[j] = (raw[j] - mean[j + 1]) / (sd[j + 1] > 0 ? sd[j + 1] : 1);
    }
    return s;
  }

  /**
   * Weights on the standardised inputs as coefficients on the original scale:
   * {@code w_j = theta_j / sd_j}, {@code w_0 = b - sum_j theta_j m_j / sd_j}.
   *
   * @param theta the weights of the inputs
   * @param b the bias
   * @return the intercept and one coefficient per input
   */
  public double[] toOriginal(double[] theta, double b) {
    double[] w = new double[theta.length + 1];
    w[0] = b;
    for (int j = 0; j < theta.length; j++) {
      double scale = sd[j + 1] > 0 ? sd[j + 1] : 1;
      w[j + 1] = theta[j] / scale;
      w[0] -= theta[j] * mean[j + 1] / scale;
    }
    return w;
  }
}
