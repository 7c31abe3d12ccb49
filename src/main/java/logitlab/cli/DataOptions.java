package logitlab.cli;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import logitlab.data.CsvFormat;
import logitlab.data.CsvInput;
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

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", order = 15,
      description = "Field delimiter: a single character, or 'tab'. Default: ',' (';' with --decimal ','), "
          + "or what a first line such as 'sep=;' (written by Excel) says.")
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

  @Option(names = "--decimal", paramLabel = "CHAR", defaultValue = ".", order = 19,
      description = "Decimal mark of the numbers in the file: '.' or ',' (a European spreadsheet's 1,5, as "
          + "R's read.csv2 reads it; the delimiter is then ';' unless -d says otherwise). Default: "
          + "${DEFAULT-VALUE}")
  String decimal;

  @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8", order = 19,
      description = "Character encoding of the file: UTF-8, ISO-8859-1 (Latin-1), windows-1252 (Excel on "
          + "Windows), or another name Java knows (UTF-16, ...). Bytes that are not text in it are an "
          + "error. Default: ${DEFAULT-VALUE}")
  String encoding;

  @Option(names = "--empty-level", order = 19,
      description = "Keep an empty field of a text column as a level of its own, \"(empty)\" (the dummy of "
          + "column region is region(empty)), as R's read.csv does, instead of a missing value that drops "
          + "the row.")
  boolean emptyLevel;

  /** Whether a FILE argument is {@code -}: standard input. */
  static boolean isStdin(Path file) {
    return file != null && file.toString().equals("-");
  }

  /** What a FILE argument names: standard input for {@code -}, else the file (named as given). */
  static CsvInput input(Path file, InputStream stdin) {
    return isStdin(file) ? CsvInput.stdin(stdin) : CsvInput.file(file.toAbsolutePath().normalize(), file.toString());
  }

  /** The model specification these options describe. */
  ModelSpec modelSpec() {
    return Usage.check(
        () -> new ModelSpec(outcome, predictors, factors(), positive, new LinkedHashSet<>(na), maxLevels,
            weights, trials, emptyLevel));
  }

  /**
   * How the file is written: the delimiter (',' by default, ';' with a decimal comma, or a sep= line's),
   * the decimal mark and the encoding.
   */
  CsvFormat format() {
    char dec = decimalChar();
    Charset charset = charset();
    if (delimiter == null) {
      return Usage.check(() -> new CsvFormat(dec == ',' ? ';' : ',', false, dec, charset));
    }
    char d = delimiterChar();
    return Usage.check(() -> new CsvFormat(d, true, dec, charset));
  }

  private char decimalChar() {
    String d = decimal.trim();
    if (!d.equals(".") && !d.equals(",")) {
      throw new UsageException("--decimal must be '.' or ',', not \"" + decimal + "\"");
    }
    return d.charAt(0);
  }

  private Charset charset() {
    try {
      return Charset.forName(encoding.trim());
    } catch (IllegalArgumentException e) { // illegal or unsupported name
      throw new UsageException("--encoding: unknown encoding \"" + encoding + "\"; for example UTF-8, "
          + "ISO-8859-1 (Latin-1) or windows-1252");
    }
  }

  /** The delimiter as a character; 'tab' or '\t' for a tab. */
  private char delimiterChar() {
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
