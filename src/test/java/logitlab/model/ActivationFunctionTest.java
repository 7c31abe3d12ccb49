package logitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The activation functions against independent formulas: derivatives against central finite
 * differences, the properties against numerical quadrature and a dense grid, and the link to the
 * one neuron's {@link Activation}.
 */
class ActivationFunctionTest {
  private static final double SLOPE = 0.01;
  /** Central differences with h = 1e-6 are accurate to about h^2 f''' + eps/h, i.e. 1e-9 or so. */
  private static final double FD_TOL = 1e-7;

  @ParameterizedTest
  @EnumSource(ActivationFunction.class)
  void derivativeMatchesCentralDifferencesAwayFromKinks(ActivationFunction f) {
    double h = 1e-6;
    for (double z = -7.3; z <= 7.3; z += 0.173) {
      if (Math.abs(z) < 2 * h) {
        continue; // the kink of relu, leaky-relu and the step
      }
      double fd = (f.value(z + h, SLOPE) - f.value(z - h, SLOPE)) / (2 * h);
      assertEquals(fd, f.derivative(z, SLOPE), FD_TOL, f + " at " + z);
      assertEquals(f.derivative(z, SLOPE), f.derivative(z, f.value(z, SLOPE), SLOPE), 1e-15, f + " at " + z);
    }
  }

  @Test
  void valuesFollowTheirDefinitions() {
    for (double z = -5; z <= 5; z += 0.25) {
      assertEquals(1 / (1 + Math.exp(-z)), ActivationFunction.SIGMOID.value(z, SLOPE), 1e-15);
      assertEquals((Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)), ActivationFunction.TANH.value(z, SLOPE),
          1e-15);
      assertEquals(Math.max(0, z), ActivationFunction.RELU.value(z, SLOPE), 0);
      assertEquals(z > 0 ? z : 0.2 * z, ActivationFunction.LEAKY_RELU.value(z, 0.2), 0);
      assertEquals(z, ActivationFunction.IDENTITY.value(z, SLOPE), 0);
      assertEquals(z >= 0 ? 1 : 0, ActivationFunction.STEP.value(z, SLOPE), 0);
    }
    assertEquals(0, ActivationFunction.RELU.derivative(0, SLOPE), 0, "relu'(0): the left derivative");
    assertEquals(SLOPE, ActivationFunction.LEAKY_RELU.derivative(0, SLOPE), 0);
  }

  /** The one neuron's output map is this sigmoid, and its tanh is (tanh + 1) / 2 of this tanh. */
  @Test
  void theNeuronsActivationIsTheSameFunctionMappedIntoZeroOne() {
    for (double z = -30; z <= 30; z += 0.37) {
      assertEquals(Activation.SIGMOID.probability(z), ActivationFunction.SIGMOID.value(z, SLOPE), 1e-15);
      assertEquals(Activation.TANH.probability(z), (ActivationFunction.TANH.value(z, SLOPE) + 1) / 2, 1e-15);
    }
    // compare's --activation still takes only the output activations
    assertThrows(IllegalArgumentException.class, () -> Activation.parse("relu"));
    assertEquals(ActivationFunction.LEAKY_RELU, ActivationFunction.parse(" Leaky-ReLU "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunction.parse("elu"));
    assertTrue(e.getMessage().contains("sigmoid, tanh, relu, leaky-relu, identity, step"), e.getMessage());
  }

  /**
   * E f(Z) for Z ~ N(0, 1) by the trapezoid rule on [-12, 12] (step 1e-3) against the closed forms;
   * the largest derivative on a dense grid; f' = 0.01 at the saturation points.
   */
  @ParameterizedTest
  @EnumSource(ActivationFunction.class)
  void propertiesAgreeWithNumericalChecks(ActivationFunction f) {
    ActivationFunction.Properties p = f.properties(SLOPE);
    double h = 1e-3;
    double mean = 0;
    double maxD = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double z = -12; z <= 12 + h / 2; z += h) {
      double w = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * (Math.abs(Math.abs(z) - 12) < h / 2 ? 0.5 : 1);
      double v = f.value(z, SLOPE);
      mean += w * v * h;
      maxD = Math.max(maxD, f.derivative(z, SLOPE));
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // the trapezoid rule is O(h^2) at relu's kink (1e-7 here), O(h) across the step's jump
    double tol = f == ActivationFunction.STEP ? 1e-3 : 1e-6;
    assertEquals(p.meanOutput(), mean, tol, f + ": mean output");
    assertEquals(p.zeroCentred(), Math.abs(mean) < tol, f + ": zero-centred");
    assertEquals(p.maxDerivative(), maxD, 1e-6, f + ": largest derivative");
    assertTrue(lo >= p.low() && hi <= p.high(), f + ": values inside the range");
    for (double edge : new double[] {p.saturatesBelow(), p.saturatesAbove()}) {
      if (Double.isFinite(edge) && f != ActivationFunction.STEP && f != ActivationFunction.RELU) {
        assertEquals(ActivationFunction.SATURATED, f.derivative(edge, SLOPE), 1e-12, f + ": f' at " + edge);
      }
    }
    if (Double.isFinite(p.saturatesAbove())) {
      assertTrue(f.derivative(p.saturatesAbove() + 0.01, SLOPE) < ActivationFunction.SATURATED, f.toString());
    }
    if (Double.isFinite(p.saturatesBelow())) {
      assertTrue(f.derivative(p.saturatesBelow() - 0.01, SLOPE) < ActivationFunction.SATURATED, f.toString());
    }
    assertEquals(f == ActivationFunction.SIGMOID || f == ActivationFunction.TANH, p.needsExp());
  }

  @Test
  void saturationPointsAreThoseOfTheTextbook() {
    // sigma'(z) = 0.01 at z = log((1 + r)/(1 - r)), r = sqrt(0.96): 4.5848; tanh'(z) = 0.01 at atanh(sqrt(0.99)) = 2.9932
    assertEquals(4.5848, ActivationFunction.SIGMOID.properties(SLOPE).saturatesAbove(), 1e-4);
    assertEquals(2.9932, ActivationFunction.TANH.properties(SLOPE).saturatesAbove(), 1e-4);
    assertFalse(ActivationFunction.LEAKY_RELU.properties(SLOPE).saturatesBelow() > -1e300,
        "leaky-relu with slope 0.01 never has f' < 0.01");
    assertEquals(0, ActivationFunction.LEAKY_RELU.properties(0.001).saturatesBelow(), 0,
        "with slope 0.001 it does, for z < 0");
  }
}
