package logitlab.model;

/**
 * A confidence interval, and for each end what it is: a number, infinite, or not defined and why.
 * The report words the reasons; here they are data.
 *
 * @param low the lower end: a number, -Infinity when {@code lowEnd} is {@link End#UNBOUNDED}, NaN
 *     when it is not defined
 * @param high the upper end, likewise (+Infinity when unbounded)
 * @param lowEnd what the lower end is
 * @param highEnd what the upper end is
 */
public record Interval(double low, double high, End lowEnd, End highEnd) {
  /** The interval of an aliased term. */
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN, End.ALIASED, End.ALIASED);

  /** What an interval end is. */
  public enum End {
    /** A finite number. */
    FINITE,
    /**
     * Infinite: the profile (penalised) likelihood never falls to the critical value on that side,
     * however far the coefficient goes (a sign of separation).
     */
    UNBOUNDED,
    /**
     * Not found (NaN): the profile could not be followed to the critical value on that side (a
     * profile fit failed or did not reach its optimum, or the profile at the estimate was not below
     * the critical value).
     */
    NOT_FOUND,
    /**
     * Not defined (NaN): the fit did not converge, so the maximum the profile is measured from is
     * not known.
     */
    FIT_NOT_CONVERGED,
    /** Not defined (NaN or infinite): the Wald interval of a standard error that is not a finite number. */
    NO_STD_ERROR,
    /** Not defined (NaN): the term is aliased. */
    ALIASED;

    /** Whether the end is a finite number. */
    public boolean finite() {
      return this == FINITE;
    }
  }

  public Interval {
    if (lowEnd == null || highEnd == null) {
      throw new IllegalArgumentException("interval ends need their kind");
    }
  }

  /** An interval whose ends are finite numbers, or infinite when unbounded (the kind inferred). */
  public Interval(double low, double high) {
    this(low, high, kindOf(low), kindOf(high));
  }

  private static End kindOf(double v) {
    return Double.isFinite(v) ? End.FINITE : Double.isInfinite(v) ? End.UNBOUNDED : End.NOT_FOUND;
  }

  /** Whether both ends are finite numbers. */
  public boolean finite() {
    return lowEnd.finite() && highEnd.finite();
  }

  /**
   * exp of both ends: the interval of an odds ratio (never computed from exp of the standard error),
   * the kinds kept (an unbounded lower end becomes exp(-Infinity) = 0).
   */
  public Interval exp() {
    return new Interval(Math.exp(low), Math.exp(high), lowEnd, highEnd);
  }
}
