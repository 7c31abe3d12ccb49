package logitlab.cli;

import logitlab.fit.NeuronOptions;
import picocli.CommandLine.Option;

/** Options of the one-neuron net's training. */
final class NeuronCliOptions {
  @Option(names = "--learning-rate", paramLabel = "auto|VALUE", defaultValue = "auto", order = 40,
      description = "Neuron step size; auto = 1/L from the Lipschitz bound of the loss. Default: ${DEFAULT-VALUE}")
  String learningRate;

  @Option(names = "--max-epochs", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_MAX_EPOCHS,
      order = 41, description = "Neuron epoch limit. Default: ${DEFAULT-VALUE}")
  int maxEpochs;

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "" + NeuronOptions.DEFAULT_TOLERANCE,
      order = 42, description = "Stop the neuron when its gradient norm falls below TOL. Default: ${DEFAULT-VALUE}")
  double tolerance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_SEED, order = 43,
      description = "Seed for anything random. Default: ${DEFAULT-VALUE}")
  long seed;

  /** The validated training options. */
  NeuronOptions toOptions() {
    double lr;
    if (learningRate.equalsIgnoreCase("auto")) {
      lr = Double.NaN;
    } else {
      try {
        lr = Double.parseDouble(learningRate);
      } catch (NumberFormatException e) {
        throw new UsageException("--learning-rate must be auto or a positive number, not \"" + learningRate + "\"");
      }
    }
    return Usage.check(() -> new NeuronOptions(lr, maxEpochs, tolerance, seed));
  }
}
