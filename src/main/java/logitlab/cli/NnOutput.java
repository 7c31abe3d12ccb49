package logitlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import logitlab.plot.Plot;
import logitlab.report.Figure;
import logitlab.report.outline.OutlineFormat;
import logitlab.report.outline.Sink;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options of {@code activations}, {@code vanishing} and {@code mlp}: the format, the
 * output file and the plot file, and writing them: the plot first (so that a document never names
 * a missing image), then the document, each completely or not at all.
 */
class NnOutput {
  /** The options with {@code --output} for {@code -o} ({@code mlp}'s {@code --output} is its output unit). */
  static final class WithLongName extends NnOutput {
    @Option(names = "--output", paramLabel = "FILE", order = 91, description = "The same as -o FILE.")
    void output(Path file) {
      output = file;
    }
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", order = 90,
      converter = Choices.NnFormatConverter.class, completionCandidates = Choices.NnFormats.class,
      description = "Output format: ${COMPLETION-CANDIDATES}; html is one self-contained page with the plots "
          + "inline. Default: html when -o names a .html file, else text.")
  Format format;

  @Option(names = "-o", paramLabel = "FILE", order = 91,
      description = "Write the output to FILE (completely or not at all) instead of stdout; FILE.html gives "
          + "the HTML page.")
  Path output;

  @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", order = 92,
      description = "Also draw the plot into FILE, a PNG or SVG image by its extension.")
  Path plot;

  /**
   * What a command writes.
   *
   * @param plots every plot, the first the one {@code --plot} draws; called only when a plot is needed
   * @param outline writes the outline with the plots to show (possibly none)
   * @param csv the CSV
   * @param json the JSON
   */
  record Document(Supplier<List<Plot>> plots, BiConsumer<Sink, List<Figure>> outline, Supplier<String> csv,
      Supplier<String> json) {}

  /** The format asked for: the option, else html for an -o FILE.html, else text. */
  Format format() {
    if (format != null) {
      return format;
    }
    if (output != null && output.getFileName() != null
        && output.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.x?html?")) {
      return Format.HTML;
    }
    return Format.TEXT;
  }

  /** Checks the targets before any work: usage errors (exit 2) for a bad -o or --plot. */
  void check(Path input) {
    if (output != null) {
      Output.checkTarget(output, input);
    }
    if (plot != null) {
      plotFormat();
      Output.checkTarget(plot, input);
      if (output != null && output.toAbsolutePath().normalize().equals(plot.toAbsolutePath().normalize())) {
        throw new UsageException("-o and --plot name the same file, " + plot);
      }
    }
  }

  private String plotFormat() {
    String name = plot.getFileName() == null ? "" : plot.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "png";
    }
    if (name.endsWith(".svg")) {
      return "svg";
    }
    throw new UsageException("--plot " + plot + ": name the plot FILE.png or FILE.svg");
  }

  /** The end of an HTML page: how to make it again. */
  private static void provenance(CommandSpec spec, Sink s) {
    boolean timing = spec.commandLine().getParseResult().hasMatchedOption("--timing");
    s.heading("Provenance");
    s.paragraph("Re-running this command with the same logitlab and Java versions writes the same bytes"
        + (timing ? ", except the times measured (--timing)." : "."));
    s.preformatted(ReportCommand.commandLine(spec.commandLine().getParseResult()));
    s.facts(List.of(new Sink.Fact("logitlab", ReportCommand.version()), new Sink.Fact("Java", ReportCommand.java())));
  }

  /** Draws, renders and writes: the plot file first, then the document to -o or stdout. */
  void write(CommandSpec spec, Path input, Document doc) {
    Format fmt = format();
    List<Figure> figures = new ArrayList<>();
    boolean html = fmt == Format.HTML;
    if (plot != null || html) {
      List<Plot> plots = doc.plots().get();
      try {
        if (plot != null && !plots.isEmpty()) {
          Plot first = plots.get(0);
          if (plotFormat().equals("png")) {
            BatchFiles.write(plot, first.png());
          } else {
            BatchFiles.write(plot, first.svgDocument());
          }
        }
        if (html) {
          for (Plot p : plots) {
            figures.add(p.figure(true, null));
          }
        } else if (plot != null && !plots.isEmpty()) {
          figures.add(plots.get(0).figure(false, plot.toString()));
        }
      } catch (VirtualMachineError e) {
        throw e;
      } catch (OutputException e) {
        throw e;
      } catch (RuntimeException | Error e) {
        String why = "the plots could not be drawn (" + e.getClass().getSimpleName()
            + (e.getMessage() != null ? ": " + e.getMessage() : "") + "); Java needs fonts to draw them: on Debian "
            + "or Ubuntu, apt-get install fonts-dejavu-core fontconfig";
        if (plot != null) {
          throw new OutputException("--plot " + plot + ": " + why, e);
        }
        spec.commandLine().getErr().println("logitlab: " + why + "; the page is written without them");
        figures.clear();
      }
    }
    String text = switch (fmt) {
      case CSV -> doc.csv().get();
      case JSON -> doc.json().get();
      case TEXT, MARKDOWN, HTML -> {
        Sink s = OutlineFormat.valueOf(fmt.name()).sink();
        doc.outline().accept(s, figures);
        if (html) {
          provenance(spec, s);
        }
        yield s.finish();
      }
    };
    if (output != null) {
      Output.toFile(output, text, spec.commandLine().getOut(), input);
    } else {
      Output.toStdout(spec.commandLine().getOut(), text);
    }
  }
}
