package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.column;
import static logitlab.Golden.design;
import static logitlab.Golden.read;
import static logitlab.Golden.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.Coefficient;
import logitlab.model.Interval;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inference beyond the coefficient table, against outside references.
 *
 * <ul>
 *   <li>{@code golden/stats/*.json}: R 4.2.2 with MASS 7.3-58.2 and sandwich 3.0-2, written by
 *       {@code scripts/golden-stats.R} (calls recorded in each file): Wald intervals
 *       ({@code confint.default}), exact profile-likelihood roots (uniroot) and MASS's
 *       spline-interpolated {@code confint}, BIC, McFadden R^2, LR test, HC0-HC3
 *       ({@code vcovHC}), adjusted R^2, F test.
 *   <li>{@code golden/margeff/*.json}: statsmodels 0.13.5 (Debian's {@code /usr/bin/python3}),
 *       written by {@code scripts/golden_margeff.py}: {@code get_margeff(at='overall', dummy=False)}
 *       for numeric predictors (the derivative) and, for each level of a factor, the average
 *       discrete change from the reference level with its delta-method SE (equal to
 *       {@code get_margeff(dummy=True)} for a two-level factor), on plain, weighted and grouped
 *       data; the discrete changes checked by hand in R 4.2.2 ({@code scripts/margeff-check.R},
 *       agreement 3e-14 and 1.1e-8). Tolerances {@value Golden#COEF_TOL} (estimates) and
 *       {@value Golden#SE_TOL} (standard errors), relative.
 *   <li>{@code golden/stats/alias-trap.json}: R's {@code alias()} on a dummy-variable trap.
 * </ul>
 */
class StatisticsGoldenTest {
  static final double STAT_TOL = 1e-8;
  /** MASS::confint interpolates the profile by a spline; its ends are good to about 1e-4. */
  static final double MASS_TOL = 1e-3;

  static Stream<Path> stats() {
    return Golden.all("stats").filter(p -> !p.getFileName().toString().equals("alias-trap.json"));
  }

  static Stream<Path> margeff() {
    return Golden.all("margeff");
  }

  private static double[] lows(List<Interval> iv) {
    return iv.stream().mapToDouble(Interval::low).toArray();
  }

  private static double[] highs(List<Interval> iv) {
    return iv.stream().mapToDouble(Interval::high).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stats")
  void intervalsFitStatisticsAndRobustErrorsMatchR(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    List<String> terms = new ArrayList<>();
    g.get("terms").forEach(n -> terms.add(n.asText()));
    assertEquals(terms, d.terms());

    LogisticFit wald = IrlsFitter.fit(d, IrlsOptions.defaults());
    // a Wald end is estimate +- 1.96 se: it inherits the standard error's tolerance
    column("waldLow", g.get("waldLow"), lows(wald.intervals()), SE_TOL);
    column("waldHigh", g.get("waldHigh"), highs(wald.intervals()), SE_TOL);
    rel("bic", g.get("bic").asDouble(), wald.bic(), STAT_TOL);
    rel("logLik", g.get("logLik").asDouble(), wald.logLik(), STAT_TOL);
    rel("pseudoR2", g.get("pseudoR2").asDouble(), wald.pseudoR2(), STAT_TOL);
    rel("lrStatistic", g.get("lrStatistic").asDouble(), wald.lrTest().statistic(), STAT_TOL);
    assertEquals(g.get("lrDf").asInt(), wald.lrTest().df());
    rel("lrP", g.get("lrP").asDouble(), wald.lrTest().p(), SE_TOL);

    LogisticFit profile = IrlsFitter.fit(d, new IrlsOptions(1e-8, 25, 0.95, IrlsOptions.CiMethod.PROFILE));
    assertEquals("profile", profile.ciMethod());
    column("profileLow", g.get("profileLow"), lows(profile.intervals()), COEF_TOL);
    column("profileHigh", g.get("profileHigh"), highs(profile.intervals()), COEF_TOL);
    column("MASS low", g.get("massLow"), lows(profile.intervals()), MASS_TOL);
    column("MASS high", g.get("massHigh"), highs(profile.intervals()), MASS_TOL);

    String[] hc = {"hc0", "hc1", "hc2", "hc3"};
    for (int k = 0; k < 4; k++) {
      LinearProbabilityFit lin = OlsFitter.fit(d, OlsFitter.Robust.values()[k]);
      assertEquals("HC" + k, lin.robustType());
      column(hc[k], g.get(hc[k]), lin.robust().stream().mapToDouble(Coefficient::stdError).toArray(), COEF_TOL);
    }
    LinearProbabilityFit lin = OlsFitter.fit(d);
    rel("adjRSquared", g.get("adjRSquared").asDouble(), lin.adjRSquared(), STAT_TOL);
    rel("sigma", g.get("sigma").asDouble(), lin.sigma(), STAT_TOL);
    rel("fStatistic", g.get("fStatistic").asDouble(), lin.fTest().statistic(), STAT_TOL);
    assertEquals(g.get("fDf1").asInt(), lin.fTest().df1());
    assertEquals(g.get("fDf2").asInt(), lin.fTest().df2());
    rel("fP", g.get("fP").asDouble(), lin.fTest().p(), SE_TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("margeff")
  void averageMarginalEffectsMatchStatsmodels(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    List<MarginalEffect> me = IrlsFitter.fit(d).marginalEffects();
    List<String> terms = new ArrayList<>();
    g.get("terms").forEach(n -> terms.add(n.asText()));
    assertEquals(terms, me.stream().map(MarginalEffect::term).toList());
    // "kind": derivative for a numeric predictor, discrete-change for a factor's level (all
    // derivatives in a file written before the key existed)
    for (int k = 0; k < terms.size(); k++) {
      String kind = g.has("kind") ? g.get("kind").get(k).asText() : "derivative";
      assertEquals(kind, me.get(k).kind().jsonName(), terms.get(k));
    }
    column("AME", g.get("estimate"), me.stream().mapToDouble(MarginalEffect::estimate).toArray(), COEF_TOL);
    column("AME SE", g.get("stdError"), me.stream().mapToDouble(MarginalEffect::stdError).toArray(), SE_TOL);
  }

  @Test
  void dummyVariableTrapIsReportedAsRsAlias() throws IOException {
    JsonNode g = Golden.read("stats", "alias-trap");
    // the same design as the R call: r1..r4 as numeric 0/1 columns, all four with the intercept
    Path csv = Files.createTempFile("trap", ".csv");
    try {
      StringBuilder sb = new StringBuilder("gre,gpa,r2,r3,r4,r1,admit\n");
      for (String line : Files.readAllLines(Path.of("data/admissions.csv")).subList(1, 401)) {
        String[] f = line.split(",");
        int rank = Integer.parseInt(f[2]);
        sb.append(f[0]).append(',').append(f[1]);
        for (int r : new int[] {2, 3, 4, 1}) {
          sb.append(',').append(rank == r ? 1 : 0);
        }
        sb.append(',').append(f[3]).append('\n');
      }
      Files.writeString(csv, sb);
      DesignMatrix d = DesignMatrixLoader.load(csv, "trap.csv", ',', ModelSpec.defaults());
      LogisticFit f = IrlsFitter.fit(d);
      assertEquals(1, f.aliased().size());
      assertEquals(g.get("aliased").asText(), f.aliased().get(0).term());
      List<String> with = new ArrayList<>();
      g.get("collinearWith").forEach(n -> with.add(n.asText()));
      assertEquals(with, f.aliased().get(0).collinearWith());
      for (int j = 0; j < 6; j++) {
        rel("estimate " + j, g.get("estimate").get(j).asDouble(), f.coefficients().get(j).estimate(), COEF_TOL);
      }
      rel("aic", g.get("aic").asDouble(), f.aic(), STAT_TOL);
      assertEquals(6, f.rank());
    } finally {
      Files.deleteIfExists(csv);
    }
  }
}
