package logitlab.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import logitlab.fit.NeuronFitter;
import logitlab.model.ActivationFunction;
import logitlab.model.Dense;

/**
 * A fully connected feed-forward net with L hidden layers and one output unit, its weights in one
 * vector theta (layer by layer: W_l row-major, n_l x n_{l-1}, then b_l), and one row's forward and
 * backward pass.
 * <pre>
 * a_0 = x,   z_l = W_l a_{l-1} + b_l,   a_l = f(z_l)            (l = 1 .. L, f the activation)
 * z_out = w_out' a_L + b_out,   p = sigma(z_out)                (the output unit: a logistic regression
 *                                                               of the last layer's outputs)
 * backward, given g = dl/dz_out:
 *   delta_{L+1} = g,   delta_l = (W_{l+1}' delta_{l+1}) * f'(z_l)   (elementwise)
 *   dl/dW_l = delta_l a_{l-1}',   dl/db_l = delta_l
 * </pre>
 * With no hidden layer (L = 0) the net is p = sigma(w'x + b): logistic regression. Rumelhart,
 * Hinton and Williams, "Learning representations by back-propagating errors", Nature 323, 1986;
 * Goodfellow, Bengio and Courville, Deep Learning (2016), 6.5.
 */
public final class Network {
  /** Layer widths: n_0 = inputs, n_1 .. n_L hidden, n_{L+1} = 1. */
  private final int[] sizes;
  private final ActivationFunction f;
  private final double slope;
  /** Offsets of W_l and b_l in theta, for l = 1 .. L+1 at index l - 1. */
  private final int[] wOff;
  private final int[] bOff;
  private final int params;

  /**
   * @param inputs number of inputs (at least 1)
   * @param hidden widths of the hidden layers, each at least 1; empty for none
   * @param f the hidden units' activation
   * @param slope the leaky ReLU's slope
   */
  public Network(int inputs, int[] hidden, ActivationFunction f, double slope) {
    if (inputs < 1) {
      throw new IllegalArgumentException("a net needs at least one input");
    }
    sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    for (int l = 0; l < hidden.length; l++) {
      if (hidden[l] < 1) {
        throw new IllegalArgumentException("a hidden layer needs at least one unit, not " + hidden[l]);
      }
      sizes[l + 1] = hidden[l];
    }
    sizes[sizes.length - 1] = 1;
    this.f = f;
    this.slope = slope;
    int layers = sizes.length - 1;
    wOff = new int[layers];
    bOff = new int[layers];
    long off = 0;
    for (int l = 1; l <= layers; l++) {
      wOff[l - 1] = (int) off;
      off += (long) sizes[l] * sizes[l - 1];
      bOff[l - 1] = (int) off;
      off += sizes[l];
      if (off > 50_000_000) {
        throw new IllegalArgumentException("the net would have more than 50,000,000 weights; use fewer or "
            + "narrower hidden layers");
      }
    }
    params = (int) off;
  }

  /** Number of inputs n_0. */
  public int inputs() {
    return sizes[0];
  }

  /** Number of hidden layers L. */
  public int hiddenLayers() {
    return sizes.length - 2;
  }

  /** Width of layer l: n_0 the inputs, n_1 .. n_L hidden, n_{L+1} = 1 the output. */
  public int width(int l) {
    return sizes[l];
  }

  /** The hidden widths. */
  public int[] hidden() {
    return Arrays.copyOfRange(sizes, 1, sizes.length - 1);
  }

  /** Number of weights and biases. */
  public int parameters() {
    return params;
  }

  public ActivationFunction activation() {
    return f;
  }

  public double slope() {
    return slope;
  }

  /** Offset of W_l in theta (l = 1 .. L+1). */
  int weightOffset(int l) {
    return wOff[l - 1];
  }

  /** Offset of b_l in theta (l = 1 .. L+1). */
  int biasOffset(int l) {
    return bOff[l - 1];
  }

  /** Initial weights: each W_l normal with the sd of {@code init} for its fan-in and fan-out, biases 0. */
  public double[] initialWeights(Init init, SplittableRandom rng) {
    double[] theta = new double[params];
    for (int l = 1; l < sizes.length; l++) {
      int fanIn = sizes[l - 1];
      int fanOut = sizes[l];
      double sd = init.sd(fanIn, fanOut, f);
      double[] w = NeuronFitter.randomWeights(fanIn * fanOut, sd, rng);
      System.arraycopy(w, 0, theta, wOff[l - 1], w.length);
    }
    return theta;
  }

  /** Working space for one row's pass: z_l, a_l and delta_l of every layer. */
  public final class Pass {
    final double[][] z = new double[sizes.length][];
    final double[][] a = new double[sizes.length][];
    final double[][] delta = new double[sizes.length][];

    Pass() {
      for (int l = 0; l < sizes.length; l++) {
        z[l] = new double[sizes[l]];
        a[l] = new double[sizes[l]];
        delta[l] = new double[sizes[l]];
      }
    }

    /** z_l after {@link #forward}. */
    public double[] z(int l) {
      return z[l];
    }

    /** a_l = f(z_l) after {@link #forward} (a_0 = x). */
    public double[] a(int l) {
      return a[l];
    }
  }

  /** A new working space. */
  public Pass pass() {
    return new Pass();
  }

  /**
   * The forward pass of the row x[off .. off + n_0): fills z_l and a_l and returns z_out, the
   * output unit's linear input (p = sigma(z_out)).
   */
  public double forward(double[] theta, double[] x, int off, Pass ps) {
    System.arraycopy(x, off, ps.a[0], 0, sizes[0]);
    int last = sizes.length - 1;
    for (int l = 1; l <= last; l++) {
      double[] in = ps.a[l - 1];
      double[] z = ps.z[l];
      int nIn = sizes[l - 1];
      int w = wOff[l - 1];
      int b = bOff[l - 1];
      for (int j = 0; j < sizes[l]; j++) {
        double s = theta[b + j];
        int row = w + j * nIn;
        for (int k = 0; k < nIn; k++) {
          s += theta[row + k] * in[k];
        }
        z[j] = s;
      }
      if (l < last) {
        double[] a = ps.a[l];
        for (int j = 0; j < sizes[l]; j++) {
          a[j] = f.value(z[j], slope);
        }
      }
    }
    return ps.z[last][0];
  }

  /**
   * The backward pass after {@link #forward}: adds g times the gradient of z_out to {@code grad}
   * (g = dl/dz_out, times the row's weight), and leaves delta_l = dl/dz_l in the working space.
   */
  public void backward(double[] theta, double g, Pass ps, double[] grad) {
    int last = sizes.length - 1;
    ps.delta[last][0] = g;
    for (int l = last; l >= 1; l--) {
      double[] d = ps.delta[l];
      double[] in = ps.a[l - 1];
      int nIn = sizes[l - 1];
      int w = wOff[l - 1];
      int b = bOff[l - 1];
      for (int j = 0; j < sizes[l]; j++) {
        double dj = d[j];
        grad[b + j] += dj;
        if (dj != 0) {
          int row = w + j * nIn;
          for (int k = 0; k < nIn; k++) {
            grad[row + k] += dj * in[k];
          }
        }
      }
      if (l > 1) {
        double[] prev = ps.delta[l - 1];
        double[] zPrev = ps.z[l - 1];
        Arrays.fill(prev, 0);
        for (int j = 0; j < sizes[l]; j++) {
          double dj = d[j];
          if (dj != 0) {
            int row = w + j * nIn;
            for (int k = 0; k < nIn; k++) {
              prev[k] += theta[row + k] * dj;
            }
          }
        }
        for (int k = 0; k < nIn; k++) {
          prev[k] *= f.derivative(zPrev[k], in[k], slope);
        }
      }
    }
  }

  /** The Frobenius norm of the part of {@code v} that holds W_l (l = 1 .. L+1). */
  public double weightNorm(double[] v, int l) {
    return Dense.norm(v, wOff[l - 1], bOff[l - 1]);
  }

  /** The sum of squares of every weight (not the biases): the L2 penalty's ||W||^2. */
  double weightSquares(double[] theta) {
    double s = 0;
    for (int l = 1; l < sizes.length; l++) {
      for (int k = wOff[l - 1]; k < bOff[l - 1]; k++) {
        s += theta[k] * theta[k];
      }
    }
    return s;
  }

  /** Adds lambda times every weight (not the biases) to {@code grad}: the gradient of (lambda/2) ||W||^2. */
  void addWeightDecay(double[] theta, double lambda, double[] grad) {
    if (lambda == 0) {
      return;
    }
    for (int l = 1; l < sizes.length; l++) {
      for (int k = wOff[l - 1]; k < bOff[l - 1]; k++) {
        grad[k] += lambda * theta[k];
      }
    }
  }
}
