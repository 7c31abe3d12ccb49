package logitlab.report.outline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import logitlab.report.Escape;
import logitlab.report.Figure;

/**
 * One self-contained HTML document in the look of {@code logitlab report}: the style sheet inline,
 * plots as inline SVG, no scripts, nothing fetched from the network, so it opens offline. Each
 * heading opens a {@code <section>} whose id is the one given or is made from its text. Every string is escaped
 * ({@link Escape#html}); the document is HTML5 and well-formed XML (every element closed, only
 * the XML entities used). Nothing in it depends on the time.
 */
final class HtmlSink implements Sink {
  /** The one style sheet of every HTML document logitlab writes. */
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

  private final StringBuilder body = new StringBuilder(1 << 14);
  private final Set<String> ids = new HashSet<>();
  private String title = "logitlab";
  private String generator = "logitlab";
  private boolean inSection;

  @Override
  public void title(String text) {
    title = text;
    body.append("<h1>").append(h(text)).append("</h1>\n");
  }

  @Override
  public void facts(List<Fact> facts) {
    body.append("<table class=\"summary\">\n");
    for (Fact f : facts) {
      body.append("<tr><th scope=\"row\">").append(h(f.key())).append("</th><td class=\"text\">")
          .append(h(f.value())).append("</td></tr>\n");
    }
    body.append("</table>\n");
  }

  @Override
  public void heading(String text) {
    closeSection();
    body.append("<section id=\"").append(id(text)).append("\">\n<h2>").append(h(text)).append("</h2>\n");
    inSection = true;
  }

  @Override
  public void heading(String id, String text) {
    closeSection();
    ids.add(id);
    body.append("<section id=\"").append(h(id)).append("\">\n<h2>").append(h(text)).append("</h2>\n");
    inSection = true;
  }

  @Override
  public void endSection() {
    closeSection();
  }

  @Override
  public void subheading(String text) {
    body.append("<h3>").append(h(text)).append("</h3>\n");
  }

  @Override
  public void paragraph(String text) {
    body.append("<p>").append(h(text)).append("</p>\n");
  }

  @Override
  public void list(List<String> items) {
    body.append("<ul>\n");
    for (String s : items) {
      body.append("<li>").append(h(s)).append("</li>\n");
    }
    body.append("</ul>\n");
  }

  /**
   * A table; a flag is not a column of its own but its mark beside the flagged value, explained
   * under the table ({@code ! outside [0, 1]: not a probability.}).
   */
  @Override
  public void table(Table table) {
    body.append("<table id=\"").append(id(table.id())).append("\">\n<thead><tr>");
    for (int c = 0; c < table.header().size(); c++) {
      if (table.role(c) != Table.Role.FLAG) {
        body.append("<th scope=\"col\">").append(h(table.header().get(c))).append("</th>");
      }
    }
    body.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : table.rows()) {
      body.append("<tr>");
      for (int c = 0; c < r.size(); c++) {
        if (table.role(c) == Table.Role.FLAG) {
          continue;
        }
        String cell = r.get(c);
        if (c + 1 < r.size() && table.role(c + 1) == Table.Role.FLAG && !r.get(c + 1).isEmpty()) {
          cell += " " + table.flag().mark();
        }
        // the first column is text by the style sheet (td:first-child)
        body.append(c > 0 && table.isText(c) ? "<td class=\"text\">" : "<td>").append(h(cell)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    for (int c = 0; c < table.header().size(); c++) {
      if (table.role(c) == Table.Role.FLAG && table.hasContent(c)) {
        paragraph(table.flag().mark() + " " + table.header().get(c) + ": " + table.flag().meaning() + ".");
      }
    }
  }

  @Override
  public void figure(Figure figure) {
    if (figure.svg() == null) {
      return;
    }
    body.append("<figure id=\"").append(id("plot-" + figure.id())).append("\">\n").append(figure.svg())
        .append("\n<figcaption><strong>").append(h(figure.title())).append(".</strong> ")
        .append(h(figure.caption())).append("</figcaption>\n</figure>\n");
  }

  @Override
  public void warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    body.append("<div class=\"warnings\">\n<p><strong>Warnings</strong></p>\n<ul>\n");
    for (String w : warnings) {
      body.append("<li>").append(h(w)).append("</li>\n");
    }
    body.append("</ul>\n</div>\n");
  }

  @Override
  public void warningsSection(List<String> warnings, String none) {
    closeSection();
    if (warnings.isEmpty()) {
      body.append("<p class=\"ok\" id=\"").append(id("no-warnings")).append("\">").append(h(none)).append("</p>\n");
      return;
    }
    body.append("<section class=\"warnings\" id=\"").append(id("warnings")).append("\">\n<h2>Warnings</h2>\n<ul>\n");
    for (String w : warnings) {
      body.append("<li>").append(h(w)).append("</li>\n");
    }
    body.append("</ul>\n</section>\n");
  }

  @Override
  public void note(String text) {
    body.append("<p class=\"note\">").append(h(text)).append("</p>\n");
  }

  @Override
  public void legend(String label, String key) {
    body.append("<p class=\"note\">").append(Escape.htmlText(label + ": " + key)).append("</p>\n");
  }

  @Override
  public void plot(Figure figure) {
    if (figure.svg() == null) {
      return;
    }
    closeSection();
    body.append("<section id=\"").append(id("plot-" + figure.id())).append("\">\n<h3>").append(h(figure.title()))
        .append("</h3>\n<figure>\n").append(figure.svg()).append("\n<figcaption>").append(h(figure.caption()))
        .append("</figcaption>\n</figure>\n</section>\n");
  }

  @Override
  public void version(String version) {
    generator = "logitlab " + version;
  }

  @Override
  public OutlineFormat format() {
    return OutlineFormat.HTML;
  }

  @Override
  public void preformatted(String text) {
    body.append("<pre id=\"").append(id("command-line")).append("\">").append(h(text)).append("</pre>\n");
  }

  @Override
  public String finish() {
    closeSection();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<meta name=\"generator\" content=\"" + h(generator) + "\"/>\n"
        + "<title>" + h(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
        + body + "</body>\n</html>\n";
  }

  private void closeSection() {
    if (inSection) {
      body.append("</section>\n");
      inSection = false;
    }
  }

  /** An id made from text: lower case letters, digits and hyphens, unique in the document. */
  private String id(String text) {
    String base = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "s";
    }
    String id = base;
    for (int k = 2; !ids.add(id); k++) {
      id = base + "-" + k;
    }
    return id;
  }

  private static String h(String s) {
    return Escape.html(s);
  }
}
