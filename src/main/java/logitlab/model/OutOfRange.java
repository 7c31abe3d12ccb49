package logitlab.model;

import java.util.Arrays;

/**
 * Where the linear probability model's fitted "probabilities" leave [0, 1].
 *
 * @param count fitted values below 0 or above 1
 * @param below fitted values below 0
 * @param above fitted values above 1
 * @param min smallest fitted value
 * @param max largest fitted value
 * @param lines the file line numbers of the first (up to {@link #MAX_LINES}) offending rows
 */
public record OutOfRange(int count, int below, int above, double min, double max, int[] lines)
    implements java.io.Serializable {
  /** How many offending line numbers are kept. */
  public static final int MAX_LINES = 10;

  public OutOfRange {
    lines = lines.clone();
  }

  @Override
  public int[] lines() {
    return lines.clone();
  }

  /** Scans fitted values; {@code fileLines[i]} is the file line of row i. */
  public static OutOfRange of(double[] fitted, int[] fileLines) {
    int below = 0;
    int above = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int[] first = new int[MAX_LINES];
    int kept = 0;
    for (int i = 0; i < fitted.length; i++) {
      double f = fitted[i];
      min = Math.min(min, f);
      max = Math.max(max, f);
      boolean out = false;
      if (f < 0) {
        below++;
        out = true;
      } else if (f > 1) {
        above++;
        out = true;
      }
      if (out && kept < MAX_LINES) {
        first[kept++] = fileLines[i];
      }
    }
    return new OutOfRange(below + above, below, above, min, max, Arrays.copyOf(first, kept));
  }

  /**
   * The scan of the rows of {@code first} followed by those of {@code second}: counts added,
   * extremes combined, the first {@link #MAX_LINES} lines kept in row order.
   */
  public static OutOfRange merge(OutOfRange first, OutOfRange second) {
    int[] lines = new int[Math.min(MAX_LINES, first.lines.length + second.lines.length)];
    int k = 0;
    for (int l : first.lines) {
      if (k < lines.length) {
        lines[k++] = l;
      }
    }
    for (int l : second.lines) {
      if (k < lines.length) {
        lines[k++] = l;
      }
    }
    return new OutOfRange(first.count + second.count, first.below + second.below, first.above + second.above,
        Math.min(first.min, second.min), Math.max(first.max, second.max), lines);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutOfRange r
        && count == r.count && below == r.below && above == r.above
        && Double.compare(min, r.min) == 0 && Double.compare(max, r.max) == 0
        && Arrays.equals(lines, r.lines);
  }

  @Override
  public int hashCode() {
    return 31 * count + Arrays.hashCode(lines);
  }

  @Override
  public String toString() {
    return "OutOfRange[count=" + count + ", below=" + below + ", above=" + above + ", min=" + min
        + ", max=" + max + ", lines=" + Arrays.toString(lines) + "]";
  }
}
