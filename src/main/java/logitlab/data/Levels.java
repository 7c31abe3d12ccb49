package logitlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The distinct values of a text-mode {@link Column} over the rows in use, sorted as R sorts factor
 * levels. When every value is a number the values are merged by numeric value ({@code 2} and
 * {@code 2.0} are one level, printed as first written in the file) and sorted numerically; otherwise
 * each distinct string is a level and they are sorted by {@link String#compareTo}, after the level
 * of empty fields ({@code --empty-level}), which comes first as R sorts {@code ""} first.
 *
 * @param labels the levels in sorted order, as written in the file
 * @param counts rows in use with each level
 * @param numeric whether every level is a number
 * @param values numeric: the value of each level; otherwise empty
 * @param codeToLevel for each dictionary code of the column, its level index, or -1 if the code
 *     occurs only in rows not in use
 */
record Levels(List<String> labels, int[] counts, boolean numeric, double[] values, int[] codeToLevel) {

  int size() {
    return labels.size();
  }

  /** The level of a row, or -1 if it is missing. */
  int levelOf(Column column, int row) {
    int code = column.code(row);
    return code < 0 ? -1 : codeToLevel[code];
  }

  /**
   * The index of the level a user names: the same text, or, for numeric levels, the same number
   * ({@code 2.0} finds level {@code 2}); -1 if there is none.
   */
  int find(String value) {
    String s = value.trim();
    int i = labels.indexOf(s);
    if (i >= 0 || !numeric || !Numbers.looksNumeric(s)) {
      return i;
    }
    double v = Double.parseDouble(s);
    for (int k = 0; k < values.length; k++) {
      if (values[k] == v) {
        return k;
      }
    }
    return -1;
  }

  /** The levels of {@code column} over the rows where {@code keep} is true. */
  static Levels of(Column column, boolean[] keep) {
    int distinct = column.distinct();
    int[] codeCounts = new int[distinct];
    for (int row = 0; row < keep.length; row++) {
      if (keep[row]) {
        codeCounts[column.code(row)]++;
      }
    }
    boolean numeric = true;
    for (int c = 0; c < distinct; c++) {
      if (codeCounts[c] > 0 && !Numbers.looksNumeric(column.text(c))) {
        numeric = false;
        break;
      }
    }
    // One group per level; codes in first-appearance order, so the first code of a group is the
    // level's first occurrence in the file.
    List<Group> groups = new ArrayList<>();
    int[] codeToGroup = new int[distinct];
    Arrays.fill(codeToGroup, -1);
    for (int c = 0; c < distinct; c++) {
      if (codeCounts[c] == 0) {
        continue;
      }
      double v = numeric ? Double.parseDouble(column.text(c)) : Double.NaN;
      int g = -1;
      if (numeric) {
        for (int k = 0; k < groups.size(); k++) {
          if (groups.get(k).value == v) {
            g = k;
            break;
          }
        }
      }
      if (g < 0) {
        g = groups.size();
        groups.add(new Group(column.text(c), v, g));
      }
      groups.get(g).count += codeCounts[c];
      codeToGroup[c] = g;
    }
    List<Group> sorted = new ArrayList<>(groups);
    // The empty-field level (--empty-level) first, where R sorts "".
    String emptyLabel = column.emptyAdopted() ? column.text(column.emptyCode()) : null;
    sorted.sort(
        numeric
            ? Comparator.comparingDouble((Group x) -> x.value)
            : Comparator.comparing((Group x) -> !x.label.equals(emptyLabel))
                .thenComparing((Group x) -> x.label));
    int[] groupToLevel = new int[groups.size()];
    List<String> labels = new ArrayList<>(sorted.size());
    int[] counts = new int[sorted.size()];
    double[] values = new double[numeric ? sorted.size() : 0];
    for (int k = 0; k < sorted.size(); k++) {
      Group x = sorted.get(k);
      groupToLevel[x.index] = k;
      labels.add(x.label);
      counts[k] = x.count;
      if (numeric) {
        values[k] = x.value;
      }
    }
    int[] codeToLevel = new int[distinct];
    for (int c = 0; c < distinct; c++) {
      codeToLevel[c] = codeToGroup[c] < 0 ? -1 : groupToLevel[codeToGroup[c]];
    }
    return new Levels(List.copyOf(labels), counts, numeric, values, codeToLevel);
  }

  /**
   * These levels with level {@code k} moved to the front (the rest keep their order): how a chosen
   * reference level is put first.
   */
  Levels withFirst(int k) {
    if (k == 0) {
      return this;
    }
    int m = size();
    int[] newIndex = new int[m];
    for (int i = 0; i < m; i++) {
      newIndex[i] = i == k ? 0 : i < k ? i + 1 : i;
    }
    List<String> newLabels = new ArrayList<>(labels);
    newLabels.add(0, newLabels.remove(k));
    int[] newCounts = new int[m];
    double[] newValues = new double[values.length];
    for (int i = 0; i < m; i++) {
      newCounts[newIndex[i]] = counts[i];
      if (numeric) {
        newValues[newIndex[i]] = values[i];
      }
    }
    int[] newCodeToLevel = new int[codeToLevel.length];
    for (int c = 0; c < codeToLevel.length; c++) {
      newCodeToLevel[c] = codeToLevel[c] < 0 ? -1 : newIndex[codeToLevel[c]];
    }
    return new Levels(List.copyOf(newLabels), newCounts, numeric, newValues, newCodeToLevel);
  }

  /**
   * The levels with their row counts for a message, at most {@code max} of them:
   * {@code 0 (10 rows), 1 (1 row)}, then {@code , ... (14 values in all)}.
   */
  String describe(int max) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < Math.min(max, size()); k++) {
      if (k > 0) {
        sb.append(", ");
      }
      sb.append(Text.escape(labels.get(k))).append(" (").append(counts[k]).append(counts[k] == 1 ? " row)" : " rows)");
    }
    if (size() > max) {
      sb.append(", ... (").append(size()).append(" values in all)");
    }
    return sb.toString();
  }

  private static final class Group {
    final String label;
    final double value;
    final int index;
    int count;

    Group(String label, double value, int index) {
      this.label = label;
      this.value = value;
      this.index = index;
    }
  }
}
