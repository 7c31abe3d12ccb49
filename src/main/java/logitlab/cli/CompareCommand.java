package logitlab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import logitlab.data.CsvFormat;
import logitlab.data.CsvInput;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.fit.CompareOptions;
import logitlab.fit.Comparer;
import logitlab.fit.Phases;
import logitlab.model.Comparison;
import logitlab.report.ComparisonOutline;
import logitlab.report.CsvReport;
import logitlab.report.JsonReport;
import logitlab.report.MarkdownReport;
import logitlab.report.outline.OutlineFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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
      "  logitlab compare data/smoking.csv data/exam.csv --output-dir out -f csv",
      "        (one result per file in out/, and out/summary.csv: which failed and why)",
      "",
      ExitCodes.HELP_FIT_1,
      ExitCodes.HELP_FIT_2
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Mixin InputOptions in;

  @Mixin DataOptions data;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", order = 21,
      converter = Choices.CompareFormatConverter.class, completionCandidates = Choices.CompareFormats.class,
      description = "Output format: ${COMPLETION-CANDIDATES}; markdown has GitHub tables, csv is one tidy long "
          + "table (file, model, term, quantity, value). Default: text, or what the -o file's "
          + "extension asks for: md, csv, json (html is refused: use report).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 22,
      description = "Write the output to FILE instead of stdout: a regular file (or a link's target) "
          + "is replaced completely or not at all; a device or pipe is written into; - is stdout.")
  Path output;

  @Mixin GlmCliOptions glm;

  @Mixin NeuronCliOptions neuronOptions;

  /** Where each design's row passes run: here by default, on Spark from {@link Main#compareOn}. */
  java.util.function.UnaryOperator<DesignMatrix> placement = java.util.function.UnaryOperator.identity();

  @Override
  public Integer call() {
    if (!Phases.requested()) {
      return compare();
    }
    // LOGITLAB_TIMINGS=1: the same run, plus one line per phase on stderr
    double startup = startupSeconds(System.getenv(LAUNCHED), System.currentTimeMillis());
    long t0 = System.nanoTime();
    try (Phases.Recorder times = Phases.start()) {
      int code = compare();
      double command = (System.nanoTime() - t0) / 1e9;
      double timed = times.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "logitlab: timing start-up %.4f s%n", startup);
      timingLines(times.seconds()).forEach(err::println);
      err.printf(Locale.ROOT, "logitlab: timing other %.4f s%n", command - timed);
      err.printf(Locale.ROOT, "logitlab: timing command %.4f s%n", command);
      err.flush();
      return code;
    }
  }

  /** One line per phase, {@code logitlab: timing PHASE SECONDS s}, as printed to stderr. */
  static List<String> timingLines(Map<String, Double> seconds) {
    List<String> out = new ArrayList<>();
    seconds.forEach((k, v) -> out.add(String.format(Locale.ROOT, "logitlab: timing %s %.4f s", k, v)));
    return out;
  }

  /** The time scripts/logitlab started, seconds since the epoch, set with LOGITLAB_TIMINGS. */
  static final String LAUNCHED = "LOGITLAB_LAUNCHED";

  /**
   * Seconds from the start to now: from {@code launched} (the launcher's clock, seconds since the
   * epoch, "." or "," as the decimal mark) when it is a number, else from the JVM's start (which
   * costs loading java.management, some 20 ms: only the bare jar, without the launcher, pays it).
   */
  static double startupSeconds(String launched, long nowMillis) {
    if (launched != null) {
      try {
        double t = Double.parseDouble(launched.trim().replace(',', '.'));
        if (t > 0 && t * 1000 <= nowMillis) {
          return nowMillis / 1e3 - t;
        }
      } catch (NumberFormatException e) {
        // not from the launcher: fall through
      }
    }
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }

  private int compare() {
    ModelSpec modelSpec = data.modelSpec();
    CsvFormat csvFormat = data.format();
    List<Map<String, String>> points = in.points();
    CompareOptions options = glm.compareOptions(neuronOptions.toOptions());
    if (in.batch()) {
      return batch(modelSpec, csvFormat, points, options);
    }
    Path file = in.files.get(0);
    Path input = DataOptions.isStdin(file) ? null : file.toAbsolutePath().normalize();
    Format fmt = format != null ? format : Format.TEXT;
    if (output != null) {
      Output.checkTarget(output, input); // refuse -o FILE before any work: never the input
      fmt = format != null ? format : formatOf(output, file);
    }
    DesignMatrix design = Phases.time("parse",
        () -> placement.apply(DesignMatrixLoader.load(DataOptions.input(file, main.stdin), csvFormat, modelSpec)));
    Comparison comparison = Comparer.compare(design, points, options);
    Format chosen = fmt;
    String text = Phases.time("render", () -> render(chosen, comparison));
    Phases.run("write", () -> {
      if (output != null) {
        Output.toFile(output, text, spec.commandLine().getOut(), input);
      } else {
        Output.toStdout(spec.commandLine().getOut(), text);
      }
    });
    return ExitCodes.OK;
  }

  /**
   * The format -o FILE's extension asks for: .md or .markdown, .csv, .json; text for any other name
   * (.txt, none, -). An .html name is refused (exit code 2): the HTML page is {@code report}'s.
   */
  static Format formatOf(Path output, Path input) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot + 1) : "";
    return switch (ext) {
      case "md", "markdown" -> Format.MARKDOWN;
      case "csv" -> Format.CSV;
      case "json" -> Format.JSON;
      case "html", "htm", "xhtml" -> throw new UsageException("-o " + output + ": compare writes text, "
          + "Markdown, CSV or JSON; for an HTML page with the tables and plots run: logitlab report "
          + ReportCommand.shellQuote(input.toString()) + " -o " + ReportCommand.shellQuote(output.toString())
          + " (with the same options), or give --format to write another format to this file");
      default -> Format.TEXT;
    };
  }

  /** The comparison in a format: text, markdown, csv or json. */
  static String render(Format format, Comparison c) {
    return switch (format) {
      case JSON -> JsonReport.render(c);
      case MARKDOWN -> MarkdownReport.render(c);
      case CSV -> CsvReport.render(c);
      case TEXT, HTML -> ComparisonOutline.compare(c, OutlineFormat.TEXT); // HTML is refused by the option's converter
    };
  }

  /** Several inputs, or --output-dir: one result per file and a summary ({@link Batch}). */
  private int batch(ModelSpec modelSpec, CsvFormat csvFormat, List<Map<String, String>> points,
      CompareOptions options) {
    Batch.refuseStdin(in.files);
    if (in.outputDir == null) {
      throw new UsageException("several input files need --output-dir DIR (one result per file, and "
          + "DIR/summary.csv)");
    }
    if (output != null) {
      throw new UsageException("-o and --output-dir do not go together: with --output-dir each input gets "
          + "its own output file");
    }
    List<Batch.Input> inputs = Batch.inputs(in.files);
    Format fmt = format != null ? format : Format.TEXT;
    String ext = fmt.extension();
    Path outputDir = in.outputDir;
    Batch.prepare(outputDir, inputs, i -> List.of(outputDir.resolve(i.stem() + ext)), in.force);
    return Batch.run(inputs, outputDir, i -> {
      Path input = i.path().toAbsolutePath().normalize();
      DesignMatrix design = Phases.time("parse",
          () -> placement.apply(DesignMatrixLoader.load(CsvInput.file(input, i.display()), csvFormat, modelSpec)));
      Comparison comparison = Comparer.compare(design, points, options);
      Path target = outputDir.resolve(i.stem() + ext);
      String text = Phases.time("render", () -> render(fmt, comparison));
      Phases.run("write", () -> BatchFiles.write(target, text));
      return new Batch.Done(comparison, List.of(target));
    }, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
