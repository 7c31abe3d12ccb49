package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.Comparison;
import logitlab.model.Diagnostic;
import logitlab.model.Fmt;
import logitlab.model.NeuronFit;

/**
 * The neuron's warnings in words: why its training stopped short of the tolerance and what would
 * help, worded from the numbers the fit recorded ({@link NeuronFit.Diagnostics}) and from what the
 * comparison knows (separation), then the fit's own warnings. Advice is given only where it can
 * help: never "raise --max-epochs" where more epochs cannot (separated data, a rate too slow for
 * any epoch limit, an oscillation), never "too noisy" for a batch that covers every row.
 */
public final class NeuronAdvice {
  /** A loss that moved by no more than this, relative, over the no-progress window is flat. */
  static final double FLAT = 1e-9;

  private NeuronAdvice() {}

  /** Every warning about the neuron, the one about why it stopped first; empty when there are none. */
  public static List<String> warnings(Comparison c) {
    return DiagnosticText.texts(coded(c));
  }

  /**
   * {@link #warnings} with their codes: the stop reason's name ({@code max-epochs}) for the one about
   * why it stopped, then each diagnostic's code.
   */
  static List<DiagnosticText.Coded> coded(Comparison c) {
    List<DiagnosticText.Coded> out = new ArrayList<>();
    String stop = stopWarning(c);
    if (stop != null) {
      out.add(new DiagnosticText.Coded(c.neuron().stopReason().jsonName(), stop));
    }
    for (Diagnostic d : c.neuron().warnings()) {
      out.add(DiagnosticText.neuronCoded(d));
    }
    return out;
  }

  /** Why training stopped short of the tolerance and what to do; null when it converged. */
  static String stopWarning(Comparison c) {
    NeuronFit n = c.neuron();
    return switch (n.stopReason()) {
      case DIVERGENCE -> divergence(n);
      case NO_PROGRESS -> noProgress(n);
      case MAX_EPOCHS -> maxEpochs(c);
      case TOLERANCE -> null;
    };
  }

  /** The warning of a neuron whose training diverged (null when it did not): what and what to try. */
  public static String divergenceWarning(NeuronFit n) {
    return n.stopReason() == logitlab.model.StopReason.DIVERGENCE ? divergence(n) : null;
  }

  private static String divergence(NeuronFit n) {
    NeuronFit.Diagnostics g = n.diagnostics();
    double lr = n.learningRate();
    boolean autoIsSmaller = g.autoLearningRate() < 0.99 * lr;
    return String.format(Locale.ROOT,
        "the neuron's training diverged at epoch %d with learning rate %s (the loss %s instead of "
            + "falling); its weights are those of the lowest loss seen (epoch %d). Try --learning-rate %s%s",
        n.epochs(), num(lr), g.overflowed() ? "overflowed" : "grew", g.bestEpoch(),
        num(autoIsSmaller ? g.autoLearningRate() : lr / 10), autoIsSmaller
            ? " (" + autoMeaning(n) + ") or leave it at auto"
            : ", a tenth of the rate used" + (n.settings().standardized() ? "" : ", or drop --no-standardize"));
  }

  private static String noProgress(NeuronFit n) {
    NeuronFit.Diagnostics g = n.diagnostics();
    double lr = n.learningRate();
    String optimizer = n.settings().optimizer();
    double low = g.windowLossLow();
    double high = g.windowLossHigh();
    boolean flat = high - low <= FLAT * Math.max(Math.abs(low), Double.MIN_NORMAL);
    String what = String.format(Locale.ROOT,
        "the neuron's training made no progress: for %d epochs (up to epoch %d) neither its loss nor its "
            + "gradient norm reached a new low, the loss %s, so more epochs cannot help; its weights are those "
            + "of the lowest loss seen (epoch %d). ",
        g.window(), n.epochs(), flat ? "staying flat within rounding error at " + num(low)
            : "moving up and down between " + num(low) + " and " + num(high),
        g.bestEpoch());
    boolean gradientFamily = !optimizer.equals("adam");
    if (gradientFamily && g.autoLearningRate() < 0.99 * lr) {
      return what + String.format(Locale.ROOT, "The step is too large for these data, so the weights oscillate "
          + "around the optimum instead of settling: try --learning-rate %s (%s) or leave it at auto",
          num(g.autoLearningRate()), autoMeaning(n));
    }
    if (gradientFamily && flat) {
      return what + String.format(Locale.ROOT, "Training went as far as double precision allows, yet the "
          + "gradient norm (%s) stays above --tolerance %s: raise --tolerance", num(n.gradientNorm()),
          num(n.settings().tolerance()));
    }
    return what + String.format(Locale.ROOT, "%s: try a smaller --learning-rate, such as %s (a tenth of the rate "
        + "used)", optimizer.equals("adam")
            ? "With a fixed step Adam ends in an oscillation around the optimum whose size shrinks with the step"
            : "The step is too large for these data, so the weights oscillate around the optimum instead of settling",
        num(lr / 10));
  }

  private static String maxEpochs(Comparison c) {
    NeuronFit n = c.neuron();
    NeuronFit.Diagnostics g = n.diagnostics();
    NeuronFit.Settings s = n.settings();
    String stopped = String.format(Locale.ROOT, "the neuron%s stopped at the epoch limit (%d) before its gradient "
        + "norm (%s) fell below %s", s.optimizer().equals("gd") ? "" : " (" + s.optimizer() + ")", n.epochs(),
        num(n.gradientNorm()), num(s.tolerance()));
    if (c.logistic().separation().detected()) {
      return stopped + "; the data are separated, so the loss has no minimum to reach, and more epochs would only "
          + "carry the weights further out";
    }
    if (s.optimizer().equals("minibatch") && s.batchSize() >= c.input().rowsUsed()) {
      return stopped + String.format(Locale.ROOT, ". The batch size (%d) covers all %d rows, so every step used "
          + "the full gradient, without noise: minibatch is then gradient descent with a step that decays as "
          + "lr / (1 + lr mu t) with the step count t, here from %s to %s, and that shrinking step is what keeps it "
          + "from the optimum. Use --optimizer gd (the default), the same full-batch gradient with a fixed step",
          g.rowsPerStep(), c.input().rowsUsed(), num(n.learningRate()), num(g.finalLearningRate()));
    }
    if (s.optimizer().equals("sgd") || s.optimizer().equals("minibatch")) {
      return String.format(Locale.ROOT,
          "the neuron (%s) stopped at the epoch limit (%d) with gradient norm %s: a stochastic gradient "
              + "is too noisy to fall below the tolerance %s, so its weights are close to the optimum but "
              + "not on it; use --optimizer gd (the default) for the exact optimum",
          s.optimizer(), n.epochs(), num(n.gradientNorm()), num(s.tolerance()));
    }
    if (plateau(n)) {
      return stopped + "; it is stuck on a plateau of saturated rows (see the note), where more epochs barely move "
          + "the weights: use --loss cross-entropy, or a smaller --learning-rate or --init";
    }
    double perTenfold = g.epochsPerTenfold();
    if (perTenfold > s.maxEpochs()) {
      String instead = !s.standardized() ? "drop --no-standardize, which removes the cause (see the note)"
          : s.optimizer().equals("nesterov") ? "the problem is too ill-conditioned for a gradient method"
              : "--optimizer nesterov needs far fewer epochs on such a problem";
      return stopped + String.format(Locale.ROOT, "; at this step, shrinking the error tenfold along the flattest "
          + "direction takes about %s epochs (condition number %s), more than the whole limit, so more epochs "
          + "would help little: %s", num(perTenfold), num(g.conditionNumber()), instead);
    }
    return stopped + "; its weights have not reached the optimum: raise --max-epochs"
        + (s.standardized() ? "" : ", or drop --no-standardize");
  }

  /** Whether the neuron's notes say it is stuck on a plateau of saturated rows. */
  static boolean plateau(NeuronFit n) {
    return n.notes().stream().anyMatch(note -> note instanceof Diagnostic.Plateau);
  }

  /** The neuron's notes in words (what its training shows), in order. */
  public static List<String> notes(NeuronFit n) {
    return DiagnosticText.texts(codedNotes(n));
  }

  /** {@link #notes} with their codes. */
  static List<DiagnosticText.Coded> codedNotes(NeuronFit n) {
    List<DiagnosticText.Coded> out = new ArrayList<>();
    for (Diagnostic d : n.notes()) {
      out.add(DiagnosticText.neuronCoded(d));
    }
    return out;
  }

  /** What the automatic step of this optimizer is. */
  private static String autoMeaning(NeuronFit n) {
    return switch (n.settings().optimizer()) {
      case "gd" -> "1/L, with L the worst-case curvature of the loss: a step of 1/L lowers the loss at every "
          + "epoch, any step below 2/L converges, and larger ones often do too, as L is a bound";
      case "momentum", "nesterov" -> "1/L, with L the worst-case curvature of the loss: the step for which "
          + "this method is proven to converge; as L is a bound, larger ones often work too";
      case "adam" -> "Adam's automatic rate";
      default -> "the automatic rate for this batch size";
    };
  }

  private static String num(double v) {
    return Fmt.sig(v, 4);
  }
}
