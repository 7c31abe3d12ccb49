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
 * The HTML report of {@code logitlab report -o FILE.html}: one self-contained file that opens
 * offline, with the style sheet inline and the plots as inline SVG; no scripts, no external fonts,
 * images or links to fetch.
 *
 * <p>Every string from the input (file name, column names, levels, messages that quote them) is
 * escaped ({@link Escape#html}). The document is HTML5 and also well-formed XML (polyglot markup):
 * every element is closed and only the five XML entities are used, so an XML parser can check it.
 * The same input and options give the same bytes: nothing depends on the time unless
 * {@code --timestamp} asks for it.
 */
public final class HtmlReport {
  private final StringBuilder sb = new StringBuilder(1 << 16);

  private HtmlReport() {}

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
             max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
      h1 { font-size: 1.6rem; border-bottom: 2px solid #0072b2; padding-bottom: .3rem; }
      h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
      h3 { font-size: 1.05rem; margin-top: 1.6rem; }
      table { border-collapse: collapse; margin: .6rem 0 1rem; font-variant-numeric: tabular-nums; }
      th, td { padding: .2rem .7rem; border-bottom: 1px solid #e4e4e4; }
      th { text-align: right; background: #f4f6f8; font-weight: 600; }
      td { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92rem; }
      th:first-child, td:first-child { text-align: left; }
      td.text { font-family: inherit; text-align: left; }
      .warnings { border: 2px solid #d55e00; background: #fff4ec; padding: .6rem 1rem; margin: 1rem 0;
                  border-radius: 4px; }
      .warnings h2 { margin-top: .2rem; border: none; color: #a84300; }
      .ok { border: 1px solid #009e73; background: #effaf6; padding: .5rem 1rem; border-radius: 4px; }
      .out { color: #a84300; font-weight: 600; }
      figure { margin: 1rem 0 2rem; }
      svg.plot { width: 100%; height: auto; max-width: 720px; display: block; border: 1px solid #eee; }
      figcaption { font-size: .92rem; color: #444; max-width: 720px; }
      pre { background: #f4f6f8; padding: .6rem; overflow-x: auto; white-space: pre-wrap;
            word-break: break-all; }
      .note { color: #555; font-size: .92rem; }
      """;

  /** The report as one HTML document; the figures carry their SVG. */
  public static String render(ReportContent content) {
    HtmlReport r = new HtmlReport();
    r.document(content);
    return r.sb.toString();
  }

  private void document(ReportContent content) {
    Comparison c = content.comparison();
    InputSummary in = c.input();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta name=\"generator\" content=\"logitlab ").append(h(content.provenance().version()))
        .append("\"/>\n")
        .append("<title>logitlab report: ").append(h(in.file())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>logitlab report: ").append(h(in.file())).append("</h1>\n");
    sb.append("<table class=\"summary\">\n");
    row("rows", Prose.rows(in));
    row("outcome", Prose.outcome(in));
    row("model", Prose.model(in));
    sb.append("</table>\n");
    warnings(c);
    sideBySide(c);
    figures(content, "fit", "loss", "weights");
    logistic(c.logistic(), "logistic", "Logistic regression (GLM, binomial, logit link; fitted by IRLS)");
    if (c.firth() != null) {
      logistic(c.firth(), "firth", "Firth's penalised-likelihood logistic regression");
    }
    linear(c.linear());
    marginalEffects(c);
    sb.append("<section id=\"out-of-range\">\n<h2>Where the straight line leaves [0, 1]</h2>\n");
    for (String s : Prose.outOfRange(c.linear().outOfRange(), in)) {
      p(s);
    }
    sb.append("</section>\n");
    classification(c.classification());
    figures(content, "agreement", "calibration");
    for (String note : content.plotNotes()) {
      sb.append("<p class=\"note\">Note: ").append(h(note)).append("</p>\n");
    }
    predictions(c);
    provenance(content.provenance(), in);
    sb.append("</body>\n</html>\n");
  }

  private void warnings(Comparison c) {
    List<String> all = Prose.warnings(c);
    if (all.isEmpty()) {
      sb.append("<p class=\"ok\" id=\"no-warnings\">No warnings: no separation, no aliased terms, every fit "
          + "converged.</p>\n");
      return;
    }
    sb.append("<section class=\"warnings\" id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
    for (String w : all) {
      sb.append("<li>").append(h(w)).append("</li>\n");
    }
    sb.append("</ul>\n</section>\n");
  }

  private void sideBySide(Comparison c) {
    sb.append("<section id=\"side-by-side\">\n<h2>Coefficients side by side</h2>\n");
    Table.of(Tables.sideBySide(c)).render(sb, "coefficients");
    p(Prose.coefficientScales(c, false));
    for (String s : Prose.neuron(c)) {
      p(s);
    }
    sb.append("</section>\n");
  }


  private void logistic(LogisticFit f, String id, String title) {
    sb.append("<section id=\"").append(id).append("\">\n<h2>").append(h(title)).append("</h2>\n");
    coefficientTable(f.coefficients(), "z value", "Pr(>|z|)", id + "-coefficients");
    sb.append("<ul>\n");
    for (String s : Prose.logisticStatistics(f)) {
      sb.append("<li>").append(h(s)).append("</li>\n");
    }
    sb.append("</ul>\n");
    p(Prose.intervals(f));
    Table.of(Tables.intervals(f)).render(sb, id + "-intervals");
    for (String s : Prose.structure(f)) {
      p(s);
    }
    sb.append("</section>\n");
  }

  private void linear(LinearProbabilityFit f) {
    sb.append("<section id=\"linear\">\n<h2>Linear probability model (OLS)</h2>\n");
    coefficientTable(f.coefficients(), "t value", "Pr(>|t|)", "linear-coefficients");
    sb.append("<ul>\n<li>").append(h("R-squared " + Fmt.fixed(f.rSquared(), 4) + ", adjusted R-squared "
        + Fmt.fixed(f.adjRSquared(), 4))).append("</li>\n<li>")
        .append(h("Residual standard error " + Fmt.sig(f.sigma(), 4) + " on " + f.dfResidual()
            + " degrees of freedom")).append("</li>\n<li>")
        .append(h("F statistic " + Fmt.sig(f.fTest().statistic(), 5) + " on " + f.fTest().df1() + " and "
            + f.fTest().df2() + " df, p " + Fmt.pValue(f.fTest().p()))).append("</li>\n</ul>\n");
    if (f.robustType() != null) {
      p(f.robustType() + " robust standard errors (the linear model's errors have variance p(1 - p)):");
      coefficientTable(f.robust(), "t value", "Pr(>|t|)", "linear-robust");
    }
    sb.append("</section>\n");
  }

  private void coefficientTable(List<Coefficient> coefs, String stat, String p, String id) {
    Table.of(Tables.coefficients(coefs, stat, p)).render(sb, id);
    sb.append("<p class=\"note\">Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1</p>\n");
  }


  private void marginalEffects(Comparison c) {
    List<MarginalEffect> me = c.logistic().marginalEffects();
    if (me.isEmpty()) {
      return;
    }
    sb.append("<section id=\"marginal-effects\">\n<h2>Average marginal effects</h2>\n");
    p(Prose.marginalEffectsLead(c) + ".");
    Table.of(Tables.marginalEffects(c)).render(sb, "marginal-effects-table");
    p("Both estimate the same quantity; the linear model assumes it is the same everywhere.");
    sb.append("</section>\n");
  }

  private void classification(Comparison.Classifications cs) {
    sb.append("<section id=\"classification\">\n<h2>Classification on the fitting data</h2>\n");
    p("An event is predicted when p > " + Fmt.sig(cs.logistic().threshold(), 4) + ".");
    Table.of(Tables.classification(cs)).render(sb, "classification-table");
    if (cs.linear().clipped() > 0) {
      p("The log-loss clips " + cs.linear().clipped()
          + " linear fitted values into [1e-15, 1 - 1e-15] (outside [0, 1]).");
    }
    sb.append("</section>\n");
  }

  private void predictions(Comparison c) {
    if (c.predictions().isEmpty()) {
      return;
    }
    sb.append("<section id=\"predictions\">\n<h2>").append(h(Prose.predictionsTitle(c))).append("</h2>\n");
    Table t = new Table("at", "linear", "logistic", "neuron", "other predictors held at");
    t.textColumn(4);
    boolean flagged = false;
    for (Prediction p : c.predictions()) {
      flagged |= p.linearOutOfRange();
      t.row(p.label(), Fmt.fixed(p.linear(), 4) + (p.linearOutOfRange() ? " !" : ""), Fmt.fixed(p.logistic(), 4),
          Fmt.fixed(p.neuron(), 4), String.join(", ", p.defaulted()));
    }
    t.render(sb, "predictions-table");
    if (flagged) {
      p("! outside [0, 1]: not a probability.");
    }
    sb.append("</section>\n");
  }

  private void figures(ReportContent content, String... ids) {
    for (String id : ids) {
      for (Figure f : content.figures()) {
        if (f.id().equals(id) && f.svg() != null) {
          sb.append("<section id=\"plot-").append(h(f.id())).append("\">\n<h3>").append(h(f.title()))
              .append("</h3>\n<figure>\n").append(f.svg()).append("\n<figcaption>").append(h(f.caption()))
              .append("</figcaption>\n</figure>\n</section>\n");
        }
      }
    }
  }

  private void provenance(Provenance pv, InputSummary in) {
    sb.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
    p("Re-running this command on the same input with the same logitlab and Java versions writes the same "
        + "bytes.");
    sb.append("<pre id=\"command-line\">").append(h(pv.commandLine())).append("</pre>\n");
    Table facts = new Table("", "");
    facts.textColumn(1);
    facts.row("logitlab", pv.version());
    facts.row("Java", pv.javaVersion());
    facts.row("input", in.file());
    facts.row("input SHA-256", pv.inputSha256());
    facts.row("input size", pv.inputBytes() + " bytes");
    facts.row("rows", Prose.rows(in));
    if (pv.timestamp() != null) {
      facts.row("made at", pv.timestamp());
    }
    facts.render(sb, "provenance-facts");
    p("Every option and the value used (defaults included):");
    Table t = new Table("option", "value", "from");
    t.textColumn(1);
    t.textColumn(2);
    for (Provenance.Option o : pv.options()) {
      t.row(o.name(), o.value(), o.given() ? "command line" : "default");
    }
    t.render(sb, "options");
    sb.append("</section>\n");
  }

  private void row(String key, String value) {
    sb.append("<tr><th scope=\"row\">").append(h(key)).append("</th><td class=\"text\">").append(h(value))
        .append("</td></tr>\n");
  }

  private void p(String text) {
    sb.append("<p>").append(h(text)).append("</p>\n");
  }

  private static String h(String s) {
    return Escape.html(s);
  }

  /** An HTML table: the first column (and the text columns) left-aligned, numbers right-aligned. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] text;

    Table(String... header) {
      this.header = header;
      this.text = new boolean[header.length];
    }

    static Table of(Tables.Grid g) {
      Table t = new Table(g.header());
      g.rows().forEach(t::row);
      return t;
    }

    void textColumn(int c) {
      text[c] = true;
    }

    void row(String... cells) {
      if (cells.length != header.length) {
        throw new IllegalArgumentException("expected " + header.length + " cells");
      }
      rows.add(cells);
    }

    void render(StringBuilder sb, String id) {
      sb.append("<table id=\"").append(h(id)).append("\">\n<thead><tr>");
      for (String s : header) {
        sb.append("<th scope=\"col\">").append(h(s)).append("</th>");
      }
      sb.append("</tr></thead>\n<tbody>\n");
      for (String[] r : rows) {
        sb.append("<tr>");
        for (int c = 0; c < r.length; c++) {
          sb.append(text[c] ? "<td class=\"text\">" : "<td>").append(h(r[c])).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
  }
}
