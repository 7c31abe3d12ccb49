package logitlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import logitlab.model.ActivationFunction;
import logitlab.nn.Init;
import logitlab.nn.Vanishing;
import logitlab.nn.VanishingOptions;
import logitlab.plot.NnPlots;
import logitlab.report.VanishingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code logitlab vanishing}: the gradient's norm layer by layer in a deep net at its initial weights. */
@Command(
    name = "vanishing",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "One forward and backward pass of a deep fully connected net (--depth hidden layers of --width units, "
          + "one sigmoid output, cross-entropy) on a seeded batch of standard normal inputs with random 0/1 "
          + "labels: the gradient norm of every layer's weights and the share of saturated units (f' < 0.01) "
          + "per layer. With sigmoid the norms fall roughly geometrically towards the input; with relu and He "
          + "initialisation they do not.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  logitlab vanishing --activation sigmoid --depth 10",
      "  logitlab vanishing --activation relu --init he --plot relu.png",
      "  logitlab vanishing --activation tanh --init normal:1        (large weights: saturated)",
      "",
      ExitCodes.HELP_NO_DATA
    })
final class VanishingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid", order = 33,
      converter = Choices.FunctionConverter.class, completionCandidates = Choices.HiddenFunctions.class,
      description = "Hidden units' activation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  ActivationFunction activation;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "" + VanishingOptions.DEFAULT_DEPTH, order = 35,
      description = "Number of hidden layers. Default: ${DEFAULT-VALUE}")
  int depth;

  @Option(names = "--width", paramLabel = "W", defaultValue = "" + VanishingOptions.DEFAULT_WIDTH, order = 36,
      description = "Units per hidden layer (and inputs). Default: ${DEFAULT-VALUE}")
  int width;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "" + VanishingOptions.DEFAULT_BATCH, order = 44,
      description = "Rows in the batch. Default: ${DEFAULT-VALUE}")
  int batch;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + logitlab.fit.NeuronOptions.DEFAULT_SEED, order = 45,
      description = "Seed of the batch and the weights. Default: ${DEFAULT-VALUE}")
  long seed;

  @Mixin NnOptions net;

  @Mixin NnOutput.WithLongName out;

  @Override
  public Integer call() {
    out.check(null);
    Init i = net.init();
    VanishingOptions o = Usage.check(() -> new VanishingOptions(activation, net.slope, depth, width, i, seed, batch));
    Vanishing.Result r = Vanishing.run(o);
    out.write(spec, null, new NnOutput.Document(() -> List.of(NnPlots.vanishing(r)),
        (s, figures) -> VanishingReport.outline(r, s, figures.isEmpty() ? null : figures.get(0)),
        () -> VanishingReport.csv(r),
        () -> VanishingReport.json(r)));
    return ExitCodes.OK;
  }
}
