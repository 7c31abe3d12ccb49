package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import logitlab.model.Classification;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.Prediction;

/**
 * GitHub-flavoured Markdown: the {@code --format markdown} output of {@code compare}, and the
 * Markdown report of {@code report -o FILE.md} (the same sections plus the plots, as PNG files
 * beside it, and the provenance). Tables are GFM pipe tables that render as they are; every string
 * from the input is escaped ({@link Escape#markdown}).
 */
public final class MarkdownReport {
  private final StringBuilder sb = new StringBuilder();

  private MarkdownReport() {}

  /** The {@code compare --format markdown} output. */
  public static String render(Comparison c) {
    MarkdownReport r = new MarkdownReport();
    r.sb.append("# logitlab compare: ").append(md(c.input().file())).append("\n\n");
    r.body(c, null);
    return r.finish();
  }

  /** The report: the compare output with plots (PNG files named in the figures) and provenance. */
  public static String report(ReportContent content) {
    MarkdownReport r = new MarkdownReport();
    Comparison c = content.comparison();
    r.sb.append("# logitlab report: ").append(md(c.input().file())).append("\n\n");
    r.body(c, content);
    r.provenance(content.provenance(), c.input());
    return r.finish();
  }

  private String finish() {
    // one trailing newline, no blank line at the end
    String s = sb.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private void body(Comparison c, ReportContent content) {
    InputSummary in = c.input();
    sb.append("- **rows:** ").append(md(Prose.rows(in))).append('\n');
    sb.append("- **outcome:** ").append(md(Prose.outcome(in))).append('\n');
    sb.append("- **model:** ").append(md(Prose.model(in))).append("\n\n");
    warnings(c);
    sideBySide(c);
    if (content != null) {
      figures(content, "fit", "loss", "weights");
    }
    logistic(c.logistic(), "Logistic regression (GLM, binomial, logit link; fitted by IRLS)");
    if (c.firth() != null) {
      logistic(c.firth(), "Firth's penalised-likelihood logistic regression");
    }
    linear(c.linear());
    marginalEffects(c);
    heading("Where the straight line leaves [0, 1]");
    for (String s : Prose.outOfRange(c.linear().outOfRange(), in)) {
      para(s);
    }
    classification(c.classification());
    if (content != null) {
      figures(content, "agreement", "calibration");
      for (String note : content.plotNotes()) {
        para("Note: " + note);
      }
    }
    predictions(c);
  }

  private void warnings(Comparison c) {
    List<String> all = Prose.warnings(c);
    if (all.isEmpty()) {
      return;
    }
    heading("Warnings");
    for (String w : all) {
      sb.append("> **Warning:** ").append(md(w)).append("\n>\n");
    }
    sb.setLength(sb.length() - 2); // drop the last "> " continuation line
    sb.append('\n');
  }

  private void sideBySide(Comparison c) {
    heading("Coefficients side by side");
    Table.of(Tables.sideBySide(c)).render(sb);
    para(Prose.coefficientScales(c, false));
    for (String s : Prose.neuron(c)) {
      para(s);
    }
  }


  private void logistic(LogisticFit f, String title) {
    heading(title);
    coefficientTable(f.coefficients(), "z value", "Pr(>|z|)");
    list(Prose.logisticStatistics(f));
    para(Prose.intervals(f));
    Table.of(Tables.intervals(f)).render(sb);
    for (String s : Prose.structure(f)) {
      para(s);
    }
  }

  private void linear(LinearProbabilityFit f) {
    heading("Linear probability model (OLS)");
    coefficientTable(f.coefficients(), "t value", "Pr(>|t|)");
    list(List.of(
        "R-squared " + Fmt.fixed(f.rSquared(), 4) + ", adjusted R-squared " + Fmt.fixed(f.adjRSquared(), 4),
        "Residual standard error " + Fmt.sig(f.sigma(), 4) + " on " + f.dfResidual() + " degrees of freedom",
        "F statistic " + Fmt.sig(f.fTest().statistic(), 5) + " on " + f.fTest().df1() + " and "
            + f.fTest().df2() + " df, p " + Fmt.pValue(f.fTest().p())));
    if (f.robustType() != null) {
      para(f.robustType() + " robust standard errors (the linear model's errors have variance p(1 - p)):");
      coefficientTable(f.robust(), "t value", "Pr(>|t|)");
    }
  }

  private void coefficientTable(List<Coefficient> coefs, String stat, String p) {
    Table.of(Tables.coefficients(coefs, stat, p)).render(sb);
    para("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1");
  }


  private void marginalEffects(Comparison c) {
    List<MarginalEffect> me = c.logistic().marginalEffects();
    if (me.isEmpty()) {
      return;
    }
    heading("Average marginal effects");
    para(Prose.marginalEffectsLead(c) + ".");
    Table.of(Tables.marginalEffects(c)).render(sb);
    para("Both estimate the same quantity; the linear model assumes it is the same everywhere.");
  }

  private void classification(Comparison.Classifications cs) {
    heading("Classification on the fitting data");
    para("An event is predicted when p > " + Fmt.sig(cs.logistic().threshold(), 4) + ".");
    Table.of(Tables.classification(cs)).render(sb);
    if (cs.linear().clipped() > 0) {
      para("The log-loss clips " + cs.linear().clipped()
          + " linear fitted values into [1e-15, 1 - 1e-15] (outside [0, 1]).");
    }
  }

  private void predictions(Comparison c) {
    if (c.predictions().isEmpty()) {
      return;
    }
    heading(Prose.predictionsTitle(c));
    Table t = new Table("at", "linear", "outside [0, 1]", "logistic", "neuron", "other predictors held at")
        .left(2, 5);
    for (Prediction p : c.predictions()) {
      t.row(p.label(), Fmt.fixed(p.linear(), 4), p.linearOutOfRange() ? "yes: not a probability" : "",
          Fmt.fixed(p.logistic(), 4), Fmt.fixed(p.neuron(), 4), String.join(", ", p.defaulted()));
    }
    t.render(sb);
  }

  private void figures(ReportContent content, String... ids) {
    for (String id : ids) {
      for (Figure f : content.figures()) {
        if (f.id().equals(id) && f.png() != null) {
          heading(f.title());
          sb.append("![").append(md(f.title())).append("](").append(link(f.png())).append(")\n\n");
          para(f.caption());
        }
      }
    }
  }

  private void provenance(Provenance p, InputSummary in) {
    heading("Provenance");
    para("Re-running this command on the same input with the same logitlab and Java versions writes the "
        + "same bytes.");
    sb.append("```sh\n").append(fence(p.commandLine())).append("\n```\n\n");
    Table facts = new Table("", "").left(1);
    facts.row("logitlab", p.version());
    facts.row("Java", p.javaVersion());
    facts.row("input", in.file());
    facts.row("input SHA-256", p.inputSha256());
    facts.row("input size", p.inputBytes() + " bytes");
    facts.row("rows", Prose.rows(in));
    if (p.timestamp() != null) {
      facts.row("made at", p.timestamp());
    }
    facts.render(sb);
    para("Every option and the value used (defaults included):");
    Table t = new Table("option", "value", "from").left(1, 2);
    for (Provenance.Option o : p.options()) {
      t.row(o.name(), o.value(), o.given() ? "command line" : "default");
    }
    t.render(sb);
  }

  private void heading(String title) {
    sb.append("## ").append(md(title)).append("\n\n");
  }

  private void para(String text) {
    sb.append(md(text)).append("\n\n");
  }

  private void list(List<String> items) {
    for (String s : items) {
      sb.append("- ").append(md(s)).append('\n');
    }
    sb.append('\n');
  }

  private static String md(String s) {
    return Escape.markdown(s);
  }

  /** A relative link target: the file name percent-encoded where Markdown or a URL needs it. */
  private static String link(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** Text for a fenced code block: a line of three backticks in it cannot close the fence early. */
  private static String fence(String s) {
    return s.replace("```", "`\u200B``");
  }

  /** A GFM pipe table: the first column left-aligned, the others right-aligned. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] left;

    Table(String... header) {
      this.header = header;
      this.left = new boolean[header.length];
      left[0] = true;
    }

    static Table of(Tables.Grid g) {
      Table t = new Table(g.header());
      g.rows().forEach(t::row);
      return t;
    }

    /** Left-aligns text columns. */
    Table left(int... columns) {
      for (int c : columns) {
        left[c] = true;
      }
      return this;
    }

    void row(String... cells) {
      if (cells.length != header.length) {
        throw new IllegalArgumentException("expected " + header.length + " cells");
      }
      rows.add(cells);
    }

    void render(StringBuilder sb) {
      line(sb, header);
      sb.append('|');
      for (int c = 0; c < header.length; c++) {
        sb.append(left[c] ? ":---|" : "---:|");
      }
      sb.append('\n');
      for (String[] r : rows) {
        line(sb, r);
      }
      sb.append('\n');
    }

    private static void line(StringBuilder sb, String[] cells) {
      sb.append('|');
      for (String cell : cells) {
        String s = md(cell);
        sb.append(' ').append(s.isEmpty() ? "" : s).append(s.isEmpty() ? "|" : " |");
      }
      sb.append('\n');
    }
  }
}
