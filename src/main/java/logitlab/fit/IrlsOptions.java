package logitlab.fit;

import java.util.Objects;
import logitlab.model.Named;

/**
 * Settings of the logistic fits: R's {@code glm.control()} for the maximum-likelihood fit, the
 * iteration limit of Firth's fit, and the confidence intervals.
 *
 * @param epsilon convergence tolerance on the relative deviance change (R: 1e-8)
 * @param maxIterations IRLS iteration limit (R: 25)
 * @param conf confidence level of the coefficient intervals, in (0, 1)
 * @param ci how the intervals are computed
 * @param firthMaxIterations iteration limit of Firth's fit and of each of its profile fits
 *     ({@value #FIRTH_MAX_ITERATIONS} by default, brglm2's {@code brglmControl(maxit = 100)})
 */
public record IrlsOptions(double epsilon, int maxIterations, double conf, CiMethod ci,
    int firthMaxIterations) {
  /** The default iteration limit of Firth's fit: brglm2's {@code maxit}. */
  public static final int FIRTH_MAX_ITERATIONS = 100;

  /** Wald (estimate +- z se) or profile-likelihood intervals. */
  public enum CiMethod implements Named {
    WALD,
    PROFILE;

    /** The name used on the command line and in JSON. */
    public String label() {
      return externalName();
    }
  }

  public IrlsOptions {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new InvalidSetting(InvalidSetting.Setting.EPSILON, String.valueOf(epsilon));
    }
    if (maxIterations < 1) {
      throw new InvalidSetting(InvalidSetting.Setting.MAX_ITERATIONS, String.valueOf(maxIterations));
    }
    if (!(conf > 0 && conf < 1)) {
      throw new InvalidSetting(InvalidSetting.Setting.CONF, String.valueOf(conf));
    }
    Objects.requireNonNull(ci, "ci");
    if (firthMaxIterations < 1) {
      throw new InvalidSetting(InvalidSetting.Setting.FIRTH_MAX_ITERATIONS, String.valueOf(firthMaxIterations));
    }
  }

  /** As R's {@code glm.control}, with Firth's default iteration limit. */
  public IrlsOptions(double epsilon, int maxIterations, double conf, CiMethod ci) {
    this(epsilon, maxIterations, conf, ci, FIRTH_MAX_ITERATIONS);
  }

  /** R's defaults (epsilon 1e-8, 25 iterations), 95 % Wald intervals. */
  public static IrlsOptions defaults() {
    return new IrlsOptions(1e-8, 25, 0.95, CiMethod.WALD);
  }
}
