package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import logitlab.data.DesignMatrix;
import logitlab.model.Activation;
import logitlab.model.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradient checks for every loss and activation, on 0/1 data and on weighted data with proportions
 * as outcomes: the analytic gradient of the mean loss J(theta)
 * against central finite differences, (J(theta + h e_k) - J(theta - h e_k)) / 2h, with J evaluated
 * by an independent, naive oracle: p = 1 / (1 + exp(-z)) or (tanh(z) + 1) / 2 computed directly,
 * cross-entropy -[y log p + (1 - y) log(1 - p)], squared (p - y)^2 / 2. Weights are kept moderate
 * so that the naive formulas do not round p to 0 or 1.
 *
 * <p>Tolerance: central differences with h = 1e-5 have truncation error O(h^2 J''') and rounding
 * error O(eps / h), about 1e-10 here; we allow {@value #GRAD_TOL} relative to max(1e-3, |g|).
 */
class NeuronGradientCheckTest {
  static final double GRAD_TOL = 1e-6;
  static final double H = 1e-5;

  static Stream<Arguments> lossesAndActivations() {
    return Stream.of(Loss.values()).flatMap(l -> Stream.of(Activation.values())
        .flatMap(a -> Stream.of(Arguments.of(l, a, true), Arguments.of(l, a, false))));
  }

  /**
   * {@link #design(long)} with prior weights 1..5 and, on every third row, the outcome replaced by
   * a proportion k/5: grouped binomial data as R's {@code glm(cbind(s, f) ~ ...)} sees it.
   */
  static DesignMatrix weightedDesign(long seed) {
    DesignMatrix d = design(seed);
    SplittableRandom r = new SplittableRandom(seed + 1000);
    double[] w = new double[d.n()];
    double[] y = d.y().clone();
    for (int i = 0; i < d.n(); i++) {
      w[i] = 1 + r.nextInt(5);
      if (i % 3 == 0) {
        y[i] = r.nextInt(6) / 5.0;
      }
    }
    return new DesignMatrix(d.file(), d.n(), d.p(), d.x(), y, d.lines(), d.terms(), d.predictors(), d.outcome(),
        d.rowsRead(), d.rowsDropped(), d.droppedByColumn(), w, new DesignMatrix.Weighting("w", null));
  }

  /** A random design: intercept, a normal column, a 0/1 column and a column on a large offset. */
  static DesignMatrix design(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 60;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 2 * r.nextDouble() - 1;
      b[i] = r.nextInt(2);
      c[i] = 10 + r.nextDouble();
      y[i] = r.nextDouble() < 0.4 ? 1 : 0;
    }
    return Designs.of(List.of("a", "b", "c"), new double[][] {a, b, c}, y);
  }

  /** The naive probability. */
  static double naiveP(double z, Activation act) {
    return act == Activation.TANH ? (Math.tanh(z) + 1) / 2 : 1 / (1 + Math.exp(-z));
  }

  static double naiveLoss(double y, double z, Loss loss, Activation act) {
    double p = naiveP(z, act);
    return loss == Loss.CROSS_ENTROPY ? -(y * Math.log(p) + (1 - y) * Math.log(1 - p)) : 0.5 * (p - y) * (p - y);
  }

  /**
   * J(theta) by the naive oracle, on the objective's (possibly standardised) rows: the weighted mean
   * sum a_i l_i / sum a_i, with weighted means and sds.
   */
  static double naiveJ(DesignMatrix d, double[] theta, boolean standardize, Loss loss, Activation act) {
    int n = d.n();
    int p = d.p();
    double[] a = d.weights();
    double sa = 0;
    for (double v : a) {
      sa += v;
    }
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int j = 1; j < p; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += a[i] * d.get(i, j);
      }
      m /= sa;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        ss += a[i] * (d.get(i, j) - m) * (d.get(i, j) - m);
      }
      mean[j] = m;
      sd[j] = Math.sqrt(ss / sa);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = theta[0];
      for (int j = 1; j < p; j++) {
        double s = standardize ? (d.get(i, j) - mean[j]) / sd[j] : d.get(i, j);
        z += theta[j] * s;
      }
      sum += a[i] * naiveLoss(d.y(i), z, loss, act);
    }
    return sum / sa;
  }

  @ParameterizedTest(name = "{0} {1} standardised={2}")
  @MethodSource("lossesAndActivations")
  void analyticGradientMatchesCentralDifferences(Loss loss, Activation act, boolean standardize) {
    for (long seed = 1; seed <= 6; seed++) {
      DesignMatrix d = seed <= 3 ? design(seed) : weightedDesign(seed);
      NeuronObjective f = NeuronObjective.of(d, null, standardize, loss, act);
      SplittableRandom r = new SplittableRandom(100 + seed);
      double[] theta = new double[f.q];
      for (int k = 0; k < f.q; k++) {
        // raw inputs: the offset column c (about 10.5) needs a small weight to keep z moderate
        theta[k] = (2 * r.nextDouble() - 1) * (standardize || k < 3 ? 1 : 0.1);
      }
      double[] g = new double[f.q];
      double j = f.lossAndGradient(theta, g);
      assertEquals(naiveJ(d, theta, standardize, loss, act), j, 1e-12, "J");
      assertEquals(j, f.loss(theta), 1e-14, "loss() agrees with lossAndGradient()");
      for (int k = 0; k < f.q; k++) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[k] += H;
        down[k] -= H;
        double fd = (naiveJ(d, up, standardize, loss, act) - naiveJ(d, down, standardize, loss, act)) / (2 * H);
        assertEquals(fd, g[k], GRAD_TOL * Math.max(1e-3, Math.abs(fd)),
            loss + " " + act + " seed " + seed + " dJ/dtheta_" + k);
      }
      // a batch gradient over all rows is the full gradient
      int[] order = new int[f.n];
      for (int i = 0; i < f.n; i++) {
        order[i] = f.n - 1 - i;
      }
      double[] gb = new double[f.q];
      f.batchGradient(theta, order, 0, f.n, gb, new double[f.q]);
      for (int k = 0; k < f.q; k++) {
        assertEquals(g[k], gb[k], 1e-14, "batch gradient over all rows");
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lossesAndActivations")
  void lossDerivativeMatchesCentralDifferencesOfTheNaiveLoss(Loss loss, Activation act, boolean unused) {
    double[] out = new double[1];
    for (double y : new double[] {0, 0.3, 1}) {
      for (double z = -6; z <= 6; z += 0.25) {
        double fd = (naiveLoss(y, z + H, loss, act) - naiveLoss(y, z - H, loss, act)) / (2 * H);
        double dl = loss.derivative(y, z, act);
        assertEquals(fd, dl, GRAD_TOL * Math.max(1e-3, Math.abs(fd)), "dl/dz at y=" + y + " z=" + z);
        // the naive 1 - p loses digits as p nears 1 (about 1e-12 relative at |z| = 6)
        assertEquals(naiveLoss(y, z, loss, act), loss.value(y, z, act), 1e-10 * Math.max(1, loss.value(y, z, act)),
            "l at z=" + z);
        double l = loss.valueAndDerivative(y, z, act, out);
        assertEquals(loss.value(y, z, act), l, 1e-15, "fused value");
        assertEquals(dl, out[0], 1e-15, "fused derivative");
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lossesAndActivations")
  void curvatureBoundHoldsAndIsTight(Loss loss, Activation act, boolean unused) {
    double bound = loss.curvatureBound(act);
    double max = 0;
    for (double y : new double[] {0, 1}) {
      for (double z = -10; z <= 10; z += 1e-3) {
        double second = (loss.derivative(y, z + H, act) - loss.derivative(y, z - H, act)) / (2 * H);
        max = Math.max(max, Math.abs(second));
      }
    }
    assertTrue(max <= bound * (1 + 1e-6), "sup |l''| " + max + " exceeds the bound " + bound);
    assertTrue(max >= bound * 0.999, "the bound " + bound + " is not tight: sup |l''| = " + max);
  }

  @Test
  void activationDerivativeAndTanhIdentity() {
    for (double z = -8; z <= 8; z += 0.5) {
      assertEquals((Math.tanh(z) + 1) / 2, Activation.TANH.probability(z), 1e-15, "tanh identity at " + z);
      assertEquals(1 / (1 + Math.exp(-z)), Activation.SIGMOID.probability(z), 1e-15);
      for (Activation a : Activation.values()) {
        double fd = (naiveP(z + H, a) - naiveP(z - H, a)) / (2 * H);
        assertEquals(fd, a.derivative(z), 1e-9, a + "'(" + z + ")");
      }
    }
  }
}
