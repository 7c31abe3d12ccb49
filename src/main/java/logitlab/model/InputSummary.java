package logitlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was read and used, for the report's header.
 *
 * @param file the file as the user named it
 * @param rowsRead data rows in the file
 * @param rowsUsed rows used in the fits
 * @param rowsDropped rows dropped for missing values
 * @param droppedByColumn rows with a missing value, per column that caused drops
 * @param outcome the outcome column
 * @param event the outcome value coded 1
 * @param nonEvent the outcome value coded 0
 * @param events number of events: used rows with the event, or the weighted count
 *     (sum of weight times outcome; successes for grouped data)
 * @param total number of individuals: rows used, or the sum of the weights (trials)
 * @param weightsColumn the prior-weights column, or null
 * @param trialsColumn the trials column of grouped data, or null
 * @param predictors the predictor columns, in order
 * @param terms the design-matrix columns
 * @param identifierLike numeric predictors whose used values are all distinct whole numbers: a row
 *     number or an identifier, whose slope means nothing
 * @param emptyAsMissing for each categorical predictor with text values, the rows whose field was
 *     empty and so missing (dropped), in column order; see {@link #emptyLevelHints()}
 * @param engine where the passes over the rows ran, e.g. {@code Spark 3.5.9 local[2], 4
 *     partitions}; null for this machine's own threads (and then not printed)
 */
public record InputSummary(
    String file,
    int rowsRead,
    int rowsUsed,
    int rowsDropped,
    Map<String, Integer> droppedByColumn,
    String outcome,
    String event,
    String nonEvent,
    double events,
    double total,
    String weightsColumn,
    String trialsColumn,
    List<String> predictors,
    List<String> terms,
    List<String> identifierLike,
    Map<String, Integer> emptyAsMissing,
    String engine) {

  /**
   * The share of the rows read above which the empty fields of a categorical column, read as
   * missing, are worth a hint: a column that silently drops more than 5 % of the rows.
   */
  public static final double EMPTY_HINT_SHARE = 0.05;

  /** A summary of rows read and fitted on this machine (no engine). */
  public InputSummary(String file, int rowsRead, int rowsUsed, int rowsDropped,
      Map<String, Integer> droppedByColumn, String outcome, String event, String nonEvent, double events,
      double total, String weightsColumn, String trialsColumn, List<String> predictors, List<String> terms,
      List<String> identifierLike, Map<String, Integer> emptyAsMissing) {
    this(file, rowsRead, rowsUsed, rowsDropped, droppedByColumn, outcome, event, nonEvent, events, total,
        weightsColumn, trialsColumn, predictors, terms, identifierLike, emptyAsMissing, null);
  }

  public InputSummary {
    droppedByColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(droppedByColumn));
    predictors = List.copyOf(predictors);
    terms = List.copyOf(terms);
    identifierLike = List.copyOf(identifierLike);
    emptyAsMissing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(emptyAsMissing));
  }

  /**
   * The categorical columns whose empty fields, read as missing, dropped more than {@link
   * #EMPTY_HINT_SHARE} of the rows read, with the number of such rows: each worth suggesting
   * {@code --empty-level}.
   */
  public Map<String, Integer> emptyLevelHints() {
    Map<String, Integer> out = new LinkedHashMap<>();
    emptyAsMissing.forEach((column, rows) -> {
      if (rows > EMPTY_HINT_SHARE * rowsRead) {
        out.put(column, rows);
      }
    });
    return java.util.Collections.unmodifiableMap(out);
  }
}
