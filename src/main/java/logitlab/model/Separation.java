package logitlab.model;

import java.util.List;

/**
 * Whether the outcome is separated by the predictors, in which case maximum-likelihood estimates
 * of some coefficients are infinite (Albert &amp; Anderson 1984; detected by the linear program of
 * Konis 2007).
 *
 * @param detected whether any coefficient's MLE is infinite
 * @param kind complete, quasi-complete or none
 * @param terms the terms with infinite MLE and the direction, in design-matrix order
 */
public record Separation(boolean detected, Kind kind, List<Term> terms) {
  /** No separation. */
  public static final Separation NONE = new Separation(false, Kind.NONE, List.of());

  public Separation {
    terms = List.copyOf(terms);
  }

  /** How the outcome is separated. */
  public enum Kind implements Named {
    /** Not separated. */
    NONE,
    /** Separated except for some rows that tie on the boundary. */
    QUASI_COMPLETE,
    /** A hyperplane separates the 0s from the 1s strictly. */
    COMPLETE;

    /** The name in JSON and CSV ({@code quasi-complete}). */
    public String jsonName() {
      return externalName();
    }
  }

  /** A term whose maximum-likelihood estimate is +inf or -inf. */
  public record Term(String term, String direction) {}
}
