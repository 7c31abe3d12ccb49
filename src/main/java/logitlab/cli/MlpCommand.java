package logitlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.fit.NeuronOptions;
import logitlab.model.ActivationFunction;
import logitlab.model.Optimizer;
import logitlab.nn.Datasets;
import logitlab.nn.Init;
import logitlab.nn.Mlp;
import logitlab.nn.MlpOptions;
import logitlab.plot.MlpPlots;
import logitlab.report.MlpReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logitlab mlp}: a multi-layer net on a CSV file or a built-in data set, or a sweep of nets. */
@Command(
    name = "mlp",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Train a multi-layer perceptron (hidden layers of one activation, one sigmoid output, cross-entropy) on a "
          + "CSV file or a built-in data set, beside the logistic GLM on the same training rows, and say what the "
          + "run shows about the claims of the material (a linear net cannot separate XOR; one hidden layer can; "
          + "sigmoid units are logistic regressions; larger nets overfit; sigmoid, tanh and ReLU train "
          + "differently; ReLU units die at large learning rates). --sweep compares several nets.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  logitlab mlp xor --hidden 0                          (no hidden layer: near chance)",
      "  logitlab mlp xor --hidden 4 --activation tanh --plot xor.png",
      "  logitlab mlp data/smoking.csv --hidden 0 --test-fraction 0     (the GLM of compare)",
      "  logitlab mlp circles --n 100 --noise 0.25 --epochs 2000 --sweep hidden=1,2,4,8,32,128",
      "  logitlab mlp circles --sweep activation=sigmoid,tanh,relu,leaky-relu --hidden 32",
      "  logitlab mlp circles --hidden 32 --epochs 300 --sweep learning-rate=0.01,0.1,1,10 -o lr.html",
      "",
      ExitCodes.HELP_FIT_1,
      ExitCodes.HELP_FIT_2
    })
final class MlpCommand implements Callable<Integer> {
  /** The data options that only a CSV file takes. */
  private static final List<String> CSV_OPTIONS = List.of("--outcome", "--predictors", "--factor", "--positive",
      "--na", "--delimiter", "--max-levels", "--weights", "--trials");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|DATASET",
      description = "A CSV file with a header row, or a built-in data set: xor, circles, moons or spiral "
          + "(a file of such a name: ./xor).")
  String source;

  @Mixin DataOptions data;

  @Option(names = "--n", paramLabel = "N", defaultValue = "200", order = 30,
      description = "Built-in data set: number of rows (half of each class). Default: ${DEFAULT-VALUE}")
  int n;

  @Option(names = "--noise", paramLabel = "SD", defaultValue = "0.1", order = 31,
      description = "Built-in data set: sd of the normal noise added to each coordinate. Default: ${DEFAULT-VALUE}")
  double noise;

  @Option(names = "--hidden", paramLabel = "H[,H...]", split = ",", order = 32,
      description = "Units per hidden layer; 0 for no hidden layer (the logistic model). Default: 8")
  List<Integer> hidden;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu", order = 33,
      converter = Choices.FunctionConverter.class, completionCandidates = Choices.HiddenFunctions.class,
      description = "Hidden units' activation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  ActivationFunction activation;

  @Option(names = "--output", paramLabel = "NAME", defaultValue = "sigmoid", order = 35,
      description = "The output unit: sigmoid (a probability; the only one). Default: ${DEFAULT-VALUE}")
  String outputUnit;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", order = 36,
      converter = Choices.OptimizerConverter.class, completionCandidates = Choices.Optimizers.class,
      description = "${COMPLETION-CANDIDATES} (the neuron's optimizers). Default: ${DEFAULT-VALUE}")
  Optimizer optimizer;

  @Option(names = "--learning-rate", paramLabel = "auto|VALUE", defaultValue = "auto", order = 37,
      description = "Step size. auto: with --hidden 0 the neuron's (1/L for gd), else per optimizer: "
          + "adam 0.01, gd 0.5, momentum 0.05, nesterov 0.05, sgd 0.01, minibatch 0.05. Default: ${DEFAULT-VALUE}")
  String learningRate;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + MlpOptions.DEFAULT_EPOCHS, order = 38,
      description = "Most passes over the training rows (fewer when the gradient norm falls below --tolerance). "
          + "Default: ${DEFAULT-VALUE}")
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N", order = 39,
      description = "Rows per step of --optimizer minibatch. Default: " + NeuronOptions.DEFAULT_BATCH_SIZE)
  Integer batchSize;

  @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0", order = 40,
      description = "Weight decay: adds (LAMBDA/2) times the sum of squared weights (not biases) to the loss. "
          + "Default: ${DEFAULT-VALUE}")
  double l2;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + MlpOptions.DEFAULT_TEST_FRACTION,
      order = 41, description = "Share of the rows held out for testing (seeded split); 0 trains on every row. "
          + "Default: ${DEFAULT-VALUE}")
  double testFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + NeuronOptions.DEFAULT_SEED, order = 42,
      description = "Seed of the data set, the split, the initial weights and the shuffling. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "" + MlpOptions.DEFAULT_TOLERANCE, order = 44,
      description = "Stop when the gradient norm falls below TOL. Default: ${DEFAULT-VALUE}")
  double tolerance;

  @Option(names = "--target-loss", paramLabel = "L", defaultValue = "" + MlpOptions.DEFAULT_TARGET_LOSS, order = 45,
      description = "Report the first epoch whose training loss is at most L (the activation sweep compares it). "
          + "Default: ${DEFAULT-VALUE}")
  double targetLoss;

  @Option(names = "--timing", order = 46,
      description = "Measure the time per epoch (then two runs no longer give the same bytes).")
  boolean timing;

  @Option(names = "--sweep", paramLabel = "NAME=V,V...", order = 47,
      description = "Train one net per value, same data, split and seed: hidden=1,2,4,8,32,128 (train and test "
          + "loss against size), activation=sigmoid,tanh,relu,leaky-relu (epochs to --target-loss), "
          + "learning-rate=0.01,0.1,1,10 (dead units, relu beside leaky-relu).")
  String sweep;

  @Option(names = "--save-data", paramLabel = "FILE.csv", order = 48,
      description = "Also write the data as trained and tested on to FILE.csv: the inputs, the outcome, the "
          + "weight and set (train or test), for other tools (scripts/mlp-anchor.py fits scikit-learn to it).")
  Path saveData;

  @Mixin NnOptions net;

  @Mixin NnOutput out;

  @Override
  public Integer call() {
    boolean builtIn = Datasets.isBuiltIn(source);
    Path input = builtIn ? null : Path.of(source).toAbsolutePath().normalize();
    checkDataOptions(builtIn);
    out.check(input);
    if (saveData != null) {
      Output.checkTarget(saveData, input);
    }
    MlpOptions o = options();
    Mlp.Sweep sw = sweep == null ? null : Usage.check(() -> Mlp.Sweep.parse(sweep));
    Usage.check(() -> Mlp.settings(o, sw));
    DesignMatrix d = builtIn
        ? Usage.check(() -> Datasets.make(source, n, noise, seed))
        : DesignMatrixLoader.load(logitlab.data.CsvInput.file(input, source), data.format(), data.modelSpec());
    Mlp.Result r = Mlp.run(d, builtIn ? source.toLowerCase(Locale.ROOT) : null, builtIn ? noise : Double.NaN, o, sw);
    if (saveData != null) {
      BatchFiles.write(saveData, MlpReport.dataCsv(r));
    }
    out.write(spec, input, new NnOutput.Document(() -> MlpPlots.plots(r),
        (s, figures) -> MlpReport.outline(r, s, figures), () -> MlpReport.csv(r), () -> MlpReport.json(r)));
    return ExitCodes.OK;
  }

  /** The CSV options with a built-in data set, or --n/--noise with a file, are usage errors. */
  private void checkDataOptions(boolean builtIn) {
    var pr = spec.commandLine().getParseResult();
    List<String> wrong = new ArrayList<>();
    for (String name : builtIn ? CSV_OPTIONS : List.of("--n", "--noise")) {
      if (pr.hasMatchedOption(name)) {
        wrong.add(name);
      }
    }
    if (!wrong.isEmpty()) {
      throw new UsageException(String.join(", ", wrong) + (builtIn
          ? " appl" + (wrong.size() == 1 ? "ies" : "y") + " to a CSV file, not to the built-in data set " + source
          : " appl" + (wrong.size() == 1 ? "ies" : "y") + " to a built-in data set (xor, circles, moons, spiral), "
              + "not to a file"));
    }
  }

  /** The validated settings. */
  private MlpOptions options() {
    if (!outputUnit.trim().equalsIgnoreCase("sigmoid")) {
      throw new UsageException("--output must be sigmoid (the output is a probability), not \"" + outputUnit + "\"");
    }
    int[] h;
    List<Integer> given = hidden == null ? List.of(8) : hidden;
    if (given.size() == 1 && given.get(0) == 0) {
      h = new int[0];
    } else {
      h = given.stream().mapToInt(Integer::intValue).toArray();
      for (int v : h) {
        if (v < 1) {
          throw new UsageException("--hidden takes units per layer (1 or more), or 0 alone for no hidden layer, not "
              + given.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
        }
      }
    }
    double lr = NnOptions.learningRate(learningRate);
    Init i = net.init();
    return Usage.check(() -> new MlpOptions(h, activation, net.slope, optimizer, lr, epochs,
        batchSize == null ? 0 : batchSize, l2, testFraction, seed, i, tolerance, targetLoss, timing));
  }
}
