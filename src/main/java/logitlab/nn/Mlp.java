package logitlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.fit.FitException;
import logitlab.fit.IrlsFitter;
import logitlab.model.ActivationFunction;
import logitlab.model.LogisticFit;
import logitlab.model.Named;
import logitlab.model.NeuronFit;

/**
 * The {@code mlp} experiment: one net, or a sweep over one setting with the same data, split and
 * seed, beside the logistic GLM on the same training rows, and what the runs show about the claims
 * of {@link Evidence}.
 */
public final class Mlp {
  private Mlp() {}

  /** The most sigmoid units whose logistic regressions claim 3 fits. */
  static final int MAX_UNITS_CHECKED = 32;

  /** What a sweep varies. */
  public enum Parameter implements Named {
    /** Units per hidden layer (claim 4). */
    HIDDEN,
    /** The activation (claims 5 to 7). */
    ACTIVATION,
    /** The learning rate, relu beside leaky-relu (claim 7). */
    LEARNING_RATE;

    /** The name in {@code --sweep NAME=...}: {@code hidden}, {@code activation}, {@code learning-rate}. */
    public String cliName() {
      return externalName();
    }
  }

  /**
   * A sweep: {@code hidden=1,2,4}, {@code activation=sigmoid,tanh}, {@code learning-rate=0.01,0.1}.
   *
   * @param parameter what varies
   * @param values the values as given, in order
   */
  public record Sweep(Parameter parameter, List<String> values) {
    public Sweep {
      values = List.copyOf(values);
    }

    /** Parses {@code NAME=V1,V2,...}. */
    public static Sweep parse(String spec) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec.trim() : spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      Parameter p = null;
      for (Parameter q : Parameter.values()) {
        if (q.cliName().equals(name)) {
          p = q;
        }
      }
      if (eq < 0 || p == null) {
        throw new IllegalArgumentException("--sweep takes hidden=N,N,..., activation=NAME,NAME,... or "
            + "learning-rate=R,R,..., not \"" + spec + "\"");
      }
      List<String> values = new ArrayList<>();
      for (String v : spec.substring(eq + 1).split(",", -1)) {
        if (v.isBlank()) {
          throw new IllegalArgumentException("--sweep " + spec + ": an empty value");
        }
        values.add(v.trim());
      }
      if (values.size() > 50) {
        throw new IllegalArgumentException("--sweep takes at most 50 values, not " + values.size());
      }
      return new Sweep(p, values);
    }
  }

  /**
   * The logistic GLM (IRLS) on the training rows, measured as the nets are.
   *
   * @param coefficients its estimates (NaN for aliased terms)
   * @param converged whether IRLS converged and found no separation (else its estimates are no optimum)
   */
  public record Baseline(double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
      double[] coefficients, boolean converged) {
    public Baseline {
      coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }
  }

  /**
   * The experiment's result.
   *
   * @param data every row
   * @param dataset the built-in data set's name, or null for a CSV file
   * @param noise the built-in data set's noise; NaN for a CSV file
   * @param trainRows rows trained on
   * @param testRows rows held out (0 with a test fraction of 0)
   * @param options the settings (of the first run, for a sweep the common ones)
   * @param sweep the sweep, or null for one run
   * @param runs the runs in order (a learning-rate sweep: relu then leaky-relu at each rate)
   * @param linear the logistic GLM on the same training rows; null if it cannot be fitted
   * @param majorityShare the share of the larger class on the test rows (the training rows without)
   * @param claims what the runs show
   * @param split the rows trained and tested on
   */
  public record Result(DesignMatrix data, String dataset, double noise, int trainRows, int testRows,
      MlpOptions options, Sweep sweep,
      List<MlpRun> runs, Baseline linear, double majorityShare, List<Evidence> claims, Split split) {
    public Result {
      runs = List.copyOf(runs);
      claims = List.copyOf(claims);
    }
  }

  /**
   * Runs the experiment.
   *
   * @param d the data
   * @param dataset the built-in data set's name, or null for a CSV file
   * @param noise the built-in data set's noise (NaN for a CSV file), for the record
   * @param o the settings
   * @param sweep the sweep, or null
   * @throws IllegalArgumentException for a sweep that does not fit the settings (a usage error)
   * @throws FitException when the data cannot be trained on (one class in the training rows)
   */
  public static Result run(DesignMatrix d, String dataset, double noise, MlpOptions o, Sweep sweep) {
    List<MlpOptions> settings = settings(o, sweep);
    Split split = Split.of(d, o.testFraction(), MlpTrainer.streams(o.seed())[0]);
    Baseline linear = baseline(split);
    List<MlpRun> runs = new ArrayList<>();
    for (MlpOptions s : settings) {
      runs.add(MlpTrainer.train(split, s));
    }
    DesignMatrix shown = split.test() != null ? split.test() : split.train();
    double events = shown.weightedEvents();
    double majority = Math.max(events, shown.totalWeight() - events) / shown.totalWeight();
    List<Evidence> claims = sweep == null
        ? single(runs.get(0), split, dataset, linear, majority)
        : switch (sweep.parameter()) {
          case HIDDEN -> overfitting(runs);
          case ACTIVATION -> speed(runs, o.targetLoss());
          case LEARNING_RATE -> dying(runs);
        };
    return new Result(d, dataset, noise, split.train().n(), split.test() == null ? 0 : split.test().n(), o, sweep, runs,
        linear, majority, claims, split);
  }

  /** The settings of each run; IllegalArgumentException for a sweep that does not fit them. */
  public static List<MlpOptions> settings(MlpOptions o, Sweep sweep) {
    if (sweep == null) {
      return List.of(o);
    }
    List<MlpOptions> out = new ArrayList<>();
    for (String v : sweep.values()) {
      switch (sweep.parameter()) {
        case HIDDEN -> {
          int units = integer(v);
          if (units == 0) {
            out.add(o.withHidden(new int[0]));
          } else {
            int[] h = new int[Math.max(1, o.hidden().length)];
            Arrays.fill(h, units);
            out.add(o.withHidden(h));
          }
          if (o.testFraction() == 0) {
            throw new IllegalArgumentException("--sweep hidden compares the test loss: it needs test rows "
                + "(--test-fraction above 0)");
          }
        }
        case ACTIVATION -> {
          needsHidden(o, sweep);
          out.add(o.withActivation(ActivationFunction.parse(v)));
        }
        case LEARNING_RATE -> {
          needsHidden(o, sweep);
          double lr;
          try {
            lr = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep learning-rate takes positive numbers, not \"" + v + "\"");
          }
          MlpOptions at = o.withLearningRate(lr);
          if (o.activation() == ActivationFunction.RELU || o.activation() == ActivationFunction.LEAKY_RELU) {
            out.add(at.withActivation(ActivationFunction.RELU));
            out.add(at.withActivation(ActivationFunction.LEAKY_RELU));
          } else {
            out.add(at);
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return out;
  }

  private static void needsHidden(MlpOptions o, Sweep sweep) {
    if (o.hidden().length == 0) {
      throw new IllegalArgumentException("--sweep " + sweep.parameter().cliName() + " compares hidden units: it "
          + "needs a hidden layer (--hidden 0 has none)");
    }
  }

  private static int integer(String v) {
    try {
      int k = Integer.parseInt(v);
      if (k >= 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("--sweep hidden takes numbers of units (0 or more), not \"" + v + "\"");
  }

  /** The logistic GLM on the training rows, or null when it cannot be fitted (fewer rows than terms). */
  static Baseline baseline(Split split) {
    LogisticFit glm;
    try {
      glm = IrlsFitter.fit(split.train());
    } catch (FitException e) {
      return null;
    }
    double[] b = glm.estimates();
    double[] tr = MlpTrainer.lossAndAccuracy(split.train(), b);
    double[] te = split.test() == null ? new double[] {Double.NaN, Double.NaN}
        : MlpTrainer.lossAndAccuracy(split.test(), b);
    return new Baseline(tr[0], te[0], tr[1], te[1], b, glm.converged() && !glm.separation().detected());
  }

  /** The claims one run bears on. */
  static List<Evidence> single(MlpRun r, Split split, String dataset, Baseline linear, double majority) {
    List<Evidence> out = new ArrayList<>();
    MlpOptions o = r.options();
    int[] h = o.hidden();
    boolean linearNet = h.length == 0 || o.activation().linear();
    double acc = Double.isNaN(r.testAccuracy()) ? r.trainAccuracy() : r.testAccuracy();
    if (linearNet && h.length > 0 && linear != null && linear.converged() && o.l2() == 0) {
      double gap = r.trainLoss() - linear.trainLoss();
      out.add(new Evidence.IdentityIsLinear(gap <= 1e-4 * Math.max(1, linear.trainLoss()), h, r.trainLoss(),
          linear.trainLoss()));
    }
    if (linearNet && dataset != null) {
      out.add(new Evidence.LinearOnNonlinearData(acc < Evidence.SEPARATES, dataset, h, acc, majority));
    }
    if (!linearNet && dataset != null && h[0] >= 2 && linear != null) {
      double linAcc = Double.isNaN(linear.testAccuracy()) ? linear.trainAccuracy() : linear.testAccuracy();
      out.add(new Evidence.HiddenLayerSeparates(acc >= Evidence.SEPARATES, h, o.activation(), acc, linAcc));
    }
    if (h.length == 0 && o.l2() == 0 && linear != null && linear.converged()) {
      double[] w = r.coefficients().stream().mapToDouble(MlpRun.Term::estimate).toArray();
      double diff = NeuronFit.maxRelativeDifference(w, linear.coefficients());
      out.add(new Evidence.UnitIsLogisticRegression(diff <= Evidence.SAME_WEIGHTS, 1, true, diff));
    }
    if (h.length > 0 && o.activation() == ActivationFunction.SIGMOID) {
      out.add(unitsAreLogistic(r, split));
    }
    return out;
  }

  /**
   * Claim 3 for sigmoid hidden units: the IRLS fit of each first-layer unit's outputs (as
   * proportions, on the training rows) against the standardised inputs, compared with the unit's
   * weights and bias: max_j |w_j - beta_j| / max(1, |beta_j|).
   */
  static Evidence.UnitIsLogisticRegression unitsAreLogistic(MlpRun r, Split split) {
    MlpOptions o = r.options();
    int q = split.inputs();
    int width = o.hidden()[0];
    double[] theta = r.theta();
    double[] outputs = MlpTrainer.firstLayerOutputs(split, o, theta);
    double[] s = split.standardize(split.train());
    int n = split.train().n();
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    List<DesignMatrix.Predictor> predictors = new ArrayList<>();
    for (int j = 1; j <= q; j++) {
      terms.add("s" + j);
      predictors.add(new DesignMatrix.Predictor("s" + j, false, j, 0, List.of()));
    }
    double[] x = new double[n * (q + 1)];
    for (int i = 0; i < n; i++) {
      x[i * (q + 1)] = 1;
      System.arraycopy(s, i * q, x, i * (q + 1) + 1, q);
    }
    int checked = Math.min(width, MAX_UNITS_CHECKED);
    double worst = 0;
    for (int u = 0; u < checked; u++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = outputs[i * width + u];
      }
      DesignMatrix unit = new DesignMatrix("unit " + (u + 1), n, q + 1, x, y, split.train().lines(), terms,
          predictors, new DesignMatrix.Outcome("a" + (u + 1), "1", "0"), n, 0, java.util.Map.of());
      double[] beta;
      try {
        beta = IrlsFitter.fit(unit).estimates();
      } catch (FitException e) {
        return new Evidence.UnitIsLogisticRegression(false, checked, false, Double.POSITIVE_INFINITY);
      }
      double[] w = new double[q + 1];
      w[0] = theta[width * q + u]; // b_1u follows W_1 (width x q)
      System.arraycopy(theta, u * q, w, 1, q);
      worst = Math.max(worst, NeuronFit.maxRelativeDifference(w, beta));
    }
    return new Evidence.UnitIsLogisticRegression(worst <= Evidence.SAME_WEIGHTS, checked, false, worst);
  }

  /** Claim 4 from a hidden sweep. */
  static List<Evidence> overfitting(List<MlpRun> runs) {
    int k = runs.size();
    int[] sizes = new int[k];
    double[] train = new double[k];
    double[] test = new double[k];
    int best = 0;
    for (int i = 0; i < k; i++) {
      int[] h = runs.get(i).options().hidden();
      sizes[i] = h.length == 0 ? 0 : h[0];
      train[i] = runs.get(i).trainLoss();
      test[i] = runs.get(i).testLoss();
      if (test[i] < test[best]) {
        best = i;
      }
    }
    boolean shown = k >= 3 && train[k - 1] < train[0] && best < k - 1 && test[k - 1] > 1.05 * test[best];
    return List.of(new Evidence.Overfitting(shown, sizes, train, test, best));
  }

  /** Claims 5, 6 and 7 from an activation sweep (each when its activations are in it). */
  static List<Evidence> speed(List<MlpRun> runs, double target) {
    List<Evidence.SpeedRun> s = new ArrayList<>();
    for (MlpRun r : runs) {
      s.add(new Evidence.SpeedRun(r.options().activation(), r.epochsToTarget(), r.meanActivation(),
          r.saturatedFraction(), r.expPerEpoch()));
    }
    Evidence.ActivationSpeed probe = new Evidence.ActivationSpeed(0, false, target, s);
    Evidence.SpeedRun sig = probe.of(ActivationFunction.SIGMOID);
    Evidence.SpeedRun tanh = probe.of(ActivationFunction.TANH);
    Evidence.SpeedRun relu = probe.of(ActivationFunction.RELU);
    List<Evidence> out = new ArrayList<>();
    if (sig != null && tanh != null) {
      boolean tanhFaster = epochs(tanh) < epochs(sig);
      out.add(new Evidence.ActivationSpeed(5, tanhFaster, target, s));
      out.add(new Evidence.ActivationSpeed(6, tanhFaster && tanh.saturatedFraction() > 0, target, s));
    }
    if (relu != null && (sig != null || tanh != null)) {
      long others = Math.min(sig == null ? Long.MAX_VALUE : epochs(sig), tanh == null ? Long.MAX_VALUE : epochs(tanh));
      out.add(new Evidence.ActivationSpeed(7, relu.epochsToTarget() >= 0 && epochs(relu) <= others, target, s));
    }
    return out;
  }

  /** Epochs to the target, never as the largest value. */
  private static long epochs(Evidence.SpeedRun r) {
    return r.epochsToTarget() < 0 ? Long.MAX_VALUE : r.epochsToTarget();
  }

  /** Claim 7 from a learning-rate sweep of relu beside leaky-relu. */
  static List<Evidence> dying(List<MlpRun> runs) {
    if (runs.size() < 2 || runs.get(0).options().activation() != ActivationFunction.RELU
        || runs.get(1).options().activation() != ActivationFunction.LEAKY_RELU) {
      return List.of();
    }
    int k = runs.size() / 2;
    double[] lr = new double[k];
    double[] reluDead = new double[k];
    double[] leakyDead = new double[k];
    double[] leakyInactive = new double[k];
    double[] reluLoss = new double[k];
    double[] leakyLoss = new double[k];
    int worst = 0;
    for (int i = 0; i < k; i++) {
      MlpRun relu = runs.get(2 * i);
      MlpRun leaky = runs.get(2 * i + 1);
      lr[i] = relu.learningRate();
      reluDead[i] = relu.deadOverall();
      leakyDead[i] = leaky.deadOverall();
      leakyInactive[i] = leaky.inactiveOverall();
      reluLoss[i] = relu.trainLoss();
      leakyLoss[i] = leaky.trainLoss();
      if (reluDead[i] > reluDead[worst]) {
        worst = i;
      }
    }
    int low = 0;
    for (int i = 1; i < k; i++) {
      if (lr[i] < lr[low]) {
        low = i;
      }
    }
    double leakyMax = Arrays.stream(leakyDead).max().orElse(0);
    boolean shown = lr[worst] > lr[low] && reluDead[worst] >= reluDead[low] + 0.1 && leakyMax <= 0.05
        && leakyLoss[worst] < reluLoss[worst];
    return List.of(new Evidence.DyingUnits(shown, lr, reluDead, leakyDead, leakyInactive, reluLoss, leakyLoss, worst));
  }
}
