package logitlab.report;

import java.util.List;
import java.util.Locale;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.Fmt;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.OutOfRange;
import logitlab.model.Prediction;
import logitlab.report.outline.OutlineFormat;
import logitlab.report.outline.Sink;
import logitlab.report.outline.Table;

/**
 * The document of a comparison, written once as calls on a {@link Sink}: the sections of
 * {@code compare}'s text and Markdown output and of {@code report}'s Markdown and HTML pages, in
 * their order, with their tables' cells ({@link Tables}). A report adds the plots and the
 * provenance ({@link ReportContent}); a compare has none. Each format's look is its sink's.
 *
 * <p>The text output keeps its own, more compact wording ({@link #compact}): shorter sentences and
 * headings, the fit statistics on aligned lines, the threshold in the classification heading.
 * Where the words differ both forms stand side by side, chosen by {@code compact}: in {@link Prose},
 * or here where a section is laid out differently (out of range, classification). The section
 * order, the tables' cells and which warnings go where are written once; the sinks place the
 * warnings (text under the fit they concern, the documents gathered at the top).
 */
public final class ComparisonOutline {
  private final Sink s;
  private final Comparison c;
  private final ReportContent content;
  /** Whether the words are the text output's compact ones. */
  private final boolean compact;

  private ComparisonOutline(Sink s, Comparison c, ReportContent content) {
    this.s = s;
    this.c = c;
    this.content = content;
    this.compact = s.format() == OutlineFormat.TEXT;
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
      // where the row passes ran (Spark); absent for this machine's threads
      facts.add(Sink.Fact.whole("engine", in.engine()));
    }
    facts.addAll(List.of(Sink.Fact.whole("rows", Prose.rows(in)), new Sink.Fact("outcome", Prose.outcome(in, compact)),
        Sink.Fact.joined("model", " + ", Prose.model(in))));
    s.facts(facts);
    s.warningsSection(Prose.warnings(c), "No warnings: no separation, no aliased terms, every fit converged.");
    s.warningsInPlace(Prose.dataWarnings(in));
    sideBySide();
    plots("fit", "loss", "weights");
    logistic(c.logistic(), "logistic");
    if (c.firth() != null) {
      logistic(c.firth(), "firth");
    }
    linear(c.linear());
    marginalEffects();
    outOfRange(c.linear().outOfRange(), in);
    classification(c.classification());
    plots("agreement", "calibration");
    s.endSection();
    if (content != null) {
      content.plotNotes().forEach(note -> s.note("Note: " + note));
    }
    predictions();
    if (content != null) {
      provenance(content.provenance(), in);
    }
  }

  /** The three models' coefficients, what they measure, and how the neuron's training went. */
  private void sideBySide() {
    s.heading("side-by-side", "Coefficients side by side");
    s.table(builder("coefficients", Tables.sideBySide(c)).blockPerColumn().build()); // one model per block
    s.paragraph(Prose.coefficientScales(c, compact));
    s.paragraph(Prose.neuronSummary(c));
    String milestones = Prose.neuronMilestones(c);
    if (milestones != null) {
      s.paragraph(milestones);
    }
    NeuronAdvice.notes(c.neuron()).forEach(note -> s.labelled("note", note));
    s.warningsInPlace(NeuronAdvice.warnings(c));
  }

  private void logistic(LogisticFit f, String id) {
    s.heading(id, Prose.logisticTitle(f, compact));
    coefficients(id + "-coefficients", f.coefficients(), "z value", "Pr(>|z|)");
    s.lines(Prose.logisticStatistics(f, compact));
    s.gap();
    s.paragraph(Prose.intervals(f, compact));
    s.table(builder(id + "-intervals", Tables.intervals(f))
        .shortHeader("", "estimate", "low", "high", "odds ratio", "low", "high").build());
    if (!compact) {
      // the documents gather the warnings at the top; the fit's section still says what is wrong with it
      Prose.structure(f).forEach(s::paragraph);
    }
    List<String> warnings = Prose.fitWarnings(f);
    if (!warnings.isEmpty()) {
      s.gap();
      s.warningsInPlace(warnings);
    }
  }

  private void linear(LinearProbabilityFit f) {
    s.heading("linear", "Linear probability model (OLS)");
    coefficients("linear-coefficients", f.coefficients(), "t value", "Pr(>|t|)");
    s.warningsInPlace(Prose.linearAliased(f));
    s.lines(Prose.linearStatistics(f, compact));
    if (f.robustType() != null) {
      s.gap();
      s.paragraph(f.robustType() + " robust standard errors (the linear model's errors have variance p(1 - p))"
          + (compact ? "" : ":"));
      coefficients("linear-robust", f.robust(), "t value", "Pr(>|t|)");
    }
  }

  /** R's coefficient table: no title over the terms and the stars in text, and the key to the stars. */
  private void coefficients(String id, List<Coefficient> coefs, String stat, String p) {
    s.table(builder(id, Tables.coefficients(coefs, stat, p))
        .shortHeader("", "Estimate", "Std. Error", stat, p, "").marks(5).build());
    s.legend("Signif. codes", "0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1");
  }

  private void marginalEffects() {
    if (c.logistic().marginalEffects().isEmpty()) {
      return;
    }
    s.heading("marginal-effects", "Average marginal effects");
    s.paragraph(Prose.marginalEffectsLead(c) + (compact ? ":" : "."));
    Tables.Grid g = Tables.marginalEffects(c);
    int se = g.header().length - 3; // delta SE, linear slope, SE: the standard errors
    String[] shortHeader = g.header().clone();
    shortHeader[0] = "";
    s.table(builder("marginal-effects-table", g).shortHeader(shortHeader).bracketed(se, se + 2).build());
    s.paragraph(compact ? "Both estimate it; the linear model assumes it is the same everywhere."
        : "Both estimate the same quantity; the linear model assumes it is the same everywhere.");
  }

  /**
   * Where the linear model's fitted values leave [0, 1]. The text output has its own sentences, two
   * of them lines that are not wrapped.
   */
  private void outOfRange(OutOfRange r, InputSummary in) {
    s.heading("out-of-range", "Where the straight line leaves [0, 1]");
    if (!compact) {
      Prose.outOfRange(r, in).forEach(s::paragraph);
    } else if (r.count() == 0) {
      s.lines(List.of(String.format(Locale.ROOT, "All %d fitted values of the linear model lie in [0, 1] (from %s "
          + "to %s) on these data,", in.rowsUsed(), Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4)),
          "but a straight line leaves [0, 1] for values far enough out."));
    } else {
      s.paragraph(String.format(Locale.ROOT, "%d of %d fitted \"probabilities\" of the linear model are impossible:",
          r.count(), in.rowsUsed()));
      s.lines(List.of(String.format(Locale.ROOT, "%d below 0, %d above 1 (smallest %s, largest %s)", r.below(),
          r.above(), Fmt.sig(r.min(), 4), Fmt.sig(r.max(), 4))));
      s.paragraph(Prose.outOfRangeLines(r, in, true));
      s.lines(List.of("The logistic model and the neuron stay in (0, 1): sigma(z) = 1 / (1 + e^-z)."));
    }
  }

  private void classification(Comparison.Classifications cs) {
    String threshold = Fmt.sig(cs.logistic().threshold(), 4);
    if (compact) {
      s.heading("classification", "Classification on the fitting data (event predicted when p > " + threshold + ")");
    } else {
      s.heading("classification", "Classification on the fitting data");
      s.paragraph("An event is predicted when p > " + threshold + ".");
    }
    s.table(builder("classification-table", Tables.classification(cs)).build());
    if (cs.linear().clipped() > 0) {
      if (compact) {
        s.lines(List.of("log-loss: " + cs.linear().clipped()
            + " linear values outside [0, 1] clipped to [1e-15, 1 - 1e-15]"));
      } else {
        s.paragraph("The log-loss clips " + cs.linear().clipped()
            + " linear fitted values into [1e-15, 1 - 1e-15] (outside [0, 1]).");
      }
    }
  }

  /**
   * The predicted probabilities. A linear value outside [0, 1] is flagged (a column in Markdown, a
   * mark beside the value in text and HTML); the predictors held at their mean or reference level
   * are a list, which text leaves out when there is none and moves below a table too wide for it.
   */
  private void predictions() {
    if (c.predictions().isEmpty()) {
      return;
    }
    s.heading("predictions", Prose.predictionsTitle(c, compact));
    Table.Builder t = Table.of("predictions-table", "at", "linear", "outside [0, 1]", "logistic", "neuron",
        "other predictors held at").flag(2, "!", "not a probability").list(5).optional(5);
    for (Prediction p : c.predictions()) {
      t.listRow(p.defaulted(), p.label(), Fmt.fixed(p.linear(), 4), p.linearOutOfRange() ? "!" : "",
          Fmt.fixed(p.logistic(), 4), Fmt.fixed(p.neuron(), 4));
    }
    s.table(t.build());
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

  /** A table of the grid's cells, to be told more about its columns. */
  private static Table.Builder builder(String id, Tables.Grid g) {
    Table.Builder t = Table.of(id, g.header());
    g.rows().forEach(t::row);
    return t;
  }
}
