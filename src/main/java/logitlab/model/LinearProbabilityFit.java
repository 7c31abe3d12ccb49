package logitlab.model;

import java.util.List;

/**
 * The linear probability model: ordinary least squares of the 0/1 outcome on the design matrix,
 * p = X beta. Its fitted values are not constrained to [0, 1]; {@link #outOfRange()} says where
 * they leave it. Its errors are heteroskedastic by construction (Var(y|x) = p(1 - p)), so
 * heteroskedasticity-robust standard errors are offered beside the classical ones.
 *
 * @param coefficients in design-matrix order, with classical standard errors and t tests
 * @param robustType {@code HC0}..{@code HC3} when robust standard errors were requested, else null
 * @param robust the same coefficients with robust standard errors, t and p (empty when not requested)
 * @param rSquared 1 - RSS/TSS (TSS about the mean, since the model has an intercept)
 * @param adjRSquared 1 - (1 - R^2) (n - 1) / (n - rank)
 * @param sigma residual standard error sqrt(RSS / dfResidual)
 * @param fTest overall F test against the intercept-only model
 * @param rank number of estimable (non-aliased) coefficients
 * @param dfResidual n - rank
 * @param fitted the fitted values X beta, computed per block of rows ({@link Fitted})
 * @param outOfRange fitted values outside [0, 1]
 */
public record LinearProbabilityFit(
    List<Coefficient> coefficients,
    String robustType,
    List<Coefficient> robust,
    double rSquared,
    double adjRSquared,
    double sigma,
    FTest fTest,
    int rank,
    int dfResidual,
    Fitted fitted,
    OutOfRange outOfRange) {

  public LinearProbabilityFit {
    coefficients = List.copyOf(coefficients);
    robust = List.copyOf(robust);
  }

  /** Estimates as an array (NaN for aliased terms). */
  public double[] estimates() {
    return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
  }
}
