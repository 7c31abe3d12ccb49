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
    List<String> terms) {

  public InputSummary {
    droppedByColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(droppedByColumn));
    predictors = List.copyOf(predictors);
    terms = List.copyOf(terms);
  }
}
