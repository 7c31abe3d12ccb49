package logitlab.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned, the others right-aligned, two spaces between. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells");
    }
    rows.add(cells);
    return this;
  }

  /** Renders with the given indent; the last column is left-aligned when {@code lastLeft}. */
  String render(String indent, boolean lastLeft) {
    int[] w = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        boolean left = c == 0 || (lastLeft && c == columns - 1);
        String cell = r[c];
        String pad = " ".repeat(w[c] - cell.length());
        line.append(left ? cell + pad : pad + cell);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
