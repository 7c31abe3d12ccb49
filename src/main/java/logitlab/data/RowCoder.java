package logitlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a record of a new file into a design row of a fitted model, by the rules the training data
 * were read with: the same columns by name, the same missing-value markers, numbers as {@link
 * Numbers} reads them, and categorical values matched to the training levels (by text, or by value
 * for numeric levels: {@code 2.0} is level {@code 2}) and treatment-coded against the same reference.
 *
 * <p>A value the model cannot use (missing, not a number, a level the training data did not have) does
 * not stop the scoring: the row gets no design row and a reason that names the column and the value.
 */
public final class RowCoder {

  /**
   * A coded record: the design row, or why there is none.
   *
   * @param row the design row (intercept first), or null
   * @param reason why the record cannot be scored, or null
   */
  public record Coded(double[] row, String reason) {
    /** Whether the record has a design row. */
    public boolean ok() {
      return row != null;
    }
  }

  private final DesignMatrix design;
  private final int[] position;
  private final Set<String> naMarkers;
  private final char decimal;
  /** Per predictor: level text to level index (categorical), else null. */
  private final List<java.util.Map<String, Integer>> levelIndex = new ArrayList<>();

  /**
   * @param design the design matrix the model was fitted to (its predictors, levels and terms)
   * @param header the new file's column names
   * @param naMarkers extra missing-value markers (the empty field and {@code NA} always are)
   * @param fileName the new file, as named in messages
   * @throws DataException USAGE when the new file lacks a predictor column
   */
  public RowCoder(DesignMatrix design, List<String> header, Set<String> naMarkers, String fileName) {
    this(design, header, naMarkers, fileName, '.');
  }

  /**
   * @param decimal the decimal mark of the new file's numbers ({@code --decimal}): {@code '.'} or
   *     {@code ','}
   */
  public RowCoder(DesignMatrix design, List<String> header, Set<String> naMarkers, String fileName,
      char decimal) {
    this.design = design;
    this.decimal = decimal;
    this.naMarkers = naMarkers.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
    List<DesignMatrix.Predictor> predictors = design.predictors();
    this.position = new int[predictors.size()];
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < predictors.size(); k++) {
      position[k] = header.indexOf(predictors.get(k).column());
      if (position[k] < 0) {
        missing.add(predictors.get(k).column());
      }
      java.util.Map<String, Integer> index = null;
      if (predictors.get(k).categorical()) {
        index = new java.util.HashMap<>();
        List<String> levels = predictors.get(k).levels();
        for (int l = 0; l < levels.size(); l++) {
          index.putIfAbsent(levels.get(l), l);
        }
      }
      levelIndex.add(index);
    }
    if (!missing.isEmpty()) {
      throw new DataException(DataException.Kind.USAGE,
          fileName + ": no column" + (missing.size() == 1 ? " " : "s ")
              + missing.stream().map(Text::quote).collect(Collectors.joining(", "))
              + " (a predictor of the model); columns are: " + Text.list(header));
    }
  }

  /** Codes one record (its fields in the new file's column order). */
  public Coded code(String[] fields) {
    double[] row = new double[design.p()];
    row[0] = 1.0;
    List<String> problems = null;
    List<DesignMatrix.Predictor> predictors = design.predictors();
    for (int k = 0; k < predictors.size(); k++) {
      DesignMatrix.Predictor pr = predictors.get(k);
      int at = position[k];
      String s = at < fields.length ? fields[at].trim() : "";
      String problem = null;
      if (s.isEmpty() && pr.categorical() && levelIndex.get(k).containsKey(ModelSpec.EMPTY_LEVEL)) {
        s = ModelSpec.EMPTY_LEVEL; // trained with --empty-level: an empty field is that level
      }
      if (s.isEmpty() || "NA".equals(s) || naMarkers.contains(s)) {
        problem = "missing value in " + Text.quote(pr.column());
      } else if (pr.categorical()) {
        s = Numbers.canonical(s, decimal);
        int level = level(pr, levelIndex.get(k), s);
        if (level < 0) {
          problem = Text.quote(pr.column()) + ": " + Text.quote(s) + " is not a level of the training data ("
              + Text.list(pr.levels()) + ")";
        } else if (level > 0) {
          row[pr.firstTerm() + level - 1] = 1.0;
        }
      } else if (!Numbers.looksNumeric(s, decimal)) {
        problem = Text.quote(pr.column()) + ": " + Text.quote(s) + " is not a number"
            + (decimal != '.' ? " with --decimal '" + decimal + "'" : "");
      } else {
        double v = Double.parseDouble(Numbers.canonical(s, decimal));
        if (Math.abs(v) > DesignMatrixLoader.MAX_SCALE) {
          problem = Text.quote(pr.column()) + ": " + Text.quote(s) + " is out of range (at most 1e100 in size)";
        } else {
          row[pr.firstTerm()] = v;
        }
      }
      if (problem != null) {
        if (problems == null) {
          problems = new ArrayList<>();
        }
        problems.add(problem);
      }
    }
    return problems == null ? new Coded(row, null) : new Coded(null, String.join("; ", problems));
  }

  /** The level index of a value: the same text, or for numeric levels the same number; -1 if none. */
  private static int level(DesignMatrix.Predictor pr, java.util.Map<String, Integer> index, String s) {
    Integer k = index.get(s);
    if (k != null) {
      return k;
    }
    if (!Numbers.looksNumeric(s)) {
      return -1;
    }
    List<String> levels = pr.levels();
    double v = Double.parseDouble(s);
    for (int i = 0; i < levels.size(); i++) {
      if (Numbers.parse(levels.get(i)) == v) {
        return i;
      }
    }
    return -1;
  }
}
