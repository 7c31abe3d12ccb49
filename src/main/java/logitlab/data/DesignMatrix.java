package logitlab.data;

import java.util.List;
import java.util.Map;

/**
 * The model's design matrix: an intercept column first, then one column per numeric predictor and
 * one treatment-coded dummy column per non-reference level of each categorical predictor, in the
 * order the predictors were given. Rows with a missing outcome or missing used predictor are already
 * dropped.
 *
 * <p>The rows are held in fixed-size {@link RowBlocks}, column-major within each block; every fit
 * passes over them block by block. {@link #x()}, {@link #y()}, {@link #weights()} and {@link
 * #lines()} are n-length copies for small designs and tests; the fits read {@link #rows()}.
 *
 * @param file the file the rows came from, as the user named it (for messages)
 * @param n number of rows used
 * @param p number of columns, intercept included
 * @param rows the rows: design columns, outcome coded 0/1 (1 = event) or, with trials, the
 *     proportion of successes (successes / trials) in [0, 1], as R's {@code glm(cbind(s, f) ~ ...)}
 *     sees it; prior weights, all &gt;= 0: 1 for plain 0/1 data, the {@code --weights} column, or
 *     with {@code --trials} the number of trials (times any prior weight), as R's binomial
 *     {@code glm} with a two-column response; and the 1-based line number in the file where each
 *     used row starts
 * @param terms column names as R prints them: {@code (Intercept)}, {@code x}, {@code race2}
 * @param predictors the predictor columns that produced the terms, in order
 * @param outcome how the outcome was read
 * @param rowsRead data rows in the file (header excluded)
 * @param rowsDropped rows dropped for missing values (each row counted once)
 * @param droppedByColumn for each column that caused drops, the number of rows with a missing value
 *     there (a row missing in several columns counts once for each), in column order
 * @param weighting where the weights came from
 * @param notes what reading the data noticed that is not an error (an identifier-like predictor,
 *     empty fields read as missing)
 */
public record DesignMatrix(
    String file,
    int n,
    int p,
    RowBlocks rows,
    List<String> terms,
    List<Predictor> predictors,
    Outcome outcome,
    int rowsRead,
    int rowsDropped,
    Map<String, Integer> droppedByColumn,
    Weighting weighting,
    ReadNotes notes) {

  public DesignMatrix {
    if (rows.n() != n || rows.p() != p || terms.size() != p) {
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
  }

  /**
   * A design from a row-major matrix and its per-row vectors (copied into blocks).
   *
   * @param x row-major n x p values: {@code x[i * p + j]}
   * @param y outcome, length n
   * @param lines file line of each row, length n
   * @param weights prior weights, length n
   */
  public DesignMatrix(String file, int n, int p, double[] x, double[] y, int[] lines,
      List<String> terms, List<Predictor> predictors, Outcome outcome, int rowsRead,
      int rowsDropped, Map<String, Integer> droppedByColumn, double[] weights, Weighting weighting,
      ReadNotes notes) {
    this(file, n, p, RowBlocks.of(n, p, x, y, weights, lines), terms, predictors, outcome, rowsRead,
        rowsDropped, droppedByColumn, weighting, notes);
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
   * The same design with outcomes and prior weights computed from these by {@code f} as each block
   * is read ({@link RowBlocks#withResponse}).
   */
  public DesignMatrix withResponse(RowBlocks.Response f) {
    return new DesignMatrix(file, n, p, rows.withResponse(f), terms, predictors, outcome,
        rowsRead, rowsDropped, droppedByColumn, weighting, notes);
  }

  /** A row-major n x p copy of the values, {@code x[i * p + j]} (for small designs). */
  public double[] x() {
    return rows.rowMajor();
  }

  /** A copy of the outcomes, length n. */
  public double[] y() {
    return rows.y();
  }

  /** A copy of the prior weights, length n. */
  public double[] weights() {
    return rows.weights();
  }

  /** A copy of the file line of each row, length n. */
  public int[] lines() {
    return rows.lines();
  }

  /** Outcome of row i. */
  public double y(int i) {
    return rows.y(i);
  }

  /** Prior weight of row i. */
  public double weight(int i) {
    return rows.weight(i);
  }

  /** File line of row i. */
  public int line(int i) {
    return rows.line(i);
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
    return rows.totalWeight();
  }

  /** Weighted number of events, sum of w_i y_i: successes for grouped data. */
  public double weightedEvents() {
    return rows.weightedEvents();
  }

  /** Number of rows with a positive weight (R's {@code nobs} of a glm). */
  public int nobs() {
    return rows.nobs();
  }

  /** Value of row i, column j. */
  public double get(int i, int j) {
    return rows.x(i, j);
  }

  /** Number of events (y = 1). */
  public int events() {
    return rows.events();
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
