package logitlab.model;

import java.util.List;

/**
 * The logistic GLM, logit P(y = 1) = X beta, fitted by maximum likelihood (IRLS), or by Firth's
 * penalised likelihood when {@link #method()} says so, with the inference a statistician asks for.
 *
 * @param method maximum likelihood (IRLS) or Firth's penalised likelihood
 * @param coefficients in design-matrix order, with Wald standard errors and z tests
 * @param intervals confidence intervals for the coefficients, parallel to {@code coefficients}
 * @param ciMethod how the intervals were computed: {@code wald}, {@code profile} (profile
 *     likelihood, as R's {@code confint}) or {@code profile-penalized} (Firth, as logistf)
 * @param conf confidence level of the intervals, e.g. 0.95
 * @param nullDeviance deviance of the intercept-only model
 * @param deviance residual deviance -2 (log L - log L_saturated)
 * @param dfNull n - 1
 * @param dfResidual n - rank
 * @param aic -2 log L + 2 rank
 * @param bic -2 log L + log(n) rank
 * @param logLik maximised log-likelihood (for Firth: the unpenalised log-likelihood at the estimate)
 * @param pseudoR2 McFadden's 1 - log L / log L_null
 * @param lrTest likelihood-ratio test against the intercept-only model
 * @param rank number of estimable (non-aliased) coefficients
 * @param iterations IRLS iterations used
 * @param converged whether the convergence criterion was met within the iteration limit
 * @param aliased terms not estimable because of exact collinearity, with what they are collinear with
 * @param separation whether (and how) the outcome is separated by the predictors
 * @param marginalEffects average marginal effects of the non-intercept terms, delta-method errors
 * @param warnings what the fit found that the user should know (non-convergence, step halving,
 *     fitted probabilities 0 or 1, aliasing, separation), as data; {@code report} words them
 * @param fitted the fitted probabilities, computed per block of rows ({@link Fitted})
 * @param covariance estimated covariance of the coefficients (p x p), NaN for aliased terms
 */
public record LogisticFit(
    Method method,
    List<Coefficient> coefficients,
    List<Interval> intervals,
    String ciMethod,
    double conf,
    double nullDeviance,
    double deviance,
    int dfNull,
    int dfResidual,
    double aic,
    double bic,
    double logLik,
    double pseudoR2,
    LrTest lrTest,
    int rank,
    int iterations,
    boolean converged,
    List<Alias> aliased,
    Separation separation,
    List<MarginalEffect> marginalEffects,
    List<Diagnostic> warnings,
    Fitted fitted,
    double[][] covariance) {

  /** How the coefficients were estimated ({@code report} names it: JSON's {@code method}). */
  public enum Method {
    /** Maximum likelihood, by IRLS (R's glm). */
    MAXIMUM_LIKELIHOOD,
    /** Firth's penalised likelihood (logistf, brglm2's AS_mean). */
    FIRTH
  }

  public LogisticFit {
    coefficients = List.copyOf(coefficients);
    intervals = List.copyOf(intervals);
    aliased = List.copyOf(aliased);
    marginalEffects = List.copyOf(marginalEffects);
    warnings = List.copyOf(warnings);
    covariance = deepCopy(covariance);
  }

  @Override
  public double[][] covariance() {
    return deepCopy(covariance);
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Estimates as an array (NaN for aliased terms). */
  public double[] estimates() {
    return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
  }

  /** Which terms are aliased. */
  public boolean[] aliasedMask() {
    boolean[] a = new boolean[coefficients.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = coefficients.get(j).isAliased();
    }
    return a;
  }

  /** Odds ratio exp(beta_j) of term j (NaN when aliased). */
  public double oddsRatio(int j) {
    return Math.exp(coefficients.get(j).estimate());
  }
}
