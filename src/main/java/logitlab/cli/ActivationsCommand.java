package logitlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import logitlab.model.ActivationFunction;
import logitlab.nn.ActivationCurves;
import logitlab.plot.NnPlots;
import logitlab.report.ActivationsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code logitlab activations}: the activation functions, their derivatives and properties. */
@Command(
    name = "activations",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Tabulate the activation functions (sigmoid, tanh, relu, leaky-relu, identity and the perceptron's "
          + "step) and their derivatives on a grid, with a table of their properties (range, zero-centred, "
          + "largest derivative, where they saturate, whether they need an exponential) and a numerical check "
          + "of tanh(x) = 2 sigma(2x) - 1.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  logitlab activations",
      "  logitlab activations --from -4 --to 4 --step 0.1 --plot activations.png",
      "  logitlab activations --functions sigmoid,tanh --format csv",
      "",
      ExitCodes.HELP_NO_DATA
    })
final class ActivationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "X", defaultValue = "-6", order = 1,
      description = "First x of the grid. Default: ${DEFAULT-VALUE}")
  double from;

  @Option(names = "--to", paramLabel = "X", defaultValue = "6", order = 2,
      description = "Last x of the grid. Default: ${DEFAULT-VALUE}")
  double to;

  @Option(names = "--step", paramLabel = "DX", defaultValue = "0.5", order = 3,
      description = "Spacing of the grid. Default: ${DEFAULT-VALUE}")
  double step;

  @Option(names = "--slope", paramLabel = "S", defaultValue = "" + ActivationFunction.DEFAULT_SLOPE, order = 4,
      description = "The leaky ReLU's slope for x < 0, in (0, 1). Default: ${DEFAULT-VALUE}")
  double slope;

  @Option(names = "--functions", paramLabel = "NAME[,NAME...]", split = ",", order = 5,
      converter = Choices.FunctionConverter.class, completionCandidates = Choices.Functions.class,
      description = "The functions to show, of ${COMPLETION-CANDIDATES}. Default: all.")
  List<ActivationFunction> functions;

  @Mixin NnOutput.WithLongName out;

  @Override
  public Integer call() {
    out.check(null);
    List<ActivationFunction> fs = new ArrayList<>();
    if (functions == null) {
      fs.addAll(List.of(ActivationFunction.values()));
    } else {
      for (ActivationFunction a : functions) {
        if (!fs.contains(a)) {
          fs.add(a);
        }
      }
    }
    ActivationCurves c = Usage.check(() -> ActivationCurves.of(from, to, step, slope, fs));
    out.write(spec, null, new NnOutput.Document(() -> List.of(NnPlots.activations(c)),
        (s, figures) -> ActivationsReport.outline(c, s, figures.isEmpty() ? null : figures.get(0)),
        () -> ActivationsReport.csv(c),
        () -> ActivationsReport.json(c)));
    return ExitCodes.OK;
  }
}
