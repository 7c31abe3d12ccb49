package logitlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.fit.Comparer;
import logitlab.fit.IrlsOptions;
import logitlab.fit.NeuronOptions;
import logitlab.model.Comparison;
import logitlab.report.JsonReport;
import logitlab.report.TextReport;
import picocli.CommandLine.Command;
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

  @Option(names = {"-y", "--outcome"}, paramLabel = "COL",
      description = "Outcome column (0/1, TRUE/FALSE or two distinct values). Default: the last column.")
  String outcome;

  @Option(names = {"-x", "--predictors"}, paramLabel = "COL", split = ",",
      description = "Predictor columns, comma-separated. Default: all other columns.")
  List<String> predictors;

  @Option(names = "--factor", paramLabel = "COL[:REF]", split = ",",
      description = "Treat a column as categorical (treatment-coded as R does), optionally with "
          + "reference level REF. Repeatable.")
  List<String> factors = new ArrayList<>();

  @Option(names = "--positive", paramLabel = "LEVEL",
      description = "Outcome value that is the event (coded 1). Default: 1, TRUE, or the second "
          + "value in sorted order (R's rule: No/Yes -> Yes).")
  String positive;

  @Option(names = "--na", paramLabel = "VALUE", split = ",",
      description = "Extra marker of a missing value (the empty field and NA always are). Repeatable.")
  List<String> na = new ArrayList<>();

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",",
      description = "Field delimiter: a single character, or 'tab'. Default: ${DEFAULT-VALUE}")
  String delimiter;

  @Option(names = "--at", paramLabel = "COL=VALUE[,COL=VALUE...]",
      description = "Predict the three probabilities at this point (repeatable; one point each). "
          + "Predictors not named take their mean or reference level. Default: the smallest and "
          + "largest value of the first numeric predictor.")
  List<String> at = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text or json. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the output to FILE (completely or not at all) instead of stdout.")
  Path output;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "25",
      description = "IRLS iteration limit of the logistic GLM. Default: ${DEFAULT-VALUE} (as R)")
  int maxIterations;

  @Option(names = "--learning-rate", paramLabel = "auto|VALUE", defaultValue = "auto",
      description = "Neuron step size; auto = 1/L from the Lipschitz bound of the loss. Default: ${DEFAULT-VALUE}")
  String learningRate;

  @Option(names = "--max-epochs", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_MAX_EPOCHS,
      description = "Neuron epoch limit. Default: ${DEFAULT-VALUE}")
  int maxEpochs;

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "" + NeuronOptions.DEFAULT_TOLERANCE,
      description = "Stop the neuron when its gradient norm falls below TOL. Default: ${DEFAULT-VALUE}")
  double tolerance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_SEED,
      description = "Seed for anything random. Default: ${DEFAULT-VALUE}")
  long seed;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, not \"" + format + "\"");
    }
    ModelSpec modelSpec = new ModelSpec(outcome, predictors, parseFactors(), positive, new LinkedHashSet<>(na));
    List<Map<String, String>> points = parsePoints();
    IrlsOptions irls = usage(() -> new IrlsOptions(1e-8, maxIterations));
    NeuronOptions neuron = usage(() -> new NeuronOptions(parseLearningRate(), maxEpochs, tolerance, seed));
    Path input = file.toAbsolutePath().normalize();
    DesignMatrix design = DesignMatrixLoader.load(input, file.toString(), parseDelimiter(), modelSpec);
    Comparison comparison = Comparer.compare(design, points, irls, neuron);
    String text = format.equals("json") ? JsonReport.render(comparison) : TextReport.render(comparison);
    if (output != null) {
      Output.toFile(output, text, input);
    } else {
      Output.toStdout(spec.commandLine().getOut(), text);
    }
    return ExitCodes.OK;
  }

  private static <T> T usage(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private double parseLearningRate() {
    if (learningRate.equalsIgnoreCase("auto")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(learningRate);
    } catch (NumberFormatException e) {
      throw new UsageException("--learning-rate must be auto or a positive number, not \"" + learningRate + "\"");
    }
  }

  private char parseDelimiter() {
    String d = delimiter;
    if (d.equalsIgnoreCase("tab") || d.equals("\\t")) {
      return '\t';
    }
    if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
      throw new UsageException("--delimiter must be a single character or 'tab', not \"" + d + "\"");
    }
    return d.charAt(0);
  }

  private Map<String, String> parseFactors() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : factors) {
      int colon = f.indexOf(':');
      String col = colon < 0 ? f : f.substring(0, colon);
      String ref = colon < 0 ? null : f.substring(colon + 1);
      if (col.isEmpty() || (ref != null && ref.isEmpty())) {
        throw new UsageException("--factor takes COL or COL:REFERENCE, not \"" + f + "\"");
      }
      m.put(col, ref);
    }
    return m;
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
