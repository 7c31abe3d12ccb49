package logitlab.model;

/**
 * Likelihood-ratio test of the fitted model against the intercept-only model:
 * statistic = null deviance - residual deviance, chi-squared with df = rank - 1 under H0.
 */
public record LrTest(double statistic, int df, double p) {}
