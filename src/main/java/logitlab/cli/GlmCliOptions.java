package logitlab.cli;

import logitlab.fit.CompareOptions;
import logitlab.fit.IrlsOptions;
import logitlab.fit.NeuronOptions;
import logitlab.fit.OlsFitter;
import picocli.CommandLine.Option;

/** Options of the statistics: the logistic GLM's fit and intervals, robust errors, classification. */
final class GlmCliOptions {
  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "25", order = 30,
      description = "IRLS iteration limit of the logistic GLM. Default: ${DEFAULT-VALUE} (as R)")
  int maxIterations;

  @Option(names = "--conf", paramLabel = "LEVEL", defaultValue = "0.95", order = 31,
      description = "Confidence level of the coefficient and odds-ratio intervals. Default: ${DEFAULT-VALUE}")
  double conf;

  @Option(names = "--ci", paramLabel = "wald|profile", defaultValue = "wald", order = 32,
      converter = Choices.CiConverter.class, completionCandidates = Choices.CiMethods.class,
      description = "Logistic intervals: ${COMPLETION-CANDIDATES}. wald is estimate +- z se; profile is "
          + "profile likelihood, as R's confint. Default: ${DEFAULT-VALUE}")
  IrlsOptions.CiMethod ci;

  @Option(names = "--firth", order = 33,
      description = "Also fit Firth's bias-reduced (penalised-likelihood) logistic regression, "
          + "which has finite estimates even when the data are separated (as R's logistf/brglm2).")
  boolean firth;

  @Option(names = "--firth-max-iterations", paramLabel = "N", defaultValue = "100", order = 33,
      description = "Iteration limit of Firth's fit (and of each of its profile fits). "
          + "Default: ${DEFAULT-VALUE} (as brglm2)")
  int firthMaxIterations;

  @Option(names = "--robust", paramLabel = "HC0|HC1|HC2|HC3", arity = "0..1", fallbackValue = "HC3",
      order = 34, converter = Choices.RobustConverter.class,
      description = "Add heteroskedasticity-robust standard errors to the linear model: "
          + "${COMPLETION-CANDIDATES} (HC3 when no type is given).")
  OlsFitter.Robust robust;

  @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5", order = 35,
      description = "Classification threshold for accuracy and the confusion tables. Default: ${DEFAULT-VALUE}")
  double threshold;

  /** The validated IRLS options. */
  IrlsOptions irlsOptions() {
    return Usage.check(() -> new IrlsOptions(1e-8, maxIterations, conf, ci, firthMaxIterations));
  }

  /** Everything the compare job needs, with the neuron's options from their own mixin. */
  CompareOptions compareOptions(NeuronOptions neuron) {
    IrlsOptions irls = irlsOptions();
    return Usage.check(() -> new CompareOptions(irls, neuron, robust, firth, threshold));
  }
}
