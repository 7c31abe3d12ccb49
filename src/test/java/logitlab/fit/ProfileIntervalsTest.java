package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.Coefficient;
import logitlab.model.Interval;
import logitlab.model.LogisticFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profile intervals where an end does not exist or cannot be found (issue 9): every end is a number
 * or a kind that says why not, never an exception.
 *
 * <p>Golden values in {@code src/test/resources/golden/profile/*.json}, written by
 * {@code scripts/golden-profile.R} (R 4.2.2, lpSolve 5.6.18): an end is infinite when a linear
 * program finds a strictly separating direction whose coefficient has that sign (a proof that the
 * likelihood never falls far enough); a finite end is the exact root of the profile deviance
 * (optimize + uniroot, tol 1e-12). Tolerance of finite ends {@value #CI_TOL} relative.
 * {@code separated30.csv} (scripts/make-crash-data.py: 250 rows, 30 correlated predictors on scales
 * 0.01 to 1000, completely separated) made {@code --ci profile} throw NoBracketingException.
 */
class ProfileIntervalsTest {
  static final double CI_TOL = 1e-6;

  static DesignMatrix load(String file, String outcome, Map<String, String> factors) {
    return Golden.csv(file, new ModelSpec(outcome, null, factors, null, null));
  }

  static void assertMatchesGolden(String golden, LogisticFit f) throws IOException {
    JsonNode g = Golden.read(Golden.DIR.resolve("profile").resolve(golden));
    for (int j = 0; j < f.intervals().size(); j++) {
      Interval iv = f.intervals().get(j);
      String term = f.coefficients().get(j).term();
      assertEquals(g.get("terms").get(j).asText(), term);
      end(term + " low", g.get("profileLow").get(j), iv.low(), iv.lowEnd());
      end(term + " high", g.get("profileHigh").get(j), iv.high(), iv.highEnd());
    }
  }

  private static void end(String what, JsonNode expected, double actual, Interval.End kind) {
    if (expected.isNull()) {
      assertEquals(Interval.End.ALIASED, kind, what);
    } else if (expected.isTextual()) {
      double inf = expected.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      assertEquals(Interval.End.UNBOUNDED, kind, what);
      assertEquals(inf, actual, what);
    } else {
      assertEquals(Interval.End.FINITE, kind, what);
      Golden.rel(what, expected.asDouble(), actual, CI_TOL);
    }
  }

  /** One predictor, complete separation: the intercept is (-Inf, -6.1127], hours [1.9604, Inf). */
  @Test
  void separatedProfileHasInfiniteEndsAndExactFiniteOnes() throws IOException {
    DesignMatrix d = load("data/separated.csv", null, Map.of());
    LogisticFit f = IrlsFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertFalse(f.converged());
    assertMatchesGolden("separated.json", f);
  }

  /**
   * Every bundled and test data set with a logistic fit (golden/profile/*.json): each end a number
   * within {@value #CI_TOL} of R's exact root, infinite exactly where R's linear program proves it,
   * or aliased. The JSON names the model as logitlab's options would (outcome, predictors,
   * factors, trials, weights, positive, na).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("profileGoldens")
  void everyDataSetsProfileEndsAgreeWithR(String golden) throws IOException {
    JsonNode g = Golden.read(Golden.DIR.resolve("profile").resolve(golden));
    DesignMatrix d = DesignMatrixLoader.load(Path.of(g.get("file").asText()), g.get("file").asText(), ',',
        spec(g));
    LogisticFit f = IrlsFitter.fit(d, new IrlsOptions(1e-8, 25, g.get("conf").asDouble(),
        IrlsOptions.CiMethod.PROFILE));
    assertMatchesGolden(golden, f);
  }

  static Stream<String> profileGoldens() throws IOException {
    try (Stream<Path> files = Files.list(Golden.DIR.resolve("profile"))) {
      // separated and separated30 have tests of their own (below and above)
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .filter(n -> !n.startsWith("separated")).sorted().toList();
      assertTrue(names.size() >= 23, names.toString());
      return names.stream();
    }
  }

  private static ModelSpec spec(JsonNode g) {
    Map<String, String> factors = new LinkedHashMap<>();
    if (g.has("factors")) {
      g.get("factors").fieldNames().forEachRemaining(k -> factors.put(k, null));
    }
    List<String> predictors = null;
    if (g.has("predictors")) {
      predictors = new ArrayList<>();
      for (JsonNode t : g.get("predictors")) {
        predictors.add(t.asText());
      }
    }
    Set<String> na = text(g, "na") == null ? Set.of() : Set.of(text(g, "na"));
    return new ModelSpec(text(g, "outcome"), predictors, factors, text(g, "positive"), na,
        ModelSpec.DEFAULT_MAX_LEVELS, text(g, "weights"), text(g, "trials"));
  }

  private static String text(JsonNode g, String key) {
    return g.hasNonNull(key) ? g.get(key).asText() : null;
  }

  /**
   * Quasi-complete separation (x = 4 has both outcomes): the intercept's lower end is -Inf, as R's
   * linear program proves (the deviance along (-4, 1) tends to that of the two tied rows, the
   * fit's own). Before the profile followed its inner fits by continuation and checked that each
   * reached its optimum, an inner IRLS stuck at the +-30 eta clamp was taken for a root: -191.91.
   */
  @Test
  void quasiSeparatedInterceptHasNoLowerEnd() throws IOException {
    DesignMatrix d = load("src/test/resources/separation/quasi.csv", null, Map.of());
    LogisticFit f = IrlsFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertTrue(f.converged());
    Interval intercept = f.intervals().get(0);
    assertEquals(Interval.End.UNBOUNDED, intercept.lowEnd());
    assertEquals(Double.NEGATIVE_INFINITY, intercept.low());
    assertMatchesGolden("quasi.json", f);
  }

  /** The crash of issue 9: 30 correlated predictors, completely separated; every end is infinite. */
  @Test
  void thirtySeparatedPredictorsGiveInfiniteEndsNotAnException() throws IOException {
    DesignMatrix d = load("src/test/resources/crashes/separated30.csv", null, Map.of());
    LogisticFit f = IrlsFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertTrue(f.separation().detected());
    assertMatchesGolden("separated30.json", f);
  }

  /** Without convergence (and without separation to explain it) the profile has no reference. */
  @Test
  void profileOfAnUnconvergedFitIsNotDefined() {
    DesignMatrix d = load("data/smoking.csv", null, Map.of());
    LogisticFit f = IrlsFitter.fit(d, new IrlsOptions(1e-8, 1, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertFalse(f.converged());
    for (Interval iv : f.intervals()) {
      assertEquals(Interval.End.FIT_NOT_CONVERGED, iv.lowEnd());
      assertEquals(Interval.End.FIT_NOT_CONVERGED, iv.highEnd());
      assertTrue(Double.isNaN(iv.low()) && Double.isNaN(iv.high()));
    }
    LogisticFit firth = FirthFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE, 1));
    assertFalse(firth.converged());
    assertEquals(1, firth.iterations());
    assertTrue(firth.intervals().stream().allMatch(iv -> iv.lowEnd() == Interval.End.FIT_NOT_CONVERGED));
  }

  /** A standard error that is not a number gives a Wald interval that says so, not NaN +- z NaN. */
  @Test
  void waldIntervalOfANonFiniteStandardError() {
    List<Interval> iv = GlmInference.waldIntervals(List.of(
        new Coefficient("a", 1.5, Double.NaN, Double.NaN, Double.NaN),
        new Coefficient("b", 1.5, Double.POSITIVE_INFINITY, 0, 1),
        Coefficient.aliased("c"),
        new Coefficient("d", 1.5, 0.5, 3, 0.003)), 0.95);
    assertEquals(Interval.End.NO_STD_ERROR, iv.get(0).lowEnd());
    assertEquals(Interval.End.NO_STD_ERROR, iv.get(1).highEnd());
    assertEquals(Interval.End.ALIASED, iv.get(2).lowEnd());
    assertTrue(iv.get(3).finite());
    assertEquals(1.5 - 0.5 * 1.959963984540054, iv.get(3).low(), 1e-12);
  }

  /**
   * MASS's birthwt, low ~ bwt (low = bwt &lt; 2500 g, completely separated): Firth's fit converges
   * with the default limit, where 25 iterations with logistf's step cap of 5 did not (brglm2
   * converges in 29, src/test/resources/golden/firth/birthwt.json; estimates and profile intervals
   * are checked against it in FirthFitterTest).
   */
  @Test
  void firthConvergesOnBirthweightWithItsOwnDefaults() throws IOException {
    JsonNode g = Golden.read("firth", "birthwt");
    DesignMatrix d = Golden.design(g);
    LogisticFit f = FirthFitter.fit(d);
    assertTrue(f.converged());
    assertEquals(IrlsOptions.FIRTH_MAX_ITERATIONS, IrlsOptions.defaults().firthMaxIterations());
    assertTrue(f.iterations() <= g.get("brglm2Defaults").get("iterations").asInt(), "iterations " + f.iterations());
    Golden.column("estimate", g.get("firth").get("estimate"), f.estimates(), Golden.COEF_TOL);
  }

  /**
   * The crash of issue 9 with factors and a year near 2000 (ill-conditioned X'WX): Firth's profile
   * intervals all exist (their values are checked against R in FirthFitterTest, arrests.json).
   */
  @Test
  void firthProfileOnIllConditionedFactorsFindsEveryEnd() {
    Map<String, String> factors = new LinkedHashMap<>();
    for (String f : List.of("colour", "sex", "employed", "citizen")) {
      factors.put(f, null);
    }
    DesignMatrix d = load("src/test/resources/firth/arrests.csv", "released", factors);
    LogisticFit f = FirthFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertTrue(f.converged());
    assertTrue(f.intervals().stream().allMatch(Interval::finite), f.intervals().toString());
  }
}
