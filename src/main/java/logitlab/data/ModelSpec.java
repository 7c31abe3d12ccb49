package logitlab.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to model: the outcome column, the predictor columns and how to read them.
 *
 * @param outcome outcome column name, or {@code null} for the last column
 * @param predictors predictor column names in order, or {@code null} for all other columns
 * @param factors columns to treat as categorical, mapped to their reference level ({@code null} or
 *     blank value: the first level in sorted order); string columns are categorical without being
 *     listed. Null values are kept (a {@code Map.copyOf} would reject them); null keys are not.
 * @param positive the outcome value that is the event (coded 1), or {@code null} for the default rule
 * @param naMarkers extra strings that mark a missing value (the empty field and {@code NA} always do)
 * @param maxLevels the most distinct values a categorical column (or the outcome) may have; a
 *     column with more is refused with its count ({@code --max-levels}, default {@link
 *     #DEFAULT_MAX_LEVELS}); at least 2
 * @param weights column of prior weights ({@code --weights}), or null
 * @param trials column of numbers of trials ({@code --trials}): the outcome then holds success
 *     counts, as R's {@code cbind(successes, trials - successes)}; or null
 * @param emptyLevel {@code --empty-level}: an empty field of a categorical predictor whose values
 *     are text is a level of its own, {@link #EMPTY_LEVEL}, sorted first as R sorts {@code ""}
 *     (R's {@code read.csv} keeps {@code ""} in a text column), instead of a missing value
 */
public record ModelSpec(
    String outcome,
    List<String> predictors,
    Map<String, String> factors,
    String positive,
    Set<String> naMarkers,
    int maxLevels,
    String weights,
    String trials,
    boolean emptyLevel) {

  /** The default of {@link #maxLevels}. */
  public static final int DEFAULT_MAX_LEVELS = 1000;

  /**
   * The label of the level an empty field becomes with {@link #emptyLevel}: dummies are named
   * column + label, {@code region(empty)}, where R would name the level {@code ""}.
   */
  public static final String EMPTY_LEVEL = "(empty)";

  public ModelSpec {
    if (maxLevels < 2) {
      throw new IllegalArgumentException(
          "--max-levels must be at least 2 (a categorical column needs two levels), not " + maxLevels);
    }
    predictors = predictors == null ? null : List.copyOf(predictors);
    if (factors == null) {
      factors = Map.of();
    } else {
      // Map.copyOf rejects null values, which mean "default reference level" here.
      factors.keySet().forEach(k -> Objects.requireNonNull(k, "factor column"));
      factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }
    naMarkers = naMarkers == null ? Set.of() : Set.copyOf(naMarkers);
  }

  /** A spec in which an empty field is always a missing value. */
  public ModelSpec(
      String outcome,
      List<String> predictors,
      Map<String, String> factors,
      String positive,
      Set<String> naMarkers,
      int maxLevels,
      String weights,
      String trials) {
    this(outcome, predictors, factors, positive, naMarkers, maxLevels, weights, trials, false);
  }

  /** A spec without weights or trials. */
  public ModelSpec(
      String outcome,
      List<String> predictors,
      Map<String, String> factors,
      String positive,
      Set<String> naMarkers,
      int maxLevels) {
    this(outcome, predictors, factors, positive, naMarkers, maxLevels, null, null);
  }

  /** A spec with the default {@link #maxLevels}. */
  public ModelSpec(
      String outcome,
      List<String> predictors,
      Map<String, String> factors,
      String positive,
      Set<String> naMarkers) {
    this(outcome, predictors, factors, positive, naMarkers, DEFAULT_MAX_LEVELS);
  }

  /** All defaults: last column is the outcome, every other column a predictor. */
  public static ModelSpec defaults() {
    return new ModelSpec(null, null, Map.of(), null, Set.of());
  }

  public ModelSpec withOutcome(String column) {
    return new ModelSpec(
        Objects.requireNonNull(column), predictors, factors, positive, naMarkers, maxLevels, weights,
        trials, emptyLevel);
  }

  /** This spec with another {@link #maxLevels}. */
  public ModelSpec withMaxLevels(int max) {
    return new ModelSpec(outcome, predictors, factors, positive, naMarkers, max, weights, trials, emptyLevel);
  }

  /** This spec with prior weights and/or trials columns (null for none). */
  public ModelSpec withWeights(String weightsColumn, String trialsColumn) {
    return new ModelSpec(outcome, predictors, factors, positive, naMarkers, maxLevels, weightsColumn,
        trialsColumn, emptyLevel);
  }

  /** This spec with {@link #emptyLevel} on or off. */
  public ModelSpec withEmptyLevel(boolean on) {
    return new ModelSpec(outcome, predictors, factors, positive, naMarkers, maxLevels, weights, trials, on);
  }
}
