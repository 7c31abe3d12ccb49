package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.DEV_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.column;
import static logitlab.Golden.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.data.ModelSpec;
import logitlab.model.LogisticFit;
import org.junit.jupiter.api.Test;

/**
 * The rare paths of the IRLS fit, each on data where it really happens, against R (issue 11).
 *
 * <p>Golden values: {@code src/test/resources/golden/rare/*.json}, written by
 * {@code scripts/golden-rare-paths.R} (R 4.2.2; each file records its calls). glm2, whose step
 * halving logitlab follows, is not in Debian: the script writes its rule out from Marschner (2011)
 * and checks it against glm()'s own answer from a good start. Tolerances ({@link Golden}):
 * coefficients {@value Golden#COEF_TOL} relative, standard errors {@value Golden#SE_TOL}, deviances
 * {@value Golden#DEV_TOL};
 * iteration and halving counts exactly.
 */
class IrlsRarePathsTest {
  private static JsonNode golden(String name) {
    return Golden.read("rare", name);
  }

  private static DesignMatrix load(String file, String outcome, List<String> predictors, String weights) {
    return Golden.csv(file, new ModelSpec(outcome, predictors, Map.of(), null, null).withWeights(weights, null));
  }

  /** A design built directly: weights beyond what the CSV loader accepts (1e100) are the point. */
  static DesignMatrix design(List<String> names, JsonNode[] columns, JsonNode y, JsonNode weights) {
    int n = y.size();
    int p = columns.length + 1;
    double[] x = new double[n * p];
    double[] yy = new double[n];
    double[] a = new double[n];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      for (int j = 1; j < p; j++) {
        x[i * p + j] = columns[j - 1].get(i).asDouble();
      }
      yy[i] = y.get(i).asDouble();
      a[i] = weights.get(i).asDouble();
      lines[i] = i + 2;
    }
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    terms.addAll(names);
    List<DesignMatrix.Predictor> preds = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      preds.add(new DesignMatrix.Predictor(names.get(j - 1), false, j, 0, List.of()));
    }
    return new DesignMatrix("huge-weights", n, p, x, yy, lines, terms, preds,
        new DesignMatrix.Outcome("y", "success", "failure"), n, 0, Map.of(), a,
        new DesignMatrix.Weighting("w", null));
  }

  static String halvingWarning(LogisticFit f) {
    return words(f).stream().filter(w -> w.contains("step was halved")).findFirst().orElse("");
  }

  /**
   * glm's IRLS overshoots at iteration 4 (the deviance goes from 11.86 to 22.56) and never comes
   * back: R's glm() ends "converged" at deviance 360 with coefficients of 1e15. Halving the step as
   * glm2 does, logitlab reaches the maximum (deviance 9.54, what glm() finds from start = 0) in
   * glm2's 12 iterations with glm2's one halving, and says so.
   */
  @Test
  void stepHalvingReachesTheMaximumWhereGlmDoesNot() throws IOException {
    JsonNode g = golden("step-halving");
    DesignMatrix d = load(g.get("file").asText(), "y", List.of("x1", "x2"), null);
    LogisticFit f = IrlsFitter.fit(d, IrlsOptions.defaults());
    JsonNode ref = g.get("reference");
    column("estimate", ref.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", ref.get("stdError"),
        f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    rel("deviance", ref.get("deviance").asDouble(), f.deviance(), DEV_TOL);
    rel("null deviance", ref.get("nullDeviance").asDouble(), f.nullDeviance(), DEV_TOL);
    assertTrue(f.converged());
    JsonNode glm2 = g.get("glm2");
    assertEquals(glm2.get("iterations").asInt(), f.iterations());
    assertEquals("the deviance rose during IRLS and the step was halved " + glm2.get("halvings").asInt()
        + " time(s) (as R's glm2 does)", halvingWarning(f));
    // glm()'s own end point is far worse: the halving is what makes the difference
    assertTrue(g.at("/plainGlm/deviance").asDouble() > 30 * f.deviance());
    assertTrue(g.at("/plainGlm/deviancePerIteration/3").asDouble() > g.at("/plainGlm/deviancePerIteration/2").asDouble());
    // at the maximum, row 10 (eta = -106) is numerically 0, as glm.fit warns
    assertTrue(words(f).contains("fitted probabilities numerically 0 or 1 occurred ("
        + ref.get("extremeFitted").asInt() + " rows)"), words(f).toString());
  }

  /**
   * With prior weights of 1.2e307 the deviance overflows to Inf at iteration 3. glm.fit halves
   * the step until it is finite ("step size truncated due to divergence"); the halved deviance is
   * still above the last one, so glm2's rule halves once more: 2 halvings, 9 iterations, and the
   * maximum glm() finds from start = 0.
   */
  @Test
  void aDevianceThatOverflowsIsHalvedBackAndTheFitStillReachesTheMaximum() throws IOException {
    JsonNode g = golden("divergence-halving");
    assertTrue(g.get("plainGlmTrace").toString().contains("Deviance = Inf Iterations - 3"));
    DesignMatrix d = design(List.of("x1", "x2"), new JsonNode[] {g.get("x1"), g.get("x2")}, g.get("y"),
        g.get("weights"));
    LogisticFit f = IrlsFitter.fit(d, IrlsOptions.defaults());
    column("estimate", g.at("/reference/estimate"), f.estimates(), COEF_TOL);
    rel("deviance", g.at("/reference/deviance").asDouble(), f.deviance(), DEV_TOL);
    assertTrue(f.converged());
    assertEquals(g.at("/glm2/iterations").asInt(), f.iterations());
    assertTrue(halvingWarning(f).contains("halved " + g.at("/glm2/halvings").asInt() + " time(s)"),
        words(f).toString());
  }

  /** Prior weights of 1.9e307: the first iteration's deviance is Inf, and R's glm() stops. */
  @Test
  void aNonFiniteDevianceAtTheFirstIterationIsAnError() throws IOException {
    JsonNode g = golden("non-finite-start");
    assertTrue(g.get("error").asText().contains("no valid set of coefficients has been found"));
    DesignMatrix d = design(List.of("x"), new JsonNode[] {g.get("x")}, g.get("y"), g.get("weights"));
    FitException e = assertThrows(FitException.class, () -> IrlsFitter.fit(d, IrlsOptions.defaults()));
    assertEquals(new FitException.NonFiniteStart("huge-weights"), e.reason());
    assertEquals("huge-weights: no valid set of logistic coefficients found; the IRLS start values give "
        + "a non-finite deviance", logitlab.report.FitProblemText.of(e));
  }

  /**
   * Fitted probabilities numerically 0 or 1 (glm.fit: mu &lt; eps or mu &gt; 1 - eps, eps = 10 *
   * 2^-52) are exactly the rows with |eta| &gt; 30, where binomial()$linkinv clamps: four here; the
   * rows at |eta| = 29 are not, and neither is the far row with prior weight 0, which takes no part
   * in the fit (R's any() would see it too: 5 rows over all rows).
   */
  @Test
  void fittedProbabilitiesAtZeroAndOneAreCountedExactly() throws IOException {
    JsonNode g = golden("extreme-fitted");
    DesignMatrix d = load(g.get("file").asText(), "y", List.of("x"), "w");
    LogisticFit f = IrlsFitter.fit(d, IrlsOptions.defaults());
    column("estimate", g.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", g.get("stdError"), f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    rel("deviance", g.get("deviance").asDouble(), f.deviance(), DEV_TOL);
    assertTrue(f.converged());
    List<String> extreme = words(f).stream().filter(w -> w.startsWith("fitted probabilities")).toList();
    assertEquals(List.of("fitted probabilities numerically 0 or 1 occurred (" + g.get("extremeFitted").asInt()
        + " rows)"), extreme);
    assertEquals(g.get("extremeFittedAllRows").asInt(), g.get("extremeFitted").asInt() + 1);
    // the fitted values are R's linkinv of R's linear predictor: clamped to 2^-52 / (1 + 2^-52) beyond 30
    double[] mu = d.rows().collect(b -> f.fitted().of(b.x(), b.rows()));
    for (int i = 0; i < mu.length; i++) {
      double eta = g.get("eta").get(i).asDouble();
      double expected = IrlsFitter.linkinv(eta);
      assertEquals(expected, mu[i], Math.max(1e-6 * Math.min(expected, 1 - expected), 4 * Math.ulp(expected)),
          "row " + i + ", eta " + eta);
    }
  }

  /** R's binomial()$linkinv and $mu.eta, clamped beyond |eta| = 30 (and not at 30). */
  @Test
  void linkAndItsDerivativeAreRsIncludingTheClamp() throws IOException {
    JsonNode g = golden("link");
    for (int k = 0; k < g.get("eta").size(); k++) {
      double eta = g.get("eta").get(k).asDouble();
      double mu = g.get("linkinv").get(k).asDouble();
      double me = g.get("muEta").get(k).asDouble();
      assertEquals(mu, IrlsFitter.linkinv(eta), Math.max(1e-13 * Math.min(mu, 1 - mu), 4 * Math.ulp(mu)),
          "linkinv(" + eta + ")");
      assertEquals(me, IrlsFitter.muEta(eta), 1e-12 * me, "mu.eta(" + eta + ")");
    }
  }

  /** The fit's diagnostics as the report words them (ML wording; Firth's differs only for separation). */
  static java.util.List<String> words(logitlab.model.LogisticFit f) {
    return f.warnings().stream().map(w -> logitlab.report.DiagnosticText.logistic(w, false)).toList();
  }
}
