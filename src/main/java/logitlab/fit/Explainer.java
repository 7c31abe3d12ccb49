package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.Activation;
import logitlab.model.Diagnostic;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.StopReason;

/**
 * Notes on what a training run shows, as {@link Diagnostic}s that {@code report} words: the effect
 * of the activation, the loss, the initial weights and the input scaling that the user chose, from
 * numbers the fitter measured. One
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
      StopReason stop,
      double maxDiff,
      List<NeuronFit.Snapshot> history,
      double lr,
      double[] thetaAtCheck,
      int checkEpoch) {}

  static List<Diagnostic> notes(Facts x) {
    List<Diagnostic> notes = new ArrayList<>();
    NeuronOptions opt = x.opt();
    if (opt.activation() == Activation.TANH) {
      notes.add(new Diagnostic.TanhHalves());
    }
    double[] sat0 = x.f().saturatedFractions(x.theta0(), NeuronFitter.SATURATION);
    if (opt.loss() == Loss.SQUARED) {
      notes.add(new Diagnostic.SquaredLoss());
      if (sat0[0] >= SATURATED_START) {
        notes.add(vanishingGradient(x, sat0));
      }
      double[] end = x.f().saturatedFractions(x.theta(), NeuronFitter.SATURATION);
      if (end[1] >= PLATEAU_WRONG && x.stop() != StopReason.DIVERGENCE) {
        notes.add(new Diagnostic.Plateau(x.stop(), end[0], NeuronFitter.SATURATION, end[1], x.lr()));
      }
    } else if (sat0[0] >= SATURATED_START) {
      double wrong = x.f().saturatedFractions(x.thetaAtCheck(), NeuronFitter.SATURATION)[1];
      notes.add(new Diagnostic.SaturatedStart(start(opt, sat0), x.checkEpoch(), wrong,
          new Diagnostic.Outcome(x.stop(), x.epochs())));
    }
    if (!opt.standardize()) {
      notes.add(rawInputs(x));
    }
    return notes;
  }

  private static Diagnostic.Start start(NeuronOptions opt, double[] sat0) {
    return new Diagnostic.Start(opt.init(), opt.randomInit(), sat0[0], NeuronFitter.SATURATION, sat0[1]);
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
  private static Diagnostic vanishingGradient(Facts x, double[] sat0) {
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
    return new Diagnostic.VanishingGradient(start(opt, sat0), x.initialGnorm(), ceGnorm0, at[0], wrong,
        new Diagnostic.Outcome(x.stop(), x.epochs()), wrongEnd, ceAt[0], ceWrong,
        new Diagnostic.Outcome(ce.stopReason(), ce.epochs()));
  }

  private static double[] gradient(NeuronObjective f, double[] theta) {
    double[] g = new double[theta.length];
    f.lossAndGradient(theta, g);
    return g;
  }

  private static Diagnostic rawInputs(Facts x) {
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
    List<Diagnostic.ColumnScale> columns = new ArrayList<>();
    if (wide >= 0) {
      columns.add(new Diagnostic.ColumnScale(f.term(wide), f.mean[wide], f.sampleSd[wide]));
      if (narrow != wide) {
        columns.add(new Diagnostic.ColumnScale(f.term(narrow), f.mean[narrow], f.sampleSd[narrow]));
      }
    }
    double kappa = x.eigen()[x.eigen().length - 1] / x.eigen()[0];
    double[] std = NeuronObjective.of(f, true).gramEigenvalues();
    double kappaStd = std[std.length - 1] / std[0];
    // r = lr c lambda_min: the fraction one gradient step removes along the flattest direction,
    // at most (1/kappa at the automatic step); see NeuronFitter.epochsPerTenfold
    double r = x.lr() * x.opt().loss().curvatureBound(x.opt().activation()) * x.eigen()[0];
    return new Diagnostic.RawInputs(columns, kappa, kappaStd, x.opt().optimizer().cliName(), r,
        UpdateRules.HeavyBall.BETA, x.maxDiff(), new Diagnostic.Outcome(x.stop(), x.epochs()));
  }

  private static double rms(NeuronObjective f, int j) {
    return Math.sqrt(f.mean[j] * f.mean[j] + f.sd[j] * f.sd[j]);
  }

}
