package logitlab.model;

import java.util.List;

/**
 * Whether the outcome is separated by the predictors, in which case maximum-likelihood estimates
 * of some coefficients are infinite (Albert &amp; Anderson 1984; detected by the linear program of
 * Konis 2007).
 *
 * @param detected whether any coefficient's MLE is infinite
 * @param kind {@code complete}, {@code quasi-complete} or {@code none}
 * @param terms the terms with infinite MLE and the direction, in design-matrix order
 */
public record Separation(boolean detected, String kind, List<Term> terms) {
  /** No separation. */
  public static final Separation NONE = new Separation(false, "none", List.of());

  public Separation {
    terms = List.copyOf(terms);
  }

  /** A term whose maximum-likelihood estimate is +inf or -inf. */
  public record Term(String term, String direction) {}
}
