package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.model.Alias;
import logitlab.model.Diagnostic;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import logitlab.model.StopReason;
import org.junit.jupiter.api.Test;

/**
 * Fitters on the hours/pass data with an aliased column {@code x2 = 2 h + 1}.
 *
 * <p>Reference: R 4.2.2, {@code glm(y ~ h + x2, family = binomial)} and {@code lm(y ~ h + x2)},
 * printed with {@code options(digits = 17)}. Tolerances: coefficients 1e-6 relative, standard errors
 * and p values 1e-4 relative, deviances 1e-8 relative.
 */
class FitterTest {
  static final double COEF_TOL = 1e-6;
  static final double SE_TOL = 1e-4;

  private static DesignMatrix aliasedDesign() {
    double[] x2 = new double[Designs.HOURS.length];
    for (int i = 0; i < x2.length; i++) {
      x2[i] = 2 * Designs.HOURS[i] + 1;
    }
    return Designs.of(List.of("h", "x2"), new double[][] {Designs.HOURS, x2}, Designs.PASS);
  }

  static void assertRel(double expected, double actual, double tol) {
    Golden.rel("expected " + expected + " got " + actual, expected, actual, tol);
  }

  @Test
  void logisticMatchesRAndReportsAliasedColumnAsNa() {
    LogisticFit f = IrlsFitter.fit(aliasedDesign(), IrlsOptions.defaults());
    assertRel(-4.0777134309084380, f.coefficients().get(0).estimate(), COEF_TOL);
    assertRel(1.5046454282980366, f.coefficients().get(1).estimate(), COEF_TOL);
    assertTrue(f.coefficients().get(2).isAliased());
    assertRel(1.76098431152710089, f.coefficients().get(0).stdError(), SE_TOL);
    assertRel(0.62871648043891581, f.coefficients().get(1).stdError(), SE_TOL);
    assertRel(0.020580796677830096, f.coefficients().get(0).p(), SE_TOL);
    assertRel(0.016702050839712049, f.coefficients().get(1).p(), SE_TOL);
    assertRel(27.7258872223978123, f.nullDeviance(), 1e-8);
    assertRel(16.0597569286893496, f.deviance(), 1e-8);
    assertRel(20.0597569286893496, f.aic(), 1e-8);
    assertRel(-8.0298784643446748, f.logLik(), 1e-8);
    assertEquals(5, f.iterations());
    assertEquals(2, f.rank());
    assertEquals(19, f.dfNull());
    assertEquals(18, f.dfResidual());
    assertTrue(f.converged());
    assertEquals(List.of(new Diagnostic.Aliased(List.of(new Alias("x2", List.of("(Intercept)", "h"))))),
        f.warnings());
  }

  @Test
  void linearMatchesRAndCountsFittedValuesOutsideTheUnitInterval() {
    LinearProbabilityFit f = OlsFitter.fit(aliasedDesign());
    assertRel(-0.15393526898848756, f.coefficients().get(0).estimate(), COEF_TOL);
    assertRel(0.23459561219317945, f.coefficients().get(1).estimate(), COEF_TOL);
    assertTrue(f.coefficients().get(2).isAliased());
    assertRel(0.183147601301526242, f.coefficients().get(0).stdError(), SE_TOL);
    assertRel(0.058125622469009222, f.coefficients().get(1).stdError(), SE_TOL);
    assertRel(0.0007751131598569131, f.coefficients().get(1).p(), SE_TOL);
    assertRel(0.47505611469118814, f.rSquared(), 1e-8);
    assertRel(-0.036637462891897996, f.outOfRange().min(), 1e-8);
    assertRel(1.136340598073998898, f.outOfRange().max(), 1e-8);
    // h = 0.5 gives -0.037 (below 0); h = 5 and 5.5 give 1.02 and 1.14
    assertEquals(1, f.outOfRange().below());
    assertEquals(2, f.outOfRange().above());
    assertArrayEquals(new int[] {2, 20, 21}, f.outOfRange().lines());
  }

  @Test
  void neuronReachesTheGlmOptimumAndLeavesAliasedColumnOut() {
    DesignMatrix d = aliasedDesign();
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit nf = NeuronFitter.fit(d, NeuronOptions.defaults(), glm.aliasedMask());
    assertTrue(nf.converged(), nf.stopReason().jsonName());
    assertEquals(StopReason.TOLERANCE, nf.stopReason());
    assertRel(glm.coefficients().get(0).estimate(), nf.weights()[0], COEF_TOL);
    assertRel(glm.coefficients().get(1).estimate(), nf.weights()[1], COEF_TOL);
    assertTrue(Double.isNaN(nf.weights()[2]));
    assertTrue(nf.epochs() > 0);
  }

  @Test
  void neuronRecoversTheGlmOnRandomDesignsOverFixedSeeds() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 300;
      double[] a = new double[n];
      double[] b = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = 50 + 10 * rnd.nextDouble();
        b[i] = rnd.nextInt(2);
        double eta = -20 + 0.4 * a[i] - 1.0 * b[i];
        y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      }
      DesignMatrix d = Designs.of(List.of("a", "b"), new double[][] {a, b}, y);
      LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
      NeuronFit nf = NeuronFitter.fit(d, NeuronOptions.defaults(), glm.aliasedMask());
      assertTrue(nf.converged());
      for (int j = 0; j < 3; j++) {
        assertRel(glm.coefficients().get(j).estimate(), nf.weights()[j], COEF_TOL);
      }
    }
  }

  @Test
  void neuronWithTooLargeAStepStopsWithDivergenceAndFiniteWeights() {
    DesignMatrix d = Designs.of(List.of("h"), new double[][] {Designs.HOURS}, Designs.PASS);
    NeuronFit nf = NeuronFitter.fit(d, new NeuronOptions(500, 10_000, 1e-10, 1), null);
    assertFalse(nf.converged());
    assertEquals(StopReason.DIVERGENCE, nf.stopReason());
    for (double w : nf.weights()) {
      assertTrue(Double.isFinite(w));
    }
  }

  @Test
  void tooFewRowsIsAFitException() {
    DesignMatrix d = Designs.of(List.of("h"), new double[][] {{1, 2}}, new double[] {0, 1});
    FitException e = assertThrows(FitException.class, () -> IrlsFitter.fit(d, IrlsOptions.defaults()));
    FitException.TooFewRows r = assertInstanceOf(FitException.TooFewRows.class, e.reason());
    assertEquals(2, r.rows());
    assertEquals(2, r.terms().size());
  }
}
