package logitlab.report.outline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import logitlab.report.Escape;
import logitlab.report.Figure;

/**
 * GitHub-flavoured Markdown, in the look of {@code compare --format markdown}: {@code #} headings,
 * GFM pipe tables (numbers right-aligned), warnings as quoted blocks, a plot as an image link to
 * its PNG file. Every string is escaped ({@link Escape#markdown}).
 */
final class MarkdownSink implements Sink {
  private final StringBuilder sb = new StringBuilder();

  @Override
  public void title(String text) {
    sb.append("# ").append(md(text)).append("\n\n");
  }

  @Override
  public void facts(List<Fact> facts) {
    for (Fact f : facts) {
      sb.append("- **").append(md(f.key())).append(":** ").append(md(f.value())).append('\n');
    }
    sb.append('\n');
  }

  @Override
  public void heading(String text) {
    sb.append("## ").append(md(text)).append("\n\n");
  }

  @Override
  public void subheading(String text) {
    sb.append("### ").append(md(text)).append("\n\n");
  }

  @Override
  public void paragraph(String text) {
    sb.append(md(text)).append("\n\n");
  }

  @Override
  public void list(List<String> items) {
    for (String s : items) {
      sb.append("- ").append(md(s)).append('\n');
    }
    sb.append('\n');
  }

  /** A GFM pipe table; a flag is a column of its own, {@code yes: not a probability} where flagged. */
  @Override
  public void table(Table table) {
    line(table.header());
    sb.append('|');
    for (int c = 0; c < table.header().size(); c++) {
      sb.append(table.isText(c) ? ":---|" : "---:|");
    }
    sb.append('\n');
    for (List<String> r : table.rows()) {
      List<String> cells = new ArrayList<>(r);
      for (int c = 0; c < cells.size(); c++) {
        if (table.role(c) == Table.Role.FLAG && !cells.get(c).isEmpty()) {
          cells.set(c, "yes: " + table.flag().meaning());
        }
      }
      line(cells);
    }
    sb.append('\n');
  }

  private void line(List<String> cells) {
    sb.append('|');
    for (String cell : cells) {
      String s = md(cell);
      sb.append(s.isEmpty() ? " |" : " " + s + " |");
    }
    sb.append('\n');
  }

  @Override
  public void figure(Figure figure) {
    if (figure.png() == null) {
      return;
    }
    sb.append("![").append(md(figure.title())).append("](").append(link(figure.png())).append(")\n\n");
    paragraph(figure.caption());
  }

  @Override
  public void warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    for (int k = 0; k < warnings.size(); k++) {
      sb.append(k == 0 ? "" : ">\n").append("> **Warning:** ").append(md(warnings.get(k))).append('\n');
    }
    sb.append('\n');
  }

  @Override
  public void plot(Figure figure) {
    if (figure.png() != null) {
      heading(figure.title());
      figure(figure);
    }
  }

  @Override
  public OutlineFormat format() {
    return OutlineFormat.MARKDOWN;
  }

  @Override
  public void preformatted(String text) {
    sb.append("```sh\n").append(text.replace("```", "`\u200B``")).append("\n```\n\n");
  }

  @Override
  public String finish() {
    String s = sb.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String md(String s) {
    return Escape.markdown(s);
  }

  /** A relative link: the file name percent-encoded where Markdown or a URL needs it. */
  private static String link(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || c == '_' || c == '.' || c == '/';
      out.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }
}
