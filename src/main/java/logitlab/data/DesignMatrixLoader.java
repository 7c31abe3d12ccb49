package logitlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a CSV file and builds the {@link DesignMatrix} for a {@link ModelSpec}, as R's
 * {@code read.csv} followed by {@code glm(y ~ ., data, na.action = na.omit)} would.
 *
 * <ul>
 *   <li><b>Columns.</b> The outcome defaults to the last column and the predictors to all the others,
 *       in file order. Only these columns are stored; every row's width is checked all the same.
 *   <li><b>Format.</b> The {@link CsvFormat}: delimiter (or a {@code sep=} first line), decimal mark
 *       ({@code 1,5} with {@code --decimal ,}, as R's {@code read.csv2}) and encoding; a file or
 *       standard input ({@link CsvInput}), read once.
 *   <li><b>Missing values.</b> An empty field, {@code NA} or one of {@link ModelSpec#naMarkers()}
 *       (compared after trimming spaces). A row missing the outcome or a predictor is dropped;
 *       missing values in other columns do not matter. With {@link ModelSpec#emptyLevel()}, an empty
 *       field of a categorical predictor whose values are text is the level {@link
 *       ModelSpec#EMPTY_LEVEL} instead, sorted first (R's {@code read.csv} keeps {@code ""}); without
 *       it, such fields are counted in {@link DesignMatrix.ReadNotes#emptyAsMissing()}.
 *   <li><b>Types.</b> A predictor whose values are all numbers is numeric, one with no numbers is
 *       categorical, and one that mixes the two is an error naming the first non-numeric value. A
 *       column in {@link ModelSpec#factors()} is categorical whatever its values.
 *   <li><b>Factor coding.</b> Treatment coding as R: levels sorted (numerically when all are numbers,
 *       else by {@link String#compareTo}), the first, or the one the spec names, is the reference and
 *       gets no column; the others get a 0/1 column named column name + level ({@code race2}).
 *   <li><b>Outcome.</b> 0/1, TRUE/FALSE, or two labels of which the second in sorted order is the
 *       event (R's factor rule: No/Yes gives Yes = 1); {@link ModelSpec#positive()} overrides.
 *   <li><b>Weights and trials.</b> {@link ModelSpec#weights()} names a column of prior weights
 *       (numbers &gt;= 0); {@link ModelSpec#trials()} a column of trial counts, and the outcome then
 *       holds success counts between 0 and the trials: y becomes the proportion and the weight the
 *       trials, as R's {@code glm(cbind(successes, trials - successes) ~ ...)}. Neither column is a
 *       predictor by default; a row missing either is dropped. An outcome of counts without
 *       trials is an error that names the columns that could hold them.
 *   <li><b>Notes.</b> A numeric predictor whose used values are all distinct whole numbers is noted
 *       as identifier-like ({@link DesignMatrix.ReadNotes#identifierLike()}). A column name that
 *       matches none is answered with the one it probably means ({@link Names#closest}).
 * </ul>
 *
 * Every problem is a {@link DataException} with a one-line message that starts with the file's
 * display name and, where known, the line.
 */
public final class DesignMatrixLoader {

  /** The most levels a categorical column may have, unless the spec says otherwise. */
  public static final int MAX_LEVELS = ModelSpec.DEFAULT_MAX_LEVELS;

  /**
   * A numeric predictor's largest absolute value must lie in [{@value #MIN_SCALE}, {@value
   * #MAX_SCALE}]. Outside, the squares and products the fits form (variances ~ 1/scale^2, sums of
   * squares ~ n scale^2) leave the range of a double and would print as 0, Inf or NaN; a clear error
   * that asks for rescaling is better.
   */
  static final double MAX_SCALE = 1e100;

  static final double MIN_SCALE = 1e-100;

  /**
   * A numeric predictor is flagged as identifier-like ({@link DesignMatrix.ReadNotes#identifierLike})
   * only with more used rows than this: in a handful of rows, distinct whole numbers are common.
   */
  public static final int IDENTIFIER_MIN_ROWS = 20;

  /** How many distinct values an outcome error message shows. */
  private static final int SHOWN_VALUES = 10;

  private static final String INTERCEPT = "(Intercept)";

  private DesignMatrixLoader() {}

  /**
   * Reads the CSV and builds the design matrix.
   *
   * @param file the CSV file (UTF-8, header row first)
   * @param displayName how the file is named in messages (e.g. {@code data/x.csv})
   * @param delimiter the field separator: {@code ','}, {@code ';'} or {@code '\t'}
   * @param spec outcome, predictors, factors, positive value and missing-value markers
   * @return the design matrix over the rows with no missing value in a used column
   * @throws DataException USAGE when the spec names a column or level the data lacks; BAD_INPUT when
   *     the file cannot be read or its content is malformed; NOT_FITTABLE when no model can be fitted
   *     (no rows left, one outcome class, a one-level factor)
   */
  public static DesignMatrix load(Path file, String displayName, char delimiter, ModelSpec spec) {
    Objects.requireNonNull(file, "file");
    return load(CsvInput.file(file, displayName), CsvFormat.delimitedBy(delimiter), spec);
  }

  /**
   * Reads a CSV file or standard input, once, and builds the design matrix.
   *
   * @param input the file or standard input, and its name in messages
   * @param format delimiter, decimal mark and encoding
   * @param spec outcome, predictors, factors, positive value and missing-value markers
   * @return the design matrix over the rows with no missing value in a used column
   * @throws DataException as {@link #load(Path, String, char, ModelSpec)}
   */
  public static DesignMatrix load(CsvInput input, CsvFormat format, ModelSpec spec) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(spec, "spec");
    String displayName = input.name();
    Set<String> naMarkers = spec.naMarkers().stream().map(String::trim).collect(Collectors.toSet());
    Selection[] selection = new Selection[1];
    CsvTable table =
        CsvTable.read(
            input,
            format,
            header -> {
              selection[0] = Selection.resolve(displayName, header, spec);
              return selection[0].columns(displayName, header.size(), naMarkers, spec.maxLevels(),
                  format.decimal());
            });
    return new Builder(displayName, table, selection[0], spec).build();
  }

  /** The spec resolved against the header: positions of the outcome and the predictors. */
  private record Selection(
      int outcome, int[] predictors, boolean[] factor, List<String> header, int weights, int trials) {

    static Selection resolve(String file, List<String> header, ModelSpec spec) {
      String outcomeName = spec.outcome() != null ? spec.outcome().trim() : header.get(header.size() - 1);
      int outcome = indexOf(file, header, outcomeName);
      int weights = spec.weights() == null ? -1 : indexOf(file, header, spec.weights().trim());
      int trials = spec.trials() == null ? -1 : indexOf(file, header, spec.trials().trim());
      if (weights == outcome || trials == outcome) {
        throw usage(file + ": " + Text.quote(outcomeName) + " is the outcome; it cannot also be the "
            + (weights == outcome ? "--weights" : "--trials") + " column");
      }
      if (weights >= 0 && weights == trials) {
        throw usage(file + ": " + Text.quote(header.get(weights)) + " cannot be both the --weights and"
            + " the --trials column");
      }
      List<String> names = spec.predictors();
      if (names == null) {
        names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
          if (j != outcome && j != weights && j != trials) {
            names.add(header.get(j));
          }
        }
      }
      int[] predictors = new int[names.size()];
      Set<Integer> seen = new HashSet<>();
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(k).trim();
        int j = indexOf(file, header, name);
        if (j == outcome) {
          throw usage(file + ": " + Text.quote(name) + " is the outcome; it cannot also be a predictor");
        }
        if (!seen.add(j)) {
          throw usage(file + ": predictor " + Text.quote(name) + " is listed twice");
        }
        if (j == weights || j == trials) {
          throw usage(file + ": " + Text.quote(name) + " is the " + (j == weights ? "--weights" : "--trials")
              + " column; it cannot also be a predictor");
        }
        predictors[k] = j;
      }
      boolean[] factor = new boolean[header.size()];
      for (String name : spec.factors().keySet()) {
        // A factor that is not a predictor (or is the outcome) has no effect.
        factor[indexOf(file, header, name.trim())] = true;
      }
      return new Selection(outcome, predictors, factor, header, weights, trials);
    }

    /** The columns to store: the outcome and predictors; the rest are skipped. */
    Column[] columns(String file, int width, Set<String> naMarkers, int maxLevels, char decimal) {
      Column[] columns = new Column[width];
      // with trials the outcome counts successes: a number, not a label
      columns[outcome] = new Column(file, header.get(outcome), naMarkers, trials >= 0, maxLevels, decimal);
      if (weights >= 0) {
        columns[weights] = new Column(file, header.get(weights), naMarkers, true, maxLevels, decimal);
      }
      if (trials >= 0) {
        columns[trials] = new Column(file, header.get(trials), naMarkers, true, maxLevels, decimal);
      }
      for (int j : predictors) {
        columns[j] = new Column(file, header.get(j), naMarkers, !factor[j], maxLevels, decimal);
      }
      return columns;
    }

    private static int indexOf(String file, List<String> header, String name) {
      int j = header.indexOf(name);
      if (j < 0) {
        String guess = Names.closest(name, header);
        throw usage(file + ": no column " + Text.quote(name)
            + (guess == null ? "" : " (did you mean " + Text.quote(guess) + "?)")
            + "; columns are: " + Text.list(header));
      }
      return j;
    }
  }

  /** Turns the stored columns into the design matrix. */
  private static final class Builder {
    private final String file;
    private final CsvTable table;
    private final ModelSpec spec;
    private final Column outcome;
    private final Column[] predictors;
    private final Column weights;
    private final Column trials;

    Builder(String file, CsvTable table, Selection selection, ModelSpec spec) {
      this.file = file;
      this.table = table;
      this.spec = spec;
      this.outcome = table.column(selection.outcome());
      this.predictors = new Column[selection.predictors().length];
      for (int k = 0; k < predictors.length; k++) {
        predictors[k] = table.column(selection.predictors()[k]);
      }
      this.weights = selection.weights() < 0 ? null : table.column(selection.weights());
      this.trials = selection.trials() < 0 ? null : table.column(selection.trials());
    }

    DesignMatrix build() {
      checkLevelCounts();
      int rowsRead = table.rows();
      Map<String, Integer> emptyAsMissing = new LinkedHashMap<>();
      for (Column c : predictors) {
        // R's read.csv keeps "" as a level of a text column, and reads it as NA in a column of numbers
        if (c.isText() && c.emptyCount() > 0 && !c.allNumbers()) {
          if (spec.emptyLevel()) {
            c.adoptEmpty();
          } else {
            emptyAsMissing.put(c.name(), c.emptyCount());
          }
        }
      }
      Map<String, Integer> droppedByColumn = new LinkedHashMap<>();
      List<Column> used = new ArrayList<>();
      used.add(outcome);
      used.addAll(List.of(predictors));
      if (weights != null) {
        used.add(weights);
      }
      if (trials != null) {
        used.add(trials);
      }
      for (Column c : used) {
        if (c.missingCount() > 0) {
          droppedByColumn.put(c.name(), c.missingCount());
        }
      }
      boolean[] keep = new boolean[rowsRead];
      int n = 0;
      for (int row = 0; row < rowsRead; row++) {
        boolean ok = true;
        for (Column c : used) {
          if (c.isMissing(row)) {
            ok = false;
            break;
          }
        }
        keep[row] = ok;
        if (ok) {
          n++;
        }
      }
      for (Column c : used) {
        if (c.missingCount() == rowsRead) {
          throw new DataException(
              DataException.Kind.NOT_FITTABLE,
              file + ": " + (c == outcome ? "outcome " : "column ") + Text.quote(c.name())
                  + " has no values: it is missing in all " + rowsRead
                  + (rowsRead == 1 ? " row" : " rows")
                  + (c == outcome ? "" : "; leave it out (-x lists the predictors to use)"));
        }
      }
      if (n == 0) {
        throw new DataException(
            DataException.Kind.NOT_FITTABLE,
            file + ": all " + rowsRead + (rowsRead == 1 ? " row was" : " rows were")
                + " dropped for missing values (" + describeDrops(droppedByColumn)
                + "); no rows are left to fit");
      }

      // y and the prior weights are checked here, row by row, and computed again for each row as
      // the blocks are filled: nothing of length n besides the blocks
      DesignMatrix.Outcome outcomeRecord;
      OutcomeCoding outcomeCoding = null;
      if (trials != null) {
        outcomeRecord = checkCounts(keep);
        checkScale(trials, keep); // products of weights overflow beyond it, as for predictors
      } else {
        outcomeCoding = codeOutcome(keep);
        outcomeRecord = outcomeCoding.outcome;
      }
      if (weights != null) {
        checkWeights(keep);
        checkScale(weights, keep);
      }

      List<String> terms = new ArrayList<>();
      terms.add(INTERCEPT);
      List<DesignMatrix.Predictor> records = new ArrayList<>();
      Levels[] coding = new Levels[predictors.length];
      for (int k = 0; k < predictors.length; k++) {
        Column c = predictors[k];
        int first = terms.size();
        if (c.isText()) {
          coding[k] = factorLevels(c, keep);
          for (int l = 1; l < coding[k].size(); l++) {
            terms.add(c.name() + coding[k].labels().get(l));
          }
          records.add(new DesignMatrix.Predictor(c.name(), true, first, Double.NaN, coding[k].labels()));
        } else {
          terms.add(c.name());
          records.add(new DesignMatrix.Predictor(c.name(), false, first, mean(c, keep, n), List.of()));
        }
      }
      int p = terms.size();
      List<String> identifierLike = new ArrayList<>();
      for (int k = 0; k < predictors.length; k++) {
        if (coding[k] == null) {
          checkScale(predictors[k], keep);
          if (looksLikeIdentifier(predictors[k], keep, n)) {
            identifierLike.add(predictors[k].name());
          }
        }
      }
      RowBlocks.Builder rowsBuilder = new RowBlocks.Builder(p, Spill.policy(), file);
      double[] xi = new double[p];
      for (int row = 0; row < rowsRead; row++) {
        if (!keep[row]) {
          continue;
        }
        double yi;
        double ai = 1.0;
        if (trials != null) {
          double m = trials.value(row);
          yi = m > 0 ? outcome.value(row) / m : 0;
          ai = m;
        } else {
          yi = outcomeCoding.levels.levelOf(outcome, row) == outcomeCoding.event ? 1.0 : 0.0;
        }
        if (weights != null) {
          ai *= weights.value(row);
        }
        java.util.Arrays.fill(xi, 0.0);
        xi[0] = 1.0;
        for (int k = 0; k < predictors.length; k++) {
          int first = records.get(k).firstTerm();
          if (coding[k] == null) {
            xi[first] = predictors[k].value(row);
          } else {
            int level = coding[k].levelOf(predictors[k], row);
            if (level > 0) {
              xi[first + level - 1] = 1.0;
            }
          }
        }
        rowsBuilder.add(xi, yi, ai, table.line(row));
      }
      return new DesignMatrix(
          file, n, p, rowsBuilder.build(), terms, records, outcomeRecord, rowsRead,
          rowsRead - n, droppedByColumn,
          new DesignMatrix.Weighting(weights == null ? null : weights.name(),
              trials == null ? null : trials.name()),
          new DesignMatrix.ReadNotes(identifierLike, emptyAsMissing));
    }

    /**
     * Whether a numeric predictor looks like a row number or an identifier: more than {@link
     * #IDENTIFIER_MIN_ROWS} used rows, every value a whole number, no two alike. Cheap for ordinary
     * columns: a fraction, or a range narrower than the number of rows, settles it before any sort.
     */
    private static boolean looksLikeIdentifier(Column c, boolean[] keep, int n) {
      if (n <= IDENTIFIER_MIN_ROWS) {
        return false;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int row = 0; row < keep.length; row++) {
        if (keep[row]) {
          double x = c.value(row);
          if (x != Math.rint(x)) {
            return false;
          }
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      if (max - min + 1 < n) {
        return false; // n distinct whole numbers span at least n - 1
      }
      if (max - min < 16.0 * n) {
        // a bit per value of the range (at most 2n bytes) instead of a sorted copy of the column
        java.util.BitSet seen = new java.util.BitSet((int) (max - min) + 1);
        for (int row = 0; row < keep.length; row++) {
          if (keep[row]) {
            int at = (int) (c.value(row) - min);
            if (seen.get(at)) {
              return false;
            }
            seen.set(at);
          }
        }
        return true;
      }
      double[] v = new double[n];
      for (int row = 0, i = 0; row < keep.length; row++) {
        if (keep[row]) {
          v[i++] = c.value(row);
        }
      }
      java.util.Arrays.sort(v);
      for (int i = 1; i < n; i++) {
        if (v[i] == v[i - 1]) {
          return false;
        }
      }
      return true;
    }

    /** A column that must hold numbers (weights, trials, success counts). */
    private void requireNumbers(Column c, String role) {
      if (c.isText()) {
        throw new DataException(DataException.Kind.BAD_INPUT, file + ": " + role + " column "
            + Text.quote(c.name()) + " must hold numbers, but none of its values is a number");
      }
    }

    /**
     * Grouped data: checks the trials and successes of every used row; y = successes / trials and
     * prior weight = trials are computed as the blocks are filled.
     */
    private DesignMatrix.Outcome checkCounts(boolean[] keep) {
      requireNumbers(trials, "--trials");
      requireNumbers(outcome, "outcome (success counts with --trials)");
      for (int row = 0; row < keep.length; row++) {
        if (!keep[row]) {
          continue;
        }
        double m = trials.value(row);
        double s = outcome.value(row);
        if (!(m >= 0) || m != Math.rint(m)) {
          throw new DataException(DataException.Kind.BAD_INPUT, file + ":" + table.line(row) + ": column "
              + Text.quote(trials.name()) + ": " + Text.quote(Numbers.format(m)) + " is not a number of trials (a whole number >= 0)");
        }
        if (!(s >= 0) || s != Math.rint(s) || s > m) {
          throw new DataException(DataException.Kind.BAD_INPUT, file + ":" + table.line(row) + ": column "
              + Text.quote(outcome.name()) + ": " + Text.quote(Numbers.format(s)) + " is not a number of successes between 0 and the "
              + Numbers.format(m) + " trials of column " + Text.quote(trials.name()));
        }
      }
      return new DesignMatrix.Outcome(outcome.name(), "success", "failure");
    }

    /** Prior weights: numbers >= 0 (multiplied into any trials as the blocks are filled). */
    private void checkWeights(boolean[] keep) {
      requireNumbers(weights, "--weights");
      for (int row = 0; row < keep.length; row++) {
        if (!keep[row]) {
          continue;
        }
        double w = weights.value(row);
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new DataException(DataException.Kind.BAD_INPUT, file + ":" + table.line(row) + ": column "
              + Text.quote(weights.name()) + ": " + Text.quote(Numbers.format(w))
              + " is not a weight (a number >= 0)");
        }
      }
    }

    /**
     * Refuses a column with more distinct values than the spec allows (counted while reading, in
     * bounded memory), with the count.
     */
    private void checkLevelCounts() {
      List<Column> used = new ArrayList<>();
      used.add(outcome);
      used.addAll(List.of(predictors));
      for (Column c : used) {
        if (!c.overflowed()) {
          continue;
        }
        String count = (c.distinctCapped() ? "more than " : "") + c.distinctCount();
        String where = " (the " + ordinal(c.maxLevels() + 1) + ", " + Text.quote(c.overflowText())
            + ", is on line " + c.overflowLine() + ")";
        if (c == outcome) {
          String s = c.overflowText();
          boolean count01 = Numbers.looksNumeric(s) && Double.parseDouble(s) >= 0
              && Double.parseDouble(s) == Math.rint(Double.parseDouble(s));
          throw new DataException(
              DataException.Kind.BAD_INPUT,
              file + ": outcome " + Text.quote(c.name()) + " has " + count + " distinct values" + where
                  + "; it must have exactly two (0/1, TRUE/FALSE or two labels)"
                  + (count01 ? ". If it counts successes (grouped binomial data), name the column of"
                      + " trials with --trials COL" : ""));
        }
        throw new DataException(
            DataException.Kind.BAD_INPUT,
            file + ": column " + Text.quote(c.name()) + " has " + count + " distinct values" + where
                + "; a categorical column may have at most " + c.maxLevels()
                + " levels (--max-levels): is it an identifier? Leave it out with -x, or raise"
                + " --max-levels");
      }
    }

    private static String ordinal(int k) {
      int mod100 = k % 100;
      int mod10 = k % 10;
      String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
          : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
      return k + suffix;
    }

    /** Refuses a numeric predictor whose magnitude the fits cannot represent (see MAX_SCALE). */
    private void checkScale(Column c, boolean[] keep) {
      double max = 0;
      int at = -1;
      for (int row = 0; row < keep.length; row++) {
        if (keep[row] && Math.abs(c.value(row)) > max) {
          max = Math.abs(c.value(row));
          at = row;
        }
      }
      if (max > MAX_SCALE) {
        throw new DataException(
            DataException.Kind.NOT_FITTABLE,
            file + ":" + table.line(at) + ": column " + Text.quote(c.name()) + " has values as large as "
                + Numbers.format(c.value(at)) + "; logitlab fits numeric columns whose largest absolute"
                + " value lies between 1e-100 and 1e100: rescale the column (divide it by a power of"
                + " ten)");
      }
      if (max > 0 && max < MIN_SCALE) {
        throw new DataException(
            DataException.Kind.NOT_FITTABLE,
            file + ":" + table.line(at) + ": column " + Text.quote(c.name()) + " has no value larger"
                + " than " + Numbers.format(max) + " in size; logitlab fits numeric columns whose"
                + " largest absolute value lies between 1e-100 and 1e100: rescale the column"
                + " (multiply it by a power of ten)");
      }
    }

    private record OutcomeCoding(Levels levels, int event, DesignMatrix.Outcome outcome) {}

    private OutcomeCoding codeOutcome(boolean[] keep) {
      String name = outcome.name();
      Levels levels = Levels.of(outcome, keep);
      if (levels.size() == 1) {
        throw new DataException(
            DataException.Kind.NOT_FITTABLE,
            file + ": outcome " + Text.quote(name) + " has only one value after dropping missing rows: "
                + levels.describe(SHOWN_VALUES) + "; a model needs both classes");
      }
      if (levels.size() > 2) {
        throw new DataException(
            DataException.Kind.BAD_INPUT,
            file + ": outcome " + Text.quote(name) + " has " + levels.size()
                + " values after dropping missing rows: " + levels.describe(SHOWN_VALUES)
                + "; it must have exactly two (0/1, TRUE/FALSE or two labels)" + trialsHint(levels, keep));
      }
      boolean zeroOne = levels.numeric() && levels.values()[0] == 0.0 && levels.values()[1] == 1.0;
      int event;
      if (spec.positive() != null) {
        event = levels.find(spec.positive());
        if (event < 0) {
          throw usage(
              file + ": --positive " + Text.quote(spec.positive().trim()) + " is not a value of outcome "
                  + Text.quote(name) + "; its values are: " + Text.list(levels.labels()));
        }
      } else if (levels.numeric() && !zeroOne) {
        throw new DataException(
            DataException.Kind.BAD_INPUT,
            file + ": outcome " + Text.quote(name) + " must be coded 0/1 but its values are "
                + Text.escape(levels.labels().get(0)) + " and " + Text.escape(levels.labels().get(1))
                + "; add --positive VALUE to say which one is the event (e.g. --positive "
                + Text.escape(levels.labels().get(1)) + ")" + trialsHint(levels, keep));
      } else if (isTrueFalse(levels.labels())) {
        event = "true".equalsIgnoreCase(levels.labels().get(0)) ? 0 : 1;
      } else {
        event = 1;
      }
      String eventLabel = zeroOne ? (event == 1 ? "1" : "0") : levels.labels().get(event);
      String nonEventLabel = zeroOne ? (event == 1 ? "0" : "1") : levels.labels().get(1 - event);
      return new OutcomeCoding(
          levels, event, new DesignMatrix.Outcome(name, eventLabel, nonEventLabel));
    }

    /**
     * For an outcome of whole numbers >= 0 (counts, not classes), a hint naming the stored numeric
     * columns that could hold the trials of grouped binomial data: whole numbers at least as large as
     * the outcome on every used row, as R's {@code cbind(successes, trials - successes)} needs.
     * Empty when there is none.
     */
    private String trialsHint(Levels levels, boolean[] keep) {
      if (!levels.numeric()) {
        return "";
      }
      for (double v : levels.values()) {
        if (v < 0 || v != Math.rint(v)) {
          return "";
        }
      }
      List<Column> numeric = new ArrayList<>();
      for (Column c : predictors) {
        numeric.add(c);
      }
      if (weights != null) {
        numeric.add(weights);
      }
      List<String> found = new ArrayList<>();
      for (Column c : numeric) {
        if (c.isText()) {
          continue;
        }
        boolean fits = true;
        for (int row = 0; row < keep.length && fits; row++) {
          if (keep[row]) {
            double m = c.value(row);
            fits = m == Math.rint(m) && m >= levels.values()[levels.levelOf(outcome, row)];
          }
        }
        if (fits) {
          found.add(c.name());
        }
      }
      if (found.isEmpty()) {
        return "";
      }
      String first = found.get(0);
      return ". If " + Text.quote(outcome.name()) + " counts successes out of the trials in column "
          + Text.quote(first) + " (grouped binomial data), add --trials " + Text.escape(first)
          + (found.size() > 1 ? " (other columns that could hold the trials: "
              + Text.list(found.subList(1, found.size())) + ")" : "");
    }

    private static boolean isTrueFalse(List<String> labels) {
      Set<String> lower = new HashSet<>();
      for (String s : labels) {
        lower.add(s.toLowerCase(java.util.Locale.ROOT));
      }
      return lower.equals(Set.of("true", "false"));
    }

    /** Levels of a categorical predictor over the used rows, reference first. */
    private Levels factorLevels(Column c, boolean[] keep) {
      Levels levels = Levels.of(c, keep);
      if (levels.size() > spec.maxLevels()) {
        throw new DataException(
            DataException.Kind.BAD_INPUT,
            file + ": column " + Text.quote(c.name()) + " has " + levels.size()
                + " levels; a categorical column may have at most " + spec.maxLevels()
                + " (--max-levels)");
      }
      String reference = referenceFor(c.name());
      if (reference != null) {
        int k = levels.find(reference);
        if (k < 0) {
          throw usage(
              file + ": reference level " + Text.quote(reference.trim()) + " is not a level of column "
                  + Text.quote(c.name()) + "; levels are: " + Text.list(levels.labels()));
        }
        levels = levels.withFirst(k);
      }
      if (levels.size() == 1) {
        throw new DataException(
            DataException.Kind.NOT_FITTABLE,
            file + ": column " + Text.quote(c.name()) + " has only one level after dropping missing"
                + " rows: " + Text.quote(levels.labels().get(0))
                + "; a categorical predictor needs at least two");
      }
      return levels;
    }

    /** The reference level the spec names for a column, or null. */
    private String referenceFor(String column) {
      for (Map.Entry<String, String> e : spec.factors().entrySet()) {
        if (e.getKey().trim().equals(column)) {
          String ref = e.getValue();
          return ref == null || ref.isBlank() ? null : ref;
        }
      }
      return null;
    }

    private static double mean(Column c, boolean[] keep, int n) {
      double sum = 0;
      for (int row = 0; row < keep.length; row++) {
        if (keep[row]) {
          sum += c.value(row);
        }
      }
      return sum / n;
    }

    private static String describeDrops(Map<String, Integer> droppedByColumn) {
      return droppedByColumn.entrySet().stream()
          .map(e -> Text.quote(e.getKey()) + ": " + e.getValue())
          .collect(Collectors.joining(", "));
    }
  }

  private static DataException usage(String message) {
    return new DataException(DataException.Kind.USAGE, message);
  }
}
