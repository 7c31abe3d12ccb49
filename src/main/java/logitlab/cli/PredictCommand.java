package logitlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import logitlab.data.CsvFormat;
import logitlab.data.CsvInput;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.data.RowCoder;
import logitlab.data.StreamingRows;
import logitlab.fit.CompareOptions;
import logitlab.fit.Comparer;
import logitlab.model.Comparison;
import logitlab.model.Scorer;
import logitlab.predict.Predictions;
import logitlab.predict.PredictionsCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code logitlab predict}: fits the three models to a training file and scores every row of a new
 * file with all three (and Firth's fit with {@code --firth}), streaming ({@link Predictions}): the
 * new file is read and written one record at a time, so a file of any length is scored in constant
 * memory. The output
 * has the input's delimiter. {@code --ci}, {@code --conf} and {@code --robust}, which change only
 * intervals and standard errors, are refused (and hidden from the help).
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    modelTransformer = PredictCommand.HideRefused.class,
    description = {
      "Score every row of a new file with the three models fitted to a training file (streamed).",
      "",
      "Fit the linear probability model, the logistic GLM and the neuron to the --train file, then "
          + "score every row of the --input file with the three: its columns as they are, then "
          + "p_linear, p_logistic, p_neuron (p_firth with --firth), p_linear_outside_0_1 (TRUE where "
          + "the linear model's \"probability\" is below 0 or above 1), with --threshold the predicted "
          + "classes class_linear, class_logistic, class_neuron (class_firth), and reason. A row with "
          + "a missing or unusable value (a level the training data did not have, text where a number "
          + "belongs) keeps its place with empty predictions and the reason. The output is separated "
          + "by the input's delimiter. Rows are streamed: any length fits in memory.",
      ""
    },
    footer = {
      "",
      "Example:",
      "  logitlab predict --train data/smoking.csv --input data/new/smokers.csv -o predictions.csv",
      "",
      "--ci, --conf and --robust change only intervals and standard errors, which predict does not",
      "write: they are refused (use compare or report).",
      "",
      "Exit codes: 0 success (also when some rows could not be scored: see the reason column),",
      "            1 internal error, 2 usage error, 3 bad input data, 4 the data cannot be fitted."
    })
final class PredictCommand implements Callable<Integer> {
  /** Options of the shared mixins that change nothing predict writes: refused, and not in the help. */
  static final List<String> REFUSED = List.of("--ci", "--conf", "--robust");

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Option(names = "--train", paramLabel = "FILE", required = true, order = 1,
      description = "CSV file to fit the models to (read with the data options below), or - for standard "
          + "input.")
  Path train;

  @Option(names = "--input", paramLabel = "NEW.csv", required = true, order = 2,
      description = "CSV file to score, or - for standard input (streamed): it needs the predictor columns "
          + "(the outcome is not needed); the same delimiter, decimal mark, encoding and missing-value "
          + "markers apply.")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 3,
      description = "Write the predictions to FILE instead of stdout: a regular file (or a link's "
          + "target) is replaced completely or not at all; a device or pipe is written into once "
          + "every row is scored; - is stdout.")
  Path output;

  @Mixin DataOptions data;

  @Mixin GlmCliOptions glm;

  @Mixin NeuronCliOptions neuronOptions;

  /** What --firth and --threshold do in predict (the mixin's help says what they do in compare). */
  static final Map<String, String> DESCRIPTIONS = Map.of(
      "--firth", "Also fit Firth's bias-reduced logistic regression (as R's logistf/brglm2) and score "
          + "with it: adds the column p_firth (and class_firth with --threshold).",
      "--threshold", "Add the predicted classes class_linear, class_logistic, class_neuron (class_firth "
          + "with --firth): the outcome's event label where the probability is above P, else the other "
          + "label (the rule of compare's classification tables).");

  /**
   * Hides {@link #REFUSED} from predict's help (they are still parsed, to be refused with a reason)
   * and gives --firth and --threshold predict's descriptions.
   */
  static final class HideRefused implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      for (OptionSpec o : List.copyOf(spec.options())) {
        boolean refused = REFUSED.contains(o.longestName());
        String description = DESCRIPTIONS.get(o.longestName());
        if (refused || description != null) {
          OptionSpec.Builder b = OptionSpec.builder(o);
          if (refused) {
            b.hidden(true);
          } else {
            b.description(description);
          }
          spec.remove(o);
          spec.addOption(b.build());
        }
      }
      return spec;
    }
  }

  @Override
  public Integer call() {
    refuseUnused();
    ModelSpec modelSpec = data.modelSpec();
    CsvFormat format = data.format();
    CompareOptions options = glm.compareOptions(neuronOptions.toOptions());
    boolean classes = spec.commandLine().getParseResult().hasMatchedOption("--threshold");
    if (DataOptions.isStdin(train) && DataOptions.isStdin(input)) {
      throw new UsageException("--train and --input cannot both be - (standard input): it can be read only once");
    }
    Path trainAbs = DataOptions.isStdin(train) ? null : train.toAbsolutePath().normalize();
    Path inputAbs = DataOptions.isStdin(input) ? null : input.toAbsolutePath().normalize();
    Output.Plan plan = Output.checkTarget(output != null ? output : Path.of("-"), trainAbs, inputAbs);
    CsvInput trainData = DataOptions.input(train, main.stdin);
    CsvInput newData = DataOptions.input(input, main.stdin);
    DesignMatrix design = DesignMatrixLoader.load(trainData, format, modelSpec);
    Comparison comparison = Comparer.compare(design, List.of(), options);
    Scorer scorer = new Scorer(comparison);
    try (StreamingRows rows = StreamingRows.open(newData, format)) {
      List<String> header = rows.header();
      // the delimiter the input really used (a sep= line may have set it)
      PredictionsCsv csv = new PredictionsCsv(rows.format().delimiter(), rows.format().decimal(), scorer.hasFirth(), classes
          ? new PredictionsCsv.Classes(options.threshold(), comparison.input().event(), comparison.input().nonEvent())
          : null);
      for (String added : csv.added()) {
        if (header.contains(added)) {
          throw new UsageException(newData.name() + ": has a column \"" + added + "\" already, which predict "
              + "adds; rename or remove it");
        }
      }
      RowCoder coder = new RowCoder(design, header, new LinkedHashSet<>(data.na), newData.name(),
          format.decimal());
      PrintWriter stdout = spec.commandLine().getOut();
      // re-checked as it is written: the plan may have changed while the models were fitted
      Output.Plan now = Output.checkTarget(plan.given(), trainAbs, inputAbs);
      Predictions predictions = new Predictions(rows, coder, scorer, csv);
      BatchFiles.write(now, predictions::write, stdout);
      if (now.kind() != Output.Kind.STDOUT) {
        long n = predictions.rows();
        long none = predictions.unscored();
        stdout.println("logitlab predict: " + n + (n == 1 ? " row" : " rows") + " of "
            + newData.name() + " scored with the models fitted to " + trainData.name() + (none > 0 ? "; "
            + none + (none == 1 ? " row has" : " rows have") + " no predictions (see the reason column)" : "")
            + " -> " + output);
        stdout.flush();
      }
    }
    return ExitCodes.OK;
  }

  /** --ci, --conf, --robust: a usage error naming what the option is for. */
  private void refuseUnused() {
    for (String name : REFUSED) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new UsageException("predict does not take " + name + ": it changes only "
            + (name.equals("--robust") ? "the linear model's standard errors" : "the coefficients' intervals")
            + ", which predict does not write (compare and report show them)");
      }
    }
  }
}
