package logitlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import logitlab.data.ModelSpec;
import picocli.CommandLine.Option;

/** How to read the CSV and which columns to model: shared by every command that reads data. */
final class DataOptions {
  @Option(names = {"-y", "--outcome"}, paramLabel = "COL", order = 10,
      description = "Outcome column (0/1, TRUE/FALSE or two distinct values). Default: the last column.")
  String outcome;

  @Option(names = {"-x", "--predictors"}, paramLabel = "COL", split = ",", order = 11,
      description = "Predictor columns, comma-separated. Default: all other columns.")
  List<String> predictors;

  @Option(names = "--factor", paramLabel = "COL[:REF]", split = ",", order = 12,
      description = "Treat a column as categorical (treatment-coded as R does), optionally with "
          + "reference level REF. Repeatable.")
  List<String> factors = new ArrayList<>();

  @Option(names = "--positive", paramLabel = "LEVEL", order = 13,
      description = "Outcome value that is the event (coded 1). Default: 1, TRUE, or the second "
          + "value in sorted order (R's rule: No/Yes -> Yes).")
  String positive;

  @Option(names = "--na", paramLabel = "VALUE", split = ",", order = 14,
      description = "Extra marker of a missing value (the empty field and NA always are). Repeatable.")
  List<String> na = new ArrayList<>();

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", defaultValue = ",", order = 15,
      description = "Field delimiter: a single character, or 'tab'. Default: ${DEFAULT-VALUE}")
  String delimiter;

  @Option(names = "--max-levels", paramLabel = "N", order = 16,
      defaultValue = "" + ModelSpec.DEFAULT_MAX_LEVELS,
      description = "Refuse a categorical column (or outcome) with more than N distinct values; "
          + "the message gives the count. Default: ${DEFAULT-VALUE}")
  int maxLevels = ModelSpec.DEFAULT_MAX_LEVELS;

  @Option(names = "--weights", paramLabel = "COL", order = 17,
      description = "Column of prior weights (numbers >= 0), as R's glm(weights = ...).")
  String weights;

  @Option(names = "--trials", paramLabel = "COL", order = 18,
      description = "Grouped binomial data: COL holds the number of trials and the outcome the "
          + "number of successes, as R's glm(cbind(successes, failures) ~ ...).")
  String trials;

  /** The model specification these options describe. */
  ModelSpec modelSpec() {
    return Usage.check(
        () -> new ModelSpec(outcome, predictors, factors(), positive, new LinkedHashSet<>(na), maxLevels,
            weights, trials));
  }

  /** The delimiter as a character; 'tab' or '\t' for a tab. */
  char delimiterChar() {
    String d = delimiter;
    if (d.equalsIgnoreCase("tab") || d.equals("\\t")) {
      return '\t';
    }
    if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
      throw new UsageException("--delimiter must be a single character or 'tab', not \"" + d + "\"");
    }
    return d.charAt(0);
  }

  private Map<String, String> factors() {
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
}
