package logitlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds a design row for a prediction at a point the user names ({@code --at cigs=60,race=2}).
 * Predictors the user does not name are set to a typical value: a numeric predictor to its mean over
 * the rows used, a categorical one to its reference level.
 */
public final class PointBuilder {

  private PointBuilder() {}

  /**
   * A point to predict at.
   *
   * @param given the values the user gave, column to value as typed (trimmed), in the user's order
   * @param row the design row: length p, the intercept 1 first, dummy columns 0/1
   * @param defaulted the predictors not given and the value used, e.g. {@code age = 41.29 (mean)},
   *     {@code race = 1 (reference)}, in predictor order
   * @param label a short name for the point, e.g. {@code cigs=60, race=2}; {@code (defaults)} when
   *     nothing was given
   */
  public record Point(Map<String, String> given, double[] row, List<String> defaulted, String label) {
    public Point {
      given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
      row = row.clone();
      defaulted = List.copyOf(defaulted);
    }

    /** A copy of the design row. */
    @Override
    public double[] row() {
      return row.clone();
    }
  }

  /**
   * Builds the design row for a point.
   *
   * @param design the design matrix the model was fitted on
   * @param at column to value as typed by the user (e.g. {@code "cigs" -> "60"}, {@code "race" ->
   *     "2"}); a LinkedHashMap keeps the user's order in the label
   * @return the point
   * @throws DataException USAGE when a column is not a predictor, a value of a numeric predictor is
   *     not a (finite) number, or a value of a categorical predictor is not one of its levels
   */
  public static Point build(DesignMatrix design, Map<String, String> at) {
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(at, "at");
    Map<String, DesignMatrix.Predictor> byName = new LinkedHashMap<>();
    for (DesignMatrix.Predictor pr : design.predictors()) {
      byName.put(pr.column(), pr);
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : at.entrySet()) {
      String column = e.getKey().trim();
      if (!byName.containsKey(column)) {
        throw usage(
            design.file() + ": --at: no predictor " + Text.quote(column) + " to set; predictors are: "
                + (byName.isEmpty() ? "(none)" : Text.list(List.copyOf(byName.keySet()))));
      }
      given.put(column, e.getValue() == null ? "" : e.getValue().trim());
    }

    double[] row = new double[design.p()];
    row[0] = 1.0;
    List<String> defaulted = new ArrayList<>();
    for (DesignMatrix.Predictor pr : design.predictors()) {
      String value = given.get(pr.column());
      if (pr.categorical()) {
        int level = 0;
        if (value == null) {
          defaulted.add(pr.column() + " = " + pr.reference() + " (reference)");
        } else {
          level = levelIndex(design.file(), pr, value);
        }
        if (level > 0) {
          row[pr.firstTerm() + level - 1] = 1.0;
        }
      } else if (value == null) {
        row[pr.firstTerm()] = pr.mean();
        defaulted.add(pr.column() + " = " + Numbers.format(pr.mean()) + " (mean)");
      } else {
        double v = Numbers.parse(value);
        if (Double.isNaN(v)) {
          throw usage(
              design.file() + ": --at: column " + Text.quote(pr.column()) + " is numeric but "
                  + Text.quote(value) + " is not a number");
        }
        if (Math.abs(v) > DesignMatrixLoader.MAX_SCALE) {
          throw usage(
              design.file() + ": --at: column " + Text.quote(pr.column()) + ": " + Text.quote(value)
                  + " is out of range (at most 1e100 in size)");
        }
        row[pr.firstTerm()] = v;
      }
    }
    String label =
        given.isEmpty()
            ? "(defaults)"
            : given.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    return new Point(given, row, defaulted, label);
  }

  /**
   * The index of a level in {@code pr.levels()}: the same text, or for numeric levels the same
   * number ({@code 2.0} finds {@code 2}).
   */
  private static int levelIndex(String file, DesignMatrix.Predictor pr, String value) {
    List<String> levels = pr.levels();
    int k = levels.indexOf(value);
    if (k >= 0) {
      return k;
    }
    double v = Numbers.parse(value);
    if (!Double.isNaN(v)) {
      for (int i = 0; i < levels.size(); i++) {
        if (Numbers.parse(levels.get(i)) == v) {
          return i;
        }
      }
    }
    throw usage(
        file + ": --at: " + Text.quote(value) + " is not a level of column " + Text.quote(pr.column())
            + "; levels are: " + Text.list(levels));
  }

  private static DataException usage(String message) {
    return new DataException(DataException.Kind.USAGE, message);
  }
}
