package logitlab.model;

/**
 * The overall F test of a linear model against the intercept-only model:
 * F = ((TSS - RSS) / df1) / (RSS / df2), df1 = rank - 1, df2 = n - rank.
 */
public record FTest(double statistic, int df1, int df2, double p) {}
