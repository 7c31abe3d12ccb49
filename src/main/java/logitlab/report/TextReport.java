package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.NeuronFit;
import logitlab.model.OutOfRange;
import logitlab.model.Prediction;

/** The default, human-readable output of {@code compare}: fixed, aligned columns. */
public final class TextReport {
  private TextReport() {}

  public static String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    header(sb, c.input());
    sideBySide(sb, c);
    logistic(sb, c.logistic(), "Logistic regression (GLM, binomial, logit link; fitted by IRLS)");
    if (c.firth() != null) {
      logistic(sb, c.firth(), "Firth's penalised-likelihood logistic regression (--firth)");
    }
    linear(sb, c.linear());
    marginalEffects(sb, c);
    outOfRange(sb, c.linear().outOfRange(), c.input());
    classification(sb, c.classification());
    predictions(sb, c);
    return sb.toString();
  }

  private static void header(StringBuilder sb, InputSummary in) {
    sb.append("logitlab compare: ").append(in.file()).append('\n');
    if (in.engine() != null) {
      sb.append("  engine   ").append(in.engine()).append('\n');
    }
    sb.append("  rows     ").append(Prose.rows(in)).append('\n');
    String outcome = in.trialsColumn() != null
        ? in.outcome() + ": " + Fmt.count(in.events()) + " successes in " + Fmt.count(in.total())
            + " trials (column \"" + in.trialsColumn() + "\")"
        : in.outcome() + ": event = " + in.event() + " (coded 1; " + in.nonEvent() + " coded 0), "
            + (in.weightsColumn() != null
                ? "weight " + Fmt.count(in.events()) + " of " + Fmt.count(in.total()) + " on events (weights \""
                    + in.weightsColumn() + "\")"
                : Fmt.count(in.events()) + " events in " + in.rowsUsed() + " rows");
    wrap(sb, "  outcome  ", "           ", outcome);
    // the formula wraps before a " + " so that a long one still fits 80 columns
    StringBuilder model = new StringBuilder("  model    " + in.outcome() + " ~ ");
    List<String> terms = in.predictors().isEmpty() ? List.of("1") : in.predictors();
    for (int k = 0; k < terms.size(); k++) {
      String next = (k == 0 ? "" : " + ") + terms.get(k);
      int lineStart = model.lastIndexOf("\n") + 1;
      if (k > 0 && model.length() - lineStart + next.length() > TextTable.MAX_WIDTH) {
        model.append("\n           + ").append(terms.get(k));
      } else {
        model.append(next);
      }
    }
    sb.append(model).append('\n');
    for (String w : Prose.dataWarnings(in)) {
      wrap(sb, "  warning: ", "           ", w);
    }
    sb.append('\n');
  }

  private static void sideBySide(StringBuilder sb, Comparison c) {
    sb.append("Coefficients side by side\n");
    sb.append(table(Tables.sideBySide(c)).renderByColumn("  ")); // too wide for 80 columns: one model per block
    wrap(sb, "  ", "  ", Prose.coefficientScales(c, true));
    neuronTraining(sb, c);
    sb.append('\n');
  }

  /** How the neuron's training went: the outcome, epochs to reach the GLM, notes and warnings. */
  private static void neuronTraining(StringBuilder sb, Comparison c) {
    NeuronFit n = c.neuron();
    wrap(sb, "  ", "  ", Prose.neuronSummary(c));
    String milestones = Prose.neuronMilestones(c);
    if (milestones != null) {
      wrap(sb, "  ", "  ", milestones);
    }
    for (String note : NeuronAdvice.notes(n)) {
      wrap(sb, "  note: ", "        ", note);
    }
    for (String warning : NeuronAdvice.warnings(c)) {
      wrap(sb, "  warning: ", "           ", warning);
    }
  }

  /** Appends text wrapped at 80 columns: the first line after {@code first}, the rest after {@code rest}. */
  private static void wrap(StringBuilder sb, String first, String rest, String text) {
    int width = 80;
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (!empty && line.length() + 1 + word.length() > width) {
        sb.append(line).append('\n');
        line = new StringBuilder(rest);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    sb.append(line).append('\n');
  }

  private static void logistic(StringBuilder sb, LogisticFit f, String title) {
    sb.append(title).append('\n');
    sb.append(coefficientTable(f.coefficients(), "z value", "Pr(>|z|)"));
    sb.append(String.format(Locale.ROOT, "  Null deviance     %s on %d degrees of freedom%n",
        Fmt.fixed(f.nullDeviance(), 3), f.dfNull()));
    sb.append(String.format(Locale.ROOT, "  Residual deviance %s on %d degrees of freedom%n",
        Fmt.fixed(f.deviance(), 3), f.dfResidual()));
    sb.append(String.format(Locale.ROOT, "  AIC %s   BIC %s   log-likelihood %s%n",
        Fmt.fixed(f.aic(), 3), Fmt.fixed(f.bic(), 3), Fmt.fixed(f.logLik(), 3)));
    sb.append(String.format(Locale.ROOT,
        "  McFadden R-squared %s   LR test: chi-squared %s on %d df, p %s%n",
        Fmt.fixed(f.pseudoR2(), 4), Fmt.fixed(f.lrTest().statistic(), 3), f.lrTest().df(),
        Fmt.pValue(f.lrTest().p())));
    sb.append(String.format(Locale.ROOT, "  Fisher scoring iterations: %d (%s)%n", f.iterations(),
        f.converged() ? "converged" : "NOT converged"));
    sb.append('\n');
    String level = Fmt.sig(100 * f.conf(), 4) + " %";
    String how = switch (f.ciMethod()) {
      case "profile" -> "profile-likelihood";
      case "profile-penalized" -> "profile penalised-likelihood";
      default -> "Wald";
    };
    wrap(sb, "  ", "  ", level + " " + how + " intervals; odds ratio = exp(estimate),"
        + " interval = exp(ends)");
    TextTable t = table(Tables.intervals(f), "", "estimate", "low", "high", "odds ratio", "low", "high");
    sb.append(t.render("  ", false));
    List<String> warnings = Prose.fitWarnings(f);
    if (!warnings.isEmpty()) {
      sb.append('\n');
    }
    for (String warning : warnings) {
      wrap(sb, "  warning: ", "           ", warning);
    }
    sb.append('\n');
  }

  private static void linear(StringBuilder sb, LinearProbabilityFit f) {
    sb.append("Linear probability model (OLS)\n");
    sb.append(coefficientTable(f.coefficients(), "t value", "Pr(>|t|)"));
    List<String> na = f.coefficients().stream().filter(Coefficient::isAliased).map(Coefficient::term).toList();
    if (!na.isEmpty()) {
      wrap(sb, "  warning: ", "           ", na.size() + (na.size() == 1 ? " coefficient is" : " coefficients are")
          + " not defined because of singularities (NA, as R's lm, whose rank tolerance 1e-7 is looser"
          + " than glm's 1e-11): " + String.join(", ", na));
    }
    sb.append(String.format(Locale.ROOT,
        "  R-squared %s   adjusted %s   residual std. error %s on %d df%n",
        Fmt.fixed(f.rSquared(), 4), Fmt.fixed(f.adjRSquared(), 4), Fmt.sig(f.sigma(), 4), f.dfResidual()));
    sb.append(String.format(Locale.ROOT, "  F statistic %s on %d and %d df, p %s%n",
        Fmt.sig(f.fTest().statistic(), 5), f.fTest().df1(), f.fTest().df2(), Fmt.pValue(f.fTest().p())));
    if (f.robustType() != null) {
      sb.append('\n').append("  ").append(f.robustType())
          .append(" robust standard errors (the linear model's errors have variance p(1 - p))\n");
      sb.append(coefficientTable(f.robust(), "t value", "Pr(>|t|)"));
    }
    sb.append('\n');
  }

  private static void marginalEffects(StringBuilder sb, Comparison c) {
    List<MarginalEffect> me = c.logistic().marginalEffects();
    if (me.isEmpty()) {
      return;
    }
    sb.append("Average marginal effects\n");
    wrap(sb, "  ", "  ", Prose.marginalEffectsLead(c) + ":");
    Tables.Grid g = Tables.marginalEffects(c);
    int se = g.header().length - 3; // delta SE, linear slope, SE: the standard errors in parentheses
    String[] header = g.header().clone();
    header[0] = "";
    header[se] = "(" + header[se] + ")";
    header[se + 2] = "(" + header[se + 2] + ")";
    TextTable t = new TextTable(header);
    for (String[] r : g.rows()) {
      String[] cells = r.clone();
      cells[se] = "(" + cells[se] + ")";
      cells[se + 2] = "(" + cells[se + 2] + ")";
      t.row(cells);
    }
    sb.append(t.render("  ", false));
    sb.append("  Both estimate it; the linear model assumes it is the same everywhere.\n\n");
  }

  private static void classification(StringBuilder sb, Comparison.Classifications cs) {
    sb.append("Classification on the fitting data (event predicted when p > ")
        .append(Fmt.sig(cs.logistic().threshold(), 4)).append(")\n");
    sb.append(table(Tables.classification(cs)).render("  ", false));
    if (cs.linear().clipped() > 0) {
      sb.append("  log-loss: ").append(cs.linear().clipped())
          .append(" linear values outside [0, 1] clipped to [1e-15, 1 - 1e-15]\n");
    }
    sb.append('\n');
  }

  private static String coefficientTable(List<Coefficient> coefs, String stat, String p) {
    // R's layout: no header over the terms and the stars
    TextTable t = table(Tables.coefficients(coefs, stat, p), "", "Estimate", "Std. Error", stat, p, "");
    return t.render("  ", true)
        + "  ---\n  Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n";
  }

  /** The grid's cells as a text table under its own header. */
  private static TextTable table(Tables.Grid g) {
    return table(g, g.header());
  }

  /** The grid's cells as a text table under {@code header}. */
  private static TextTable table(Tables.Grid g, String... header) {
    TextTable t = new TextTable(header);
    g.rows().forEach(t::row);
    return t;
  }

  private static void outOfRange(StringBuilder sb, OutOfRange r, InputSummary in) {
    sb.append("Where the straight line leaves [0, 1]\n");
    if (r.count() == 0) {
      sb.append(String.format(Locale.ROOT,
          "  All %d fitted values of the linear model lie in [0, 1] (from %s to %s) on these data,%n"
              + "  but a straight line leaves [0, 1] for values far enough out.%n%n",
          in.rowsUsed(), Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4)));
      return;
    }
    wrap(sb, "  ", "  ", String.format(Locale.ROOT,
        "%d of %d fitted \"probabilities\" of the linear model are impossible:", r.count(), in.rowsUsed()));
    sb.append(String.format(Locale.ROOT, "  %d below 0, %d above 1 (smallest %s, largest %s)%n",
        r.below(), r.above(), Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4)));
    List<String> lines = new ArrayList<>();
    for (int l : r.lines()) {
      lines.add(Integer.toString(l));
    }
    wrap(sb, "  ", "  ", "first " + lines.size() + " at line" + (lines.size() == 1 ? " " : "s ")
        + String.join(", ", lines) + " of " + in.file());
    sb.append("  The logistic model and the neuron stay in (0, 1): sigma(z) = 1 / (1 + e^-z).\n\n");
  }

  private static void predictions(StringBuilder sb, Comparison c) {
    if (c.predictions().isEmpty()) {
      return;
    }
    sb.append(c.defaultPoints()
        ? "Predicted probability at the smallest and largest value (other points: --at)\n"
        : "Predicted probability\n");
    boolean anyDefaulted = c.predictions().stream().anyMatch(p -> !p.defaulted().isEmpty());
    TextTable t = anyDefaulted
        ? new TextTable("at", "linear", "", "logistic", "neuron", "other predictors held at")
        : new TextTable("at", "linear", "", "logistic", "neuron");
    boolean flagged = false;
    for (Prediction p : c.predictions()) {
      flagged |= p.linearOutOfRange();
      String[] cells = {p.label(), Fmt.fixed(p.linear(), 4), p.linearOutOfRange() ? "!" : "",
          Fmt.fixed(p.logistic(), 4), Fmt.fixed(p.neuron(), 4), String.join(", ", p.defaulted())};
      t.row(anyDefaulted ? cells : java.util.Arrays.copyOf(cells, 5));
    }
    if (anyDefaulted && t.naturalWidth("  ") > TextTable.MAX_WIDTH) {
      // too wide for 80 columns: the held-at values go below the table, wrapped
      TextTable narrow = new TextTable("at", "linear", "", "logistic", "neuron");
      for (Prediction p : c.predictions()) {
        narrow.row(p.label(), Fmt.fixed(p.linear(), 4), p.linearOutOfRange() ? "!" : "",
            Fmt.fixed(p.logistic(), 4), Fmt.fixed(p.neuron(), 4));
      }
      sb.append(narrow.render("  ", false));
      for (Prediction p : c.predictions()) {
        if (p.defaulted().isEmpty()) {
          continue;
        }
        sb.append("  at ").append(p.label()).append(", other predictors held at:\n");
        StringBuilder line = new StringBuilder("    ");
        for (int k = 0; k < p.defaulted().size(); k++) {
          String item = p.defaulted().get(k) + (k + 1 < p.defaulted().size() ? "," : "");
          if (line.length() > 4 && line.length() + 1 + item.length() > TextTable.MAX_WIDTH) {
            sb.append(line).append('\n');
            line = new StringBuilder("    ");
          }
          line.append(line.length() > 4 ? " " : "").append(item);
        }
        sb.append(line).append('\n');
      }
    } else {
      sb.append(t.render("  ", anyDefaulted));
    }
    if (flagged) {
      sb.append("  ! outside [0, 1]: not a probability\n");
    }
  }
}
