package logitlab.data;

import java.util.List;
import java.util.Map;

/**
 * The model's design matrix: an intercept column first, then one column per numeric predictor and
 * one treatment-coded dummy column per non-reference level of each categorical predictor, in the
 * order the predictors were given. Rows with a missing outcome or missing used predictor are already
 * dropped.
 *
 * @param file the file the rows came from, as the user named it (for messages)
 * @param n number of rows used
 * @param p number of columns, intercept included
 * @param x row-major n x p values: {@code x[i * p + j]}
 * @param y outcome coded 0/1 (1 = event), length n; with trials, the proportion of successes
 *     (successes / trials) in [0, 1], as R's {@code glm(cbind(s, f) ~ ...)} sees it
 * @param lines the 1-based line number in the file where each used row starts, length n
 * @param terms column names as R prints them: {@code (Intercept)}, {@code x}, {@code race2}
 * @param predictors the predictor columns that produced the terms, in order
 * @param outcome how the outcome was read
 * @param rowsRead data rows in the file (header excluded)
 * @param droppedByColumn for each column that caused drops, the number of rows with a missing value
 *     there (a row missing in several columns counts once for each), in column order
 * @param rowsDropped rows dropped for missing values (each row counted once)
 * @param weights prior weights, length n, all &gt;= 0: 1 for plain 0/1 data; the {@code --weights}
 *     column; with {@code --trials}, the number of trials (times any prior weight), as R's
 *     binomial {@code glm} with a two-column response
 * @param weighting where the weights came from
 * @param notes what reading the data noticed that is not an error (an identifier-like predictor,
 *     empty fields read as missing)
 */
public record DesignMatrix(
    String file,
    int n,
    int p,
    double[] x,
    double[] y,
    int[] lines,
    List<String> terms,
    List<Predictor> predictors,
    Outcome outcome,
    int rowsRead,
    int rowsDropped,
    Map<String, Integer> droppedByColumn,
    double[] weights,
    Weighting weighting,
    ReadNotes notes) {

  public DesignMatrix {
    if (x.length != (long) n * p || y.length != n || lines.length != n || terms.size() != p
        || weights.length != n) {
      throw new IllegalArgumentException("inconsistent design matrix dimensions");
    }
    if (weighting == null) {
      weighting = Weighting.NONE;
    }
    if (notes == null) {
      notes = ReadNotes.NONE;
    }
    terms = List.copyOf(terms);
    predictors = List.copyOf(predictors);
    droppedByColumn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(droppedByColumn));
    // x, y and lines are large: not copied; the builder hands over fresh arrays and nobody mutates them.
  }

  /** A design without {@link ReadNotes}. */
  public DesignMatrix(String file, int n, int p, double[] x, double[] y, int[] lines,
      List<String> terms, List<Predictor> predictors, Outcome outcome, int rowsRead,
      int rowsDropped, Map<String, Integer> droppedByColumn, double[] weights, Weighting weighting) {
    this(file, n, p, x, y, lines, terms, predictors, outcome, rowsRead, rowsDropped, droppedByColumn,
        weights, weighting, ReadNotes.NONE);
  }

  /** An unweighted design (every prior weight 1). */
  public DesignMatrix(String file, int n, int p, double[] x, double[] y, int[] lines,
      List<String> terms, List<Predictor> predictors, Outcome outcome, int rowsRead,
      int rowsDropped, Map<String, Integer> droppedByColumn) {
    this(file, n, p, x, y, lines, terms, predictors, outcome, rowsRead, rowsDropped,
        droppedByColumn, ones(n), Weighting.NONE);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  /**
   * Where the prior weights came from.
   *
   * @param weightsColumn the {@code --weights} column, or null
   * @param trialsColumn the {@code --trials} column (the outcome then counts successes), or null
   */
  public record Weighting(String weightsColumn, String trialsColumn) {
    /** Plain 0/1 data, every weight 1. */
    public static final Weighting NONE = new Weighting(null, null);

    /** Whether the weights are all 1 by construction. */
    public boolean none() {
      return weightsColumn == null && trialsColumn == null;
    }
  }

  /**
   * What reading the data noticed that is not an error but that the user should hear about: facts,
   * which the report words.
   *
   * @param identifierLike numeric predictors whose values in the used rows are all distinct whole
   *     numbers, in more than {@link DesignMatrixLoader#IDENTIFIER_MIN_ROWS} rows: a row number or an
   *     identifier, whose slope means nothing
   * @param emptyAsMissing for each categorical predictor with text values, the rows whose field was
   *     empty and so missing (dropped; {@code --empty-level} would keep them as a level), in column
   *     order; columns without such rows are left out
   */
  public record ReadNotes(List<String> identifierLike, Map<String, Integer> emptyAsMissing) {
    /** Nothing noticed. */
    public static final ReadNotes NONE = new ReadNotes(List.of(), Map.of());

    public ReadNotes {
      identifierLike = List.copyOf(identifierLike);
      emptyAsMissing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(emptyAsMissing));
    }
  }

  /** Sum of the prior weights: the number of individuals (trials) for grouped data. */
  public double totalWeight() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /** Weighted number of events, sum of w_i y_i: successes for grouped data. */
  public double weightedEvents() {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += weights[i] * y[i];
    }
    return s;
  }

  /** Number of rows with a positive weight (R's {@code nobs} of a glm). */
  public int nobs() {
    int k = 0;
    for (double w : weights) {
      if (w > 0) {
        k++;
      }
    }
    return k;
  }

  /** Value of row i, column j. */
  public double get(int i, int j) {
    return x[i * p + j];
  }

  /** Number of events (y = 1). */
  public int events() {
    int e = 0;
    for (double v : y) {
      if (v == 1.0) {
        e++;
      }
    }
    return e;
  }

  /**
   * How the outcome column was read.
   *
   * @param column the column name
   * @param event the value coded 1, as written in the file ({@code 1}, {@code TRUE}, {@code Yes})
   * @param nonEvent the value coded 0
   */
  public record Outcome(String column, String event, String nonEvent) {}

  /**
   * One predictor column and the design columns it produced.
   *
   * @param column the column name in the file
   * @param categorical whether it is treatment-coded
   * @param firstTerm index of its first design column
   * @param mean numeric: mean over the used rows; categorical: NaN
   * @param levels categorical: all levels in coding order, the reference first; numeric: empty
   */
  public record Predictor(String column, boolean categorical, int firstTerm, double mean, List<String> levels) {
    public Predictor {
      levels = List.copyOf(levels);
    }

    /** Number of design columns: 1 for numeric, levels - 1 for categorical. */
    public int width() {
      return categorical ? levels.size() - 1 : 1;
    }

    /** The reference level of a categorical predictor. */
    public String reference() {
      return levels.get(0);
    }
  }
}
