package logitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import logitlab.model.Activation;
import logitlab.model.ActivationFunction;
import logitlab.model.Loss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backpropagation against central finite differences of the loss, for every trainable activation
 * and every layer's weights and biases, on a small net with two hidden layers.
 */
class NetworkGradientTest {
  @ParameterizedTest
  @EnumSource(value = ActivationFunction.class, names = {"SIGMOID", "TANH", "RELU", "LEAKY_RELU", "IDENTITY"})
  void backpropagationMatchesFiniteDifferences(ActivationFunction f) {
    Network net = new Network(3, new int[] {4, 3}, f, 0.1);
    SplittableRandom rng = new SplittableRandom(42);
    double[] theta = net.initialWeights(new Init(Init.Kind.NORMAL, 0.8), rng);
    for (int k = 0; k < theta.length; k++) {
      theta[k] += 0.1 * (rng.nextDouble() - 0.5); // biases away from 0 too
    }
    double[] x = new double[5 * 3];
    double[] y = {1, 0, 1, 1, 0};
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * rng.nextDouble() - 1;
    }
    double[] grad = new double[theta.length];
    loss(net, theta, x, y, grad);
    double h = 1e-6;
    for (int k = 0; k < theta.length; k++) {
      double keep = theta[k];
      theta[k] = keep + h;
      double up = loss(net, theta, x, y, null);
      theta[k] = keep - h;
      double down = loss(net, theta, x, y, null);
      theta[k] = keep;
      // a relu kink within h of a unit's z would spoil the difference; the seed avoids that
      assertEquals((up - down) / (2 * h), grad[k], 1e-7, f + ": parameter " + k);
    }
  }

  private static double loss(Network net, double[] theta, double[] x, double[] y, double[] grad) {
    Network.Pass ps = net.pass();
    double[] dz = new double[1];
    double l = 0;
    for (int i = 0; i < y.length; i++) {
      double z = net.forward(theta, x, i * 3, ps);
      l += Loss.CROSS_ENTROPY.valueAndDerivative(y[i], z, Activation.SIGMOID, dz);
      if (grad != null) {
        net.backward(theta, dz[0], ps, grad);
      }
    }
    return l;
  }
}
