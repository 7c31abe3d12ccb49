package logitlab.model;

import java.util.List;

/**
 * The logistic GLM, logit P(y = 1) = X beta, fitted by maximum likelihood (IRLS).
 *
 * @param coefficients in design-matrix order, with Wald standard errors and z tests
 * @param nullDeviance deviance of the intercept-only model
 * @param deviance residual deviance -2 log L (for 0/1 data)
 * @param dfNull n - 1
 * @param dfResidual n - rank
 * @param aic -2 log L + 2 rank
 * @param logLik maximised log-likelihood
 * @param rank number of estimable (non-aliased) coefficients
 * @param iterations IRLS iterations used
 * @param converged whether the deviance criterion was met within the iteration limit
 * @param warnings plain-language warnings (non-convergence, fitted probabilities 0 or 1, aliasing)
 * @param fitted fitted probabilities, one per used row
 */
public record LogisticFit(
    List<Coefficient> coefficients,
    double nullDeviance,
    double deviance,
    int dfNull,
    int dfResidual,
    double aic,
    double logLik,
    int rank,
    int iterations,
    boolean converged,
    List<String> warnings,
    double[] fitted) {

  public LogisticFit {
    coefficients = List.copyOf(coefficients);
    warnings = List.copyOf(warnings);
    fitted = fitted.clone();
  }

  @Override
  public double[] fitted() {
    return fitted.clone();
  }

  /** Estimates as an array (NaN for aliased terms). */
  public double[] estimates() {
    return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
  }

  /** Which terms are aliased. */
  public boolean[] aliased() {
    boolean[] a = new boolean[coefficients.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = coefficients.get(j).isAliased();
    }
    return a;
  }
}
