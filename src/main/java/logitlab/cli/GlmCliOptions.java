package logitlab.cli;

import logitlab.fit.IrlsOptions;
import picocli.CommandLine.Option;

/** Options of the logistic GLM (and, later, the statistics reported with it). */
final class GlmCliOptions {
  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "25", order = 30,
      description = "IRLS iteration limit of the logistic GLM. Default: ${DEFAULT-VALUE} (as R)")
  int maxIterations;

  /** The validated IRLS options. */
  IrlsOptions irlsOptions() {
    return Usage.check(() -> new IrlsOptions(1e-8, maxIterations, 0.95, IrlsOptions.CiMethod.WALD));
  }
}
