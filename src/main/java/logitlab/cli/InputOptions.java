package logitlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs of {@code compare} and {@code report}: the FILE arguments, the {@code --at} points, and
 * the batch run's {@code --output-dir} and {@code --force}.
 */
final class InputOptions {
  @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE",
      description = "CSV file with a header row, or - for standard input. With --output-dir: several "
          + "files, or directories (their .csv files), one result each.")
  List<Path> files;

  @Option(names = "--at", paramLabel = "COL=VALUE[,COL=VALUE...]", order = 20,
      description = "Predict the three probabilities at this point (repeatable; one point each). "
          + "Predictors not named take their mean or reference level. Default: the smallest and "
          + "largest value of the first numeric predictor.")
  List<String> at = new ArrayList<>();

  @Option(names = "--output-dir", paramLabel = "DIR", order = 27,
      description = "Batch run: write one result per input file to DIR, named after it (x.csv gives DIR/x "
          + "with the format's extension), and DIR/summary.csv (status, rows used, coefficients or the error "
          + "of each file). A file that fails does not stop the others.")
  Path outputDir;

  @Option(names = "--force", order = 28,
      description = "With --output-dir: replace files that exist already (else the run is refused before "
          + "any work).")
  boolean force;

  /** Whether this is a batch run: several inputs, or --output-dir. */
  boolean batch() {
    return outputDir != null || files.size() > 1;
  }

  /** The --at points: each {@code COL=VALUE[,COL=VALUE...]} a map in the order given. */
  List<Map<String, String>> points() {
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
