package logitlab.fit;

import static logitlab.fit.NeuronFitter.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.model.Activation;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;

/**
 * Plain-language notes on what a training run shows: the effect of the activation, the loss, the
 * initial weights and the input scaling that the user chose, from numbers the fitter measured. One
 * note runs a second, comparison training: with the squared loss and a saturated start, the same
 * start under the cross-entropy, to show that it does not stall.
 */
final class Explainer {
  /** A start with at least this fraction of saturated rows is explained. */
  static final double SATURATED_START = 0.25;
  /**
   * With the squared loss, an end with at least this fraction of confidently wrong rows is called a
   * plateau (at its minimum on the bundled data the squared loss leaves at most about 1%).
   */
  static final double PLATEAU_WRONG = 0.05;

  private Explainer() {}

  /**
   * What the fitter measured. {@code thetaAtCheck} are the weights after {@code checkEpoch} epochs:
   * {@link #CHECK_EPOCH}, or for a shorter run the epoch of its reported weights.
   */
  record Facts(
      DesignMatrix d,
      boolean[] exclude,
      NeuronOptions opt,
      NeuronObjective f,
      double[] eigen,
      double[] theta0,
      double[] theta,
      double initialLoss,
      double initialGnorm,
      double loss,
      double gnorm,
      int epochs,
      String stop,
      double maxDiff,
      List<NeuronFit.Snapshot> history,
      double lr,
      double[] thetaAtCheck,
      int checkEpoch) {}

  static List<String> notes(Facts x) {
    List<String> notes = new ArrayList<>();
    NeuronOptions opt = x.opt();
    if (opt.activation() == Activation.TANH) {
      notes.add("tanh activation: the probability is (tanh(z) + 1) / 2 = sigma(2z), so the neuron fits "
          + "the logistic model with weights half the GLM's coefficients; twice the weights are "
          + "compared with the GLM.");
    }
    double[] sat0 = x.f().saturatedFractions(x.theta0(), NeuronFitter.SATURATION);
    if (opt.loss() == Loss.SQUARED) {
      notes.add("squared loss: the neuron minimises the mean squared error of its probabilities "
          + "(nonlinear least squares), not the likelihood, so its optimum is near the GLM's "
          + "coefficients but not on them.");
      if (sat0[0] >= SATURATED_START) {
        notes.add(vanishingGradient(x, sat0));
      }
      double[] end = x.f().saturatedFractions(x.theta(), NeuronFitter.SATURATION);
      if (end[1] >= PLATEAU_WRONG && !x.stop().equals("divergence")) {
        notes.add(String.format(Locale.ROOT,
            "plateau: training stopped (%s) with %s of the rows at |z| > %s and %s of the rows confidently "
                + "wrong there, where the squared loss's gradient, (p - y) sigma'(z) x, is almost 0: the "
                + "gradient vanished on a plateau of saturated rows, which is probably not the squared "
                + "loss's minimum. A step that throws the weights far (--learning-rate %s) or large "
                + "initial weights put it there; --loss cross-entropy, whose gradient has no sigma'(z) "
                + "factor, does not get stuck.",
            x.stop(), pct(end[0]), num(NeuronFitter.SATURATION), pct(end[1]), num(x.lr())));
      }
    } else if (sat0[0] >= SATURATED_START) {
      double wrong = x.f().saturatedFractions(x.thetaAtCheck(), NeuronFitter.SATURATION)[1];
      notes.add(String.format(Locale.ROOT,
          "saturated start: the initial weights (%s) put %s of the rows at |z| > %s, where "
              + "sigma'(z) < 0.018, and %s of the rows are confidently wrong there. The cross-entropy's "
              + "gradient, (p - y) x, has no sigma'(z) factor, so a confidently wrong row pushes hardest: "
              + "after %d epochs %s of the rows were still confidently wrong, and it %s. "
              + "With --loss squared the same start stalls: the vanishing gradient.",
          initText(opt), pct(sat0[0]), num(NeuronFitter.SATURATION), pct(sat0[1]), x.checkEpoch(), pct(wrong),
          x.stop().equals("tolerance") ? "converged in " + x.epochs()
              : "stopped (" + x.stop() + ") after " + x.epochs() + " epochs"));
    }
    if (!opt.standardize()) {
      notes.add(rawInputs(x));
    }
    return notes;
  }

  /**
   * The epoch at which confidently wrong rows are counted again (the fitter keeps the weights of
   * that epoch; a shorter run is counted at its end).
   */
  static final int CHECK_EPOCH = 100;

  /**
   * The fraction of confidently wrong rows at the last recorded epoch up to {@code limit}; that
   * epoch is stored in {@code at[0]}. Exact for runs of up to {@link TrainingHistory#CAPACITY}
   * epochs, whose history holds every epoch.
   */
  private static double wrongAfter(NeuronObjective f, List<NeuronFit.Snapshot> history, int limit, int[] at) {
    NeuronFit.Snapshot pick = history.get(0);
    for (NeuronFit.Snapshot s : history) {
      if (s.epoch() <= limit) {
        pick = s;
      }
    }
    at[0] = pick.epoch();
    return f.saturatedFractionsOriginal(pick.weights(), NeuronFitter.SATURATION)[1];
  }

  /** The squared loss from a saturated start, against the cross-entropy from the same start. */
  private static String vanishingGradient(Facts x, double[] sat0) {
    NeuronOptions opt = x.opt();
    NeuronOptions ceOpt = opt.withLoss(Loss.CROSS_ENTROPY).withProgress(null);
    NeuronFit ce = NeuronFitter.fit(x.d(), ceOpt.withMaxEpochs(Math.max(1, Math.min(opt.maxEpochs(), x.epochs()))),
        x.exclude(), null);
    // the same start under the cross-entropy for as many epochs as the squared loss is counted at
    // (a short run: its history holds every epoch)
    NeuronFit ceShort = NeuronFitter.fit(x.d(), ceOpt.withMaxEpochs(Math.max(1, x.checkEpoch())), x.exclude(), null);
    NeuronObjective ceObjective = NeuronObjective.of(x.d(), x.exclude(), opt.standardize(), Loss.CROSS_ENTROPY,
        opt.activation());
    int[] at = {x.checkEpoch()};
    double wrong = x.f().saturatedFractions(x.thetaAtCheck(), NeuronFitter.SATURATION)[1];
    int[] ceAt = new int[1];
    double ceWrong = wrongAfter(ceObjective, ceShort.history(), at[0], ceAt);
    double ceGnorm0 = NeuronFitter.norm(gradient(ceObjective, x.theta0()));
    double wrongEnd = x.f().saturatedFractions(x.theta(), NeuronFitter.SATURATION)[1];
    String ceOutcome = ce.converged() ? "converged in " + ce.epochs() + " epochs"
        : "stopped (" + ce.stopReason() + ") after " + ce.epochs() + " epochs";
    return String.format(Locale.ROOT,
        "vanishing gradient: the initial weights (%s) put %s of the rows at |z| > %s, where "
            + "sigma'(z) < 0.018, and %s of the rows are confidently wrong there. The squared loss's "
            + "gradient, (p - y) sigma'(z) x, carries that factor and is tiny on exactly those rows: it "
            + "started at only %s (the cross-entropy's: %s), after %d epochs %s of the rows were still confidently wrong, and "
            + "after %d epochs (stopped by %s) %s. The cross-entropy's gradient, (p - y) x, has no "
            + "sigma'(z) factor, so a confidently wrong row pushes hardest: from the same start %s of "
            + "the rows were confidently wrong after %d epochs, and it %s.",
        initText(opt), pct(sat0[0]), num(NeuronFitter.SATURATION), pct(sat0[1]), num(x.initialGnorm()), num(ceGnorm0),
        at[0], pct(wrong), x.epochs(), x.stop(), pct(wrongEnd), pct(ceWrong), ceAt[0], ceOutcome);
  }

  private static double[] gradient(NeuronObjective f, double[] theta) {
    double[] g = new double[theta.length];
    f.lossAndGradient(theta, g);
    return g;
  }

  private static String initText(NeuronOptions opt) {
    return opt.randomInit() ? "--init random" : "every weight " + opt.init() + ", --init " + opt.init();
  }

  private static String rawInputs(Facts x) {
    NeuronObjective f = x.f();
    int wide = -1;
    int narrow = -1;
    for (int k = 1; k < f.q; k++) {
      int j = f.cols[k];
      if (wide < 0 || rms(f, j) > rms(f, wide)) {
        wide = j;
      }
      if (narrow < 0 || rms(f, j) < rms(f, narrow)) {
        narrow = j;
      }
    }
    double kappa = x.eigen()[x.eigen().length - 1] / x.eigen()[0];
    double[] std = NeuronObjective.of(f, true).gramEigenvalues();
    double kappaStd = std[std.length - 1] / std[0];
    StringBuilder sb = new StringBuilder("raw inputs (--no-standardize): ");
    if (wide >= 0) {
      sb.append(String.format(Locale.ROOT, "the columns' scales differ (%s: mean %s, sd %s", f.term(wide),
          num(f.mean[wide]), num(f.sampleSd[wide])));
      if (narrow != wide) {
        sb.append(String.format(Locale.ROOT, "; %s: mean %s, sd %s", f.term(narrow), num(f.mean[narrow]),
            num(f.sampleSd[narrow])));
      }
      sb.append("), so ");
    }
    sb.append(String.format(Locale.ROOT, "X'X/n has condition number %s (standardised: %s). ", num(kappa),
        num(kappaStd)));
    // r = lr c lambda_min: the fraction one gradient step removes along the flattest direction,
    // at most (1/kappa at the automatic step); see NeuronFitter.epochsPerTenfold
    double r = x.lr() * x.opt().loss().curvatureBound(x.opt().activation()) * x.eigen()[0];
    sb.append(switch (x.opt().optimizer()) {
      case GD -> String.format(Locale.ROOT, "The step must suit the steepest direction, and along the flattest "
          + "the error then shrinks only by a factor of about 1 - 1/%s per epoch: ", num(1 / r));
      case MOMENTUM -> String.format(Locale.ROOT, "The step must suit the steepest direction; along the "
          + "flattest, heavy-ball momentum (beta = 0.9) makes it about ten times longer, and the error shrinks "
          + "only by a factor of about 1 - 1/%s per epoch: ", num((1 - UpdateRules.HeavyBall.BETA) / r));
      case NESTEROV -> String.format(Locale.ROOT, "The step must suit the steepest direction; along the "
          + "flattest, Nesterov's acceleration shrinks the error by a factor of about 1 - 1/sqrt(%s) = 1 - 1/%s "
          + "per epoch, much better than gradient descent's 1 - 1/%s but still slow: ", num(1 / r),
          num(Math.sqrt(1 / r)), num(1 / r));
      case ADAM -> "Adam scales each weight's step by the size of its own gradients, which undoes differences "
          + "of scale but not a column's offset from 0: a mean far from 0 relative to the sd makes the column "
          + "nearly collinear with the intercept, and only centring removes that: ";
      case SGD, MINIBATCH -> "The steps must suit the steepest direction, so along the flattest the error "
          + "shrinks slowly, and more slowly still as the step decays: ";
    });
    if (Double.isNaN(x.maxDiff())) {
      sb.append(String.format(Locale.ROOT, "%d epochs, stopped by %s.", x.epochs(), x.stop()));
    } else if (x.stop().equals("tolerance")) {
      sb.append(String.format(Locale.ROOT, "it took %d epochs and ended %s (relative) from the GLM's "
          + "coefficients.", x.epochs(), num(x.maxDiff())));
    } else {
      sb.append(String.format(Locale.ROOT, "after %d epochs (stopped by %s) the weights are still %s "
          + "(relative) from the GLM's coefficients.", x.epochs(), x.stop(), num(x.maxDiff())));
    }
    sb.append(" Standardised inputs, the default, avoid this.");
    return sb.toString();
  }

  private static double rms(NeuronObjective f, int j) {
    return Math.sqrt(f.mean[j] * f.mean[j] + f.sd[j] * f.sd[j]);
  }

  private static String pct(double frac) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * frac);
  }
}
