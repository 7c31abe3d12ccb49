package logitlab.nn;

import java.util.Arrays;
import logitlab.fit.BatchObjective;
import logitlab.model.Activation;
import logitlab.model.ActivationFunction;
import logitlab.model.Loss;

/**
 * The training objective of a net on some rows, its gradient by backpropagation, and what the
 * trained net's units do on those rows.
 * <pre>
 * J(theta) = sum_i a_i l(y_i, z_out(s_i)) / sum_i a_i  +  (lambda/2) ||W||^2
 * l = cross-entropy of p = sigma(z_out) ({@link Loss#CROSS_ENTROPY}), a_i the prior weights,
 * ||W||^2 the squares of the weights (not the biases)
 * </pre>
 * A batch gradient is the same over rows order[from..to), divided by b times the mean prior
 * weight, as {@code NeuronObjective} does: an unbiased estimate of grad J.
 */
final class MlpObjective implements BatchObjective {
  private final Network net;
  private final double[] x;
  private final double[] y;
  private final double[] a;
  private final int n;
  private final int d;
  private final double total;
  private final double lambda;
  private final Network.Pass ps;
  private final double[] dz = new double[1];
  /** The cross-entropy part of the last {@link #lossAndGradient}. */
  private double lastCrossEntropy;

  MlpObjective(Network net, double[] x, double[] y, double[] a, double lambda) {
    this.net = net;
    this.x = x;
    this.y = y;
    this.a = a;
    this.n = y.length;
    this.d = net.inputs();
    double t = 0;
    for (double v : a) {
      t += v;
    }
    this.total = t;
    this.lambda = lambda;
    this.ps = net.pass();
  }

  @Override
  public int rows() {
    return n;
  }

  /** J(theta), the penalised objective; fills grad with grad J. */
  double lossAndGradient(double[] theta, double[] grad) {
    Arrays.fill(grad, 0);
    double l = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == 0) {
        continue;
      }
      double z = net.forward(theta, x, i * d, ps);
      l += a[i] * Loss.CROSS_ENTROPY.valueAndDerivative(y[i], z, Activation.SIGMOID, dz);
      net.backward(theta, a[i] * dz[0] / total, ps, grad);
    }
    lastCrossEntropy = l / total;
    net.addWeightDecay(theta, lambda, grad);
    return lastCrossEntropy + (lambda == 0 ? 0 : 0.5 * lambda * net.weightSquares(theta));
  }

  /** The cross-entropy (without the penalty) of the last {@link #lossAndGradient}. */
  double lastCrossEntropy() {
    return lastCrossEntropy;
  }

  @Override
  public void batchGradient(double[] theta, int[] order, int from, int to, double[] grad, double[] scratch) {
    Arrays.fill(grad, 0);
    double b = (to - from) * total / n;
    for (int t = from; t < to; t++) {
      int i = order[t];
      if (a[i] == 0) {
        continue;
      }
      double z = net.forward(theta, x, i * d, ps);
      net.backward(theta, a[i] * Loss.CROSS_ENTROPY.derivative(y[i], z, Activation.SIGMOID) / b, ps, grad);
    }
    net.addWeightDecay(theta, lambda, grad);
  }

  /**
   * The mean cross-entropy and the accuracy at threshold 1/2 (weighted: sum_i a_i [y_i 1(p_i &gt; 1/2)
   * + (1 - y_i) 1(p_i &lt;= 1/2)] / sum_i a_i).
   */
  double[] lossAndAccuracy(double[] theta) {
    double l = 0;
    double right = 0;
    for (int i = 0; i < n; i++) {
      double z = net.forward(theta, x, i * d, ps);
      l += a[i] * Loss.CROSS_ENTROPY.value(y[i], z, Activation.SIGMOID);
      right += a[i] * (z > 0 ? y[i] : 1 - y[i]);
    }
    return new double[] {l / total, right / total};
  }

  /**
   * What the hidden units do on these rows at theta.
   *
   * @param dead per hidden layer, the share of dead units: output 0 and f' = 0 on every row, so
   *     that no gradient reaches their weights again (relu with z &lt;= 0 on every row); 0 for
   *     leaky-relu, whose f' is never below its slope; NaN for the others, which do not die
   * @param inactive per hidden layer, the share of relu or leaky-relu units with z &lt;= 0 on every
   *     row (for relu the dead ones; leaky units there still pass slope times the gradient); NaN
   *     for the others
   * @param meanActivation mean of f(z) over the rows and hidden units
   * @param saturated share of hidden outputs with f'(z) &lt; 0.01
   */
  record UnitStats(double[] dead, double[] inactive, double meanActivation, double saturated) {}

  UnitStats unitStats(double[] theta) {
    int layers = net.hiddenLayers();
    ActivationFunction f = net.activation();
    boolean canDie = f == ActivationFunction.RELU || f == ActivationFunction.LEAKY_RELU;
    boolean[][] alive = new boolean[layers + 1][];
    for (int l = 1; l <= layers; l++) {
      alive[l] = new boolean[net.width(l)];
    }
    double sum = 0;
    long sat = 0;
    long count = 0;
    for (int i = 0; i < n; i++) {
      net.forward(theta, x, i * d, ps);
      for (int l = 1; l <= layers; l++) {
        double[] z = ps.z(l);
        double[] act = ps.a(l);
        for (int j = 0; j < z.length; j++) {
          if (z[j] > 0) {
            alive[l][j] = true;
          }
          sum += act[j];
          if (f.derivative(z[j], act[j], net.slope()) < ActivationFunction.SATURATED) {
            sat++;
          }
          count++;
        }
      }
    }
    double[] dead = new double[layers];
    double[] inactive = new double[layers];
    for (int l = 1; l <= layers; l++) {
      int k = 0;
      for (boolean v : alive[l]) {
        k += v ? 0 : 1;
      }
      inactive[l - 1] = canDie ? (double) k / alive[l].length : Double.NaN;
      dead[l - 1] = f == ActivationFunction.RELU ? inactive[l - 1] : canDie ? 0 : Double.NaN;
    }
    return new UnitStats(dead, inactive, count == 0 ? Double.NaN : sum / count,
        count == 0 ? Double.NaN : (double) sat / count);
  }

  /** The first hidden layer's outputs a_1j(s_i) of every row (row-major, n_1 per row). */
  double[] firstLayerOutputs(double[] theta) {
    int w = net.width(1);
    double[] out = new double[n * w];
    for (int i = 0; i < n; i++) {
      net.forward(theta, x, i * d, ps);
      System.arraycopy(ps.a(1), 0, out, i * w, w);
    }
    return out;
  }
}
