package logitlab.model;

import java.util.List;

/**
 * What a fit found that the user should know, as data: the fits return these and {@code report}
 * words them (one sentence for each, in one place). {@link #code()} is the stable name written in
 * JSON beside the sentence; the README lists the codes.
 *
 * <p>The logistic fits (maximum likelihood and Firth) raise {@link NotConverged}, {@link
 * StepHalved}, {@link FittedZeroOrOne}, {@link Aliased} and {@link Separated}; the neuron raises the
 * notes {@link TanhHalves}, {@link SquaredLoss}, {@link VanishingGradient}, {@link Plateau}, {@link
 * SaturatedStart} and {@link RawInputs}, and carries {@link Separated} when the comparison found the
 * data separated. Why the neuron stopped is its {@link StopReason} with {@link
 * NeuronFit.Diagnostics}.
 */
public sealed interface Diagnostic {
  /** The stable name of this kind of diagnostic ({@code not-converged}). */
  String code();

  /**
   * The logistic fit did not converge within its iteration limit.
   *
   * @param iterations the iterations run
   * @param lastChange |dev - dev_old| at the last iteration
   */
  record NotConverged(int iterations, double lastChange) implements Diagnostic {
    @Override
    public String code() {
      return "not-converged";
    }
  }

  /** The deviance rose during IRLS and the step was halved {@code count} times (as glm2). */
  record StepHalved(int count) implements Diagnostic {
    @Override
    public String code() {
      return "step-halved";
    }
  }

  /** {@code rows} fitted probabilities were within 10 eps of 0 or 1 (R's glm.fit warning). */
  record FittedZeroOrOne(int rows) implements Diagnostic {
    @Override
    public String code() {
      return "fitted-0-or-1";
    }
  }

  /** Coefficients not defined because of exact collinearity (R's singularities), in term order. */
  record Aliased(List<Alias> aliases) implements Diagnostic {
    public Aliased {
      aliases = List.copyOf(aliases);
    }

    @Override
    public String code() {
      return "aliased";
    }
  }

  /** The outcome is separated: some maximum-likelihood estimates are infinite. */
  record Separated(Separation separation) implements Diagnostic {
    @Override
    public String code() {
      return "separation";
    }
  }

  /** A tanh neuron fits the logistic model with half the GLM's coefficients. */
  record TanhHalves() implements Diagnostic {
    @Override
    public String code() {
      return "tanh-halves-weights";
    }
  }

  /** The neuron minimised the squared loss, whose optimum is not the GLM's. */
  record SquaredLoss() implements Diagnostic {
    @Override
    public String code() {
      return "squared-loss";
    }
  }

  /**
   * The initial weights and how saturated they leave the rows.
   *
   * @param init the {@code init} setting ({@code zeros}, {@code random} or a number)
   * @param random whether the weights were drawn at random
   * @param saturated the fraction of rows with |a z| above {@code threshold}
   * @param threshold the saturation threshold on |a z|
   * @param wrong the fraction of rows saturated and confidently wrong (on the wrong side)
   */
  record Start(String init, boolean random, double saturated, double threshold, double wrong) {}

  /**
   * How a training run ended.
   *
   * @param stop why it stopped
   * @param epochs the epochs it ran
   */
  record Outcome(StopReason stop, int epochs) {
    /** Whether it converged (stopped by the tolerance). */
    public boolean converged() {
      return stop == StopReason.TOLERANCE;
    }
  }

  /**
   * The squared loss from a saturated start, with the cross-entropy from the same start beside it.
   *
   * @param start the initial weights and how saturated they are
   * @param gradientNorm the squared loss's initial gradient norm
   * @param crossEntropyGradientNorm the cross-entropy's at the same start
   * @param checkEpoch the epoch at which confidently wrong rows were counted again
   * @param wrongAtCheck their fraction then
   * @param outcome how the squared-loss training ended
   * @param wrongAtEnd the fraction of confidently wrong rows at its end
   * @param crossEntropyCheckEpoch the epoch at which they were counted under the cross-entropy
   * @param crossEntropyWrongAtCheck their fraction then
   * @param crossEntropy how the cross-entropy training from the same start ended
   */
  record VanishingGradient(Start start, double gradientNorm, double crossEntropyGradientNorm,
      int checkEpoch, double wrongAtCheck, Outcome outcome, double wrongAtEnd,
      int crossEntropyCheckEpoch, double crossEntropyWrongAtCheck, Outcome crossEntropy)
      implements Diagnostic {
    @Override
    public String code() {
      return "vanishing-gradient";
    }
  }

  /**
   * Squared-loss training ended with many rows saturated and confidently wrong: a plateau.
   *
   * @param stop why it stopped
   * @param saturated the fraction of rows with |a z| above {@code threshold} at the end
   * @param threshold the saturation threshold on |a z|
   * @param wrong the fraction of rows saturated and confidently wrong at the end
   * @param learningRate the step used
   */
  record Plateau(StopReason stop, double saturated, double threshold, double wrong,
      double learningRate) implements Diagnostic {
    @Override
    public String code() {
      return "plateau";
    }
  }

  /**
   * Cross-entropy training from a saturated start (which does not stall).
   *
   * @param start the initial weights and how saturated they are
   * @param checkEpoch the epoch at which confidently wrong rows were counted again
   * @param wrongAtCheck their fraction then
   * @param outcome how the training ended
   */
  record SaturatedStart(Start start, int checkEpoch, double wrongAtCheck, Outcome outcome)
      implements Diagnostic {
    @Override
    public String code() {
      return "saturated-start";
    }
  }

  /**
   * Training on raw (unstandardised) inputs, and what their conditioning cost.
   *
   * @param columns the widest and, if another, the narrowest column by root mean square; empty
   *     when there is no column but the intercept
   * @param conditionNumber lambda_max / lambda_min of X'X/n on the raw inputs
   * @param standardizedConditionNumber the same for the standardised inputs
   * @param optimizer the optimizer's name ({@code gd}, {@code momentum}, ...)
   * @param stepFraction r = lr c lambda_min: the fraction one gradient step removes along the
   *     flattest direction, at most
   * @param momentum the heavy-ball coefficient beta of {@code momentum}
   * @param maxDiff the largest relative difference from the GLM's coefficients; NaN when no GLM
   *     was given
   * @param outcome how the training ended
   */
  record RawInputs(List<ColumnScale> columns, double conditionNumber,
      double standardizedConditionNumber, String optimizer, double stepFraction, double momentum,
      double maxDiff, Outcome outcome) implements Diagnostic {
    public RawInputs {
      columns = List.copyOf(columns);
    }

    @Override
    public String code() {
      return "raw-inputs";
    }
  }

  /** A column's name, mean and sample standard deviation. */
  record ColumnScale(String term, double mean, double sd) {}
}
