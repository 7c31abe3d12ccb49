package logitlab.model;

/**
 * An average marginal effect of one design column on P(y = 1), averaged over the rows (weighted
 * by the prior weights), with its delta-method standard error.
 *
 * <ul>
 *   <li>{@link Kind#DERIVATIVE} (a numeric predictor): the slope dP/dx_j, per unit of x_j;
 *   <li>{@link Kind#DISCRETE_CHANGE} (a level of a categorical predictor): the change in P when
 *       every row is moved from the reference level to this level, its other levels' dummies 0.
 * </ul>
 *
 * @param term the design column ({@code cigs}, {@code rank2})
 * @param kind which of the two it is
 * @param estimate the average effect; NaN for an aliased term
 * @param stdError its delta-method standard error; NaN for an aliased term
 * @param column the predictor column the term belongs to ({@code rank})
 * @param level for a discrete change, the level ({@code 2}); null for a derivative
 * @param reference for a discrete change, the reference level it is compared with ({@code 1});
 *     null for a derivative
 */
public record MarginalEffect(String term, Kind kind, double estimate, double stdError, String column,
    String level, String reference) {

  public MarginalEffect {
    if (kind == null || (kind == Kind.DISCRETE_CHANGE) != (level != null && reference != null)) {
      throw new IllegalArgumentException("a discrete change names its level and reference, a derivative neither");
    }
  }

  /** The derivative of a numeric predictor's term (its column is the term). */
  public static MarginalEffect derivative(String term, double estimate, double stdError) {
    return new MarginalEffect(term, Kind.DERIVATIVE, estimate, stdError, term, null, null);
  }

  /** The discrete change of level {@code level} of {@code column} from {@code reference}. */
  public static MarginalEffect discreteChange(String term, double estimate, double stdError, String column,
      String level, String reference) {
    return new MarginalEffect(term, Kind.DISCRETE_CHANGE, estimate, stdError, column, level, reference);
  }

  /** What a marginal effect measures. */
  public enum Kind implements Named {
    /** dP/dx averaged over the rows (a numeric predictor). */
    DERIVATIVE,
    /** P at a level minus P at the reference level, averaged over the rows (a factor level). */
    DISCRETE_CHANGE;

    /** The name written in JSON and CSV: {@code derivative} or {@code discrete-change}. */
    public String jsonName() {
      return externalName();
    }
  }
}
