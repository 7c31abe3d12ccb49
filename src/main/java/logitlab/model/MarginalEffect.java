package logitlab.model;

/**
 * An average marginal effect, dP(y = 1)/dx_j averaged over the rows, with its delta-method
 * standard error.
 */
public record MarginalEffect(String term, double estimate, double stdError) {}
