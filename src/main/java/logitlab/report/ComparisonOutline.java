package logitlab.report;

import java.util.List;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.Prediction;
import logitlab.report.outline.OutlineFormat;
import logitlab.report.outline.Sink;
import logitlab.report.outline.Table;

/**
 * The document of a comparison, written once as calls on a {@link Sink}: the sections of
 * {@code compare --format markdown} and of {@code report}'s Markdown and HTML pages, in their
 * order. A report adds the plots and the provenance ({@link ReportContent}); a compare has none.
 * Each format's look is its sink's; the content differs by format in one place only, the flag of a
 * predicted value outside [0, 1] ({@link #predictions}).
 */
public final class ComparisonOutline {
  private final Sink s;
  private final Comparison c;
  private final ReportContent content;

  private ComparisonOutline(Sink s, Comparison c, ReportContent content) {
    this.s = s;
    this.c = c;
    this.content = content;
  }

  /** The {@code compare} output in this format. */
  public static String compare(Comparison c, OutlineFormat format) {
    Sink s = format.sink();
    new ComparisonOutline(s, c, null).write("logitlab compare: ");
    return s.finish();
  }

  /** The report in this format: the compare output with the plots and the provenance. */
  public static String report(ReportContent content, OutlineFormat format) {
    Sink s = format.sink();
    s.version(content.provenance().version());
    new ComparisonOutline(s, content.comparison(), content).write("logitlab report: ");
    return s.finish();
  }

  private void write(String titlePrefix) {
    InputSummary in = c.input();
    s.title(titlePrefix + in.file());
    List<Sink.Fact> facts = new java.util.ArrayList<>();
    if (in.engine() != null) {
      facts.add(new Sink.Fact("engine", in.engine()));
    }
    facts.addAll(List.of(new Sink.Fact("rows", Prose.rows(in)), new Sink.Fact("outcome", Prose.outcome(in)),
        new Sink.Fact("model", Prose.model(in))));
    s.facts(facts);
    s.warningsSection(Prose.warnings(c),
        "No warnings: no separation, no aliased terms, every fit converged.");
    s.heading("side-by-side", "Coefficients side by side");
    s.table(table("coefficients", Tables.sideBySide(c)));
    s.paragraph(Prose.coefficientScales(c, false));
    Prose.neuron(c).forEach(s::paragraph);
    plots("fit", "loss", "weights");
    logistic(c.logistic(), "logistic", "Logistic regression (GLM, binomial, logit link; fitted by IRLS)");
    if (c.firth() != null) {
      logistic(c.firth(), "firth", "Firth's penalised-likelihood logistic regression");
    }
    linear(c.linear());
    marginalEffects();
    s.heading("out-of-range", "Where the straight line leaves [0, 1]");
    Prose.outOfRange(c.linear().outOfRange(), in).forEach(s::paragraph);
    classification(c.classification());
    plots("agreement", "calibration");
    if (content != null) {
      s.endSection();
      content.plotNotes().forEach(note -> s.note("Note: " + note));
    }
    predictions();
    if (content != null) {
      provenance(content.provenance(), in);
    }
  }

  private void logistic(LogisticFit f, String id, String title) {
    s.heading(id, title);
    coefficients(id + "-coefficients", f.coefficients(), "z value", "Pr(>|z|)");
    s.list(Prose.logisticStatistics(f));
    s.paragraph(Prose.intervals(f));
    s.table(table(id + "-intervals", Tables.intervals(f)));
    Prose.structure(f).forEach(s::paragraph);
  }

  private void linear(LinearProbabilityFit f) {
    s.heading("linear", "Linear probability model (OLS)");
    coefficients("linear-coefficients", f.coefficients(), "t value", "Pr(>|t|)");
    s.list(List.of(
        "R-squared " + Fmt.fixed(f.rSquared(), 4) + ", adjusted R-squared " + Fmt.fixed(f.adjRSquared(), 4),
        "Residual standard error " + Fmt.sig(f.sigma(), 4) + " on " + f.dfResidual() + " degrees of freedom",
        "F statistic " + Fmt.sig(f.fTest().statistic(), 5) + " on " + f.fTest().df1() + " and "
            + f.fTest().df2() + " df, p " + Fmt.pValue(f.fTest().p())));
    if (f.robustType() != null) {
      s.paragraph(f.robustType() + " robust standard errors (the linear model's errors have variance p(1 - p)):");
      coefficients("linear-robust", f.robust(), "t value", "Pr(>|t|)");
    }
  }

  private void coefficients(String id, List<logitlab.model.Coefficient> coefs, String stat, String p) {
    s.table(table(id, Tables.coefficients(coefs, stat, p)));
    s.legend("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1");
  }

  private void marginalEffects() {
    if (c.logistic().marginalEffects().isEmpty()) {
      return;
    }
    s.heading("marginal-effects", "Average marginal effects");
    s.paragraph(Prose.marginalEffectsLead(c) + ".");
    s.table(table("marginal-effects-table", Tables.marginalEffects(c)));
    s.paragraph("Both estimate the same quantity; the linear model assumes it is the same everywhere.");
  }

  private void classification(Comparison.Classifications cs) {
    s.heading("classification", "Classification on the fitting data");
    s.paragraph("An event is predicted when p > " + Fmt.sig(cs.logistic().threshold(), 4) + ".");
    s.table(table("classification-table", Tables.classification(cs)));
    if (cs.linear().clipped() > 0) {
      s.paragraph("The log-loss clips " + cs.linear().clipped()
          + " linear fitted values into [1e-15, 1 - 1e-15] (outside [0, 1]).");
    }
  }

  /**
   * The predicted probabilities. A linear value outside [0, 1] is flagged in a column of its own in
   * Markdown, by a mark in its cell (explained below the table) in HTML.
   */
  private void predictions() {
    if (c.predictions().isEmpty()) {
      return;
    }
    s.heading("predictions", Prose.predictionsTitle(c));
    boolean column = s.format() != OutlineFormat.HTML;
    Table.Builder t = column
        ? Table.of("predictions-table", "at", "linear", "outside [0, 1]", "logistic", "neuron",
            "other predictors held at").text(2, 5)
        : Table.of("predictions-table", "at", "linear", "logistic", "neuron", "other predictors held at").text(4);
    boolean flagged = false;
    for (Prediction p : c.predictions()) {
      flagged |= p.linearOutOfRange();
      String linear = Fmt.fixed(p.linear(), 4);
      String logistic = Fmt.fixed(p.logistic(), 4);
      String neuron = Fmt.fixed(p.neuron(), 4);
      String held = String.join(", ", p.defaulted());
      if (column) {
        t.row(p.label(), linear, p.linearOutOfRange() ? "yes: not a probability" : "", logistic, neuron, held);
      } else {
        t.row(p.label(), linear + (p.linearOutOfRange() ? " !" : ""), logistic, neuron, held);
      }
    }
    s.table(t.build());
    if (flagged && !column) {
      s.paragraph("! outside [0, 1]: not a probability.");
    }
  }

  /** The plots with these ids, in this order (a compare has none). */
  private void plots(String... ids) {
    if (content == null) {
      return;
    }
    for (String id : ids) {
      for (Figure f : content.figures()) {
        if (f.id().equals(id)) {
          s.plot(f);
        }
      }
    }
  }

  private void provenance(Provenance pv, InputSummary in) {
    s.heading("provenance", "Provenance");
    s.paragraph("Re-running this command on the same input with the same logitlab and Java versions writes the "
        + "same bytes.");
    s.preformatted(pv.commandLine());
    Table.Builder facts = Table.of("provenance-facts", "", "").text(1)
        .row("logitlab", pv.version())
        .row("Java", pv.javaVersion())
        .row("input", in.file())
        .row("input SHA-256", pv.inputSha256())
        .row("input size", pv.inputBytes() + " bytes")
        .row("rows", Prose.rows(in));
    if (pv.timestamp() != null) {
      facts.row("made at", pv.timestamp());
    }
    s.table(facts.build());
    s.paragraph("Every option and the value used (defaults included):");
    Table.Builder t = Table.of("options", "option", "value", "from").text(1, 2);
    for (Provenance.Option o : pv.options()) {
      t.row(o.name(), o.value(), o.given() ? "command line" : "default");
    }
    s.table(t.build());
  }

  private static Table table(String id, Tables.Grid g) {
    Table.Builder t = Table.of(id, g.header());
    g.rows().forEach(t::row);
    return t.build();
  }
}
