package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled dataset against R's {@code glm(..., family = binomial)} and {@code lm(...)}.
 *
 * <p>The golden values in {@code src/test/resources/golden/*.json} were written by
 * {@code scripts/golden.R} (R 4.2.2; each file records the R version and the exact calls) and
 * cross-checked against statsmodels by {@code scripts/golden.sh}. Tolerances: coefficients
 * {@value #COEF_TOL} relative, standard errors, statistics and p values {@value #SE_TOL} relative,
 * deviances, AIC and log-likelihood {@value #DEV_TOL} relative (relative to max(1, |value|)).
 */
class GoldenDatasetsTest {
  static final double COEF_TOL = 1e-6;
  static final double SE_TOL = 1e-4;
  static final double DEV_TOL = 1e-8;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The glm/lm golden files: golden/*.json holding both a "logistic" and a "linear" fit. */
  static Stream<Path> goldens() throws IOException {
    return Files.list(Path.of("src/test/resources/golden"))
        .filter(p -> p.toString().endsWith(".json") && isGlmGolden(p)).sorted();
  }

  private static boolean isGlmGolden(Path p) {
    try {
      JsonNode g = JSON.readTree(p.toFile());
      return g.has("logistic") && g.has("linear");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static DesignMatrix design(JsonNode g) {
    List<String> predictors = new ArrayList<>();
    g.get("predictors").forEach(n -> predictors.add(n.asText()));
    Map<String, String> factors = new LinkedHashMap<>();
    g.get("factors").properties().forEach(e -> factors.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    ModelSpec spec = new ModelSpec(g.get("outcome").asText(), predictors, factors, text(g, "positive"), naMarkers(g))
        .withWeights(text(g, "weights"), text(g, "trials"));
    String file = g.get("file").asText();
    DesignMatrix d = DesignMatrixLoader.load(Path.of(file), file, ',', spec);
    if (g.has("rowsUsed")) {
      assertEquals(g.get("rowsUsed").asInt(), d.n(), "rows left after dropping missing values, as R's na.omit");
    }
    return d;
  }

  /** The extra missing-value markers ({@code --na}) of a golden file's {@code "na"} array, if any. */
  static Set<String> naMarkers(JsonNode g) {
    Set<String> na = new LinkedHashSet<>();
    if (g.has("na")) {
      g.get("na").forEach(n -> na.add(n.asText()));
    }
    return na;
  }

  /** A string field, or null when absent or JSON null. */
  static String text(JsonNode g, String field) {
    return g.hasNonNull(field) ? g.get(field).asText() : null;
  }

  static void rel(String what, double expected, double actual, double tol) {
    assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)), what);
  }

  static void column(String what, JsonNode expected, double[] actual, double tol) {
    assertEquals(expected.size(), actual.length, what);
    for (int j = 0; j < actual.length; j++) {
      rel(what + "[" + j + "]", expected.get(j).asDouble(), actual[j], tol);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void logisticMatchesR(Path golden) throws IOException {
    JsonNode g = JSON.readTree(golden.toFile());
    DesignMatrix d = design(g);
    JsonNode r = g.get("logistic");
    LogisticFit f = IrlsFitter.fit(d, IrlsOptions.defaults());
    List<String> terms = new ArrayList<>();
    r.get("terms").forEach(n -> terms.add(n.asText()));
    assertEquals(terms, d.terms());
    column("estimate", r.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", r.get("stdError"), f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    column("z", r.get("z"), f.coefficients().stream().mapToDouble(c -> c.statistic()).toArray(), SE_TOL);
    column("p", r.get("p"), f.coefficients().stream().mapToDouble(c -> c.p()).toArray(), SE_TOL);
    rel("nullDeviance", r.get("nullDeviance").asDouble(), f.nullDeviance(), DEV_TOL);
    rel("deviance", r.get("deviance").asDouble(), f.deviance(), DEV_TOL);
    rel("aic", r.get("aic").asDouble(), f.aic(), DEV_TOL);
    rel("logLik", r.get("logLik").asDouble(), f.logLik(), DEV_TOL);
    assertEquals(r.get("dfNull").asInt(), f.dfNull());
    assertEquals(r.get("dfResidual").asInt(), f.dfResidual());
    assertEquals(r.get("iterations").asInt(), f.iterations());
    if (r.has("bic")) {
      rel("bic", r.get("bic").asDouble(), f.bic(), DEV_TOL);
    }
    assertTrue(f.converged());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void linearMatchesR(Path golden) throws IOException {
    JsonNode g = JSON.readTree(golden.toFile());
    DesignMatrix d = design(g);
    JsonNode r = g.get("linear");
    LinearProbabilityFit f = OlsFitter.fit(d);
    column("estimate", r.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", r.get("stdError"), f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    column("t", r.get("t"), f.coefficients().stream().mapToDouble(c -> c.statistic()).toArray(), SE_TOL);
    column("p", r.get("p"), f.coefficients().stream().mapToDouble(c -> c.p()).toArray(), SE_TOL);
    rel("rSquared", r.get("rSquared").asDouble(), f.rSquared(), DEV_TOL);
    rel("fittedMin", r.get("fittedMin").asDouble(), f.outOfRange().min(), DEV_TOL);
    rel("fittedMax", r.get("fittedMax").asDouble(), f.outOfRange().max(), DEV_TOL);
    assertEquals(r.get("below").asInt(), f.outOfRange().below());
    assertEquals(r.get("above").asInt(), f.outOfRange().above());
  }

  /** The default neuron must agree with R's glm to 1e-6 relative on every bundled dataset. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void neuronWithDefaultsReachesRsGlm(Path golden) throws IOException {
    JsonNode g = JSON.readTree(golden.toFile());
    DesignMatrix d = design(g);
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults(), null);
    assertTrue(f.converged(), f.stopReason().jsonName());
    column("neuron weights vs R", g.get("logistic").get("estimate"), f.weights(), COEF_TOL);
  }
}
