package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import logitlab.data.DesignMatrix;
import logitlab.model.Activation;
import logitlab.model.Loss;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import logitlab.model.Optimizer;
import logitlab.model.StopReason;
import org.junit.jupiter.api.Test;

/**
 * The default optimizer, {@code preconditioned} (issue 12): on the ill-conditioned designs where
 * gradient descent needs thousands of epochs (a factor with rare levels; rare events) it reaches
 * the GLM in tens, to 1e-6; the slow case stays available as gd. Its pieces are checked against
 * independent computations: the sparse Gram matrix against the plain definition, the fixed row
 * blocks against a single thread and against three.
 *
 * <p>Oracle: {@link IrlsFitter} (checked against R's glm on every bundled dataset by
 * {@link GoldenDatasetsTest}); the tolerance is {@value NeuronTrainingTest#COEF_TOL} relative to
 * max(1, |beta|).
 */
class PreconditionedOptimizerTest {
  static final double COEF_TOL = NeuronTrainingTest.COEF_TOL;

  /**
   * x ~ N(0, 1) with coefficient 0.5 and a factor of {@code levels} levels, effects N(0, 0.5^2),
   * level k drawn with weight 1 / (1 + k mod spread) (spread 1: equally likely, as in the
   * benchmark's factor file): many one-hot columns, each of a rare level, make S'S/n
   * ill-conditioned.
   */
  static DesignMatrix factorDesign(int n, int levels, int spread, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] weight = new double[levels];
    double total = 0;
    for (int k = 0; k < levels; k++) {
      weight[k] = 1.0 / (1 + k % spread);
      total += weight[k];
    }
    double[] effect = new double[levels];
    for (int k = 0; k < levels; k++) {
      effect[k] = 0.5 * normal(r);
    }
    double[][] cols = new double[levels][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double x = normal(r);
      double u = r.nextDouble() * total;
      int g = 0;
      while (g < levels - 1 && u >= weight[g]) {
        u -= weight[g++];
      }
      cols[0][i] = x;
      if (g > 0) {
        cols[g][i] = 1;
      }
      double eta = 0.5 * x + effect[g];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    List<String> names = new ArrayList<>();
    names.add("x");
    for (int k = 1; k < levels; k++) {
      names.add("gL" + k);
    }
    return Designs.of(names, cols, y);
  }

  /** Three standard-normal predictors, coefficients 0.5, -0.3, 0.8, intercept -7: about 0.15 % events. */
  static DesignMatrix rareDesign(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] cols = new double[3][n];
    double[] y = new double[n];
    double[] beta = {0.5, -0.3, 0.8};
    for (int i = 0; i < n; i++) {
      double eta = -7;
      for (int j = 0; j < 3; j++) {
        cols[j][i] = normal(r);
        eta += beta[j] * cols[j][i];
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return Designs.of(List.of("x1", "x2", "x3"), cols, y);
  }

  private static double normal(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static NeuronFit fit(DesignMatrix d, NeuronOptions o, LogisticFit glm) {
    return NeuronFitter.fit(d, o, glm.aliasedMask(), glm.estimates());
  }

  @Test
  void aFactorWithRareLevelsTakesTensOfEpochsWhereGradientDescentTakesThousands() {
    DesignMatrix d = factorDesign(20_000, 200, 1, 5);
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit pre = fit(d, NeuronOptions.defaults(), glm);
    assertEquals(StopReason.TOLERANCE, pre.stopReason());
    assertTrue(pre.epochs() < 100, pre.epochs() + " epochs");
    assertTrue(NeuronFit.maxRelativeDifference(pre.weights(), glm.estimates()) < COEF_TOL);
    assertTrue(pre.diagnostics().conditionNumber() > 100, "ill-conditioned: " + pre.diagnostics().conditionNumber());
    // the slow case: gradient descent at 1/L is still far away after 1,000 epochs
    NeuronFit gd = fit(d, NeuronOptions.defaults().withOptimizer(Optimizer.GD).withMaxEpochs(1000), glm);
    assertEquals(StopReason.MAX_EPOCHS, gd.stopReason());
    assertFalse(gd.epochsTo().get(2).reached(), "gd within 1e-6 by epoch " + gd.epochsTo().get(2).epoch());
  }

  @Test
  void rareEventsTakeTensOfEpochsWhereGradientDescentTakesThousands() {
    DesignMatrix d = rareDesign(100_000, 11);
    double events = d.weightedEvents();
    assertTrue(events > 50 && events < 400, events + " events");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    NeuronFit pre = fit(d, NeuronOptions.defaults(), glm);
    assertEquals(StopReason.TOLERANCE, pre.stopReason());
    assertTrue(pre.epochs() < 100, pre.epochs() + " epochs");
    assertTrue(NeuronFit.maxRelativeDifference(pre.weights(), glm.estimates()) < COEF_TOL);
    NeuronFit gd = fit(d, NeuronOptions.defaults().withOptimizer(Optimizer.GD).withMaxEpochs(1000), glm);
    assertEquals(StopReason.MAX_EPOCHS, gd.stopReason());
    assertFalse(gd.epochsTo().get(1).reached(), "gd within 1e-4 by epoch " + gd.epochsTo().get(1).epoch());
  }

  /** The run's every number, to compare two runs bit for bit. */
  private static String fingerprint(NeuronFit f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.epochs()).append(' ').append(Double.doubleToRawLongBits(f.loss())).append(' ')
        .append(Double.doubleToRawLongBits(f.gradientNorm()));
    for (double w : f.weights()) {
      sb.append(' ').append(Double.doubleToRawLongBits(w));
    }
    for (NeuronFit.Snapshot s : f.history()) {
      sb.append(' ').append(Double.doubleToRawLongBits(s.loss()));
    }
    return sb.toString();
  }

  @Test
  void theResultDoesNotDependOnTheNumberOfCores() throws Exception {
    DesignMatrix d = factorDesign(20_000, 40, 30, 9); // 5 row blocks
    assertTrue(d.n() > 4 * NeuronObjective.BLOCK);
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    String here = fingerprint(fit(d, NeuronOptions.defaults(), glm));
    for (int cores : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(cores);
      try {
        String there = pool.submit(() -> fingerprint(fit(d, NeuronOptions.defaults(), glm))).get();
        assertEquals(here, there, cores + " cores");
      } finally {
        pool.shutdown();
      }
    }
    assertEquals(here, fingerprint(fit(d, NeuronOptions.defaults(), glm)), "run to run");
    // the Gram matrix too
    NeuronObjective f = NeuronObjective.of(d, null, true, Loss.CROSS_ENTROPY, Activation.SIGMOID);
    double[][] g = f.gram();
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[][] g1 = one.submit(f::gram).get();
      for (int u = 0; u < g.length; u++) {
        assertArrayEquals(g[u], g1[u], 0);
      }
    } finally {
      one.shutdown();
    }
  }

  /** S'AS / sum(a) from its definition, two passes, every product. */
  private static double[][] plainGram(DesignMatrix d, NeuronObjective f) {
    int q = f.q;
    int n = d.n();
    double[] a = d.weights();
    double sw = 0;
    for (double v : a) {
      sw += v;
    }
    double[][] g = new double[q][q];
    for (int i = 0; i < n; i++) {
      double[] s = new double[q];
      s[0] = 1;
      for (int k = 1; k < q; k++) {
        int j = f.cols[k];
        s[k] = f.standardized ? (d.get(i, j) - f.mean[j]) / f.sd[j] : d.get(i, j);
      }
      for (int u = 0; u < q; u++) {
        for (int v = 0; v < q; v++) {
          g[u][v] += a[i] * s[u] * s[v] / sw;
        }
      }
    }
    return g;
  }

  @Test
  void theSparseGramMatrixIsTheDefinitions() {
    List<DesignMatrix> designs = List.of(factorDesign(3000, 25, 30, 3), logitlab.Golden.bundled("admissions", "rank"),
        logitlab.Golden.bundled("uptake"));
    for (DesignMatrix d : designs) {
      for (boolean standardize : new boolean[] {true, false}) {
        NeuronObjective f = NeuronObjective.of(d, null, standardize, Loss.CROSS_ENTROPY, Activation.SIGMOID);
        double[][] fast = f.gram();
        double[][] plain = plainGram(d, f);
        for (int u = 0; u < f.q; u++) {
          for (int v = 0; v < f.q; v++) {
            double scale = Math.sqrt(Math.abs(plain[u][u] * plain[v][v]));
            assertEquals(plain[u][v], fast[u][v], 1e-12 * scale, d.file() + " " + standardize + " G[" + u + "][" + v
                + "]");
          }
        }
      }
    }
  }

  @Test
  void theFastPassIsTheLossAndGradientOfTheDefinition() {
    DesignMatrix d = factorDesign(9000, 30, 30, 4);
    SplittableRandom r = new SplittableRandom(1);
    for (boolean standardize : new boolean[] {true, false}) {
      NeuronObjective f = NeuronObjective.of(d, null, standardize, Loss.CROSS_ENTROPY, Activation.SIGMOID);
      double[] theta = new double[f.q];
      for (int k = 0; k < f.q; k++) {
        theta[k] = 0.3 * (r.nextDouble() - 0.5);
      }
      double[] grad = new double[f.q];
      double j = f.lossAndGradient(theta, grad);
      // the definition, row by row: s_i, z = theta's_i, l and l' s_i
      double[] g = new double[f.q];
      double l = 0;
      for (int i = 0; i < d.n(); i++) {
        double[] s = new double[f.q];
        s[0] = 1;
        for (int k = 1; k < f.q; k++) {
          int c = f.cols[k];
          s[k] = standardize ? (d.get(i, c) - f.mean[c]) / f.sd[c] : d.get(i, c);
        }
        double z = 0;
        for (int k = 0; k < f.q; k++) {
          z += theta[k] * s[k];
        }
        l += Loss.CROSS_ENTROPY.value(d.y()[i], z, Activation.SIGMOID);
        double dz = Loss.CROSS_ENTROPY.derivative(d.y()[i], z, Activation.SIGMOID);
        for (int k = 0; k < f.q; k++) {
          g[k] += dz * s[k];
        }
      }
      assertEquals(l / d.n(), j, 1e-13 * Math.abs(j));
      for (int k = 0; k < f.q; k++) {
        assertEquals(g[k] / d.n(), grad[k], 1e-13, "dJ/dtheta_" + k + " standardize " + standardize);
      }
    }
  }

  @Test
  void collinearColumnsLeftInDoNotStopIt() {
    // x2 = 2 x1 and no GLM mask: G is singular, and its pseudo-inverse takes no step along the
    // direction that changes no prediction
    DesignMatrix base = rareDesign(2000, 3);
    double[] x1 = new double[base.n()];
    double[] x2 = new double[base.n()];
    double[] y = base.y();
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < base.n(); i++) {
      x1[i] = base.get(i, 1);
      x2[i] = 2 * x1[i];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.4 + x1[i]))) ? 1 : 0;
    }
    DesignMatrix d = Designs.of(List.of("x1", "x2"), new double[][] {x1, x2}, y);
    NeuronFit f = NeuronFitter.fit(d, NeuronOptions.defaults(), null);
    assertEquals(StopReason.TOLERANCE, f.stopReason());
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    // the predictions are the GLM's (which drops x2 as aliased)
    double[] mu = d.rows().collect(b -> glm.fitted().of(b.x(), b.rows()));
    double[] p = d.rows().collect(b -> f.fitted().of(b.x(), b.rows()));
    for (int i = 0; i < d.n(); i++) {
      assertEquals(mu[i], p[i], 1e-7);
    }
    // and the split between x1 and x2 is the minimum-norm one on the trained scale: both equal
    double w1 = f.weights()[1] * NeuronObjective.of(d, null, true, Loss.CROSS_ENTROPY, Activation.SIGMOID).sd[1];
    double w2 = f.weights()[2] * NeuronObjective.of(d, null, true, Loss.CROSS_ENTROPY, Activation.SIGMOID).sd[2];
    assertEquals(w1, w2, 1e-6 * Math.abs(w1));
  }

  @Test
  void theSquaredLossTrainsWithoutMomentumAndReachesItsOwnOptimum() {
    // challenger.csv from every weight 5: Nesterov's momentum carried the squared loss onto a
    // plateau 26 from the GLM; without it the run ends on the nonlinear least-squares optimum
    DesignMatrix d = logitlab.Golden.bundled("challenger");
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    double[] nls = NeuronTrainingTest.nonlinearLeastSquares(d, glm.estimates());
    NeuronFit f = fit(d, NeuronOptions.defaults().withLoss(Loss.SQUARED).withInit("5"), glm);
    assertEquals(StopReason.TOLERANCE, f.stopReason());
    assertTrue(NeuronFit.maxRelativeDifference(f.weights(), nls) < COEF_TOL,
        "vs Levenberg-Marquardt: " + NeuronFit.maxRelativeDifference(f.weights(), nls));
  }

  @Test
  void theMetricScaleIsTheCurvatureAtTheInterceptOnlyFit() {
    // at the intercept-only fit every p_i = ybar, so the cross-entropy's Hessian there is exactly
    // H = ybar (1 - ybar) G, the metric: one epoch from there is Newton's step -H^-1 g (IRLS's
    // first step from that start), shortened only by the cap to an RMS change of 1 in z
    DesignMatrix d = logitlab.Golden.bundled("exam");
    NeuronObjective f = NeuronObjective.of(d, null, true, Loss.CROSS_ENTROPY, Activation.SIGMOID);
    double ybar = f.meanY;
    double[] theta0 = new double[f.q];
    theta0[0] = Math.log(ybar / (1 - ybar));
    double[] g = new double[f.q];
    f.lossAndGradient(theta0, g);
    Gram gram = Gram.of(f.gram());
    UpdateRules.UpdateRule rule = UpdateRules.preconditioned(theta0, 1, gram,
        Loss.CROSS_ENTROPY.curvatureAtMean(ybar, Activation.SIGMOID), 1, true);
    rule.epoch(g, 0, 0);
    double[] step = rule.point().clone();
    // Newton's step from theta0: H = S'WS/n with W = ybar (1 - ybar), solved directly
    double[][] h = f.gram();
    for (double[] row : h) {
      for (int v = 0; v < row.length; v++) {
        row[v] *= ybar * (1 - ybar);
      }
    }
    double[] newton = new org.apache.commons.math3.linear.LUDecomposition(
        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(h)).getSolver()
        .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
    double capped = Math.min(1, 1 / Math.sqrt(gramNorm(h, newton) / (ybar * (1 - ybar))));
    for (int k = 0; k < f.q; k++) {
      assertEquals(theta0[k] - capped * newton[k], step[k], 1e-12 * Math.max(1, Math.abs(step[k])), "theta_" + k);
    }
  }

  private static double gramNorm(double[][] h, double[] d) {
    double s = 0;
    for (int u = 0; u < d.length; u++) {
      for (int v = 0; v < d.length; v++) {
        s += d[u] * h[u][v] * d[v];
      }
    }
    return s;
  }
}
