package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.fit.UpdateRules.UpdateRule;
import logitlab.model.Activation;
import logitlab.model.Dense;
import logitlab.model.Fitted;
import logitlab.model.Diagnostic;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.StopReason;
import logitlab.model.Optimizer;

/**
 * One neuron, p = sigma(a theta's) (a = 1 for the sigmoid, 2 for tanh), trained by a gradient
 * method on the mean loss J of {@link NeuronObjective}.
 * <pre>
 * inputs (default) standardised:  s_ij = (x_ij - m_j) / sd_j   (intercept column kept as 1)
 * J(theta) = (1/n) sum_i l(y_i, theta' s_i),  grad J = (1/n) sum_i l'(y_i, theta' s_i) s_i
 * each epoch: measure J and grad J at the optimizer's point, then one epoch of updates
 * </pre>
 * (With prior weights a_i, every 1/n sum_i becomes sum_i a_i / sum_i a_i; see
 * {@link NeuronObjective}.) The second derivative of l in z is at most
 * c = {@link Loss#curvatureBound(Activation)} (1/4 for the sigmoid's cross-entropy), so grad J is
 * L-Lipschitz with L = c lambda_max(S'S / n). The
 * automatic step is 1/L for gd, momentum and nesterov: J then falls at every gradient step
 * (Nesterov, Introductory Lectures on Convex Optimization, 2004, 2.1.5). The default,
 * preconditioned, measures its steps in the metric c0 S'S/n, c0 the loss's curvature at the
 * intercept-only fit, where its automatic step is 1 and halves whenever a step raises J
 * ({@link UpdateRules.Preconditioned}). For sgd and minibatch it
 * is 1/L_b with L_b = [n (b-1) / (b (n-1))] L + [(n-b) / (b (n-1))] L_max, L_max = c max_i ||s_i||^2,
 * the expected smoothness of a b-row sample (Gower, Loizou, Qian, Sailanbayev, Shulgin and
 * Richtárik, "SGD: general analysis and improved rates", ICML 2019, b-nice sampling), decaying with the
 * step count as described in {@link UpdateRules.Stochastic}. Adam moves every weight by about lr per step
 * whatever the gradient's scale, which shifts z_i by up to lr ||s_i||_1; its automatic lr is
 * min({@value #ADAM_LR}, 1 / mean_i ||s_i||_1), so that a step moves z by at most about 1 on average:
 * {@value #ADAM_LR} on standardised inputs with up to about a dozen columns, much less on raw ones.
 *
 * <p>Training stops when ||grad J|| falls below the tolerance ({@code tolerance}), at the epoch
 * limit ({@code max-epochs}), on divergence ({@code divergence}): a loss that is not finite,
 * more than max(1, J_0) above the starting loss J_0, or rising (by more than rounding) for
 * {@value #PATIENCE_GD} epochs in a row with gd and preconditioned ({@value #PATIENCE_OTHER} with
 * the others, whose loss need not fall monotonically); or when training makes no progress
 * ({@code no-progress}): neither J nor ||grad J|| has reached a new low for W epochs,
 * W = {@value #WINDOW_GD} for gd and preconditioned (which rejects every rise) and
 * {@value #WINDOW_OTHER} for momentum, nesterov and adam, but at most half the epoch limit (and at
 * least 10). A step too large for the curvature near the optimum (though not large enough to
 * diverge) makes gradient descent oscillate for ever, the loss rising and falling between the same
 * values; the step must then be smaller, and more epochs cannot help. Slow but real progress (raw,
 * ill-conditioned inputs) still reaches a new low of J or ||grad J|| every epoch or so with gd,
 * whose loss must fall at every stable step; the others' loss may rise for long stretches (on the
 * bundled data Nesterov's on raw inputs went 12,297 epochs without a new low before converging),
 * hence their longer window. sgd and minibatch are exempt: their step decays, so they cannot
 * oscillate for ever, and their loss is noisy by nature. After divergence and no-progress the
 * weights of the lowest loss seen are reported, never the last ones.
 *
 * <p>The weights are mapped back to the original scale, {@code w_j = theta_j / sd_j},
 * {@code w_0 = theta_0 - sum_j theta_j m_j / sd_j}, where a w estimates the logistic GLM's
 * coefficients. Given the GLM's coefficients as a target, the fitter also records the first epoch
 * at which max_j |a w_j - beta_j| / max(1, |beta_j|) fell to 1e-2, 1e-4 and 1e-6. Columns the caller
 * excludes (the GLM's aliased terms) and constant columns are left out and get NaN weights.
 */
public final class NeuronFitter {
  /** Consecutive rising epochs that count as divergence for gd, whose loss must fall every epoch. */
  private static final int PATIENCE_GD = 10;
  /** The same for the other optimizers, whose loss may rise for a while. */
  private static final int PATIENCE_OTHER = 50;
  /** Epochs without a new low of the loss or the gradient norm that stop gd with no-progress. */
  static final int WINDOW_GD = 1_000;
  /** The same for momentum, nesterov and adam, whose loss may rise for long stretches. */
  static final int WINDOW_OTHER = 20_000;
  /** Automatic learning rate of adam (on standardised inputs weights are of order 1). */
  static final double ADAM_LR = 0.1;
  /** |a z| above this counts as saturated: sigma'(u) &lt; 0.018 there. */
  static final double SATURATION = 4;
  /** Progress reports at most this often. */
  private static final long PROGRESS_NANOS = 1_000_000_000L;

  private NeuronFitter() {}

  /** Trains without a GLM to compare with ({@link NeuronFit#epochsTo()} is then empty). */
  public static NeuronFit fit(DesignMatrix d, NeuronOptions opt, boolean[] exclude) {
    return fit(d, opt, exclude, null);
  }

  /**
   * Trains the neuron.
   *
   * @param d the design
   * @param opt the settings
   * @param exclude columns to leave out (the GLM's aliased terms), or null
   * @param target the GLM's coefficients (NaN for aliased terms), to record how fast the neuron
   *     approaches them; or null
   */
  public static NeuronFit fit(DesignMatrix d, NeuronOptions opt, boolean[] exclude, double[] target) {
    Preconditions.check(d);
    if (target != null && target.length != d.p()) {
      throw new IllegalArgumentException("target has " + target.length + " coefficients, the design " + d.p());
    }
    NeuronObjective f = NeuronObjective.of(d, exclude, opt.standardize(), opt.loss(), opt.activation());
    int q = f.q;
    Gram gram = Gram.of(f.gram());
    double[] eigen = gram.eigenvalues();
    double curvature = opt.loss().curvatureBound(opt.activation());
    double lipschitz = curvature * eigen[q - 1];
    double autoLr = autoLearningRate(opt, f, lipschitz, curvature);
    double lr = opt.autoLearningRate() ? autoLr : opt.learningRate();
    SplittableRandom root = new SplittableRandom(opt.seed());
    SplittableRandom initRng = root.split();
    SplittableRandom shuffleRng = root.split();
    double[] theta0 = opt.randomInit() ? randomWeights(q, 1 / Math.sqrt(q), initRng) : constant(q, opt.initValue());
    double a = opt.activation().logitScale();
    UpdateRule rule = opt.optimizer() == Optimizer.PRECONDITIONED
        ? UpdateRules.preconditioned(theta0, lr, gram, opt.loss().curvatureAtMean(f.meanY, opt.activation()), a,
            opt.loss() == Loss.CROSS_ENTROPY)
        : UpdateRules.create(opt.optimizer(), theta0, lr, curvature * eigen[0] / 4, f, opt.rowsPerStep(), shuffleRng);
    int patience = monotone(opt.optimizer()) ? PATIENCE_GD : PATIENCE_OTHER;
    int window = noProgressWindow(opt);

    double[] grad = new double[q];
    TrainingHistory history = new TrainingHistory();
    int[] milestone = new int[NeuronFit.MILESTONES.length];
    Arrays.fill(milestone, -1);
    StopReason stop = StopReason.MAX_EPOCHS;
    int epoch = 0;
    int rising = 0;
    double prevLoss = Double.POSITIVE_INFINITY;
    double initialLoss = Double.NaN;
    double initialGnorm = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    double[] best = null;
    double bestGnorm = Double.NaN;
    int bestEpoch = 0;
    double lastLoss = Double.NaN;
    double[] lastW = null;
    int lastEpoch = 0;
    double lowestGnorm = Double.POSITIVE_INFINITY;
    int lastProgress = 0;
    double windowLow = Double.POSITIVE_INFINITY; // the loss's range since the last progress
    double windowHigh = Double.NEGATIVE_INFINITY;
    double[] thetaAtCheck = null;
    double loss;
    double gnorm;
    long lastReport = System.nanoTime();
    while (true) {
      double[] theta = rule.point();
      loss = f.lossAndGradient(theta, grad);
      gnorm = norm(grad);
      if (epoch == 0) {
        initialLoss = loss;
        initialGnorm = gnorm;
      }
      rising = loss > prevLoss + 1e-12 * Math.max(1, Math.abs(prevLoss)) ? rising + 1 : 0;
      prevLoss = loss;
      if (!Double.isFinite(loss) || !Double.isFinite(gnorm)
          || loss > initialLoss + Math.max(1, initialLoss) || rising >= patience) {
        stop = StopReason.DIVERGENCE;
        break;
      }
      double[] w = null;
      if (target != null) {
        w = f.toOriginal(theta);
        double diff = NeuronFit.maxRelativeDifference(scaled(w, a), target);
        for (int m = 0; m < milestone.length; m++) {
          if (milestone[m] < 0 && diff <= NeuronFit.MILESTONES[m]) {
            milestone[m] = epoch;
          }
        }
        if (opt.progress() != null && System.nanoTime() - lastReport >= PROGRESS_NANOS) {
          opt.progress().report(epoch, opt.maxEpochs(), loss, gnorm, diff);
          lastReport = System.nanoTime();
        }
      } else if (opt.progress() != null && System.nanoTime() - lastReport >= PROGRESS_NANOS) {
        opt.progress().report(epoch, opt.maxEpochs(), loss, gnorm, Double.NaN);
        lastReport = System.nanoTime();
      }
      if (history.wants(epoch)) {
        w = w == null ? f.toOriginal(theta) : w;
        history.add(epoch, loss, w);
      }
      lastLoss = loss;
      lastEpoch = epoch;
      lastW = w;
      if (epoch == Explainer.CHECK_EPOCH) {
        thetaAtCheck = theta.clone();
      }
      if (loss < bestLoss || gnorm < lowestGnorm) {
        lastProgress = epoch;
        windowLow = Double.POSITIVE_INFINITY;
        windowHigh = Double.NEGATIVE_INFINITY;
      } else {
        windowLow = Math.min(windowLow, loss);
        windowHigh = Math.max(windowHigh, loss);
      }
      lowestGnorm = Math.min(lowestGnorm, gnorm);
      if (loss <= bestLoss) {
        bestLoss = loss;
        best = theta.clone();
        bestGnorm = gnorm;
        bestEpoch = epoch;
      }
      if (gnorm < opt.tolerance()) {
        stop = StopReason.TOLERANCE;
        break;
      }
      if (window > 0 && epoch - lastProgress >= window) {
        stop = StopReason.NO_PROGRESS;
        break;
      }
      if (epoch >= opt.maxEpochs()) {
        break;
      }
      rule.epoch(grad, loss, epoch);
      epoch++;
    }

    double[] theta;
    boolean overflowed = !Double.isFinite(prevLoss) || !Double.isFinite(gnorm);
    boolean reportsBest = stop == StopReason.DIVERGENCE || stop == StopReason.NO_PROGRESS;
    if (reportsBest) {
      // report the best weights seen, never the diverged or last ones
      if (best == null) {
        best = new double[q];
        bestLoss = f.lossAndGradient(best, grad);
        bestGnorm = norm(grad);
      }
      theta = best;
      loss = bestLoss;
      gnorm = bestGnorm;
    } else {
      theta = rule.point().clone();
    }
    double[] w = f.toOriginal(theta);
    List<NeuronFit.Snapshot> hist = history.finish(lastEpoch, lastLoss, lastW != null ? lastW
        : f.toOriginal(rule.point()));
    List<NeuronFit.Milestone> epochsTo = new ArrayList<>();
    if (target != null) {
      for (int m = 0; m < milestone.length; m++) {
        epochsTo.add(new NeuronFit.Milestone(label(NeuronFit.MILESTONES[m]), NeuronFit.MILESTONES[m], milestone[m]));
      }
    }
    double[] wf = w.clone();
    Activation act = opt.activation(); // captured alone, so that the fitted values serialize
    Fitted fitted = (x, m) -> {
      double[] s = Fitted.linearPredictors(x, m, wf);
      for (int i = 0; i < m; i++) {
        s[i] = act.probability(s[i]);
      }
      return s;
    };
    NeuronFit.Settings settings = new NeuronFit.Settings(opt.optimizer().cliName(), opt.optimizer().label(), lr,
        Math.min(opt.rowsPerStep(), d.n()), opt.maxEpochs(), opt.tolerance(), opt.standardize(), opt.init(), opt.loss(),
        opt.activation(), opt.seed(), opt.usesSeed());
    double perTenfold = epochsPerTenfold(opt.optimizer(), lr * curvature * eigen[0]);
    Explainer.Facts facts = new Explainer.Facts(d, exclude, opt, f, eigen, theta0, theta, initialLoss,
        initialGnorm, loss, gnorm, epoch, stop, target == null ? Double.NaN
            : NeuronFit.maxRelativeDifference(scaled(w, a), target), hist, lr,
        thetaAtCheck != null ? thetaAtCheck : theta, thetaAtCheck != null ? Explainer.CHECK_EPOCH
            : reportsBest ? bestEpoch : epoch);
    List<Diagnostic> notes = Explainer.notes(facts);
    boolean noProgress = stop == StopReason.NO_PROGRESS;
    NeuronFit.Diagnostics diagnostics = new NeuronFit.Diagnostics(bestEpoch, lastProgress, overflowed, window,
        noProgress ? windowLow : Double.NaN, noProgress ? windowHigh : Double.NaN, autoLr,
        rule instanceof UpdateRules.Preconditioned pre ? pre.step()
            : finalLearningRate(opt, lr, curvature * eigen[0] / 4, f.n, epoch), opt.rowsPerStep(),
        eigen[q - 1] / eigen[0], perTenfold);
    return new NeuronFit(d.terms(), w, settings, epoch, loss, gnorm, stop == StopReason.TOLERANCE, stop, epochsTo,
        hist, history.every(), notes, List.of(), fitted, diagnostics);
  }

  /**
   * The no-progress window W of these options: {@value #WINDOW_GD} epochs for gd,
   * {@value #WINDOW_OTHER} for momentum, nesterov and adam, at most half the epoch limit but at
   * least 10; 0 (no window) for sgd and minibatch.
   */
  static int noProgressWindow(NeuronOptions opt) {
    if (opt.optimizer().stochastic()) {
      return 0;
    }
    int w = monotone(opt.optimizer()) ? WINDOW_GD : WINDOW_OTHER;
    return Math.min(w, Math.max(10, opt.maxEpochs() / 2));
  }

  /**
   * Whether the optimizer's loss must fall at every stable step: gd's at 1/L, and preconditioned's,
   * which rejects every rise.
   */
  static boolean monotone(Optimizer o) {
    return o == Optimizer.GD || o == Optimizer.PRECONDITIONED;
  }

  /**
   * About how many epochs the optimizer needs to shrink the error tenfold along the flattest
   * direction, from r = lr c lambda_min, the fraction by which one gradient step shrinks it there
   * at most (c bounds the loss's curvature, so the true fraction is smaller and the count a lower
   * bound): gd shrinks it by 1 - r per epoch (Nesterov 2004, 2.1.5), heavy-ball momentum by about
   * 1 - r / (1 - beta) while r is small (its slow root of z^2 - (1 + beta - r) z + beta), Nesterov's
   * accelerated gradient by about 1 - sqrt(r) (ibid., 2.2; with adaptive restart, O'Donoghue and
   * Candès 2015). NaN for adam, sgd and minibatch, whose steps follow no such rate.
   */
  static double epochsPerTenfold(Optimizer o, double r) {
    double shrink = switch (o) {
      case GD -> r;
      case MOMENTUM -> r / (1 - UpdateRules.HeavyBall.BETA);
      case NESTEROV -> Math.sqrt(r);
      default -> Double.NaN;
    };
    if (!(shrink > 0 && shrink < 1)) {
      return Double.NaN;
    }
    return Math.log(10) / -Math.log1p(-shrink);
  }

  /**
   * The step in use at the end: for sgd and minibatch lr / (1 + lr mu t) after t steps, ceil(n / b)
   * per epoch (see {@link UpdateRules.Stochastic}); the learning rate otherwise.
   */
  private static double finalLearningRate(NeuronOptions opt, double lr, double mu, int n, int epochs) {
    if (!opt.optimizer().stochastic()) {
      return lr;
    }
    int b = Math.max(1, Math.min(opt.rowsPerStep(), n));
    double steps = (double) epochs * ((n + b - 1) / b);
    return lr / (1 + lr * mu * Math.max(0, steps - 1));
  }

  /** The automatic step size of each optimizer (see the class comment). */
  static double autoLearningRate(NeuronOptions opt, NeuronObjective f, double lipschitz, double curvature) {
    return switch (opt.optimizer()) {
      case PRECONDITIONED -> 1;
      case GD, MOMENTUM, NESTEROV -> 1 / lipschitz;
      case ADAM -> Math.min(ADAM_LR, 1 / f.meanRowL1());
      case SGD, MINIBATCH -> {
        double n = f.n;
        double b = Math.min(opt.rowsPerStep(), f.n);
        double lmax = curvature * f.maxRowNormSquared();
        double lb = n <= 1 ? lmax : n * (b - 1) / (b * (n - 1)) * lipschitz + (n - b) / (b * (n - 1)) * lmax;
        yield 1 / lb;
      }
    };
  }

  private static double[] constant(int q, double v) {
    double[] theta = new double[q];
    Arrays.fill(theta, v);
    return theta;
  }

  /**
   * Normal initial weights with sd {@code scale}, drawn by the Box-Muller transform from
   * {@code rng.nextDouble()} so that a seed gives the same weights on every JVM.
   */
  public static double[] randomWeights(int q, double scale, SplittableRandom rng) {
    double[] theta = new double[q];
    for (int k = 0; k < q; k += 2) {
      double u1 = 1 - rng.nextDouble(); // in (0, 1]
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      theta[k] = scale * r * Math.cos(2 * Math.PI * u2);
      if (k + 1 < q) {
        theta[k + 1] = scale * r * Math.sin(2 * Math.PI * u2);
      }
    }
    return theta;
  }

  /** ||g||_2, {@link Dense#norm(double[])} (also the explanations' gradient norm). */
  static double norm(double[] g) {
    return Dense.norm(g);
  }

  private static double[] scaled(double[] w, double a) {
    if (a == 1) {
      return w;
    }
    double[] b = w.clone();
    for (int j = 0; j < b.length; j++) {
      b[j] *= a;
    }
    return b;
  }

  /** 1e-2, 1e-4, 1e-6 as written in JSON. */
  private static String label(double t) {
    return String.format(Locale.ROOT, "1e-%d", Math.round(-Math.log10(t)));
  }
}
