package logitlab.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import logitlab.model.Optimizer;

/**
 * Benchmark, not a test: for each optimizer, the epochs and the time the neuron needs to come
 * within 1e-2, 1e-4 and 1e-6 (relative to max(1, |beta|)) of the logistic GLM, on a bundled
 * dataset and on a synthetic 100,000 x 10 design. Run it with {@code scripts/bench-neuron}.
 *
 * <p>Time to 1e-6 is measured by training again with the epoch limit set to the epoch at which
 * 1e-6 was first reached (the median of {@value #REPEATS} runs after a warm-up), so it includes the
 * fitter's set-up (column statistics, lambda_max) but not the IRLS fit that supplies the target.
 */
public final class NeuronBench {
  static final int REPEATS = 3;

  private NeuronBench() {}

  public static void main(String[] args) {
    String file = args.length > 0 ? args[0] : "data/smoking.csv";
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int stochasticEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    DesignMatrix bundled = DesignMatrixLoader.load(Path.of(file), file, ',',
        new ModelSpec(null, null, new LinkedHashMap<>(), null, null));
    bench(file, bundled, stochasticEpochs);
    bench(String.format(Locale.ROOT, "synthetic %,d x 10 (seed %d)", rows, NeuronOptions.DEFAULT_SEED),
        synthetic(rows, NeuronOptions.DEFAULT_SEED), Math.min(stochasticEpochs, 200));
  }

  static void bench(String name, DesignMatrix d, int stochasticEpochs) {
    long t0 = System.nanoTime();
    LogisticFit glm = IrlsFitter.fit(d, IrlsOptions.defaults());
    double glmMs = (System.nanoTime() - t0) / 1e6;
    System.out.printf(Locale.ROOT, "%s: n = %d, p = %d; GLM by IRLS: %d iterations, %.1f ms (first call)%n",
        name, d.n(), d.p(), glm.iterations(), glmMs);
    System.out.printf(Locale.ROOT, "  %-14s %10s %7s %7s %7s %13s   %s%n", "optimizer", "step", "1e-2", "1e-4",
        "1e-6", "time to 1e-6", "stopped (epochs, time)");
    for (Optimizer o : Optimizer.values()) {
      NeuronOptions opt = NeuronOptions.defaults().withOptimizer(o)
          .withMaxEpochs(o.stochastic() ? stochasticEpochs : NeuronOptions.DEFAULT_MAX_EPOCHS);
      fit(d, opt, glm); // warm-up
      long s = System.nanoTime();
      NeuronFit f = fit(d, opt, glm);
      double totalMs = (System.nanoTime() - s) / 1e6;
      List<String> cells = new ArrayList<>();
      for (NeuronFit.Milestone m : f.epochsTo()) {
        cells.add(m.reached() ? Integer.toString(m.epoch()) : "-");
      }
      NeuronFit.Milestone six = f.epochsTo().get(2);
      String time = "not reached";
      if (six.reached()) {
        double[] ms = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
          long a = System.nanoTime();
          fit(d, opt.withMaxEpochs(Math.max(1, six.epoch())), glm);
          ms[r] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        time = ms(ms[REPEATS / 2]);
      }
      System.out.printf(Locale.ROOT, "  %-14s %10s %7s %7s %7s %13s   %s (%d, %s), %.2g from the GLM%n", o.cliName(),
          String.format(Locale.ROOT, "%.4g", f.learningRate()), cells.get(0), cells.get(1), cells.get(2), time,
          f.stopReason(), f.epochs(), ms(totalMs), NeuronFit.maxRelativeDifference(f.logitWeights(), glm.estimates()));
    }
    System.out.println();
  }

  static NeuronFit fit(DesignMatrix d, NeuronOptions opt, LogisticFit glm) {
    return NeuronFitter.fit(d, opt, glm.aliasedMask(), glm.estimates());
  }

  static String ms(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  /**
   * A well-conditioned synthetic design with 10 predictors of different scales, in the spirit of
   * {@code scripts/bench-data.py}: x1..x4 standard normal, x5, x6 uniform on [0, 1), x7 = 0.6 x1 +
   * 0.8 N(0, 1), x8 an integer age 18..90, x9 0/1 with P(1) = 0.3, x10 log-normal exp(N(0, 0.5)) 10;
   * y ~ Bernoulli(sigma(eta)), eta = -1 + 0.8 x1 - 0.5 x2 + 0.3 x3 + 0.15 x4 + 1.2 x5 - 0.7 x6
   * + 0.4 x7 + 0.02 (x8 - 50) + 0.6 x9 - 0.03 x10.
   */
  static DesignMatrix synthetic(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int p = 11;
    double[] x = new double[n * p];
    double[] y = new double[n];
    int[] lines = new int[n];
    double[] sums = new double[p];
    for (int i = 0; i < n; i++) {
      double[] v = new double[p];
      v[0] = 1;
      for (int j = 1; j <= 4; j++) {
        v[j] = normal(r);
      }
      v[5] = r.nextDouble();
      v[6] = r.nextDouble();
      v[7] = 0.6 * v[1] + 0.8 * normal(r);
      v[8] = 18 + r.nextInt(73);
      v[9] = r.nextDouble() < 0.3 ? 1 : 0;
      v[10] = Math.exp(0.5 * normal(r)) * 10;
      double eta = -1 + 0.8 * v[1] - 0.5 * v[2] + 0.3 * v[3] + 0.15 * v[4] + 1.2 * v[5] - 0.7 * v[6]
          + 0.4 * v[7] + 0.02 * (v[8] - 50) + 0.6 * v[9] - 0.03 * v[10];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      System.arraycopy(v, 0, x, i * p, p);
      for (int j = 0; j < p; j++) {
        sums[j] += v[j];
      }
      lines[i] = i + 2;
    }
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    List<DesignMatrix.Predictor> preds = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      terms.add("x" + j);
      preds.add(new DesignMatrix.Predictor("x" + j, false, j, sums[j] / n, List.of()));
    }
    Map<String, Integer> none = Map.of();
    return new DesignMatrix("synthetic", n, p, x, y, lines, terms, preds, new DesignMatrix.Outcome("y", "1", "0"),
        n, 0, none);
  }

  private static double normal(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
