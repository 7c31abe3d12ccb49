package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.Diagnostic;
import logitlab.model.NeuronFit.Snapshot;
import logitlab.model.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks and settings around the fits, at their boundaries (issue 11: each found by a mutant no
 * test noticed): the preconditions of every fitter, the ranges of the options, two-sided p values
 * against R, the training history's thinning, the timings switch, and what the comparison adds.
 */
class FitSettingsTest {

  private static void invalid(InvalidSetting.Setting setting, String given, Executable code) {
    InvalidSetting e = assertThrows(InvalidSetting.class, code);
    assertEquals(setting, e.setting());
    assertEquals(given, e.given());
  }

  // ---- preconditions

  private static FitException.Reason reason(DesignMatrix d) {
    return assertThrows(FitException.class, () -> IrlsFitter.fit(d)).reason();
  }

  @Test
  void aModelNeedsMoreRowsThanCoefficients() {
    // 3 rows, 3 coefficients: refused; 4 rows: fitted
    DesignMatrix three = Designs.of(List.of("a", "b"), new double[][] {{1, 2, 3}, {0, 1, 0}}, new double[] {0, 1, 0});
    FitException.TooFewRows r = assertInstanceOf(FitException.TooFewRows.class, reason(three));
    assertEquals(3, r.rows());
    assertEquals(List.of("(Intercept)", "a", "b"), r.terms());
    assertEquals("test.csv", r.file());
    DesignMatrix four = Designs.of(List.of("a"), new double[][] {{1, 2, 3, 4}}, new double[] {0, 1, 0, 1});
    assertEquals(2, IrlsFitter.fit(four).estimates().length);
  }

  @TempDir Path dir;

  private DesignMatrix weighted(String weights) throws IOException {
    StringBuilder csv = new StringBuilder("x,y,w\n");
    String[] w = weights.split(" ");
    for (int i = 0; i < w.length; i++) {
      csv.append(i + 1).append(',').append(i % 2).append(',').append(w[i]).append('\n');
    }
    Path f = Files.writeString(dir.resolve("w" + weights.hashCode() + ".csv"), csv);
    return DesignMatrixLoader.load(f, "w.csv", ',',
        new ModelSpec("y", List.of("x"), Map.of(), null, Set.of()).withWeights("w", null));
  }

  @Test
  void noWeightAndOneWeightedClassAreRefused() throws IOException {
    assertInstanceOf(FitException.NoWeight.class, reason(weighted("0 0 0 0 0 0")));
    // weight only on the non-events (odd rows are events): weighted events 0
    FitException.OneClass zero = assertInstanceOf(FitException.OneClass.class, reason(weighted("1 0 2 0 1 0")));
    assertEquals("y", zero.outcome());
    assertEquals(6, zero.rows());
    assertEquals("w.csv", zero.file());
    // weight only on the events: weighted events = total weight
    assertInstanceOf(FitException.OneClass.class, reason(weighted("0 1 0 3 0 1")));
  }

  // ---- options

  @Test
  void glmSettingsAreOpenIntervals() {
    invalid(InvalidSetting.Setting.EPSILON, "0.0", () -> new IrlsOptions(0, 25, 0.95, IrlsOptions.CiMethod.WALD));
    invalid(InvalidSetting.Setting.EPSILON, "1.0", () -> new IrlsOptions(1, 25, 0.95, IrlsOptions.CiMethod.WALD));
    invalid(InvalidSetting.Setting.CONF, "0.0", () -> new IrlsOptions(1e-8, 25, 0, IrlsOptions.CiMethod.WALD));
    invalid(InvalidSetting.Setting.CONF, "1.0", () -> new IrlsOptions(1e-8, 25, 1, IrlsOptions.CiMethod.WALD));
    invalid(InvalidSetting.Setting.MAX_ITERATIONS, "0", () -> new IrlsOptions(1e-8, 0, 0.95, IrlsOptions.CiMethod.WALD));
    invalid(InvalidSetting.Setting.FIRTH_MAX_ITERATIONS, "0",
        () -> new IrlsOptions(1e-8, 1, 0.95, IrlsOptions.CiMethod.WALD, 0));
    IrlsOptions edge = new IrlsOptions(0.999, 1, 0.999, IrlsOptions.CiMethod.PROFILE, 1);
    assertEquals(0.999, edge.conf());
    assertEquals(IrlsOptions.FIRTH_MAX_ITERATIONS, IrlsOptions.defaults().firthMaxIterations());
    assertEquals("profile", IrlsOptions.CiMethod.PROFILE.label());
  }

  @Test
  void theThresholdIsAnOpenInterval() {
    CompareOptions d = CompareOptions.defaults();
    assertEquals(0.5, d.threshold());
    assertFalse(d.firth());
    assertNull(d.robust());
    invalid(InvalidSetting.Setting.THRESHOLD, "0.0",
        () -> new CompareOptions(IrlsOptions.defaults(), NeuronOptions.defaults(), null, false, 0));
    invalid(InvalidSetting.Setting.THRESHOLD, "1.0",
        () -> new CompareOptions(IrlsOptions.defaults(), NeuronOptions.defaults(), null, false, 1));
    assertEquals(0.001,
        new CompareOptions(IrlsOptions.defaults(), NeuronOptions.defaults(), null, false, 0.001).threshold());
  }

  @Test
  void neuronSettingsAtTheirLimits() {
    NeuronOptions o = NeuronOptions.defaults();
    invalid(InvalidSetting.Setting.LEARNING_RATE, "0.0", () -> o.withLearningRate(0));
    invalid(InvalidSetting.Setting.LEARNING_RATE, "Infinity", () -> o.withLearningRate(Double.POSITIVE_INFINITY));
    assertEquals(1e-300, o.withLearningRate(1e-300).learningRate());
    assertEquals("1000", o.withInit("1000").init());
    assertEquals("-1000", o.withInit("-1000").init());
    invalid(InvalidSetting.Setting.INIT, "1000.5", () -> o.withInit("1000.5"));
    invalid(InvalidSetting.Setting.TOLERANCE, "0.0", () -> o.withTolerance(0));
    assertEquals(1e-3, o.withTolerance(1e-3).tolerance());
    invalid(InvalidSetting.Setting.MAX_EPOCHS, "0", () -> o.withMaxEpochs(0));
  }

  // ---- p values

  /** R 4.2.2: 2 * pnorm(-z) and 2 * pt(-t, df), printed with %.17g; to 1e-15 absolute (1e-11 relative in the far tail). */
  @Test
  void twoSidedPValuesAsR() {
    assertEquals(0.049995790296440856, Inference.normalTwoSided(1.96), 1e-15);
    assertEquals(0.049995790296440856, Inference.normalTwoSided(-1.96), 1e-15);
    assertEquals(0.76417715562209465, Inference.normalTwoSided(0.3), 1e-15);
    assertEquals(9.8134278542963744e-198, Inference.normalTwoSided(30), 1e-11 * 9.8e-198); // relative 1e-11
    assertTrue(Double.isNaN(Inference.normalTwoSided(Double.NaN)));
    assertEquals(0.10193947882985828, Inference.studentTwoSided(2, 5), 1e-12);
    assertEquals(3.438068078915854e-05, Inference.studentTwoSided(-40, 3), 1e-16);
    assertEquals(0.70483276469913358, Inference.studentTwoSided(0.5, 1), 1e-12);
    assertTrue(Double.isNaN(Inference.studentTwoSided(Double.NaN, 5)));
    assertTrue(Double.isNaN(Inference.studentTwoSided(2, 0)));
  }

  // ---- training history

  @Test
  void theHistoryHalvesWhenItReachesItsCapacity() {
    TrainingHistory h = new TrainingHistory();
    for (int epoch = 0; epoch < TrainingHistory.CAPACITY - 1; epoch++) {
      h.add(epoch, epoch, new double[] {epoch});
    }
    assertEquals(1, h.every());
    h.add(TrainingHistory.CAPACITY - 1, -1, new double[] {-1}); // the 400th entry: every other is dropped
    assertEquals(2, h.every());
    assertTrue(h.wants(400));
    assertFalse(h.wants(401));
    List<Snapshot> out = h.finish(TrainingHistory.CAPACITY - 1, 12345, new double[] {9});
    assertEquals(TrainingHistory.CAPACITY / 2 + 1, out.size());
    assertEquals(0, out.get(0).epoch());
    assertEquals(398, out.get(out.size() - 2).epoch());
    // the last epoch was recorded and then dropped by the halving: it comes back as recorded
    Snapshot last = out.get(out.size() - 1);
    assertEquals(399, last.epoch());
    assertEquals(-1, last.loss());
    // an epoch never recorded is added with the values given
    Snapshot fresh = h.finish(401, 7, new double[] {3}).get(TrainingHistory.CAPACITY / 2);
    assertEquals(401, fresh.epoch());
    assertEquals(7, fresh.loss());
  }

  // ---- timings

  @Test
  void theTimingsSwitchReadsItsProperty() {
    assumeTrue(System.getenv(Phases.ENV) == null);
    String old = System.getProperty(Phases.PROPERTY);
    try {
      for (String on : List.of("1", "yes", "TRUE")) {
        System.setProperty(Phases.PROPERTY, on);
        assertTrue(Phases.requested(), on);
      }
      for (String off : List.of("", "0", "false", "False")) {
        System.setProperty(Phases.PROPERTY, off);
        assertFalse(Phases.requested(), off);
      }
      System.clearProperty(Phases.PROPERTY);
      assertFalse(Phases.requested());
    } finally {
      if (old == null) {
        System.clearProperty(Phases.PROPERTY);
      } else {
        System.setProperty(Phases.PROPERTY, old);
      }
    }
    try (Phases.Recorder r = Phases.start()) {
      assertNotNull(r);
      assertEquals(3, Phases.time("x", () -> 3));
      assertTrue(r.seconds().get("x") >= 0);
    }
    assertSame(Boolean.TRUE, Phases.time("y", () -> Boolean.TRUE)); // no recorder: just runs
  }

  // ---- the comparison

  private static CompareOptions quick(boolean firth) {
    return new CompareOptions(IrlsOptions.defaults(), NeuronOptions.defaults().withMaxEpochs(3000), null, firth, 0.5);
  }

  @Test
  void aSeparatedComparisonWarnsOnTheNeuronAndFitsFirthWhenAsked() {
    DesignMatrix sep = Designs.of(List.of("x"), new double[][] {{1, 2, 3, 4, 5, 6}}, new double[] {0, 0, 0, 1, 1, 1});
    Comparison c = Comparer.compare(sep, List.of(), quick(true));
    assertTrue(c.logistic().separation().detected());
    assertTrue(c.neuron().warnings().stream().anyMatch(w -> w instanceof Diagnostic.Separated), c.neuron().warnings().toString());
    assertNotNull(c.firth());
    assertTrue(c.defaultPoints());
    assertEquals(List.of(Map.of("x", "1"), Map.of("x", "6")), c.predictions().stream().map(p -> p.at()).toList());
    DesignMatrix mixed = Designs.of(List.of("x"), new double[][] {{1, 2, 3, 4, 5, 6}}, new double[] {0, 1, 0, 1, 1, 0});
    Comparison m = Comparer.compare(mixed, List.of(Map.of("x", "2.5")), quick(false));
    assertFalse(m.logistic().separation().detected());
    assertEquals(List.of(), m.neuron().warnings());
    assertNull(m.firth());
    assertFalse(m.defaultPoints());
    assertEquals(1, m.predictions().size());
    assertEquals(Map.of("x", "2.5"), m.predictions().get(0).at());
  }
}
