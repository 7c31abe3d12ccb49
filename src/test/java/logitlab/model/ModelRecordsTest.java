package logitlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small result records' own rules: the bounds they test, what they keep, how they print. */
class ModelRecordsTest {
  /** 0 and 1 are inside [0, 1]; only the first ten offending file lines are kept. */
  @Test
  void outOfRangeCountsStrictlyOutsideTheUnitIntervalAndKeepsTenLines() {
    double[] fitted = {0.0, 1.0, -1e-12, 1 + 1e-12, 0.5, -0.3, 1.4, -2, 3, -4, 5, -6, 7, -8, 0.2};
    int[] lines = new int[fitted.length];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = 100 + i;
    }
    OutOfRange r = OutOfRange.of(fitted, lines);
    assertEquals(6, r.below());
    assertEquals(5, r.above());
    assertEquals(11, r.count());
    assertEquals(-8, r.min());
    assertEquals(7, r.max());
    assertArrayEquals(new int[] {102, 103, 105, 106, 107, 108, 109, 110, 111, 112}, r.lines());
    OutOfRange none = OutOfRange.of(new double[] {0, 0.5, 1}, new int[] {2, 3, 4});
    assertEquals(0, none.count());
    assertArrayEquals(new int[0], none.lines());
    assertEquals(0, none.min());
    assertEquals(1, none.max());
  }

  /** Equality compares the line arrays by content (a record would compare references). */
  @Test
  void outOfRangeEqualityIsByValue() {
    OutOfRange a = OutOfRange.of(new double[] {-1, 2}, new int[] {5, 6});
    OutOfRange b = OutOfRange.of(new double[] {-1, 2}, new int[] {5, 6});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, OutOfRange.of(new double[] {-1, 2}, new int[] {5, 7}));
    assertNotEquals(a, OutOfRange.of(new double[] {-1, 3}, new int[] {5, 6}));
    assertNotEquals(a, OutOfRange.of(new double[] {-2, 2}, new int[] {5, 6}));
    assertNotEquals(a, OutOfRange.of(new double[] {-1, 0.5}, new int[] {5, 6}));
    assertNotEquals(a, OutOfRange.of(new double[] {0.5, 2}, new int[] {5, 6}));
    assertNotEquals(a, new OutOfRange(2, 1, 1, -1, 2, new int[] {5, 6, 7}));
    assertNotEquals(a, new OutOfRange(3, 1, 1, -1, 2, new int[] {5, 6}));
    assertNotEquals(a, "OutOfRange");
    assertEquals("OutOfRange[count=2, below=1, above=1, min=-1.0, max=2.0, lines=[5, 6]]", a.toString());
    int[] lines = a.lines();
    lines[0] = 99;
    assertEquals(5, a.lines()[0], "the record keeps its own copy");
  }

  /** A prediction is out of range strictly outside [0, 1]; its label lists the point in order. */
  @Test
  void predictionRangeAndLabel() {
    Map<String, String> at = new LinkedHashMap<>();
    at.put("cigs", "60");
    at.put("age", "50");
    assertFalse(new Prediction(at, List.of(), 0, 0.5, 0.5).linearOutOfRange());
    assertFalse(new Prediction(at, List.of(), 1, 0.5, 0.5).linearOutOfRange());
    assertTrue(new Prediction(at, List.of(), -1e-9, 0.5, 0.5).linearOutOfRange());
    assertTrue(new Prediction(at, List.of(), 1 + 1e-9, 0.5, 0.5).linearOutOfRange());
    assertEquals("cigs=60, age=50", new Prediction(at, List.of("age"), 0.5, 0.5, 0.5).label());
    assertEquals("", new Prediction(Map.of(), List.of(), 0.5, 0.5, 0.5).label());
  }

  /**
   * The scorer's x'beta skips aliased (NaN) coefficients, applies the sigmoid for the logistic model
   * and the neuron (whose weights are scaled by its activation), and refuses a row of the wrong
   * width. Fits of a design whose last column is twice the first predictor (aliased).
   */
  @Test
  void scorerSkipsAliasedTermsAndChecksTheWidth() {
    int n = 8;
    double[] h = {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
    double[] y = {0, 0, 1, 0, 1, 0, 1, 1};
    double[] x = new double[n * 3];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      x[i * 3] = 1;
      x[i * 3 + 1] = h[i];
      x[i * 3 + 2] = 2 * h[i];
      lines[i] = i + 2;
    }
    logitlab.data.DesignMatrix d = new logitlab.data.DesignMatrix("t.csv", n, 3, x, y, lines,
        List.of("(Intercept)", "h", "h2"), List.of(), new logitlab.data.DesignMatrix.Outcome("y", "1", "0"), n, 0,
        Map.of());
    LinearProbabilityFit lin = logitlab.fit.OlsFitter.fit(d);
    LogisticFit glm = logitlab.fit.IrlsFitter.fit(d);
    NeuronFit nn = logitlab.fit.NeuronFitter.fit(d,
        logitlab.fit.NeuronOptions.defaults().withActivation(Activation.TANH), glm.aliasedMask());
    assertTrue(glm.coefficients().get(2).isAliased() && Double.isNaN(nn.weights()[2]));
    Scorer s = new Scorer(lin, glm, nn);
    assertEquals(3, s.columns());
    double[] row = {1, 3.1, 99}; // off the centre of h, where every x'beta would be near 0
    double[] b = lin.estimates();
    double[] g = glm.estimates();
    double[] w = nn.weights();
    assertEquals(b[0] + 3.1 * b[1], s.linear(row), 1e-12);
    assertEquals(g[0] + 3.1 * g[1], s.logisticEta(row), 1e-12);
    assertEquals(Logistic.sigmoid(g[0] + 3.1 * g[1]), s.logistic(row), 1e-12);
    assertEquals(Logistic.sigmoid(2 * (w[0] + 3.1 * w[1])), s.neuron(row), 1e-12);
    assertTrue(Math.abs(s.logisticEta(row)) > 0.1 && Math.abs(s.linear(row) - 0.5) > 0.05);
    assertNotEquals(s.logistic(row), s.logistic(new double[] {1, 0.5, 99}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.linear(new double[] {1, 2}));
    assertEquals("a row of 2 columns for a model of 3", e.getMessage());
  }
}
