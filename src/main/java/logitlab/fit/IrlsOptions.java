package logitlab.fit;

/**
 * Settings of the IRLS fit, R's {@code glm.control()}.
 *
 * @param epsilon convergence tolerance on the relative deviance change (R: 1e-8)
 * @param maxIterations iteration limit (R: 25)
 */
public record IrlsOptions(double epsilon, int maxIterations) {
  public IrlsOptions {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
  }

  /** R's defaults: epsilon 1e-8, 25 iterations. */
  public static IrlsOptions defaults() {
    return new IrlsOptions(1e-8, 25);
  }
}
