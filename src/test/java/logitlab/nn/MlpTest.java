package logitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.model.ActivationFunction;
import logitlab.model.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * The claims of the material, each shown on seeded data with the numbers the README quotes
 * (default seed 20261127, n = 200, noise 0.1, 25 % test rows, adam, 1000 epochs unless said).
 */
class MlpTest {
  private static final long SEED = 20261127L;

  private static MlpOptions options(int[] hidden, ActivationFunction f) {
    return new MlpOptions(hidden, f, 0.01, Optimizer.ADAM, Double.NaN, 1000, 0, 0, 0.25, SEED, Init.auto(), 1e-10,
        0.1, false);
  }

  private static Mlp.Result run(String data, int n, double noise, MlpOptions o, Mlp.Sweep sweep) {
    return Mlp.run(Datasets.make(data, n, noise, SEED), data, noise, o, sweep);
  }

  private static <T extends Evidence> T claim(Mlp.Result r, Class<T> kind) {
    return r.claims().stream().filter(kind::isInstance).map(kind::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " in " + r.claims()));
  }

  /** Claim 1: no hidden layer is near chance on XOR and circles (measured: 40 % and 52 % test accuracy). */
  @Test
  void noHiddenLayerIsNearChanceOnXorAndCircles() {
    for (String data : List.of("xor", "circles")) {
      Mlp.Result r = run(data, 200, 0.1, options(new int[0], ActivationFunction.RELU), null);
      MlpRun run = r.runs().get(0);
      assertEquals(Math.log(2), run.trainLoss(), 0.015, data + ": the loss of a coin toss");
      Evidence.LinearOnNonlinearData c = claim(r, Evidence.LinearOnNonlinearData.class);
      assertTrue(c.shown() && c.nearChance(), data + ": " + c);
      assertTrue(run.testAccuracy() <= r.majorityShare() + 0.1, data + ": " + run.testAccuracy());
    }
  }

  /** Claim 2: one small tanh or ReLU layer separates them (measured: 98 % and 100 %). */
  @Test
  void oneSmallHiddenLayerSeparates() {
    Mlp.Result xor = run("xor", 200, 0.1, options(new int[] {4}, ActivationFunction.TANH), null);
    Mlp.Result circles = run("circles", 200, 0.1, options(new int[] {8}, ActivationFunction.RELU), null);
    for (Mlp.Result r : List.of(xor, circles)) {
      Evidence.HiddenLayerSeparates c = claim(r, Evidence.HiddenLayerSeparates.class);
      assertTrue(c.shown(), c.toString());
      assertTrue(c.testAccuracy() >= 0.95 && c.linearTestAccuracy() < 0.6, c.toString());
    }
    assertEquals(0.98, xor.runs().get(0).testAccuracy(), 1e-12);
    assertEquals(1.0, circles.runs().get(0).testAccuracy(), 1e-12);
  }

  /** Claim 1: two identity layers reach exactly the logistic model's loss (0.191741 on moons), no lower. */
  @Test
  void identityLayersEqualNoHiddenLayer() {
    Mlp.Result id = run("moons", 200, 0.1, options(new int[] {8, 8}, ActivationFunction.IDENTITY), null);
    Mlp.Result none = run("moons", 200, 0.1, options(new int[0], ActivationFunction.RELU), null);
    Evidence.IdentityIsLinear c = claim(id, Evidence.IdentityIsLinear.class);
    assertTrue(c.shown(), c.toString());
    assertEquals(none.runs().get(0).trainLoss(), id.runs().get(0).trainLoss(), 1e-8);
    assertEquals(id.linear().trainLoss(), id.runs().get(0).trainLoss(), 1e-8);
    assertEquals(none.runs().get(0).testAccuracy(), id.runs().get(0).testAccuracy(), 0);
  }

  /** Claim 3: IRLS on a sigmoid unit's outputs gives back its weights. */
  @Test
  void sigmoidHiddenUnitsAreLogisticRegressions() {
    Mlp.Result r = run("xor", 200, 0.1, options(new int[] {4}, ActivationFunction.SIGMOID), null);
    Evidence.UnitIsLogisticRegression c = claim(r, Evidence.UnitIsLogisticRegression.class);
    assertTrue(c.shown(), c.toString());
    assertEquals(4, c.units());
    assertTrue(c.maxDifference() < 1e-8, c.toString());
    // and a net without hidden layer is the GLM on the same training rows
    Mlp.Result none = run("moons", 200, 0.1, options(new int[0], ActivationFunction.RELU), null);
    Evidence.UnitIsLogisticRegression out = claim(none, Evidence.UnitIsLogisticRegression.class);
    assertTrue(out.outputUnit() && out.shown() && out.maxDifference() < 1e-6, out.toString());
  }

  /**
   * Claim 4 on circles (n = 100, noise 0.25, 2000 epochs): training loss falls with size while the
   * test loss is least at 8 units (0.318) and rises to 0.679 at 128.
   */
  @Test
  void largerNetsOverfit() {
    MlpOptions o = new MlpOptions(new int[] {8}, ActivationFunction.RELU, 0.01, Optimizer.ADAM, Double.NaN, 2000, 0,
        0, 0.25, SEED, Init.auto(), 1e-10, 0.1, false);
    Mlp.Result r = run("circles", 100, 0.25, o, Mlp.Sweep.parse("hidden=1,2,4,8,32,128"));
    Evidence.Overfitting c = claim(r, Evidence.Overfitting.class);
    assertTrue(c.shown(), c.toString());
    assertArrayEquals(new int[] {1, 2, 4, 8, 32, 128}, c.sizes());
    assertEquals(3, c.best(), "least test loss at 8 units");
    assertEquals(0.3179, c.testLoss()[3], 1e-4);
    assertEquals(0.6795, c.testLoss()[5], 1e-4);
    assertTrue(c.trainLoss()[5] < 0.06 && c.trainLoss()[0] > 0.6);
  }

  /** Claims 5 to 7: epochs to a training loss of 0.1 on circles with 32 units: 206, 108, 104, 103. */
  @Test
  void activationsTrainAtDifferentSpeeds() {
    Mlp.Result r = run("circles", 200, 0.1, options(new int[] {32}, ActivationFunction.RELU),
        Mlp.Sweep.parse("activation=sigmoid,tanh,relu,leaky-relu"));
    int[] epochs = r.runs().stream().mapToInt(MlpRun::epochsToTarget).toArray();
    assertArrayEquals(new int[] {206, 108, 104, 103}, epochs);
    assertEquals(3, r.claims().size());
    for (Evidence e : r.claims()) {
      assertTrue(e.shown(), e.toString());
    }
    MlpRun sigmoid = r.runs().get(0);
    MlpRun tanh = r.runs().get(1);
    MlpRun relu = r.runs().get(2);
    assertTrue(sigmoid.meanActivation() > 0.45 && Math.abs(tanh.meanActivation()) < 0.1, "sigmoid not centred");
    assertTrue(tanh.saturatedFraction() > 0.1, "tanh still saturates");
    assertEquals(150L * 32, sigmoid.expPerEpoch());
    assertEquals(0, relu.expPerEpoch());
  }

  /**
   * Claim 7: dead ReLU units rise with the learning rate (0 %, 25 %, 69 % at 0.01, 0.3, 10) while
   * leaky units cannot die and the leaky net keeps learning (training loss 5e-12 against 0.42).
   */
  @Test
  void reluUnitsDieAtLargeLearningRatesLeakyOnesDoNot() {
    MlpOptions o = new MlpOptions(new int[] {32}, ActivationFunction.RELU, 0.01, Optimizer.ADAM, Double.NaN, 300, 0,
        0, 0.25, SEED, Init.auto(), 1e-10, 0.1, false);
    Mlp.Result r = run("circles", 200, 0.1, o, Mlp.Sweep.parse("learning-rate=0.01,0.3,10"));
    assertEquals(6, r.runs().size());
    Evidence.DyingUnits c = claim(r, Evidence.DyingUnits.class);
    assertTrue(c.shown(), c.toString());
    assertArrayEquals(new double[] {0, 0.25, 0.6875}, c.reluDead(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 0}, c.leakyDead(), 0);
    assertTrue(c.leakyLoss()[2] < 1e-6 && c.reluLoss()[2] > 0.3, c.toString());
    assertTrue(r.runs().get(4).testAccuracy() < 0.7 && r.runs().get(5).testAccuracy() > 0.9);
  }

  @Test
  void aBlownUpRunIsReportedAsDivergedWithTheBestWeightsNeverNaN() {
    MlpOptions o = new MlpOptions(new int[] {8, 8, 8}, ActivationFunction.RELU, 0.01, Optimizer.GD, 1e6, 200, 0, 0,
        0.25, SEED, Init.auto(), 1e-10, 0.1, false);
    MlpRun r = run("circles", 200, 0.1, o, null).runs().get(0);
    assertEquals(MlpRun.Stop.DIVERGED, r.stop());
    assertTrue(Double.isFinite(r.trainLoss()) && Double.isFinite(r.testLoss()) && r.trainLoss() < 1, "" + r.trainLoss());
    for (double v : r.theta()) {
      assertTrue(Double.isFinite(v));
    }
  }

  @Test
  void sameSeedSameRunsAndTheSweepStartsEveryNetAlike() {
    MlpOptions o = options(new int[] {6}, ActivationFunction.TANH);
    MlpRun a = run("moons", 120, 0.2, o, null).runs().get(0);
    MlpRun b = run("moons", 120, 0.2, o, null).runs().get(0);
    assertArrayEquals(a.theta(), b.theta(), 0);
    assertEquals(a.trainLoss(), b.trainLoss(), 0);
    MlpRun inSweep = run("moons", 120, 0.2, o, Mlp.Sweep.parse("activation=relu,tanh")).runs().get(1);
    assertArrayEquals(a.theta(), inSweep.theta(), 0);
    MlpRun other = Mlp.run(Datasets.make("moons", 120, 0.2, 7), "moons", 0.2,
        new MlpOptions(new int[] {6}, ActivationFunction.TANH, 0.01, Optimizer.ADAM, Double.NaN, 1000, 0, 0, 0.25, 7,
            Init.auto(), 1e-10, 0.1, false), null).runs().get(0);
    assertFalse(a.trainLoss() == other.trainLoss());
  }

  /** The objective's gradient (with prior weights and the L2 penalty) against finite differences. */
  @Test
  void objectiveGradientWithWeightsAndPenaltyMatchesFiniteDifferences() {
    Network net = new Network(2, new int[] {3, 2}, ActivationFunction.TANH, 0.01);
    SplittableRandom rng = new SplittableRandom(3);
    double[] theta = net.initialWeights(new Init(Init.Kind.NORMAL, 0.7), rng);
    for (int k = 0; k < theta.length; k++) {
      theta[k] += 0.2 * (rng.nextDouble() - 0.5);
    }
    double[] x = {0.3, -1.2, 1.1, 0.4, -0.5, 0.9, 2.0, -0.1};
    double[] y = {1, 0, 0.25, 1};
    double[] a = {1, 2, 4, 0.5};
    MlpObjective f = new MlpObjective(net, x, y, a, 0.3);
    double[] g = new double[theta.length];
    f.lossAndGradient(theta, g);
    double h = 1e-6;
    double[] scratch = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      double keep = theta[k];
      theta[k] = keep + h;
      double up = f.lossAndGradient(theta, scratch);
      theta[k] = keep - h;
      double down = f.lossAndGradient(theta, scratch);
      theta[k] = keep;
      assertEquals((up - down) / (2 * h), g[k], 1e-8, "parameter " + k);
    }
    double[] batch = new double[theta.length];
    f.batchGradient(theta, new int[] {0, 1, 2, 3}, 0, 4, batch, scratch);
    assertArrayEquals(g, batch, 1e-14, "the whole batch is the full gradient");
  }

  @Test
  void sweepsThatDoNotFitTheSettingsAreRefused() {
    MlpOptions none = options(new int[0], ActivationFunction.RELU);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mlp.settings(none, Mlp.Sweep.parse("activation=tanh,relu")));
    assertTrue(e.getMessage().contains("needs a hidden layer"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Mlp.Sweep.parse("depth=1,2"));
    assertTrue(e.getMessage().contains("--sweep takes hidden="), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Mlp.settings(options(new int[] {4}, ActivationFunction.RELU), Mlp.Sweep.parse("activation=step")));
    assertTrue(e.getMessage().contains("step cannot be trained"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Mlp.settings(options(new int[] {4}, ActivationFunction.RELU), Mlp.Sweep.parse("hidden=2,-1")));
    DesignMatrix d = Datasets.make("spiral", 10, 0, 1);
    assertEquals(10, d.n());
    assertEquals(List.of("(Intercept)", "x1", "x2"), d.terms());
  }
}
