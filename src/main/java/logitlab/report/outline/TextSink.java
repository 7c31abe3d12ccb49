package logitlab.report.outline;

import java.util.ArrayList;
import java.util.List;
import logitlab.report.Figure;
import logitlab.report.TextTable;

/**
 * Plain text for a terminal, in the look of {@code compare}'s text output: the title, aligned
 * key-value lines, each section's heading at the margin and its content indented by two spaces,
 * a blank line between sections, every line (tables included: {@link TextTable}) within 80
 * columns. Text is written as it is; the terminal shows it.
 */
final class TextSink implements Sink {
  private static final String INDENT = "  ";
  private final StringBuilder sb = new StringBuilder();

  @Override
  public void title(String text) {
    sb.append(text).append('\n');
  }

  @Override
  public void facts(List<Fact> facts) {
    int w = 0;
    for (Fact f : facts) {
      w = Math.max(w, f.key().length());
    }
    for (Fact f : facts) {
      String key = INDENT + f.key() + " ".repeat(w - f.key().length() + 2);
      wrap(key, " ".repeat(key.length()), f.value());
    }
  }

  @Override
  public void heading(String text) {
    sb.append('\n').append(text).append('\n');
  }

  @Override
  public void subheading(String text) {
    sb.append('\n').append(INDENT).append(text).append('\n');
  }

  @Override
  public void paragraph(String text) {
    wrap(INDENT, INDENT, text);
  }

  @Override
  public void list(List<String> items) {
    for (String item : items) {
      wrap(INDENT + "- ", INDENT + "  ", item);
    }
  }

  @Override
  public void table(Table table) {
    TextTable t = new TextTable(table.header().toArray(new String[0]));
    for (int c = 1; c < table.header().size(); c++) {
      if (table.isText(c)) {
        t.left(c);
      }
    }
    for (List<String> r : table.rows()) {
      t.row(r.toArray(new String[0]));
    }
    sb.append(t.render(INDENT, false));
  }

  @Override
  public void figure(Figure figure) {
    if (figure.png() != null) {
      wrap(INDENT + "plot: ", INDENT + "      ", figure.png() + " (" + figure.title() + ")");
    }
  }

  @Override
  public void warnings(List<String> warnings) {
    for (String w : warnings) {
      wrap(INDENT + "warning: ", INDENT + "         ", w);
    }
  }

  @Override
  public OutlineFormat format() {
    return OutlineFormat.TEXT;
  }

  @Override
  public void preformatted(String text) {
    for (String line : text.split("\n", -1)) {
      sb.append(INDENT).append(INDENT).append(line).append('\n');
    }
  }

  @Override
  public String finish() {
    return sb.toString();
  }

  /** Appends {@code text} wrapped at 80 columns: the first line after {@code first}, the rest after {@code rest}. */
  private void wrap(String first, String rest, String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > TextTable.MAX_WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(rest);
        start = rest.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    for (String l : lines) {
      sb.append(l.stripTrailing()).append('\n');
    }
  }
}
