package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.Alias;
import logitlab.model.Diagnostic;
import logitlab.model.Fmt;
import logitlab.model.Separation;

/**
 * The words for every {@link Diagnostic} a fit returns: one sentence (or short paragraph) for each
 * kind, here and nowhere else. A diagnostic is worded for the fit it belongs to: separation means
 * something different for the maximum-likelihood fit (its estimates do not exist), Firth's (its
 * estimates stay finite) and the neuron (its training never converges).
 */
public final class DiagnosticText {
  private DiagnosticText() {}

  /**
   * A warning or note in words with its stable code (see the README's list of codes).
   *
   * @param code the diagnostic's code, e.g. {@code not-converged}
   * @param text the sentence shown to the user
   */
  public record Coded(String code, String text) {
    /** The same text under a code prefixed by where it comes from ({@code firth.separation}). */
    public Coded in(String part) {
      return new Coded(part + "." + code, text);
    }
  }

  /** The texts of coded lines, in order. */
  static List<String> texts(List<Coded> coded) {
    List<String> out = new ArrayList<>(coded.size());
    for (Coded c : coded) {
      out.add(c.text());
    }
    return out;
  }

  /** The codes of coded lines, in order. */
  static List<String> codes(List<Coded> coded) {
    List<String> out = new ArrayList<>(coded.size());
    for (Coded c : coded) {
      out.add(c.code());
    }
    return out;
  }

  /** A diagnostic of a logistic fit in words: of Firth's fit when {@code firth}, else of IRLS. */
  public static String logistic(Diagnostic d, boolean firth) {
    if (d instanceof Diagnostic.NotConverged n) {
      return String.format(Locale.ROOT,
          "the logistic fit did not converge in %d iterations (the deviance was still changing by "
              + "%.3g): its estimates are not the maximum-likelihood estimates. Try --max-iterations "
              + "100; if that does not help, look for separation below", n.iterations(), n.lastChange());
    }
    if (d instanceof Diagnostic.StepHalved h) {
      return "the deviance rose during IRLS and the step was halved " + h.count() + " time(s) (as R's glm2 does)";
    }
    if (d instanceof Diagnostic.FittedZeroOrOne f) {
      return "fitted probabilities numerically 0 or 1 occurred (" + f.rows() + " rows)";
    }
    if (d instanceof Diagnostic.Aliased a) {
      return aliased(a.aliases());
    }
    if (d instanceof Diagnostic.Separated s) {
      return firth ? firthSeparation(s.separation()) : separation(s.separation());
    }
    return neuron(d);
  }

  /** {@link #logistic} with its code. */
  public static Coded logisticCoded(Diagnostic d, boolean firth) {
    return new Coded(d.code(), logistic(d, firth));
  }

  /** R's "k coefficients not defined because of singularities", with what each is collinear with. */
  static String aliased(List<Alias> aliases) {
    StringBuilder sb = new StringBuilder();
    sb.append(aliases.size()).append(aliases.size() == 1 ? " coefficient is" : " coefficients are")
        .append(" not defined because of singularities (reported as NA, as R does): ");
    for (int k = 0; k < aliases.size(); k++) {
      Alias a = aliases.get(k);
      sb.append(k == 0 ? "" : "; ").append(a.term()).append(" is an exact linear combination of ")
          .append(a.collinearWith().isEmpty() ? "nothing (it is constant zero)"
              : String.join(", ", a.collinearWith()));
    }
    return sb.toString();
  }

  /**
   * One or two sentences for the user of the maximum-likelihood fit: which terms have an infinite
   * estimate and its sign, what that means, and what to do. Empty when nothing was detected.
   */
  public static String separation(Separation s) {
    if (!s.detected()) {
      return "";
    }
    String what = s.kind() == Separation.Kind.COMPLETE
        ? "The outcome is completely separated (the predictors classify every row exactly): "
        : "The outcome is quasi-completely separated (the predictors classify every row exactly "
            + "except some that tie on the boundary): ";
    boolean one = s.terms().size() == 1;
    return what + infinite(s) + (one ? ", so it does not exist" : ", so they do not exist")
        + " and the reported estimates, standard errors and p-values are meaningless. Try --firth "
        + "for finite, bias-reduced estimates (Firth's penalised likelihood).";
  }

  /**
   * What separation means for the one-neuron net: the cross-entropy has no minimum, so gradient
   * descent drifts for ever. Empty when nothing was detected.
   */
  public static String neuronSeparation(Separation s) {
    if (!s.detected()) {
      return "";
    }
    return "The data are separated, so the cross-entropy loss has no minimum: gradient descent "
        + "keeps pushing " + weights(s) + " and never converges; the weights it reports only "
        + "say where training stopped.";
  }

  /** Firth's fit of separated data: its estimates stay finite. Empty when nothing was detected. */
  public static String firthSeparation(Separation s) {
    if (!s.detected()) {
      return "";
    }
    return String.format(Locale.ROOT, "The data are %s separated (%s); Firth's penalised-likelihood "
        + "estimates stay finite and can be used.", s.kind() == Separation.Kind.COMPLETE ? "completely"
        : "quasi-completely", infinite(s));
  }

  /** "the maximum-likelihood estimate of NV is +infinity", or the plural with each sign. */
  private static String infinite(Separation s) {
    List<Separation.Term> t = s.terms();
    if (t.size() == 1) {
      return "the maximum-likelihood estimate of " + t.get(0).term() + " is " + sign(t.get(0));
    }
    List<String> parts = new ArrayList<>();
    for (Separation.Term term : t) {
      parts.add(term.term() + " (" + sign(term) + ")");
    }
    String list = String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    return "the maximum-likelihood estimates of " + list + " are infinite";
  }

  private static String sign(Separation.Term t) {
    return t.direction().equals("+inf") ? "+infinity" : "-infinity";
  }

  /** "the weight of NV towards +infinity", or the plural with each sign. */
  private static String weights(Separation s) {
    List<String> parts = new ArrayList<>();
    for (Separation.Term t : s.terms()) {
      parts.add(t.term() + " towards " + sign(t));
    }
    if (parts.size() == 1) {
      return "the weight of " + parts.get(0);
    }
    return "the weights of " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
        + parts.get(parts.size() - 1);
  }

  /** A note or warning of the neuron in words. */
  public static String neuron(Diagnostic d) {
    if (d instanceof Diagnostic.Separated s) {
      return neuronSeparation(s.separation());
    }
    if (d instanceof Diagnostic.TanhHalves) {
      return "tanh activation: the probability is (tanh(z) + 1) / 2 = sigma(2z), so the "
          + "neuron fits the logistic model with weights half the GLM's coefficients; twice the weights are "
          + "compared with the GLM.";
    }
    if (d instanceof Diagnostic.SquaredLoss) {
      return "squared loss: the neuron minimises the mean squared error of its "
          + "probabilities (nonlinear least squares), not the likelihood, so its optimum is near the GLM's "
          + "coefficients but not on them.";
    }
    if (d instanceof Diagnostic.VanishingGradient v) {
      return vanishingGradient(v);
    }
    if (d instanceof Diagnostic.Plateau p) {
      return String.format(Locale.ROOT,
          "plateau: training stopped (%s) with %s of the rows at |z| > %s and %s of the rows confidently "
              + "wrong there, where the squared loss's gradient, (p - y) sigma'(z) x, is almost 0: the "
              + "gradient vanished on a plateau of saturated rows, which is probably not the squared "
              + "loss's minimum. A step that throws the weights far (--learning-rate %s) or large "
              + "initial weights put it there; --loss cross-entropy, whose gradient has no sigma'(z) "
              + "factor, does not get stuck.",
          p.stop().jsonName(), pct(p.saturated()), num(p.threshold()), pct(p.wrong()), num(p.learningRate()));
    }
    if (d instanceof Diagnostic.SaturatedStart s) {
      return String.format(Locale.ROOT,
          "saturated start: the initial weights (%s) put %s of the rows at |z| > %s, where "
              + "sigma'(z) < 0.018, and %s of the rows are confidently wrong there. The cross-entropy's "
              + "gradient, (p - y) x, has no sigma'(z) factor, so a confidently wrong row pushes hardest: "
              + "after %d epochs %s of the rows were still confidently wrong, and it %s. "
              + "With --loss squared the same start stalls: the vanishing gradient.",
          init(s.start()), pct(s.start().saturated()), num(s.start().threshold()), pct(s.start().wrong()),
          s.checkEpoch(), pct(s.wrongAtCheck()), s.outcome().converged() ? "converged in " + s.outcome().epochs()
              : "stopped (" + s.outcome().stop().jsonName() + ") after " + s.outcome().epochs() + " epochs");
    }
    if (d instanceof Diagnostic.RawInputs r) {
      return rawInputs(r);
    }
    throw new IllegalArgumentException("not a neuron diagnostic: " + d.code());
  }

  /** {@link #neuron} with its code. */
  public static Coded neuronCoded(Diagnostic d) {
    return new Coded(d.code(), neuron(d));
  }

  /** The squared loss from a saturated start, against the cross-entropy from the same start. */
  private static String vanishingGradient(Diagnostic.VanishingGradient v) {
    Diagnostic.Start s = v.start();
    Diagnostic.Outcome ce = v.crossEntropy();
    String ceOutcome = ce.converged() ? "converged in " + ce.epochs() + " epochs"
        : "stopped (" + ce.stop().jsonName() + ") after " + ce.epochs() + " epochs";
    return String.format(Locale.ROOT,
        "vanishing gradient: the initial weights (%s) put %s of the rows at |z| > %s, where "
            + "sigma'(z) < 0.018, and %s of the rows are confidently wrong there. The squared loss's "
            + "gradient, (p - y) sigma'(z) x, carries that factor and is tiny on exactly those rows: it "
            + "started at only %s (the cross-entropy's: %s), after %d epochs %s of the rows were still confidently wrong, and "
            + "after %d epochs (stopped by %s) %s. The cross-entropy's gradient, (p - y) x, has no "
            + "sigma'(z) factor, so a confidently wrong row pushes hardest: from the same start %s of "
            + "the rows were confidently wrong after %d epochs, and it %s.",
        init(s), pct(s.saturated()), num(s.threshold()), pct(s.wrong()), num(v.gradientNorm()),
        num(v.crossEntropyGradientNorm()), v.checkEpoch(), pct(v.wrongAtCheck()), v.outcome().epochs(),
        v.outcome().stop().jsonName(), pct(v.wrongAtEnd()), pct(v.crossEntropyWrongAtCheck()),
        v.crossEntropyCheckEpoch(), ceOutcome);
  }

  private static String init(Diagnostic.Start s) {
    return s.random() ? "--init random" : "every weight " + s.init() + ", --init " + s.init();
  }

  private static String rawInputs(Diagnostic.RawInputs x) {
    StringBuilder sb = new StringBuilder("raw inputs (--no-standardize): ");
    List<Diagnostic.ColumnScale> cols = x.columns();
    if (!cols.isEmpty()) {
      Diagnostic.ColumnScale wide = cols.get(0);
      sb.append(String.format(Locale.ROOT, "the columns' scales differ (%s: mean %s, sd %s", wide.term(),
          num(wide.mean()), num(wide.sd())));
      if (cols.size() > 1) {
        Diagnostic.ColumnScale narrow = cols.get(1);
        sb.append(String.format(Locale.ROOT, "; %s: mean %s, sd %s", narrow.term(), num(narrow.mean()),
            num(narrow.sd())));
      }
      sb.append("), so ");
    }
    sb.append(String.format(Locale.ROOT, "X'X/n has condition number %s (standardised: %s). ",
        num(x.conditionNumber()), num(x.standardizedConditionNumber())));
    double r = x.stepFraction();
    sb.append(switch (x.optimizer()) {
      case "gd" -> String.format(Locale.ROOT, "The step must suit the steepest direction, and along the flattest "
          + "the error then shrinks only by a factor of about 1 - 1/%s per epoch: ", num(1 / r));
      case "momentum" -> String.format(Locale.ROOT, "The step must suit the steepest direction; along the "
          + "flattest, heavy-ball momentum (beta = 0.9) makes it about ten times longer, and the error shrinks "
          + "only by a factor of about 1 - 1/%s per epoch: ", num((1 - x.momentum()) / r));
      case "nesterov" -> String.format(Locale.ROOT, "The step must suit the steepest direction; along the "
          + "flattest, Nesterov's acceleration shrinks the error by a factor of about 1 - 1/sqrt(%s) = 1 - 1/%s "
          + "per epoch, much better than gradient descent's 1 - 1/%s but still slow: ", num(1 / r),
          num(Math.sqrt(1 / r)), num(1 / r));
      case "adam" -> "Adam scales each weight's step by the size of its own gradients, which undoes differences "
          + "of scale but not a column's offset from 0: a mean far from 0 relative to the sd makes the column "
          + "nearly collinear with the intercept, and only centring removes that: ";
      default -> "The steps must suit the steepest direction, so along the flattest the error "
          + "shrinks slowly, and more slowly still as the step decays: ";
    });
    Diagnostic.Outcome o = x.outcome();
    if (Double.isNaN(x.maxDiff())) {
      sb.append(String.format(Locale.ROOT, "%d epochs, stopped by %s.", o.epochs(), o.stop().jsonName()));
    } else if (o.converged()) {
      sb.append(String.format(Locale.ROOT, "it took %d epochs and ended %s (relative) from the GLM's "
          + "coefficients.", o.epochs(), num(x.maxDiff())));
    } else {
      sb.append(String.format(Locale.ROOT, "after %d epochs (stopped by %s) the weights are still %s "
          + "(relative) from the GLM's coefficients.", o.epochs(), o.stop().jsonName(), num(x.maxDiff())));
    }
    sb.append(" Standardised inputs, the default, avoid this.");
    return sb.toString();
  }

  private static String pct(double frac) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * frac);
  }

  /** A number in 4 significant digits, trailing zeros dropped (the neuron's notes). */
  static String num(double v) {
    return Fmt.g(v, 4);
  }
}
