package logitlab.report.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.report.Figure;

/**
 * Plain text for a terminal, in the look of {@code compare}'s text output: the title, aligned
 * key-value lines, each section's heading at the margin and its content indented by two spaces,
 * a blank line after each section, every line (tables included: {@link TextTable}) within 80
 * columns unless one word or cell is longer. Text is written as it is; the terminal shows it.
 *
 * <p>A paragraph wraps between words, the first line after its indent or label
 * ({@code warning: }), the next ones under the text; no line ends in a space. Warnings are shown
 * where they arise ({@link #warningsInPlace}), not gathered at the top.
 */
final class TextSink implements Sink {
  private static final String INDENT = "  ";
  private final StringBuilder sb = new StringBuilder();
  /** Whether a section (or the title's block) is open: the next heading leaves a blank line first. */
  private boolean open;

  @Override
  public void title(String text) {
    sb.append(text).append('\n');
    open = true;
  }

  @Override
  public void facts(List<Fact> facts) {
    int w = 0;
    for (Fact f : facts) {
      w = Math.max(w, f.key().length());
    }
    for (Fact f : facts) {
      String key = INDENT + f.key() + " ".repeat(w - f.key().length() + 2);
      String rest = " ".repeat(key.length());
      if (f.parts() == null) {
        wrap(key, rest, f.value());
      } else {
        wrap(key, rest, f.parts(), f.separator());
      }
    }
  }

  @Override
  public void heading(String text) {
    endSection();
    sb.append(text).append('\n');
    open = true;
  }

  /** Ends the section with a blank line; the next heading then adds none. */
  @Override
  public void endSection() {
    if (open) {
      sb.append('\n');
      open = false;
    }
  }

  @Override
  public void subheading(String text) {
    sb.append('\n').append(INDENT).append(text).append('\n');
  }

  @Override
  public void gap() {
    sb.append('\n');
  }

  @Override
  public void paragraph(String text) {
    wrap(INDENT, INDENT, text);
  }

  @Override
  public void labelled(String label, String text) {
    wrap(INDENT + label + ": ", INDENT + " ".repeat(label.length() + 2), text);
  }

  @Override
  public void list(List<String> items) {
    for (String item : items) {
      wrap(INDENT + "- ", INDENT + "  ", item);
    }
  }

  @Override
  public void lines(List<String> lines) {
    for (String line : lines) {
      sb.append((INDENT + line).stripTrailing()).append('\n');
    }
  }

  /**
   * The table in aligned columns, split into blocks when wider than 80 ({@link TextTable}). The
   * short header is used; an optional column with nothing in it is left out; marks and a flag have
   * no title; bracketed cells are in parentheses. When the table is too wide with its list column,
   * the lists go below it, one block per row ({@code at cigs=0, other predictors held at:}). A flag
   * is explained under the table ({@code ! outside [0, 1]: not a probability}).
   */
  @Override
  public void table(Table table) {
    List<Integer> cols = new ArrayList<>();
    int list = -1;
    for (int c = 0; c < table.header().size(); c++) {
      if (!table.isOptional(c) || table.hasContent(c)) {
        cols.add(c);
        if (table.role(c) == Table.Role.LIST) {
          list = c;
        }
      }
    }
    TextTable whole = textTable(table, cols);
    if (list < 0 || !table.hasContent(list) || whole.naturalWidth(INDENT) <= TextTable.MAX_WIDTH) {
      sb.append(render(table, whole));
    } else {
      List<Integer> narrow = new ArrayList<>(cols);
      narrow.remove(Integer.valueOf(list));
      sb.append(render(table, textTable(table, narrow)));
      for (int r = 0; r < table.rows().size(); r++) {
        List<String> items = table.items(r);
        if (items.isEmpty()) {
          continue;
        }
        sb.append(INDENT).append(table.shortHeader().get(0)).append(' ').append(table.rows().get(r).get(0))
            .append(", ").append(table.shortHeader().get(list)).append(":\n");
        List<String> pieces = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
          pieces.add(items.get(k) + (k + 1 < items.size() ? "," : ""));
        }
        wrap(INDENT + INDENT, INDENT + INDENT, pieces, " ");
      }
    }
    for (int c : cols) {
      if (table.role(c) == Table.Role.FLAG && table.hasContent(c)) {
        paragraph(table.flag().mark() + " " + table.header().get(c) + ": " + table.flag().meaning());
      }
    }
  }

  private static String render(Table table, TextTable t) {
    return table.blockPerColumn() ? t.renderByColumn(INDENT) : t.render(INDENT, false);
  }

  /** The table's columns {@code cols} as plain text cells. */
  private static TextTable textTable(Table table, List<Integer> cols) {
    String[] header = new String[cols.size()];
    for (int k = 0; k < cols.size(); k++) {
      int c = cols.get(k);
      header[k] = switch (table.role(c)) {
        case MARKS, FLAG -> "";
        case BRACKETED -> "(" + table.shortHeader().get(c) + ")";
        default -> table.shortHeader().get(c);
      };
    }
    TextTable t = new TextTable(header);
    for (int k = 1; k < cols.size(); k++) {
      int c = cols.get(k);
      if (table.isText(c) || table.role(c) == Table.Role.MARKS) {
        t.left(k);
      }
    }
    for (List<String> r : table.rows()) {
      String[] cells = new String[cols.size()];
      for (int k = 0; k < cols.size(); k++) {
        int c = cols.get(k);
        String cell = r.get(c);
        cells[k] = switch (table.role(c)) {
          case BRACKETED -> "(" + cell + ")";
          case FLAG -> cell.isEmpty() ? "" : table.flag().mark();
          default -> cell;
        };
      }
      t.row(cells);
    }
    return t;
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
      labelled("warning", w);
    }
  }

  /** Nothing: text shows each warning where it arises ({@link #warningsInPlace}). */
  @Override
  public void warningsSection(List<String> warnings, String none) {}

  @Override
  public void warningsInPlace(List<String> warnings) {
    warnings(warnings);
  }

  /** Under a rule, as R prints its significance codes: {@code Signif. codes:  0 '***' ...}. */
  @Override
  public void legend(String label, String key) {
    sb.append(INDENT).append("---\n");
    wrap(INDENT + label + ":  ", INDENT + " ".repeat(label.length() + 3), key);
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

  /** Appends {@code text} wrapped between words at 80 columns ({@link #wrap(String, String, List, String)}). */
  private void wrap(String first, String rest, String text) {
    wrap(first, rest, Arrays.asList(text.split(" ")), " ");
  }

  /**
   * Appends the pieces joined by {@code separator}, wrapped at 80 columns between pieces: the first
   * line after {@code first}, the next ones after {@code rest} and the separator without its
   * leading spaces ({@code + age} for {@code " + "}, nothing more for a space). A piece longer than
   * a line stays whole.
   */
  private void wrap(String first, String rest, List<String> pieces, String separator) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String piece : pieces) {
      if (!empty && line.length() + separator.length() + piece.length() > TextTable.MAX_WIDTH) {
        sb.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(rest).append(separator.stripLeading());
      } else if (!empty) {
        line.append(separator);
      }
      line.append(piece);
      empty = false;
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
