package logitlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.fit.CompareOptions;
import logitlab.fit.Comparer;
import logitlab.fit.IrlsOptions;
import logitlab.fit.NeuronOptions;
import logitlab.model.Comparison;
import logitlab.report.JsonReport;
import logitlab.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code logitlab compare}: parses options and delegates to data, fit and report. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Fit the linear probability model (OLS), the logistic GLM (IRLS) and a one-neuron sigmoid "
          + "net (gradient descent) to a CSV file and print them side by side, with the linear "
          + "model's fitted values outside [0, 1] called out.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  logitlab compare data/smoking.csv",
      "  logitlab compare data/smoking.csv -y disease -x cigs --at cigs=60",
      "  logitlab compare data/admissions.csv --factor rank --format json",
      "",
      "Exit codes: 0 success, 1 internal error, 2 usage error, 3 bad input data,",
      "            4 the data cannot be fitted."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header row.")
  Path file;

  @Mixin DataOptions data;

  @Option(names = "--at", paramLabel = "COL=VALUE[,COL=VALUE...]", order = 20,
      description = "Predict the three probabilities at this point (repeatable; one point each). "
          + "Predictors not named take their mean or reference level. Default: the smallest and "
          + "largest value of the first numeric predictor.")
  List<String> at = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", order = 21,
      description = "Output format: text or json. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 22,
      description = "Write the output to FILE (completely or not at all) instead of stdout.")
  Path output;

  @Mixin GlmCliOptions glm;

  @Mixin NeuronCliOptions neuronOptions;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, not \"" + format + "\"");
    }
    ModelSpec modelSpec = data.modelSpec();
    char delimiter = data.delimiterChar();
    List<Map<String, String>> points = parsePoints();
    IrlsOptions irls = glm.irlsOptions();
    NeuronOptions neuron = neuronOptions.toOptions();
    CompareOptions options = Usage.check(
        () -> new CompareOptions(irls, neuron, glm.robustType(), false, glm.threshold));
    Path input = file.toAbsolutePath().normalize();
    if (output != null) {
      Output.checkTarget(output, input); // refuse -o FILE before any work: never the input
    }
    DesignMatrix design = DesignMatrixLoader.load(input, file.toString(), delimiter, modelSpec);
    Comparison comparison = Comparer.compare(design, points, options);
    String text = format.equals("json") ? JsonReport.render(comparison) : TextReport.render(comparison);
    if (output != null) {
      Output.toFile(output, text, input);
    } else {
      Output.toStdout(spec.commandLine().getOut(), text);
    }
    return ExitCodes.OK;
  }

  private List<Map<String, String>> parsePoints() {
    List<Map<String, String>> points = new ArrayList<>();
    for (String a : at) {
      Map<String, String> point = new LinkedHashMap<>();
      for (String part : a.split(",", -1)) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("--at takes COL=VALUE[,COL=VALUE...], not \"" + a + "\"");
        }
        String col = part.substring(0, eq).trim();
        if (point.put(col, part.substring(eq + 1).trim()) != null) {
          throw new UsageException(String.format(Locale.ROOT, "--at names column \"%s\" twice in \"%s\"", col, a));
        }
      }
      points.add(point);
    }
    return points;
  }
}
