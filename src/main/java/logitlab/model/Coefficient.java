package logitlab.model;

/**
 * One row of a coefficient table.
 *
 * @param term the design column's name as R prints it ({@code (Intercept)}, {@code cigs}, {@code race2})
 * @param estimate the estimate; NaN when the term is aliased (not estimable, R prints NA)
 * @param stdError its standard error; NaN when aliased or not available
 * @param statistic estimate / stdError (t for the linear model, z for the logistic); NaN when aliased
 * @param p two-sided p value of the statistic; NaN when aliased
 */
public record Coefficient(String term, double estimate, double stdError, double statistic, double p) {

  /** A term dropped because its column is an exact linear combination of earlier ones. */
  public static Coefficient aliased(String term) {
    return new Coefficient(term, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Whether the term is aliased (its estimate is not defined). */
  public boolean isAliased() {
    return Double.isNaN(estimate);
  }
}
