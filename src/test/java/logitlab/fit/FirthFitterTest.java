package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.DEV_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.design;
import static logitlab.Golden.read;
import static logitlab.Golden.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.model.Coefficient;
import logitlab.model.Diagnostic;
import logitlab.model.Interval;
import logitlab.model.LogisticFit;
import logitlab.model.Separation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Firth's penalised-likelihood logistic regression against R.
 *
 * <p>Golden values in {@code src/test/resources/golden/firth/*.json}, written by
 * {@code scripts/golden-firth.R} (R 4.2.2, brglm2 0.9; each file records the versions and the
 * exact call): estimates and standard errors from {@code brglm2::brglmFit(type = "AS_mean")},
 * Wald intervals from them, and profile penalised-likelihood intervals (logistf's default method)
 * found in R by root-finding on a profile maximised with BFGS and Newton steps (logistf is not in
 * Debian). Datasets: endometrial (Heinze &amp; Schemper 2002, quasi-complete separation),
 * data/separated.csv (complete separation), data/challenger.csv (no separation, n = 23) and Collett's
 * budworm data (grouped: deaths out of 20, the trials as prior weights).
 *
 * <p>Tolerances, relative to max(1, |value|): coefficients {@value Golden#COEF_TOL}; standard errors,
 * z and p {@value Golden#SE_TOL}; log-likelihood, deviance and AIC {@value Golden#DEV_TOL}; Wald
 * intervals {@value Golden#COEF_TOL}; profile intervals {@value #CI_TOL}.
 */
class FirthFitterTest {
  /** Profile penalised-likelihood intervals: R's root-finding on a BFGS/Newton profile. */
  static final double CI_TOL = 1e-4;

  static Stream<Path> goldens() {
    return Golden.all("firth");
  }

  static IrlsOptions options(double conf, IrlsOptions.CiMethod ci) {
    return new IrlsOptions(1e-8, 25, conf, ci);
  }

  static double[] column(List<Coefficient> coefs, java.util.function.ToDoubleFunction<Coefficient> f) {
    return coefs.stream().mapToDouble(f).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void estimatesStandardErrorsAndFitMatchBrglm2(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    JsonNode r = g.get("firth");
    LogisticFit f = FirthFitter.fit(d, options(0.95, IrlsOptions.CiMethod.WALD));
    assertEquals(LogisticFit.Method.FIRTH, f.method());
    assertTrue(f.converged());
    Golden.column("estimate", r.get("estimate"), f.estimates(), COEF_TOL);
    Golden.column("stdError", r.get("stdError"), column(f.coefficients(), Coefficient::stdError), SE_TOL);
    Golden.column("z", r.get("z"), column(f.coefficients(), Coefficient::statistic), SE_TOL);
    Golden.column("p", r.get("p"), column(f.coefficients(), Coefficient::p), SE_TOL);
    rel("logLik", r.get("logLik").asDouble(), f.logLik(), DEV_TOL);
    rel("deviance", r.get("deviance").asDouble(), f.deviance(), DEV_TOL);
    // the null model is the maximum-likelihood one (mu = mean y), as for the GLM, so that the
    // deviance, McFadden R^2 and LR test compare the same unpenalised log-likelihoods; brglm2's
    // null.deviance ("nullDeviance" in the file) is that of the bias-reduced intercept-only fit
    rel("nullDeviance", r.get("nullDevianceGlm").asDouble(), f.nullDeviance(), DEV_TOL);
    rel("aic", r.get("aic").asDouble(), f.aic(), DEV_TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void waldAndProfilePenalisedIntervalsMatchR(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    for (String level : List.of("ci95", "ci90")) {
      JsonNode r = g.get("firth").get(level);
      double conf = r.get("conf").asDouble();
      LogisticFit wald = FirthFitter.fit(d, options(conf, IrlsOptions.CiMethod.WALD));
      assertEquals("wald", wald.ciMethod());
      assertEquals(conf, wald.conf());
      Golden.column(level + " wald low", r.get("waldLow"), lows(wald), COEF_TOL);
      Golden.column(level + " wald high", r.get("waldHigh"), highs(wald), COEF_TOL);
      LogisticFit prof = FirthFitter.fit(d, options(conf, IrlsOptions.CiMethod.PROFILE));
      assertEquals(FirthFitter.PROFILE_PENALIZED, prof.ciMethod());
      Golden.column(level + " profile low", r.get("profileLow"), lows(prof), CI_TOL);
      Golden.column(level + " profile high", r.get("profileHigh"), highs(prof), CI_TOL);
    }
  }

  private static double[] lows(LogisticFit f) {
    return f.intervals().stream().mapToDouble(Interval::low).toArray();
  }

  private static double[] highs(LogisticFit f) {
    return f.intervals().stream().mapToDouble(Interval::high).toArray();
  }

  /** Heinze &amp; Schemper (2002): 3.77456, 2.92927, -0.03475, -2.60416 (five decimals). */
  @Test
  void endometrialReproducesThePublishedEstimates() throws IOException {
    JsonNode g = Golden.read("firth", "endometrial");
    DesignMatrix d = design(g);
    LogisticFit f = FirthFitter.fit(d);
    double[] published = {3.77456, 2.92927, -0.03475, -2.60416};
    for (int j = 0; j < published.length; j++) {
      assertEquals(published[j], f.estimates()[j], 5e-6, d.terms().get(j));
    }
    // the data are quasi-completely separated by NV: said, but Firth's estimates are finite
    assertTrue(f.separation().detected());
    assertEquals(Separation.Kind.QUASI_COMPLETE, f.separation().kind());
    assertEquals(List.of(new Diagnostic.Separated(f.separation())), f.warnings());
  }

  /**
   * Intercept only: U* = sum(y - mu) + (1/2 - mu) (the hat values are 1/n), so
   * mu = (events + 1/2) / (n + 1) in closed form.
   */
  @Test
  void interceptOnlyHasTheClosedForm() {
    double[] y = Designs.PASS.clone();
    DesignMatrix d = Designs.of(List.of(), new double[0][], y);
    LogisticFit f = FirthFitter.fit(d);
    double events = d.events();
    double mu = (events + 0.5) / (d.n() + 1);
    assertEquals(Math.log(mu / (1 - mu)), f.estimates()[0], 1e-12);
  }

  /** With prior weights a: mu = (sum a y + 1/2) / (sum a + 1) for the intercept-only model. */
  @Test
  void weightedInterceptOnlyHasTheClosedForm() {
    double[] y = Designs.PASS.clone();
    DesignMatrix u = Designs.of(List.of(), new double[0][], y);
    double[] a = new double[y.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 3 == 0 ? 0 : 1 + i % 4;
    }
    DesignMatrix d = new DesignMatrix(u.file(), u.n(), u.p(), u.x(), u.y(), u.lines(), u.terms(),
        u.predictors(), u.outcome(), u.rowsRead(), u.rowsDropped(), u.droppedByColumn(), a,
        new DesignMatrix.Weighting("w", null));
    LogisticFit f = FirthFitter.fit(d);
    double mu = (d.weightedEvents() + 0.5) / (d.totalWeight() + 1);
    assertEquals(Math.log(mu / (1 - mu)), f.estimates()[0], 1e-9);
  }

  /** An aliased column is NA and changes nothing else. */
  @Test
  void aliasedColumnIsNaAndTheRestUnchanged() {
    double[] x2 = new double[Designs.HOURS.length];
    for (int i = 0; i < x2.length; i++) {
      x2[i] = 2 * Designs.HOURS[i] + 1;
    }
    LogisticFit with = FirthFitter.fit(Designs.of(List.of("h", "x2"), new double[][] {Designs.HOURS, x2}, Designs.PASS));
    LogisticFit without = FirthFitter.fit(Designs.of(List.of("h"), new double[][] {Designs.HOURS}, Designs.PASS));
    assertTrue(with.coefficients().get(2).isAliased());
    assertEquals(2, with.rank());
    assertEquals("x2", with.aliased().get(0).term());
    assertEquals(List.of("(Intercept)", "h"), with.aliased().get(0).collinearWith());
    for (int j = 0; j < 2; j++) {
      assertEquals(without.estimates()[j], with.estimates()[j], 1e-10);
      assertEquals(without.coefficients().get(j).stdError(), with.coefficients().get(j).stdError(), 1e-10);
    }
    assertTrue(Double.isNaN(with.intervals().get(2).low()));
    assertFalse(with.separation().detected());
  }
}
