package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.DEV_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.column;
import static logitlab.Golden.design;
import static logitlab.Golden.read;
import static logitlab.Golden.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled dataset against R's {@code glm(..., family = binomial)} and {@code lm(...)}.
 *
 * <p>The golden values in {@code src/test/resources/golden/fits/*.json} were written by
 * {@code scripts/golden.R} (R 4.2.2; each file records the R version and the exact calls) and
 * cross-checked against statsmodels by {@code scripts/golden.sh}; the {@code weights-*} files (prior
 * weights, grouped data) by {@code scripts/golden-weights.R}. Tolerances ({@link Golden}):
 * coefficients {@value Golden#COEF_TOL} relative, standard errors, statistics and p values
 * {@value Golden#SE_TOL} relative, deviances, AIC and log-likelihood {@value Golden#DEV_TOL}
 * relative (relative to max(1, |value|)).
 */
class GoldenDatasetsTest {
  /** The glm/lm golden files: golden/fits/*.json, each holding a "logistic" and a "linear" fit. */
  static Stream<Path> goldens() {
    return Golden.all("fits");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void logisticMatchesR(Path golden) throws IOException {
    JsonNode g = read(golden);
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
    JsonNode g = read(golden);
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
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults(), null);
    assertTrue(f.converged(), f.stopReason().jsonName());
    column("neuron weights vs R", g.get("logistic").get("estimate"), f.weights(), COEF_TOL);
  }
}
