package logitlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import logitlab.model.ActivationFunction;
import logitlab.model.Activation;
import logitlab.model.Loss;

/**
 * One forward and one backward pass of a deep, fully connected net at its initial weights, to see
 * how the gradient of the loss changes from the output back to the input.
 * <pre>
 * batch: m rows x ~ N(0, I_W), labels y ~ Bernoulli(1/2) (seeded)
 * net:   W inputs, L hidden layers of W units, one sigmoid output; J = mean cross-entropy
 * report per layer l: ||dJ/dW_l|| (Frobenius), the share of the m x n_l unit outputs with
 *        f'(z) &lt; 0.01 (saturated), and the mean f'(z)
 * </pre>
 * By the chain rule delta_l = (W_{l+1}' delta_{l+1}) * f'(z_l): each layer back multiplies the
 * gradient by a weight matrix and by f'. The sigmoid's f' is at most 1/4, so with weights that
 * keep the signal's scale (Xavier) the gradient shrinks by a roughly constant factor per layer
 * towards the input: it vanishes geometrically. ReLU's f' is 1 for active units and He's
 * initialisation keeps the scale, so its gradient keeps its size. Glorot and Bengio, "Understanding
 * the difficulty of training deep feedforward neural networks", AISTATS 2010; He, Zhang, Ren and
 * Sun, "Delving deep into rectifiers", ICCV 2015.
 */
public final class Vanishing {
  private Vanishing() {}

  /**
   * One layer's numbers.
   *
   * @param layer 1 .. L for the hidden layers (1 next to the input), L + 1 for the output unit
   * @param fanIn inputs of each unit
   * @param fanOut units in the layer
   * @param weightSd the sd the weights were drawn with
   * @param gradientNorm ||dJ/dW_l||, Frobenius
   * @param saturatedFraction share of the batch's unit outputs with f'(z) &lt; 0.01 (the output:
   *     sigma'(z) &lt; 0.01)
   * @param meanDerivative mean f'(z) over the batch and the layer's units
   */
  public record Layer(int layer, int fanIn, int fanOut, double weightSd, double gradientNorm, double saturatedFraction,
      double meanDerivative) {}

  /**
   * The result.
   *
   * @param options the settings
   * @param init the initialisation used ({@code auto} resolved)
   * @param loss J at the initial weights
   * @param layers every layer, 1 (next to the input) first, the output last
   * @param factorPerLayer (||dJ/dW_1|| / ||dJ/dW_L||)^(1/(L-1)): by how much the gradient's norm
   *     changes per hidden layer towards the input, a geometric mean; NaN with one hidden layer
   * @param claim what the run shows about the claim on its activation, or null (identity)
   */
  public record Result(VanishingOptions options, Init init, double loss, List<Layer> layers, double factorPerLayer,
      Evidence.GradientDecay claim) {
    public Result {
      layers = List.copyOf(layers);
    }
  }

  /** Runs the experiment. */
  public static Result run(VanishingOptions o) {
    ActivationFunction f = o.activation();
    int[] hidden = new int[o.depth()];
    java.util.Arrays.fill(hidden, o.width());
    Network net = new Network(o.width(), hidden, f, o.slope());
    SplittableRandom root = new SplittableRandom(o.seed());
    SplittableRandom dataRng = root.split();
    SplittableRandom initRng = root.split();
    int m = o.batch();
    int w = o.width();
    double[] x = new double[m * w];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double[] row = logitlab.fit.NeuronFitter.randomWeights(w, 1, dataRng);
      System.arraycopy(row, 0, x, i * w, w);
      y[i] = dataRng.nextDouble() < 0.5 ? 1 : 0;
    }
    Init init = o.init().resolve(f);
    double[] theta = net.initialWeights(init, initRng);
    double[] grad = new double[net.parameters()];
    int layers = o.depth() + 1;
    long[] saturated = new long[layers + 1];
    double[] derivSum = new double[layers + 1];
    Network.Pass ps = net.pass();
    double[] dz = new double[1];
    double loss = 0;
    for (int i = 0; i < m; i++) {
      double zOut = net.forward(theta, x, i * w, ps);
      loss += Loss.CROSS_ENTROPY.valueAndDerivative(y[i], zOut, Activation.SIGMOID, dz);
      net.backward(theta, dz[0] / m, ps, grad);
      for (int l = 1; l <= o.depth(); l++) {
        double[] z = ps.z(l);
        double[] a = ps.a(l);
        for (int j = 0; j < z.length; j++) {
          double d = f.derivative(z[j], a[j], o.slope());
          derivSum[l] += d;
          if (d < ActivationFunction.SATURATED) {
            saturated[l]++;
          }
        }
      }
      double p = logitlab.model.Logistic.sigmoid(zOut);
      double d = p * (1 - p);
      derivSum[layers] += d;
      if (d < ActivationFunction.SATURATED) {
        saturated[layers]++;
      }
    }
    List<Layer> out = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      int fanIn = net.width(l - 1);
      int fanOut = net.width(l);
      double count = (double) m * fanOut;
      out.add(new Layer(l, fanIn, fanOut, init.sd(fanIn, fanOut, f), net.weightNorm(grad, l), saturated[l] / count,
          derivSum[l] / count));
    }
    double factor = Double.NaN;
    if (o.depth() >= 2) {
      factor = Math.pow(out.get(0).gradientNorm() / out.get(o.depth() - 1).gradientNorm(), 1.0 / (o.depth() - 1));
    }
    return new Result(o, init, loss / m, out, factor, Evidence.gradientDecay(f, out, factor, o.depth()));
  }
}
