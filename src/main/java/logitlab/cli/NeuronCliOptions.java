package logitlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import logitlab.fit.InvalidSetting;
import logitlab.fit.NeuronOptions;
import logitlab.fit.NeuronProgress;
import logitlab.model.Activation;
import logitlab.model.Loss;
import logitlab.model.Optimizer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of the one-neuron net's training. */
final class NeuronCliOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "gd", order = 40,
      converter = Choices.OptimizerConverter.class, completionCandidates = Choices.Optimizers.class,
      description = "Neuron optimizer: ${COMPLETION-CANDIDATES}. gd is full-batch gradient descent, momentum "
          + "Polyak's heavy ball, nesterov accelerated (with restart), sgd one row per step, minibatch "
          + "--batch-size rows per step. Default: ${DEFAULT-VALUE}")
  Optimizer optimizer;

  @Option(names = "--batch-size", paramLabel = "N", order = 41,
      description = "Rows per step of --optimizer minibatch. Default: " + NeuronOptions.DEFAULT_BATCH_SIZE)
  Integer batchSize;

  @Option(names = "--learning-rate", paramLabel = "auto|VALUE", defaultValue = "auto", order = 42,
      description = "Neuron step size; auto = 1/L from the Lipschitz bound of the loss on the (standardised) "
          + "design; for sgd and minibatch that of a batch, decaying; for adam at most 0.1. "
          + "Default: ${DEFAULT-VALUE}")
  String learningRate;

  @Option(names = "--max-epochs", paramLabel = "N", order = 43,
      description = "Neuron epoch limit. Default: " + NeuronOptions.DEFAULT_MAX_EPOCHS + " ("
          + NeuronOptions.DEFAULT_MAX_EPOCHS_STOCHASTIC + " for sgd and minibatch)")
  Integer maxEpochs;

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "" + NeuronOptions.DEFAULT_TOLERANCE,
      order = 44, description = "Stop the neuron when its gradient norm falls below TOL. Default: ${DEFAULT-VALUE}")
  double tolerance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_SEED, order = 45,
      description = "Seed for anything random (sgd/minibatch shuffling, random initial weights). "
          + "Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--no-standardize", order = 46,
      description = "Train the neuron on the raw inputs instead of standardised ones (slow on unscaled "
          + "columns; the output shows by how much).")
  boolean noStandardize;

  @Option(names = "--init", paramLabel = "zeros|random|VALUE", defaultValue = "zeros", order = 47,
      description = "Initial neuron weights (on the scale it trains on): zeros, random (normal, sd "
          + "1/sqrt(number of weights), from --seed) or VALUE for every weight; a large VALUE such as 5 "
          + "starts the neuron saturated. Default: ${DEFAULT-VALUE}")
  String init;

  @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy", order = 48,
      converter = Choices.LossConverter.class, completionCandidates = Choices.Losses.class,
      description = "Neuron loss: ${COMPLETION-CANDIDATES}. cross-entropy is the likelihood (the GLM); squared "
          + "shows the vanishing gradient from a saturated start. Default: ${DEFAULT-VALUE}")
  Loss loss;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid", order = 49,
      converter = Choices.ActivationConverter.class, completionCandidates = Choices.Activations.class,
      description = "Neuron activation: ${COMPLETION-CANDIDATES}. tanh's probability (1 + tanh z) / 2 = sigma(2z) "
          + "makes its weights half the GLM's. Default: ${DEFAULT-VALUE}")
  Activation activation;

  /** The validated training options; with a progress line on stderr when it is a terminal. */
  NeuronOptions toOptions() {
    double lr = NnOptions.learningRate(learningRate);
    // --batch-size 0 is refused here: to the options record 0 means the default
    if (batchSize != null && optimizer != Optimizer.MINIBATCH) {
      throw Usage.invalid(InvalidSetting.Setting.BATCH_SIZE_OPTIMIZER, optimizer.cliName());
    }
    if (batchSize != null && batchSize < 1) {
      throw Usage.invalid(InvalidSetting.Setting.BATCH_SIZE, String.valueOf(batchSize));
    }
    int epochs = maxEpochs != null ? maxEpochs : NeuronOptions.defaultMaxEpochs(optimizer);
    NeuronOptions opt = Usage.check(() -> new NeuronOptions(optimizer, lr, batchSize == null ? 0 : batchSize, epochs,
        tolerance, seed, !noStandardize, init, loss, activation, null));
    return System.console() != null ? opt.withProgress(progress(optimizer)) : opt;
  }

  /** A plain progress line on stderr; only used when the console is a terminal. */
  private NeuronProgress progress(Optimizer o) {
    PrintWriter err = mixee != null ? mixee.commandLine().getErr() : new PrintWriter(System.err, true);
    return (epoch, max, loss, gnorm, diff) -> {
      err.println(String.format(Locale.ROOT,
          "logitlab: training the neuron (%s): epoch %d of at most %d, loss %.6g, gradient norm %.3g%s",
          o.cliName(), epoch, max, loss, gnorm,
          Double.isNaN(diff) ? "" : String.format(Locale.ROOT, ", %.3g from the GLM", diff)));
      err.flush();
    };
  }
}
