package logitlab.report.outline;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: first column left-aligned, the others right-aligned, two spaces between.
 *
 * <p>A table never wraps on an 80-column terminal: one wider than {@link #MAX_WIDTH} is split into
 * blocks of columns, each repeating the first column (as R prints a wide data frame), a column
 * with an empty header staying with the one before it (significance stars, flags).
 * {@link #renderByColumn} puts one column (one model) in each block when the table is too wide.
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final boolean[] left;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
    left = new boolean[columns];
  }

  /** Left-aligns these columns (text), besides the first. */
  TextTable left(int... cols) {
    for (int c : cols) {
      left[c] = true;
    }
    return this;
  }

  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells");
    }
    rows.add(cells);
    return this;
  }

  /** The widest a rendered line may be: an 80-column terminal. */
  static final int MAX_WIDTH = 80;

  /**
   * Renders with the given indent; the last column is left-aligned when {@code lastLeft}. A table
   * wider than {@link #MAX_WIDTH} comes in blocks of as many columns as fit.
   */
  String render(String indent, boolean lastLeft) {
    return fitted(indent, lastLeft, false);
  }

  /**
   * Renders with the given indent; a table wider than {@link #MAX_WIDTH} comes as one block per
   * column after the first (one model per block).
   */
  String renderByColumn(String indent) {
    return fitted(indent, false, true);
  }

  private String fitted(String indent, boolean lastLeft, boolean onePerBlock) {
    int[] all = new int[columns];
    for (int c = 0; c < columns; c++) {
      all[c] = c;
    }
    String whole = render(indent, lastLeft, all);
    if (columns <= 2 || width(whole) <= MAX_WIDTH) {
      return whole;
    }
    // Groups of columns that stay together: a column and the empty-headed ones after it.
    List<int[]> groups = new ArrayList<>();
    for (int c = 1; c < columns; c++) {
      int end = c;
      while (end + 1 < columns && rows.get(0)[end + 1].isEmpty()) {
        end++;
      }
      int[] g = new int[end - c + 1];
      for (int k = 0; k < g.length; k++) {
        g[k] = c + k;
      }
      groups.add(g);
      c = end;
    }
    if (!onePerBlock) {
      String even = evenBlocks(indent, lastLeft, groups);
      if (even != null) {
        return even;
      }
    }
    StringBuilder sb = new StringBuilder();
    List<Integer> block = new ArrayList<>();
    String done = null;
    for (int[] g : groups) {
      List<Integer> trial = new ArrayList<>(block);
      for (int c : g) {
        trial.add(c);
      }
      String text = render(indent, lastLeft, withFirst(trial));
      if (!block.isEmpty() && (onePerBlock || width(text) > MAX_WIDTH)) {
        sb.append(sb.length() == 0 ? "" : "\n").append(done);
        trial = new ArrayList<>();
        for (int c : g) {
          trial.add(c);
        }
        text = render(indent, lastLeft, withFirst(trial));
      }
      block = trial;
      done = text;
    }
    sb.append(sb.length() == 0 ? "" : "\n").append(done);
    return sb.toString();
  }

  /**
   * The fewest blocks that fit, with the groups spread evenly over them (estimate, low, high | odds
   * ratio, low, high rather than four and two); null when an even spread does not fit.
   */
  private String evenBlocks(String indent, boolean lastLeft, List<int[]> groups) {
    for (int k = 2; k <= groups.size(); k++) {
      StringBuilder sb = new StringBuilder();
      boolean fits = true;
      for (int b = 0; b < k && fits; b++) {
        int from = b * groups.size() / k;
        int to = (b + 1) * groups.size() / k;
        List<Integer> cols = new ArrayList<>();
        for (int g = from; g < to; g++) {
          for (int c : groups.get(g)) {
            cols.add(c);
          }
        }
        String text = render(indent, lastLeft, withFirst(cols));
        fits = width(text) <= MAX_WIDTH;
        sb.append(b == 0 ? "" : "\n").append(text);
      }
      if (fits) {
        return sb.toString();
      }
    }
    return null;
  }

  private static int[] withFirst(List<Integer> cols) {
    int[] out = new int[cols.size() + 1];
    for (int k = 0; k < cols.size(); k++) {
      out[k + 1] = cols.get(k);
    }
    return out;
  }

  /** The width of the table in one block, however wide. */
  int naturalWidth(String indent) {
    int[] all = new int[columns];
    for (int c = 0; c < columns; c++) {
      all[c] = c;
    }
    return width(render(indent, false, all));
  }

  /** The longest line of rendered text. */
  static int width(String text) {
    int max = 0;
    for (String line : text.split("\n", -1)) {
      max = Math.max(max, line.length());
    }
    return max;
  }

  /** Renders the given columns (indices into the rows). */
  private String render(String indent, boolean lastLeft, int[] cols) {
    int columns = cols.length;
    int[] w = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        w[c] = Math.max(w[c], r[cols[c]].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        boolean left = c == 0 || (lastLeft && cols[c] == this.columns - 1) || this.left[cols[c]];
        String cell = r[cols[c]];
        String pad = " ".repeat(w[c] - cell.length());
        line.append(left ? cell + pad : pad + cell);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
