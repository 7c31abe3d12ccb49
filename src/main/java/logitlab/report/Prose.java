package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.Activation;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.Diagnostic;
import logitlab.model.Fmt;
import logitlab.model.InputSummary;
import logitlab.model.Interval;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.OutOfRange;
import logitlab.model.Separation;

/**
 * The sentences the Markdown and HTML reports share, as plain text: each renderer escapes them for
 * its format. No numbers are computed here, only worded.
 */
public final class Prose {
  private Prose() {}

  /** {@code 200 read, 200 used, 0 dropped (missing values in "age": 3)}. */
  static String rows(InputSummary in) {
    StringBuilder sb = new StringBuilder();
    sb.append(in.rowsRead()).append(" read, ").append(in.rowsUsed()).append(" used, ")
        .append(in.rowsDropped()).append(" dropped");
    if (in.rowsDropped() > 0) {
      List<String> parts = new ArrayList<>();
      in.droppedByColumn().forEach((k, v) -> parts.add("\"" + k + "\": " + v));
      sb.append(" (missing values in ").append(String.join(", ", parts)).append(')');
    }
    return sb.toString();
  }

  /**
   * {@code disease: event = 1 (coded 1; 0 coded 0), 65 events in 200 rows}; with trials or
   * weights, how many and in which column.
   *
   * @param compact the text output's form ({@code 7 successes in 24 trials (column "n")},
   *     {@code weight 126 of 207 on events (weights "w")})
   */
  static String outcome(InputSummary in, boolean compact) {
    if (compact) {
      if (in.trialsColumn() != null) {
        return in.outcome() + ": " + Fmt.count(in.events()) + " successes in " + Fmt.count(in.total())
            + " trials (column \"" + in.trialsColumn() + "\")";
      }
      return in.outcome() + ": event = " + in.event() + " (coded 1; " + in.nonEvent() + " coded 0), "
          + (in.weightsColumn() != null
              ? "weight " + Fmt.count(in.events()) + " of " + Fmt.count(in.total()) + " on events (weights \""
                  + in.weightsColumn() + "\")"
              : Fmt.count(in.events()) + " events in " + in.rowsUsed() + " rows");
    }
    return in.outcome() + ": event = " + in.event() + " (coded 1; " + in.nonEvent() + " coded 0), "
        + Fmt.count(in.events()) + " events in "
        + (in.trialsColumn() != null
            ? Fmt.count(in.total()) + " trials (column \"" + in.trialsColumn() + "\")"
            : in.rowsUsed() + " rows")
        + (in.weightsColumn() != null
            ? ", weighted by \"" + in.weightsColumn() + "\" (total weight " + Fmt.count(in.total()) + ")"
            : "");
  }

  /**
   * The model formula in parts, {@code disease ~ cigs}, {@code age}, to be joined by {@code " + "}
   * ({@code disease ~ cigs + age}) and wrapped only between them.
   */
  static List<String> model(InputSummary in) {
    List<String> terms = in.predictors().isEmpty() ? List.of("1") : in.predictors();
    List<String> parts = new ArrayList<>(terms);
    parts.set(0, in.outcome() + " ~ " + terms.get(0));
    return parts;
  }

  /** The neuron's column header: {@code neuron (GD)}. */
  public static String neuronHeader(NeuronFit n) {
    String name = switch (n.settings().optimizer()) {
      case "gd" -> "GD";
      case "sgd" -> "SGD";
      case "adam" -> "Adam";
      case "nesterov" -> "Nesterov";
      default -> n.settings().optimizer();
    };
    return "neuron (" + name + (n.settings().activation() == Activation.TANH ? ", tanh)" : ")");
  }

  /**
   * What the side-by-side table's numbers measure. The neuron's weights are changes in log-odds
   * with the sigmoid; with tanh, p = sigma(2z), so they are half of them.
   *
   * @param compact the text output's form ("logistic, neuron:") rather than the reports' ("logistic
   *     and neuron:")
   */
  static String coefficientScales(Comparison c, boolean compact) {
    if (c.neuron().settings().activation() == Activation.TANH) {
      return "linear: change in probability per unit; logistic: change in log-odds; neuron (tanh): half the "
          + "change in log-odds, so 2 x neuron is the change in log-odds.";
    }
    return "linear: change in probability per unit; logistic" + (compact ? ", " : " and ")
        + "neuron: change in log-odds.";
  }

  /**
   * Why the neuron's fitted probabilities need not be the GLM's, or null when they are: it was
   * trained on another loss, or its training stopped short of the GLM's coefficients.
   */
  public static String neuronNotTheGlm(Comparison c) {
    NeuronFit n = c.neuron();
    if (n.settings().lossFunction() != Loss.CROSS_ENTROPY) {
      return "the neuron was trained on the " + n.settings().lossFunction().cliName() + " loss, whose optimum "
          + "is not the GLM's";
    }
    if (!n.converged()) {
      return "the neuron's training stopped (" + n.stopReason().jsonName() + ") short of the GLM's coefficients";
    }
    return null;
  }

  /**
   * One sentence: how the neuron was trained, why it stopped and how far its weights are from the
   * GLM's coefficients, worded for what the user is seeing (the GLM reached, the squared loss's own
   * optimum, a plateau of saturated rows, half the coefficients with tanh, or a small gradient that
   * still leaves the weights far from the GLM because the loss is nearly flat).
   */
  static String neuronSummary(Comparison c) {
    NeuronFit n = c.neuron();
    NeuronFit.Settings s = n.settings();
    List<String> how = new ArrayList<>();
    boolean allRows = s.optimizer().equals("minibatch") && s.batchSize() >= c.input().rowsUsed();
    how.add(s.optimizerLabel() + (s.batchSize() > 1 ? " on batches of " + (allRows ? "all " : "") + s.batchSize()
        + " rows" : ""));
    if (s.activation() == Activation.TANH) {
      how.add("tanh");
    }
    if (s.lossFunction() != Loss.CROSS_ENTROPY) {
      how.add(s.lossFunction().cliName() + " loss");
    }
    if (!s.standardized()) {
      how.add("raw inputs");
    }
    how.add(n.epochs() + (n.epochs() == 1 ? " epoch" : " epochs"));
    how.add((s.optimizer().equals("sgd") || s.optimizer().equals("minibatch") ? "initial step " : "step ")
        + Fmt.sig(n.learningRate(), 4));
    String what = String.join(", ", how);
    double maxDiff = c.neuronMaxDiffFromLogistic();
    String diff = Fmt.sig(maxDiff, 2);
    boolean plateau = NeuronAdvice.plateau(n);
    if (n.converged() && plateau) {
      return String.format(Locale.ROOT, "The neuron (%s) stopped where the squared loss's gradient vanished, on "
          + "a plateau of saturated rows (see the note), %s (relative) from the GLM's coefficients.", what, diff);
    }
    if (n.converged() && s.lossFunction() == Loss.SQUARED) {
      return String.format(Locale.ROOT, "The neuron (%s) reached the optimum of the squared loss, which is not "
          + "the GLM's: largest relative difference %s from the GLM's coefficients.", what, diff);
    }
    if (n.converged() && maxDiff > FAR) {
      return String.format(Locale.ROOT, "The neuron (%s) stopped with its gradient below the tolerance, yet its "
          + "weights are %s (relative) from the GLM's coefficients: the loss is nearly flat in some direction "
          + "(nearly collinear predictors), so a small gradient does not mean weights near the optimum. "
          + "Lower --tolerance to go further.", what, diff);
    }
    if (n.converged() && s.activation() == Activation.TANH) {
      return String.format(Locale.ROOT, "The neuron (%s) reached half the GLM's coefficients: twice its "
          + "weights differ from them by at most %s (relative). A tanh neuron is logistic regression with its "
          + "weights halved.", what, diff);
    }
    if (n.converged()) {
      return String.format(Locale.ROOT, "The neuron (%s) reached the GLM's coefficients: largest relative "
          + "difference %s. One sigmoid neuron is logistic regression.", what, diff);
    }
    return String.format(Locale.ROOT, "The neuron (%s) stopped (%s), %s (relative) from the GLM's "
        + "coefficients%s.", what, n.stopReason().jsonName(), diff,
        s.activation() == Activation.TANH ? " (comparing twice the weights)" : "");
  }

  /** A converged neuron further than this from the GLM (relative) is not said to have reached it. */
  static final double FAR = 1e-4;

  /** "Within 1e-2 of the GLM after 22 epochs, ..." or "It never came within ...", or null. */
  static String neuronMilestones(Comparison c) {
    NeuronFit n = c.neuron();
    List<String> reached = new ArrayList<>();
    String never = null;
    for (NeuronFit.Milestone m : n.epochsTo()) {
      if (m.reached()) {
        reached.add(reached.isEmpty() ? m.label() + " of the GLM after " + m.epoch() + " epochs"
            : m.label() + " after " + m.epoch());
      } else if (never == null) {
        never = m.label();
      }
    }
    if (n.epochsTo().isEmpty()) {
      return null;
    }
    return reached.isEmpty() ? "It never came within " + never + " of the GLM."
        : "Within " + String.join(", ", reached) + (never == null ? "." : "; never within " + never + ".");
  }

  /**
   * Fit statistics of a logistic fit, one line each.
   *
   * @param compact the text output's form: the deviances aligned, fewer commas
   */
  static List<String> logisticStatistics(LogisticFit f, boolean compact) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, compact ? "Null deviance     %s on %d degrees of freedom"
        : "Null deviance %s on %d degrees of freedom", Fmt.fixed(f.nullDeviance(), 3), f.dfNull()));
    out.add(String.format(Locale.ROOT, "Residual deviance %s on %d degrees of freedom", Fmt.fixed(f.deviance(), 3),
        f.dfResidual()));
    out.add(String.format(Locale.ROOT, compact ? "AIC %s   BIC %s   log-likelihood %s"
        : "AIC %s, BIC %s, log-likelihood %s", Fmt.fixed(f.aic(), 3), Fmt.fixed(f.bic(), 3), Fmt.fixed(f.logLik(), 3)));
    out.add(String.format(Locale.ROOT, compact ? "McFadden R-squared %s   LR test: chi-squared %s on %d df, p %s"
        : "McFadden R-squared %s; LR test: chi-squared %s on %d df, p %s",
        Fmt.fixed(f.pseudoR2(), 4), Fmt.fixed(f.lrTest().statistic(), 3), f.lrTest().df(),
        Fmt.pValue(f.lrTest().p())));
    out.add(String.format(Locale.ROOT, "%s: %d (%s)", iterationsLabel(f), f.iterations(),
        f.converged() ? "converged" : "NOT converged"));
    return out;
  }

  /**
   * Fit statistics of the linear model, one line each.
   *
   * @param compact the text output's form: two lines
   */
  static List<String> linearStatistics(LinearProbabilityFit f, boolean compact) {
    String fTest = "F statistic " + Fmt.sig(f.fTest().statistic(), 5) + " on " + f.fTest().df1() + " and "
        + f.fTest().df2() + " df, p " + Fmt.pValue(f.fTest().p());
    if (compact) {
      return List.of("R-squared " + Fmt.fixed(f.rSquared(), 4) + "   adjusted " + Fmt.fixed(f.adjRSquared(), 4)
          + "   residual std. error " + Fmt.sig(f.sigma(), 4) + " on " + f.dfResidual() + " df", fTest);
    }
    return List.of(
        "R-squared " + Fmt.fixed(f.rSquared(), 4) + ", adjusted R-squared " + Fmt.fixed(f.adjRSquared(), 4),
        "Residual standard error " + Fmt.sig(f.sigma(), 4) + " on " + f.dfResidual() + " degrees of freedom", fTest);
  }

  /**
   * The linear model's coefficients that are not defined (aliased), in a sentence, or nothing when
   * every one is.
   */
  static List<String> linearAliased(LinearProbabilityFit f) {
    List<String> na = f.coefficients().stream().filter(Coefficient::isAliased).map(Coefficient::term).toList();
    if (na.isEmpty()) {
      return List.of();
    }
    return List.of(na.size() + (na.size() == 1 ? " coefficient is" : " coefficients are")
        + " not defined because of singularities (NA, as R's lm, whose rank tolerance 1e-7 is looser"
        + " than glm's 1e-11): " + String.join(", ", na));
  }

  /** The heading of a logistic fit's section; {@code compact}: the text output's, naming Firth's flag. */
  static String logisticTitle(LogisticFit f, boolean compact) {
    return isFirth(f) ? "Firth's penalised-likelihood logistic regression" + (compact ? " (--firth)" : "")
        : "Logistic regression (GLM, binomial, logit link; fitted by IRLS)";
  }

  /**
   * {@code 95 % Wald intervals; ...}.
   *
   * @param compact the text output's form ({@code interval = exp(ends)}, no full stop)
   */
  static String intervals(LogisticFit f, boolean compact) {
    String how = switch (f.ciMethod()) {
      case "profile" -> "profile-likelihood";
      case "profile-penalized" -> "profile penalised-likelihood";
      default -> "Wald";
    };
    return Fmt.sig(100 * f.conf(), 4) + " % " + how + " intervals; odds ratio = exp(estimate), "
        + (compact ? "interval = exp(ends)" : "its interval = exp(interval ends).");
  }

  /** Separation and aliasing in words, or nothing. */
  static List<String> structure(LogisticFit f) {
    List<String> out = new ArrayList<>();
    Separation sep = f.separation();
    if (sep.detected()) {
      List<String> terms = new ArrayList<>();
      for (Separation.Term t : sep.terms()) {
        terms.add(t.term() + " (" + t.direction() + ")");
      }
      out.add("Separation (" + sep.kind().jsonName() + "): the maximum-likelihood estimate is infinite for "
          + (terms.isEmpty() ? "some terms" : String.join(", ", terms)) + ".");
    }
    for (var a : f.aliased()) {
      out.add("Aliased: " + a.term() + " is an exact linear combination of "
          + (a.collinearWith().isEmpty() ? "other terms" : String.join(", ", a.collinearWith()))
          + "; its coefficient is not defined (NA).");
    }
    return out;
  }

  /**
   * The warnings about the data: a numeric predictor that looks like an identifier, and a
   * categorical column whose empty fields, read as missing, dropped more than {@link
   * InputSummary#EMPTY_HINT_SHARE} of the rows (with the hint {@code --empty-level}).
   */
  static List<String> dataWarnings(InputSummary in) {
    return DiagnosticText.texts(codedDataWarnings(in));
  }

  /** {@link #dataWarnings} with their codes. */
  static List<DiagnosticText.Coded> codedDataWarnings(InputSummary in) {
    List<DiagnosticText.Coded> out = new ArrayList<>();
    for (String column : in.identifierLike()) {
      out.add(new DiagnosticText.Coded("identifier-like", "column \"" + column + "\" looks like an identifier or a row number: its " + in.rowsUsed()
          + " values are all different whole numbers. As a numeric predictor it gets a slope per unit of \""
          + column + "\", which means nothing for a code; leave it out (list the predictors with -x)."));
    }
    in.emptyLevelHints().forEach((column, rows) -> out.add(new DiagnosticText.Coded("empty-as-missing", "column \"" + column + "\" is empty in " + rows
        + " of the " + in.rowsRead() + " rows (" + Fmt.percent((double) rows / in.rowsRead())
        + "); an empty field is a missing value, so those rows were dropped. If an empty \"" + column
        + "\" is a category of its own (R's read.csv keeps \"\" as a level), add --empty-level to keep"
        + " those rows as the level \"(empty)\".")));
    return out;
  }

  /** Every warning of the data and the fits, each once, labelled by where it comes from. */
  static List<String> warnings(Comparison c) {
    List<String> out = new ArrayList<>();
    for (String w : dataWarnings(c.input())) {
      add(out, "data: " + w);
    }
    for (String w : fitWarnings(c.logistic())) {
      add(out, "logistic: " + w);
    }
    if (c.firth() != null) {
      for (String w : fitWarnings(c.firth())) {
        add(out, "firth: " + w);
      }
    }
    for (String w : NeuronAdvice.warnings(c)) {
      add(out, "neuron: " + w);
    }
    return out;
  }

  /**
   * The warnings of one logistic fit: those the fit raised, then Firth's non-convergence and why
   * interval ends are infinite or not defined ({@link #intervalNotes}).
   */
  static List<String> fitWarnings(LogisticFit f) {
    return DiagnosticText.texts(codedFitWarnings(f));
  }

  /** {@link #fitWarnings} with their codes. */
  static List<DiagnosticText.Coded> codedFitWarnings(LogisticFit f) {
    boolean firth = isFirth(f);
    List<DiagnosticText.Coded> out = new ArrayList<>();
    for (Diagnostic d : f.warnings()) {
      out.add(DiagnosticText.logisticCoded(d, firth));
    }
    if (firth && !f.converged()) {
      out.add(new DiagnosticText.Coded("not-converged", String.format(Locale.ROOT, "Firth's fit stopped after %d "
          + "iterations without converging: its estimates are not the penalised-likelihood estimates. Try a "
          + "larger --firth-max-iterations", f.iterations())));
    }
    out.addAll(intervalNotes(f));
    return out;
  }

  /**
   * What the iteration count counts: R's {@code summary.glm} prints "Number of Fisher Scoring
   * iterations"; brglm2's {@code summary} prints "Number of quasi-Fisher scoring iterations" for
   * Firth's fit, whose steps add the penalty's score adjustment (Kosmidis &amp; Firth 2010).
   */
  static String iterationsLabel(LogisticFit f) {
    return isFirth(f) ? "Quasi-Fisher scoring iterations" : "Fisher scoring iterations";
  }

  private static boolean isFirth(LogisticFit f) {
    return f.method() == LogisticFit.Method.FIRTH;
  }

  /**
   * One sentence for each kind of interval end that is not a finite number (other than an aliased
   * term's, which the aliasing warning explains), naming the terms and which ends.
   */
  static List<DiagnosticText.Coded> intervalNotes(LogisticFit f) {
    boolean firth = isFirth(f);
    String likelihood = firth ? "penalised likelihood" : "likelihood";
    String what = !f.ciMethod().startsWith("profile") ? "Wald interval"
        : firth ? "profile penalised-likelihood interval" : "profile-likelihood interval";
    String What = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    List<DiagnosticText.Coded> out = new ArrayList<>();
    for (Interval.End kind : Interval.End.values()) {
      if (kind == Interval.End.FINITE || kind == Interval.End.ALIASED) {
        continue;
      }
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < f.intervals().size(); j++) {
        Interval iv = f.intervals().get(j);
        boolean lo = iv.lowEnd() == kind;
        boolean hi = iv.highEnd() == kind;
        if (lo || hi) {
          String term = f.coefficients().get(j).term();
          terms.add(lo && hi ? term + " (both)" : term + (lo ? " (lower)" : " (upper)"));
        }
      }
      if (terms.isEmpty()) {
        continue;
      }
      String list = String.join(", ", terms);
      out.add(new DiagnosticText.Coded("interval-" + endKind(kind), switch (kind) {
        case UNBOUNDED -> What + " ends that do not exist (shown as Inf): " + list + ". The " + likelihood
            + " never falls to the critical value on that side, however far the coefficient goes, as when "
            + "its maximum-likelihood estimate is infinite (separation).";
        case NOT_FOUND -> What + " ends that could not be found (NA): " + list + ". The profile fits that "
            + "hold the coefficient fixed did not reach their optimum on that side (a flat or "
            + "ill-conditioned " + likelihood + "), so no value is claimed.";
        case FIT_NOT_CONVERGED -> "No " + what + "s (NA) for " + String.join(", ", terms.stream()
            .map(t -> t.replace(" (both)", "")).toList()) + ": the fit did not converge, so the maximum "
            + "the profile is measured from is not known. Raise "
            + (firth ? "--firth-max-iterations" : "--max-iterations") + ", or use --ci wald.";
        case NO_STD_ERROR -> "No " + what + " (NA) for " + String.join(", ", terms.stream()
            .map(t -> t.replace(" (both)", "")).toList()) + ": the standard error is not a finite number "
            + "(the information matrix is singular at the estimate).";
        default -> throw new IllegalStateException(kind.toString());
      }));
    }
    return out;
  }

  /** The name of an end's kind in JSON: {@code unbounded}, {@code not-found}, ... */
  static String endKind(Interval.End kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Why an interval's ends are written as null in JSON (the first end that is not finite). */
  static String intervalNullReason(Interval iv) {
    Interval.End kind = !iv.lowEnd().finite() ? iv.lowEnd() : iv.highEnd();
    String side = !iv.lowEnd().finite() && !iv.highEnd().finite() ? "both interval ends"
        : !iv.lowEnd().finite() ? "the interval's lower end" : "the interval's upper end";
    return switch (kind) {
      case UNBOUNDED -> side + (side.startsWith("both") ? " are infinite (they do not exist)"
          : " is infinite (it does not exist)") + ": the likelihood never falls to the critical value "
          + "on that side (separation)";
      case NOT_FOUND -> side + (side.startsWith("both") ? " were" : " was") + " not found: the profile "
          + "fits did not reach their optimum on that side";
      case FIT_NOT_CONVERGED -> "no profile interval: the fit did not converge";
      case NO_STD_ERROR -> "no Wald interval: the standard error is not a finite number";
      case ALIASED -> "the term is aliased (collinear with other columns), as R's NA";
      case FINITE -> "an end too large for a double";
    };
  }

  private static void add(List<String> list, String s) {
    if (!list.contains(s)) {
      list.add(s);
    }
  }

  /** The out-of-range report in sentences. */
  static List<String> outOfRange(OutOfRange r, InputSummary in) {
    List<String> out = new ArrayList<>();
    if (r.count() == 0) {
      out.add(String.format(Locale.ROOT, "All %d fitted values of the linear model lie in [0, 1] (from %s to %s) "
          + "on these data, but a straight line leaves [0, 1] for values far enough out.", in.rowsUsed(),
          Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4)));
      return out;
    }
    out.add(String.format(Locale.ROOT, "%d of %d fitted \"probabilities\" of the linear model are impossible: "
        + "%d below 0, %d above 1; smallest %s, largest %s.", r.count(), in.rowsUsed(), r.below(), r.above(),
        Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4)));
    out.add(outOfRangeLines(r, in, false));
    out.add("The logistic model and the neuron cannot leave (0, 1): sigma(z) = 1 / (1 + e^-z).");
    return out;
  }

  /**
   * {@code First 10 at lines 2, 4, ... of data/smoking.csv.}
   *
   * @param compact the text output's form: lower case, no full stop
   */
  static String outOfRangeLines(OutOfRange r, InputSummary in, boolean compact) {
    List<String> lines = new ArrayList<>();
    for (int l : r.lines()) {
      lines.add(Integer.toString(l));
    }
    return (compact ? "first " : "First ") + lines.size() + " at line" + (lines.size() == 1 ? " " : "s ")
        + String.join(", ", lines) + " of " + in.file() + (compact ? "" : ".");
  }

  /**
   * What the average marginal effects are, before their table (no final punctuation): "Change in
   * P(disease = 1) per unit, averaged over the rows" when every predictor is numeric; with a factor,
   * which effect is a derivative and which a discrete change.
   */
  static String marginalEffectsLead(Comparison c) {
    String p = "P(" + c.input().outcome() + " = " + c.input().event() + ")";
    if (!anyDiscreteChange(c.logistic().marginalEffects())) {
      return "Change in " + p + " per unit, averaged over the rows";
    }
    return "Change in " + p + ", averaged over the rows: for a numeric predictor the derivative, per unit; "
        + "for a level of a factor the discrete change from the reference level (every row set to that level "
        + "minus every row set to the reference)";
  }

  /** Whether any of the effects is a factor level's discrete change (the table then says which is which). */
  static boolean anyDiscreteChange(List<MarginalEffect> me) {
    return me.stream().anyMatch(m -> m.kind() == MarginalEffect.Kind.DISCRETE_CHANGE);
  }

  /** The change a marginal effect measures: {@code per unit}, or {@code 1 -> 2} from the reference level. */
  static String marginalEffectChange(MarginalEffect m) {
    return m.kind() == MarginalEffect.Kind.DERIVATIVE ? "per unit" : m.reference() + " -> " + m.level();
  }

  /** The heading of the predictions table; {@code compact}: the text output's. */
  static String predictionsTitle(Comparison c, boolean compact) {
    return !c.defaultPoints() ? "Predicted probability"
        : "Predicted probability at the smallest and largest value ("
            + (compact ? "other points: --at)" : "choose points with --at)");
  }
}
