package logitlab.model;

/**
 * A confidence interval. An end is infinite when the likelihood never falls far enough on that
 * side (an estimate that is infinite under separation), and NaN when the term is aliased.
 */
public record Interval(double low, double high) {
  /** The interval of an aliased term. */
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  /** exp of both ends: the interval of an odds ratio (never computed from exp of the standard error). */
  public Interval exp() {
    return new Interval(Math.exp(low), Math.exp(high));
  }
}
