package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.Activation;
import logitlab.model.Diagnostic;
import logitlab.model.Loss;
import logitlab.model.LogisticFit;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.StopReason;
import logitlab.report.DiagnosticText;
import logitlab.model.Optimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training the neuron: every optimizer, loss, activation and option against the logistic GLM.
 *
 * <p>Oracles: R 4.2.2 {@code glm(adopted ~ year + urban + graduate, family = binomial)} on
 * {@code data/uptake.csv} (printed with {@code options(digits = 17)}; 4 Fisher scoring iterations);
 * {@link IrlsFitter} elsewhere, itself checked against R on every bundled dataset by
 * {@link GoldenDatasetsTest}; and, for the squared loss, commons-math's Levenberg-Marquardt on
 * sum_i (sigma(x_i' beta) - y_i)^2, an independent nonlinear least-squares solver.
 *
 * <p>Tolerances, relative to max(1, |beta_j|): {@value #COEF_TOL} for gradient descent with the
 * default settings and for every optimizer that reaches the gradient tolerance; {@value #FAST_TOL}
 * for adam and nesterov (the bar; they in fact reach 1e-9).
 */
class NeuronTrainingTest {
  static final double COEF_TOL = 1e-6;
  static final double FAST_TOL = 1e-4;

  /** R 4.2.2, glm(adopted ~ year + urban + graduate, family = binomial), data/uptake.csv. */
  static final double[] UPTAKE_R = {-421.71639641647641383, 0.20878585715178463, 0.58319689414566078,
    0.94084825741017064};

  private static DesignMatrix load(String name, String... factors) {
    return Golden.bundled(name, factors);
  }

  /** The bundled 0/1 datasets whose maximum-likelihood estimate exists. */
  static Stream<String> bundled() {
    return Stream.of("smoking", "challenger", "exam", "admissions", "uptake");
  }

  static DesignMatrix bundled(String name) {
    return name.equals("admissions") ? load(name, "rank") : load(name);
  }

  static double diff(NeuronFit f, double[] beta) {
    return NeuronFit.maxRelativeDifference(f.logitWeights(), beta);
  }

  @Test
  void defaultsReachRsGlmOnTheCalendarYearData() {
    DesignMatrix d = load("uptake");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults(), glm.aliasedMask(), glm.estimates());
    assertTrue(f.converged(), f.stopReason().jsonName());
    assertTrue(diff(f, UPTAKE_R) < COEF_TOL, "max relative difference from R: " + diff(f, UPTAKE_R));
    assertTrue(diff(f, glm.estimates()) < COEF_TOL);
    assertTrue(f.epochs() < 100, "epochs " + f.epochs());
    assertTrue(words(f).isEmpty() && f.warnings().isEmpty(), words(f) + " " + f.warnings());
  }

  /**
   * Epochs used with the automatic step, as measured when this test was written (JDK 17, x86-64):
   * dataset, nesterov, adam, momentum. A run may use up to 10% more (last-bit differences in exp
   * and log between platforms) but must reach the GLM.
   */
  static Stream<Arguments> recordedEpochs() {
    return Stream.of(
        Arguments.of("smoking", 42, 394, 376),
        Arguments.of("challenger", 38, 399, 394),
        Arguments.of("exam", 30, 357, 381),
        Arguments.of("admissions", 60, 399, 392),
        Arguments.of("uptake", 19, 392, 377));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedEpochs")
  void nesterovAdamAndMomentumReachTheGlm(String name, int nesterov, int adam, int momentum) {
    DesignMatrix d = bundled(name);
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    Object[][] runs = {{Optimizer.NESTEROV, nesterov, FAST_TOL}, {Optimizer.ADAM, adam, FAST_TOL},
      {Optimizer.MOMENTUM, momentum, COEF_TOL}};
    for (Object[] run : runs) {
      Optimizer o = (Optimizer) run[0];
      int recorded = (Integer) run[1];
      NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withOptimizer(o), glm.aliasedMask(),
          glm.estimates());
      assertTrue(f.converged(), o + ": " + f.stopReason().jsonName());
      assertTrue(diff(f, glm.estimates()) < (Double) run[2], o + ": " + diff(f, glm.estimates()));
      assertTrue(f.epochs() <= recorded * 1.1, o + " used " + f.epochs() + " epochs, recorded " + recorded);
      assertEquals(o.cliName(), f.settings().optimizer());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundled")
  void defaultsReachTheGlmAndRecordWhen(String name) {
    DesignMatrix d = bundled(name);
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults(), glm.aliasedMask(), glm.estimates());
    assertTrue(diff(f, glm.estimates()) < COEF_TOL);
    List<NeuronFit.Milestone> m = f.epochsTo();
    assertEquals(List.of("1e-2", "1e-4", "1e-6"), m.stream().map(NeuronFit.Milestone::label).toList());
    assertTrue(m.get(0).reached() && m.get(1).reached() && m.get(2).reached());
    assertTrue(m.get(0).epoch() <= m.get(1).epoch() && m.get(1).epoch() <= m.get(2).epoch()
        && m.get(2).epoch() <= f.epochs(), m.toString());
    // the recorded epoch is the first within the threshold: the history (every epoch here) agrees
    assertEquals(1, f.historyEvery());
    for (NeuronFit.Milestone ms : m) {
      NeuronFit.Snapshot at = f.history().get(ms.epoch());
      assertEquals(ms.epoch(), at.epoch());
      assertTrue(NeuronFit.maxRelativeDifference(at.weights(), glm.estimates()) <= ms.threshold());
      if (ms.epoch() > 0) {
        assertTrue(NeuronFit.maxRelativeDifference(f.history().get(ms.epoch() - 1).weights(), glm.estimates())
            > ms.threshold());
      }
    }
  }

  @Test
  void groupedDataWithTrialsReachTheWeightedGlmAndEqualTheExpandedData() {
    DesignMatrix grouped = DesignMatrixLoader.load(Path.of("data/dollhill.csv"), "data/dollhill.csv", ',',
        new ModelSpec("cases", List.of("cigs", "inhaler"), Map.of(), null, null, ModelSpec.DEFAULT_MAX_LEVELS, null,
            "n"));
    LogisticFit glm = IrlsFitter.fit(grouped, IrlsOptions.defaults());
    for (Optimizer o : new Optimizer[] {Optimizer.GD, Optimizer.NESTEROV, Optimizer.ADAM}) {
      NeuronFit f = NeuronFitter.fit(grouped, NeuronOptions.defaults().withOptimizer(o), glm.aliasedMask(),
          glm.estimates());
      assertTrue(f.converged(), o + " " + f.stopReason().jsonName());
      assertTrue(diff(f, glm.estimates()) < (o == Optimizer.GD ? COEF_TOL : FAST_TOL), o + ": " + diff(f, glm.estimates()));
    }
    // one 0/1 row per man: the same likelihood, so the same optimum
    int total = (int) grouped.totalWeight();
    double[] cigs = new double[total];
    double[] inhaler = new double[total];
    double[] y = new double[total];
    int r = 0;
    for (int i = 0; i < grouped.n(); i++) {
      int trials = (int) grouped.weight(i);
      int cases = (int) Math.round(grouped.y(i) * trials);
      for (int k = 0; k < trials; k++, r++) {
        cigs[r] = grouped.get(i, 1);
        inhaler[r] = grouped.get(i, 2);
        y[r] = k < cases ? 1 : 0;
      }
    }
    DesignMatrix expanded = Designs.of(List.of("cigs", "inhaler"), new double[][] {cigs, inhaler}, y);
    NeuronFit e = NeuronFitter.fit(expanded, NeuronOptions.defaults(), null);
    NeuronFit g = NeuronFitter.fit(grouped, NeuronOptions.defaults(), null);
    assertTrue(NeuronFit.maxRelativeDifference(e.weights(), g.weights()) < COEF_TOL);
    assertEquals(e.loss(), g.loss(), 1e-12, "the loss is per trial in both");
  }

  @Test
  void stochasticOptimizersGetCloseButStopAtTheEpochLimit() {
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    for (Optimizer o : new Optimizer[] {Optimizer.SGD, Optimizer.MINIBATCH}) {
      NeuronOptions opt = NeuronOptions.defaults().withOptimizer(o).withMaxEpochs(NeuronOptions.defaultMaxEpochs(o));
      NeuronFit f = NeuronFitter.fit(d, opt, glm.aliasedMask(), glm.estimates());
      assertEquals(StopReason.MAX_EPOCHS, f.stopReason());
      assertEquals(2000, f.epochs());
      assertTrue(diff(f, glm.estimates()) < 1e-2, o + ": " + diff(f, glm.estimates()));
      assertTrue(f.epochsTo().get(0).reached());
      assertEquals(0, f.diagnostics().window(), "sgd and minibatch are exempt from the no-progress rule");
      assertEquals(o == Optimizer.SGD ? 1 : NeuronOptions.DEFAULT_BATCH_SIZE, f.settings().batchSize());
    }
  }

  @Test
  void tanhWeightsAreHalfTheGlmsCoefficients() {
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withActivation(Activation.TANH), glm.aliasedMask(),
        glm.estimates());
    assertTrue(f.converged());
    double[] w = f.weights();
    double[] beta = glm.estimates();
    for (int j = 0; j < w.length; j++) {
      assertEquals(beta[j] / 2, w[j], COEF_TOL * Math.max(1, Math.abs(beta[j])), "w_" + j + " = beta/2");
    }
    assertTrue(diff(f, beta) < COEF_TOL, "2w compared with beta");
    assertEquals(2.0, f.settings().activation().logitScale());
    assertTrue(words(f).get(0).startsWith("tanh activation"), words(f).toString());
    assertTrue(f.notes().get(0) instanceof Diagnostic.TanhHalves, f.notes().toString());
    // fitted probabilities are those of the GLM
    double[] p = d.rows().collect(b -> f.fitted().of(b.x(), b.rows()));
    double[] mu = d.rows().collect(b -> glm.fitted().of(b.x(), b.rows()));
    for (int i = 0; i < p.length; i++) {
      assertEquals(mu[i], p[i], 1e-7);
    }
  }

  /** Levenberg-Marquardt on r_i(beta) = sigma(x_i' beta) - y_i, from the GLM's estimate. */
  static double[] nonlinearLeastSquares(DesignMatrix d, double[] start) {
    int n = d.n();
    int p = d.p();
    LeastSquaresBuilder b = new LeastSquaresBuilder()
        .start(start)
        .target(d.y())
        .maxEvaluations(10_000)
        .maxIterations(10_000)
        .model(beta -> {
          RealVector value = new ArrayRealVector(n);
          RealMatrix jac = new Array2DRowRealMatrix(n, p);
          for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
              z += d.get(i, j) * beta.getEntry(j);
            }
            double mu = 1 / (1 + Math.exp(-z));
            value.setEntry(i, mu);
            for (int j = 0; j < p; j++) {
              jac.setEntry(i, j, mu * (1 - mu) * d.get(i, j));
            }
          }
          return new Pair<>(value, jac);
        });
    LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(1e-15).withParameterRelativeTolerance(1e-15).withOrthoTolerance(1e-15)
        .optimize(b.build());
    return o.getPoint().toArray();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSourceNames
  void squaredLossReachesTheNonlinearLeastSquaresOptimumNotTheGlm(String name) {
    DesignMatrix d = bundled(name);
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    double[] nls = nonlinearLeastSquares(d, glm.estimates());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED), glm.aliasedMask(),
        glm.estimates());
    assertTrue(f.converged(), f.stopReason().jsonName());
    assertTrue(NeuronFit.maxRelativeDifference(f.weights(), nls) < COEF_TOL,
        "vs Levenberg-Marquardt: " + NeuronFit.maxRelativeDifference(f.weights(), nls));
    assertTrue(diff(f, glm.estimates()) > 1e-3, "the squared loss's optimum is not the GLM's");
    assertTrue(words(f).stream().anyMatch(s -> s.startsWith("squared loss: ")), words(f).toString());
    // tanh with the squared loss: half of the sigmoid's squared-loss optimum
    NeuronFit t = NeuronFitter.fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED)
        .withActivation(Activation.TANH), glm.aliasedMask(), glm.estimates());
    assertTrue(NeuronFit.maxRelativeDifference(t.logitWeights(), nls) < COEF_TOL);
  }

  /** Names for the squared-loss test: the datasets where Levenberg-Marquardt is quick. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @org.junit.jupiter.params.provider.ValueSource(strings = {"smoking", "exam", "admissions"})
  @interface ValueSourceNames {}

  @Test
  void squaredLossFromASaturatedStartShowsTheVanishingGradient() {
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronOptions sat = NeuronOptions.defaults().withInit("5");
    NeuronFit squared = NeuronFitter.fit(d, sat.withLoss(Loss.SQUARED), glm.aliasedMask(), glm.estimates());
    NeuronFit zeros = NeuronFitter.fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED), glm.aliasedMask(),
        glm.estimates());
    NeuronFit ce = NeuronFitter.fit(d, sat, glm.aliasedMask(), glm.estimates());
    // the saturated start costs the squared loss hundreds of epochs, the cross-entropy a few dozen
    assertTrue(squared.epochs() > zeros.epochs() + 500, squared.epochs() + " vs " + zeros.epochs());
    assertTrue(ce.converged() && ce.epochs() < 200 && diff(ce, glm.estimates()) < COEF_TOL);
    // the initial gradient is tiny under the squared loss
    assertTrue(squared.history().get(0).loss() < 0.2);
    String note = words(squared).stream().filter(s -> s.startsWith("vanishing gradient")).findFirst().orElseThrow();
    assertTrue(note.contains("every weight 5") && note.contains("67% of the rows at |z| > 4")
        && note.contains("26% of the rows are confidently wrong") && note.contains("from the same start 0%"),
        note);
    assertTrue(words(ce).stream().anyMatch(s -> s.startsWith("saturated start")), words(ce).toString());
  }

  @Test
  void aHugeStepWithTheSquaredLossStopsOnAPlateauAndTheNoteSaysSo() {
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED).withLearningRate(1e6),
        glm.aliasedMask(), glm.estimates());
    // one step saturates every row; sigma'(z) underflows and the gradient is exactly 0
    assertEquals(StopReason.TOLERANCE, f.stopReason());
    assertEquals(1, f.epochs());
    assertEquals(0.0, f.gradientNorm());
    String note = words(f).stream().filter(s -> s.startsWith("plateau:")).findFirst().orElseThrow();
    assertTrue(note.contains("100% of the rows at |z| > 4") && note.contains("11% of the rows confidently wrong"),
        note);
    // the squared loss at its minimum is no plateau
    NeuronFit ok = NeuronFitter.fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED), glm.aliasedMask(),
        glm.estimates());
    assertTrue(words(ok).stream().noneMatch(s -> s.startsWith("plateau:")), words(ok).toString());
  }

  @Test
  void rawInputsWithACalendarYearCrawlAndTheNoteSaysWhy() {
    DesignMatrix d = load("uptake");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withStandardize(false).withMaxEpochs(20_000),
        glm.aliasedMask(), glm.estimates());
    assertEquals(StopReason.MAX_EPOCHS, f.stopReason());
    assertFalse(f.converged());
    assertTrue(diff(f, glm.estimates()) > 0.5, "still far from the GLM: " + diff(f, glm.estimates()));
    assertFalse(f.epochsTo().get(0).reached());
    String note = words(f).get(0);
    assertTrue(note.startsWith("raw inputs (--no-standardize)") && note.contains("year: mean 2014")
        && note.contains("condition number 4.977e+11") && note.contains("standardised: 1.213"), note);
    // the sds quoted are R's sd() (n - 1 denominator): sd(year) = 5.768, sd(graduate) = 0.4776
    // (R 4.2.2); the n-denominator sds that standardise the inputs are 5.761 and 0.477
    assertTrue(note.contains("year: mean 2014, sd 5.768;") && note.contains("graduate: mean 0.35, sd 0.4776)"), note);
    for (double w : f.weights()) {
      assertTrue(Double.isFinite(w));
    }
    // Adam on the same raw inputs neither diverges nor produces NaN (its automatic step is scaled)
    NeuronFit adam = NeuronFitter.fit(d, NeuronOptions.defaults().withStandardize(false)
        .withOptimizer(Optimizer.ADAM).withMaxEpochs(2000), glm.aliasedMask(), glm.estimates());
    assertEquals(StopReason.MAX_EPOCHS, adam.stopReason());
    assertTrue(words(adam).get(0).contains("only centring removes that"), words(adam).toString());
  }

  @Test
  void divergenceStopsWithFiniteWeightsAndSuggestsAStep() {
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withLearningRate(50), glm.aliasedMask(),
        glm.estimates());
    assertEquals(StopReason.DIVERGENCE, f.stopReason());
    assertFalse(f.converged());
    for (double w : f.weights()) {
      assertTrue(Double.isFinite(w));
    }
    assertTrue(Double.isFinite(f.loss()) && Double.isFinite(f.gradientNorm()));
    // the report words the advice (report.NeuronAdviceTest) from these numbers
    assertEquals(3.736, f.diagnostics().autoLearningRate(), 5e-4);
    assertTrue(f.diagnostics().bestEpoch() < f.epochs() && !f.diagnostics().overflowed());
    for (NeuronFit.Snapshot s : f.history()) {
      assertTrue(Double.isFinite(s.loss()));
    }
    // overflow: an enormous step with the cross-entropy
    NeuronFit g = NeuronFitter.fit(d, NeuronOptions.defaults().withLearningRate(1e300), glm.aliasedMask(),
        glm.estimates());
    assertEquals(StopReason.DIVERGENCE, g.stopReason());
    for (double w : g.weights()) {
      assertTrue(Double.isFinite(w));
    }
    // Adam at its standardised-input rate on raw inputs: the first step moves z by about 0.1 x 2014
    NeuronFit m = NeuronFitter.fit(load("uptake"), NeuronOptions.defaults().withStandardize(false)
        .withOptimizer(Optimizer.ADAM).withLearningRate(0.1).withMaxEpochs(100), null, null);
    assertEquals(StopReason.DIVERGENCE, m.stopReason());
    assertEquals(1, m.epochs());
    assertEquals(0.000496, m.diagnostics().autoLearningRate(), 5e-7);
  }

  @Test
  void aStepThatOscillatesStopsWithNoProgressAndReportsTheBestWeights() {
    // --learning-rate 30 on smoking.csv: 8 times 1/L, below divergence but above 2/L of the
    // curvature near the optimum, so gradient descent oscillates (before the rule: for all 200,000
    // epochs, the loss between 0.31 and 0.44, the last weights 0.31 from the GLM)
    DesignMatrix d = load("smoking");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withLearningRate(30), glm.aliasedMask(),
        glm.estimates());
    NeuronFit.Diagnostics g = f.diagnostics();
    assertEquals(StopReason.NO_PROGRESS, f.stopReason());
    assertFalse(f.converged());
    assertEquals(NeuronFitter.WINDOW_GD, g.window());
    assertEquals(g.lastProgressEpoch() + g.window(), f.epochs());
    assertEquals(8, g.bestEpoch());
    assertTrue(g.windowLossLow() < g.windowLossHigh() && f.loss() <= g.windowLossLow(), g.toString());
    NeuronFit.Snapshot best = f.history().stream().filter(h -> h.epoch() == g.bestEpoch()).findFirst().orElseThrow();
    assertArrayEquals(best.weights(), f.weights(), 1e-12, "the weights of the lowest loss, not the last ones");
    assertEquals(best.loss(), f.loss(), 1e-15);
    assertTrue(diff(f, glm.estimates()) < 1e-2, "the best weights are close: " + diff(f, glm.estimates()));
    // the window is at most half the epoch limit, so a short run also says it
    NeuronFit shortRun = NeuronFitter.fit(d, NeuronOptions.defaults().withLearningRate(30).withMaxEpochs(500),
        glm.aliasedMask(), glm.estimates());
    assertEquals(StopReason.NO_PROGRESS, shortRun.stopReason());
    assertEquals(250, shortRun.diagnostics().window());
    assertEquals(258, shortRun.epochs());
    // Nesterov at 4/L oscillates the same way (before: 200,000 epochs, no new low after epoch 9)
    NeuronFit nesterov = NeuronFitter.fit(d, NeuronOptions.defaults().withOptimizer(Optimizer.NESTEROV)
        .withLearningRate(4 * g.autoLearningRate()), glm.aliasedMask(), glm.estimates());
    assertEquals(StopReason.NO_PROGRESS, nesterov.stopReason());
    assertEquals(NeuronFitter.WINDOW_OTHER, nesterov.diagnostics().window());
  }

  /**
   * Slow but real progress is never stopped. A sweep without the rule over every bundled dataset,
   * optimizer, scaling, loss and activation (and steps of 0.5 to 16 times the automatic one) found
   * that a run that converges reaches a new low of the loss or the gradient norm at least every
   * epoch with gd (its loss alone stalls at rounding level for up to 6,031 epochs, hence the
   * gradient norm too), every 398
   * epochs with momentum, 7,720 with Adam (raw inputs) and 12,297 with Nesterov (raw inputs,
   * squared loss): under the windows of 1,000 and 20,000. The slowest of them are run here.
   */
  @Test
  void slowButRealProgressIsNotStopped() {
    DesignMatrix uptake = load("uptake");
    LogisticFit glm = IrlsFitter.fit(uptake, IrlsOptions.defaults());
    // raw calendar years: condition number 5e11, a new low every epoch, far from the GLM
    NeuronFit raw = NeuronFitter.fit(uptake, NeuronOptions.defaults().withStandardize(false).withMaxEpochs(20_000),
        glm.aliasedMask(), glm.estimates());
    assertEquals(StopReason.MAX_EPOCHS, raw.stopReason());
    assertEquals(raw.epochs(), raw.diagnostics().lastProgressEpoch());
    assertTrue(raw.diagnostics().epochsPerTenfold() > 1e12, raw.diagnostics().toString());
    Object[][] converge = {
      // dataset, optimizer, loss, epochs to the tolerance on raw inputs
      {"exam", Optimizer.GD, Loss.CROSS_ENTROPY, 3606},      // 172 epochs in a row without a new low of the loss
      {"smoking", Optimizer.ADAM, Loss.CROSS_ENTROPY, 14228}, // 7,720 epochs without a new low of either
      {"challenger", Optimizer.NESTEROV, Loss.SQUARED, 24472}, // 12,297 epochs without a new low of either
    };
    for (Object[] c : converge) {
      DesignMatrix d = bundled((String) c[0]);
      LogisticFit gl = IrlsFitter.fit(d, IrlsOptions.defaults());
      NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withOptimizer((Optimizer) c[1]).withStandardize(false)
          .withLoss((Loss) c[2]), gl.aliasedMask(), gl.estimates());
      assertEquals(StopReason.TOLERANCE, f.stopReason(), c[0] + " " + c[1] + " raw: " + f.epochs() + " epochs");
      assertEquals((Integer) c[3], f.epochs(), 0.01 * (Integer) c[3], c[0] + " " + c[1]);
    }
    // grouped data, gd on raw inputs: 88,762 epochs, the loss alone stalling for 6,031 of them
    DesignMatrix grouped = DesignMatrixLoader.load(Path.of("data/dollhill.csv"), "data/dollhill.csv", ',',
        new ModelSpec("cases", List.of("cigs", "inhaler"), Map.of(), null, null, ModelSpec.DEFAULT_MAX_LEVELS, null,
            "n"));
    NeuronFit g = NeuronFitter.fit(grouped, NeuronOptions.defaults().withStandardize(false), null);
    assertEquals(StopReason.TOLERANCE, g.stopReason());
    assertEquals(88762, g.epochs(), 900);
  }

  @Test
  void noBundledDatasetStopsForNoProgressWithAnyOptimizerOnStandardisedInputs() {
    for (String name : List.of("smoking", "challenger", "exam", "admissions", "uptake", "endometrial",
        "separated")) {
      DesignMatrix d = bundled(name);
      LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
      for (Optimizer o : Optimizer.values()) {
        // at most 50,000 epochs: the separated data never converge, and the windows stay the same
        NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withOptimizer(o)
            .withMaxEpochs(Math.min(50_000, NeuronOptions.defaultMaxEpochs(o))), glm.aliasedMask(), glm.estimates());
        assertNotEquals(StopReason.NO_PROGRESS, f.stopReason(), name + " " + o);
        assertEquals(o.stochastic() ? 0 : o == Optimizer.GD ? NeuronFitter.WINDOW_GD : NeuronFitter.WINDOW_OTHER,
            f.diagnostics().window());
      }
    }
  }

  @Test
  void historyIsBoundedEvenlySpacedAndEndsAtTheLastEpoch() {
    DesignMatrix d = load("smoking");
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withStandardize(false).withMaxEpochs(30_000), null);
    assertEquals(30_000, f.epochs());
    List<NeuronFit.Snapshot> h = f.history();
    assertTrue(h.size() >= TrainingHistory.CAPACITY / 2 && h.size() <= TrainingHistory.CAPACITY + 1, "" + h.size());
    assertEquals(0, h.get(0).epoch());
    assertEquals(30_000, h.get(h.size() - 1).epoch());
    for (int i = 1; i < h.size() - 1; i++) {
      assertEquals(f.historyEvery(), h.get(i).epoch() - h.get(i - 1).epoch());
    }
    assertArrayEquals(f.weights(), h.get(h.size() - 1).weights());
    assertEquals(f.loss(), h.get(h.size() - 1).loss());
    // a run of any length keeps the same bound
    TrainingHistory t = new TrainingHistory();
    for (int e = 0; e <= 3_000_000; e++) {
      if (t.wants(e)) {
        t.add(e, 1.0 / (e + 1), new double[] {e});
      }
    }
    List<NeuronFit.Snapshot> long3m = t.finish(3_000_000, 0, new double[] {3e6});
    assertTrue(long3m.size() >= TrainingHistory.CAPACITY / 2 && long3m.size() <= TrainingHistory.CAPACITY + 1);
    assertEquals(3_000_000, long3m.get(long3m.size() - 1).epoch());
  }

  @Test
  void theSeedChangesOnlyWhatIsRandom() {
    DesignMatrix d = load("smoking");
    NeuronOptions gd = NeuronOptions.defaults();
    NeuronFit a = NeuronFitter.fit(d, gd.withSeed(1), null);
    NeuronFit b = NeuronFitter.fit(d, gd.withSeed(2), null);
    assertArrayEquals(a.weights(), b.weights());
    assertEquals(a.epochs(), b.epochs());
    assertFalse(a.settings().seedUsed());
    NeuronOptions sgd = gd.withOptimizer(Optimizer.SGD).withMaxEpochs(50);
    NeuronFit s1 = NeuronFitter.fit(d, sgd.withSeed(1), null);
    NeuronFit s1again = NeuronFitter.fit(d, sgd.withSeed(1), null);
    NeuronFit s2 = NeuronFitter.fit(d, sgd.withSeed(2), null);
    assertArrayEquals(s1.weights(), s1again.weights());
    assertNotEquals(s1.weights()[1], s2.weights()[1]);
    assertTrue(s1.settings().seedUsed());
    NeuronOptions rnd = gd.withInit("random");
    NeuronFit r1 = NeuronFitter.fit(d, rnd.withSeed(1), null);
    NeuronFit r2 = NeuronFitter.fit(d, rnd.withSeed(2), null);
    assertNotEquals(r1.history().get(0).weights()[1], r2.history().get(0).weights()[1]);
    assertArrayEquals(r1.history().get(0).weights(), NeuronFitter.fit(d, rnd.withSeed(1), null).history().get(0)
        .weights());
    // both still reach the same optimum
    assertTrue(NeuronFit.maxRelativeDifference(r1.weights(), r2.weights()) < COEF_TOL);
  }

  @Test
  void randomInitialWeightsHaveTheRequestedScale() {
    SplittableRandom rng = new SplittableRandom(7);
    double[] w = NeuronFitter.randomWeights(20_000, 0.5, rng);
    double m = 0;
    double ss = 0;
    for (double v : w) {
      m += v;
      ss += v * v;
    }
    m /= w.length;
    assertEquals(0, m, 0.02);
    assertEquals(0.5, Math.sqrt(ss / w.length - m * m), 0.01);
  }

  @Test
  void randomDesignsOverFixedSeedsWithEveryFullBatchOptimizer() {
    for (long seed = 1; seed <= 3; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 500;
      double[] a = new double[n];
      double[] b = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = 1990 + 30 * rnd.nextDouble();
        b[i] = rnd.nextInt(2);
        double eta = -0.1 * (a[i] - 2005) + 0.8 * b[i];
        y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      }
      DesignMatrix d = Designs.of(List.of("year", "b"), new double[][] {a, b}, y);
      LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
      for (Optimizer o : new Optimizer[] {Optimizer.GD, Optimizer.MOMENTUM, Optimizer.NESTEROV, Optimizer.ADAM}) {
        NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults().withOptimizer(o), glm.aliasedMask(),
            glm.estimates());
        assertTrue(f.converged(), o + " seed " + seed);
        assertTrue(diff(f, glm.estimates()) < (o == Optimizer.GD ? COEF_TOL : FAST_TOL), o + " seed " + seed);
      }
    }
  }

  @Test
  void optionsValidateThemselves() {
    NeuronOptions d = NeuronOptions.defaults();
    InvalidSetting e = assertThrows(InvalidSetting.class, () -> d.withBatchSize(16));
    assertEquals(InvalidSetting.Setting.BATCH_SIZE_OPTIMIZER, e.setting());
    assertEquals("gd", e.given());
    assertEquals(16, d.withOptimizer(Optimizer.MINIBATCH).withBatchSize(16).rowsPerStep());
    assertEquals(NeuronOptions.DEFAULT_BATCH_SIZE, d.withOptimizer(Optimizer.MINIBATCH).rowsPerStep());
    assertEquals(1, d.withOptimizer(Optimizer.SGD).rowsPerStep());
    assertEquals(0, d.rowsPerStep());
    assertEquals(InvalidSetting.Setting.INIT, assertThrows(InvalidSetting.class, () -> d.withInit("large")).setting());
    assertEquals(InvalidSetting.Setting.BATCH_SIZE, assertThrows(InvalidSetting.class,
        () -> d.withOptimizer(Optimizer.MINIBATCH).withBatchSize(-1)).setting());
    assertThrows(IllegalArgumentException.class, () -> d.withInit("1e9"));
    assertThrows(IllegalArgumentException.class, () -> d.withInit("NaN"));
    assertEquals("zeros", d.withInit("0").init());
    assertEquals("5", d.withInit("5.0").init());
    assertEquals("random", d.withInit(" Random ").init());
    assertEquals(InvalidSetting.Setting.LEARNING_RATE,
        assertThrows(InvalidSetting.class, () -> d.withLearningRate(-1)).setting());
    assertEquals(InvalidSetting.Setting.MAX_EPOCHS, assertThrows(InvalidSetting.class, () -> d.withMaxEpochs(0)).setting());
    assertEquals(InvalidSetting.Setting.TOLERANCE, assertThrows(InvalidSetting.class, () -> d.withTolerance(0)).setting());
    assertEquals(Optimizer.NESTEROV, Optimizer.parse("Nesterov"));
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> Optimizer.parse("rmsprop"));
    assertTrue(p.getMessage().contains("gd, momentum, nesterov, sgd, minibatch, adam"), p.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
    assertThrows(IllegalArgumentException.class, () -> Activation.parse("relu"));
  }

  /** The neuron's notes in the words the report gives them. */
  private static List<String> words(NeuronFit f) {
    return f.notes().stream().map(DiagnosticText::neuron).toList();
  }
}
