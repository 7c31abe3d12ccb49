package logitlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import logitlab.data.CsvFormat;
import logitlab.data.CsvInput;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.fit.CompareOptions;
import logitlab.fit.Comparer;
import logitlab.model.Comparison;
import logitlab.plot.PlotData;
import logitlab.plot.Plots;
import logitlab.report.Figure;
import logitlab.report.HtmlReport;
import logitlab.report.MarkdownReport;
import logitlab.report.Provenance;
import logitlab.report.ReportContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code logitlab report}: the comparison as a document to hand in or keep: a self-contained HTML
 * file with inline SVG plots, or Markdown with PNG plots beside it, ending in a provenance block
 * from which the report can be re-made byte for byte.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Write a report of the three fits, with plots: one self-contained HTML file, or Markdown with "
          + "PNG files beside it.",
      "",
      "The report has the tables of compare, the warnings in a box, and plots of the data with the "
          + "three fitted curves, of the neuron's training and of the fitted probabilities against "
          + "each other. Its end says how it was made: re-running that command writes the same bytes.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  logitlab report data/smoking.csv -o smoking.html",
      "  logitlab report data/smoking.csv -o smoking.md --plot-x age",
      "        (Markdown, with the plots beside it as PNG files: smoking-fit.png, ...)",
      "  logitlab report data/smoking.csv data/exam.csv --output-dir reports",
      "        (one HTML report per file in reports/)",
      "",
      ExitCodes.HELP_FIT_1,
      ExitCodes.HELP_FIT_2
    })
final class ReportCommand implements Callable<Integer> {
  /** The plots a report can have, in order; a Markdown report names its PNG files after them. */
  static final List<String> FIGURES = List.of("fit", "loss", "weights", "agreement", "calibration");

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Mixin InputOptions in;

  @Mixin DataOptions data;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 21,
      description = "The report: FILE.html (self-contained, plots inline as SVG) or FILE.md (plots "
          + "as FILE-fit.png, FILE-loss.png, ... beside it). A regular file (or a link's target) is "
          + "replaced completely or not at all; an HTML report may also go to a device or pipe, or "
          + "to stdout with -o - --format html.")
  Path output;

  @Option(names = {"-f", "--format"}, paramLabel = "html|markdown", order = 22,
      converter = Choices.ReportFormatConverter.class, completionCandidates = Choices.ReportFormats.class,
      description = "Report format: ${COMPLETION-CANDIDATES}. Default: from the -o file's extension (.html, "
          + ".md), html with --output-dir.")
  Format format;

  @Option(names = "--plot-x", paramLabel = "COL", order = 23,
      description = "The numeric predictor to plot the data and the fitted curves against (the others "
          + "held at their mean or reference level). Default: the first numeric predictor.")
  String plotX;

  @Option(names = "--timestamp", order = 24,
      description = "Print the time the report was made in its provenance block (then two runs no "
          + "longer give the same bytes).")
  boolean timestamp;

  @Mixin GlmCliOptions glm;

  @Mixin NeuronCliOptions neuronOptions;

  @Override
  public Integer call() {
    ModelSpec modelSpec = data.modelSpec();
    CsvFormat csvFormat = data.format();
    List<Map<String, String>> points = in.points();
    CompareOptions options = glm.compareOptions(neuronOptions.toOptions());
    Job job = new Job(modelSpec, csvFormat, points, options);
    if (in.batch()) {
      return batch(job);
    }
    if (output == null) {
      throw new UsageException("report needs -o FILE.html or -o FILE.md (or --output-dir DIR)");
    }
    Format fmt = format != null ? format : formatOf(output);
    Path file = in.files.get(0);
    boolean stdin = DataOptions.isStdin(file);
    Path input = stdin ? null : file.toAbsolutePath().normalize();
    // refuse -o before any work: never the input, never a directory
    Output.Plan plan = Output.checkTarget(output, input);
    if (fmt == Format.MARKDOWN && !plan.replaces()) {
      throw new UsageException("-o " + output + ": a Markdown report writes its plots as PNG files beside it, "
          + "which " + (plan.kind() == Output.Kind.STDOUT ? "standard output" : "a device or pipe")
          + " cannot have; write it to a file, or give --format html (one self-contained file)");
    }
    for (Path t : targets(output, fmt)) {
      Output.checkTarget(t, input);
    }
    // standard input cannot be read twice: its checksum is taken as it is read
    HashingInputStream hashed = stdin ? new HashingInputStream(main.stdin) : null;
    job.run(stdin ? CsvInput.stdin(hashed) : DataOptions.input(file, null), hashed, output, fmt,
        spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** html or markdown from the file name's extension. */
  private static Format formatOf(Path output) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return Format.HTML;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Format.MARKDOWN;
    }
    throw new UsageException("-o " + output + ": name the report FILE.html or FILE.md (or give --format html "
        + "or --format markdown)");
  }

  /** Every file a report writes: the PNG files of a Markdown report, then the report itself. */
  static List<Path> targets(Path report, Format format) {
    List<Path> out = new ArrayList<>();
    if (format == Format.MARKDOWN) {
      for (String id : FIGURES) {
        out.add(pngPath(report, id));
      }
    }
    out.add(report);
    return out;
  }

  /** {@code dir/report-fit.png} for {@code dir/report.md}. */
  static Path pngPath(Path report, String id) {
    String name = report.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return report.resolveSibling(stem + "-" + id + ".png");
  }

  private int batch(Job job) {
    Batch.refuseStdin(in.files);
    if (output != null) {
      throw new UsageException("-o and --output-dir do not go together: with --output-dir each input gets "
          + "its own report");
    }
    if (in.outputDir == null) {
      throw new UsageException("several input files need --output-dir DIR (one report per file, and "
          + "DIR/summary.csv)");
    }
    Format fmt = format != null ? format : Format.HTML;
    String ext = fmt.extension();
    List<Batch.Input> inputs = Batch.inputs(in.files);
    Path outputDir = in.outputDir;
    Batch.prepare(outputDir, inputs, i -> targets(outputDir.resolve(i.stem() + ext), fmt), in.force);
    return Batch.run(inputs, outputDir,
        i -> job.run(CsvInput.file(i.path().toAbsolutePath().normalize(), i.display()), null,
            outputDir.resolve(i.stem() + ext), fmt, null),
        spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** One report: load, fit, plot, render, write. */
  private final class Job {
    private final ModelSpec modelSpec;
    private final CsvFormat csvFormat;
    private final List<Map<String, String>> points;
    private final CompareOptions options;

    Job(ModelSpec modelSpec, CsvFormat csvFormat, List<Map<String, String>> points, CompareOptions options) {
      this.modelSpec = modelSpec;
      this.csvFormat = csvFormat;
      this.points = points;
      this.options = options;
    }

    /**
     * One report to {@code target}. {@code stdout} is given for a single run ({@code -o}: the
     * report may go to stdout, a device or a pipe, and is checked again against the input) and null
     * in a batch, whose files {@link Batch#prepare} checked.
     *
     * @param input the file or standard input
     * @param hashed standard input as it is read (its checksum), or null for a file
     */
    Batch.Done run(CsvInput input, HashingInputStream hashed, Path target, Format fmt, PrintWriter stdout) {
      DesignMatrix design = DesignMatrixLoader.load(input, csvFormat, modelSpec);
      Comparison comparison = Comparer.compare(design, points, options);
      PlotData plotData = Usage.check(() -> PlotData.of(design, comparison, plotX, neuronOptions.seed));
      String[] digest = hashed != null ? new String[] {hashed.sha256(), Long.toString(hashed.size())}
          : sha256(input.path());
      Provenance provenance = provenance(digest, comparison, fmt);
      List<Path> written = new ArrayList<>();
      String text;
      if (fmt == Format.HTML) {
        Plots.Drawn drawn = Plots.draw(comparison, plotData, Plots.Format.SVG);
        List<Figure> figures = new ArrayList<>();
        for (Plots.Drawing d : drawn.figures()) {
          figures.add(new Figure(d.id(), d.title(), d.caption(), d.svg(), null));
        }
        text = HtmlReport.render(new ReportContent(comparison, figures, drawn.notes(), provenance));
      } else {
        Plots.Drawn drawn = Plots.draw(comparison, plotData, Plots.Format.PNG);
        List<Figure> figures = new ArrayList<>();
        for (Plots.Drawing d : drawn.figures()) {
          Path png = pngPath(target, d.id());
          BatchFiles.write(png, d.png()); // the images first: the report never names a missing one
          written.add(png);
          figures.add(new Figure(d.id(), d.title(), d.caption(), null, png.getFileName().toString()));
        }
        text = MarkdownReport.report(new ReportContent(comparison, figures, drawn.notes(), provenance));
      }
      if (stdout != null) {
        Output.toFile(target, text, stdout, input.path());
      } else {
        BatchFiles.write(target, text);
      }
      written.add(0, target);
      return new Batch.Done(comparison, written);
    }
  }

  /** The provenance block: version, command line, every option's value, the input's SHA-256. */
  private Provenance provenance(String[] digest, Comparison c, Format fmt) {
    ParseResult pr = spec.commandLine().getParseResult();
    List<Provenance.Option> opts = new ArrayList<>();
    // in the help's order (options of the shared mixins included), whatever class declares them
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.sort(Comparator.comparingInt(OptionSpec::order));
    for (OptionSpec o : options) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String value = valueText(o.getValue());
      String resolved = resolved(o.longestName(), c, fmt);
      if (resolved != null) {
        value = value.equals("(not set)") ? resolved : value + " (" + resolved + ")";
      }
      opts.add(new Provenance.Option(o.longestName(), value, pr.hasMatchedOption(o)));
    }
    return new Provenance(version(), commandLine(pr), opts, digest[0], Long.parseLong(digest[1]), java(),
        timestamp ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null);
  }

  /** What an option left to its default, or given as "auto", came to in this run; null if nothing to add. */
  private String resolved(String option, Comparison c, Format fmt) {
    var s = c.neuron().settings();
    return switch (option) {
      case "--outcome" -> data.outcome == null ? c.input().outcome() + " (the last column)" : null;
      case "--delimiter" -> data.delimiter == null
          ? (data.format().delimiter() == '\t' ? "tab" : String.valueOf(data.format().delimiter()))
              + " (unless the file's first line is sep=...)" : null;
      case "--predictors" -> data.predictors == null
          ? (c.input().predictors().isEmpty() ? "none" : String.join(",", c.input().predictors()))
              + " (every other column)" : null;
      case "--format" -> format == null ? fmt.cliName() + " (from the output file's name)" : null;
      case "--plot-x" -> plotX == null ? "the first numeric predictor" : null;
      case "--max-epochs" -> neuronOptions.maxEpochs == null ? s.maxEpochs() + " (the default for " + s.optimizer()
          + ")" : null;
      case "--batch-size" -> neuronOptions.batchSize == null
          ? (s.batchSize() > 0 ? s.batchSize() + " rows" : "all rows") : null;
      case "--learning-rate" -> neuronOptions.learningRate.trim().equalsIgnoreCase("auto")
          ? "step " + s.learningRate() : null;
      default -> null;
    };
  }

  private static String valueText(Object v) {
    if (v == null) {
      return "(not set)";
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty() ? "(none)" : String.join(",", c.stream().map(Choices::name).toList());
    }
    return Choices.name(v);
  }

  /** The SHA-256 of a file in hex, and its size. */
  private static String[] sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      long size = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        size += n;
      }
      byte[] d = ((DigestInputStream) in).getMessageDigest().digest();
      return new String[] {HexFormat.of().formatHex(d), Long.toString(size)};
    } catch (IOException e) {
      throw new OutputException(file + ": cannot read the file again for its checksum: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The command line as a shell reads it back: {@code logitlab} and the arguments, {@link #shellQuote}d. */
  static String commandLine(ParseResult pr) {
    List<String> args = new ArrayList<>();
    args.add("logitlab");
    args.addAll(pr.originalArgs());
    return String.join(" ", args.stream().map(ReportCommand::shellQuote).toList());
  }

  /** The Java that runs logitlab: {@code 17.0.9 (Debian)}. */
  static String java() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/logitlab-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unknown
    }
    return p.getProperty("version", "unknown");
  }

  /**
   * An argument as a POSIX shell reads it back: as it is when it holds only safe characters, else in
   * single quotes; an argument with control characters in ANSI-C quotes ($'...') so that the command
   * stays on one line.
   */
  static String shellQuote(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> c < 128
        && (Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0))) {
      return s;
    }
    boolean control = s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    if (!control) {
      return "'" + s.replace("'", "'\\''") + "'";
    }
    StringBuilder sb = new StringBuilder("$'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('\'').toString();
  }
}
