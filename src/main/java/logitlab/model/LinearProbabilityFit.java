package logitlab.model;

import java.util.List;

/**
 * The linear probability model: ordinary least squares of the 0/1 outcome on the design matrix,
 * p = X beta. Its fitted values are not constrained to [0, 1]; {@link #outOfRange()} says where
 * they leave it.
 *
 * @param coefficients in design-matrix order, with classical standard errors and t tests
 * @param rSquared 1 - RSS/TSS (TSS about the mean, since the model has an intercept)
 * @param sigma residual standard error sqrt(RSS / dfResidual)
 * @param rank number of estimable (non-aliased) coefficients
 * @param dfResidual n - rank
 * @param fitted fitted values X beta, one per used row
 * @param outOfRange fitted values outside [0, 1]
 */
public record LinearProbabilityFit(
    List<Coefficient> coefficients,
    double rSquared,
    double sigma,
    int rank,
    int dfResidual,
    double[] fitted,
    OutOfRange outOfRange) {

  public LinearProbabilityFit {
    coefficients = List.copyOf(coefficients);
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
}
