package logitlab.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of one used CSV column, stored as they stream in, in primitive {@link Chunks} (on the
 * heap within the {@link Spill} budget, in the spill file after it).
 *
 * <p>A column is in one of two modes:
 *
 * <ul>
 *   <li><b>numeric</b>: doubles, with {@link Double#NaN} for a missing value;
 *   <li><b>text</b>: int codes into a dictionary of the distinct trimmed strings (codes in order of
 *       first appearance), with {@code -1} for a missing value.
 * </ul>
 *
 * A column whose type is to be inferred starts numeric and switches to text at its first non-numeric
 * value, provided it has had no number yet; a column that has both numbers and text is an error,
 * raised as soon as it is seen. The outcome and {@code --factor} columns are text from the start: their
 * levels are worked out after reading, with numbers merged by value.
 */
final class Column {

  private final String file;
  private final String name;
  private final Set<String> naMarkers;
  private final boolean inferType;
  private final int maxLevels;
  private final char decimal;

  private final Spill.Policy policy;
  private int size;
  private Chunks values;
  private Chunks codes;
  private final Map<String, Integer> dictionary = new HashMap<>();
  private String[] texts = new String[16];
  private int[] firstLines = new int[16];

  private int missing;
  /** Rows whose field was empty (blank), a subset of the missing ones until {@link #adoptEmpty}. */
  private final BitSet empty = new BitSet();
  /** The code of the {@link ModelSpec#EMPTY_LEVEL} level once {@link #adoptEmpty} made it, else -1. */
  private int emptyCode = -1;
  private int numbers;
  private int firstTextLine;
  private String firstText;

  /** Set once the column has more than {@code maxLevels} distinct strings: then only counted. */
  private DistinctCounter overflow;
  private int overflowLine;
  private String overflowText;

  /**
   * @param file the file as named in messages
   * @param name the column name
   * @param naMarkers trimmed strings that mark a missing value besides the empty field and {@code NA}
   * @param inferType true: numeric unless every value is text; false: always text (outcome, factors)
   * @param maxLevels the most distinct strings the column may hold
   */
  Column(String file, String name, Set<String> naMarkers, boolean inferType, int maxLevels) {
    this(file, name, naMarkers, inferType, maxLevels, '.');
  }

  /**
   * @param decimal the decimal mark of numbers, {@code '.'} or {@code ','} (then {@code 1,5} is
   *     stored as 1.5, and as the text {@code 1.5} in a text column)
   */
  Column(String file, String name, Set<String> naMarkers, boolean inferType, int maxLevels, char decimal) {
    this.file = file;
    this.name = name;
    this.naMarkers = naMarkers;
    this.inferType = inferType;
    this.maxLevels = maxLevels;
    this.decimal = decimal;
    this.policy = Spill.policy();
    if (inferType) {
      values = Chunks.doubles(policy, file);
    } else {
      codes = Chunks.ints(policy, file);
    }
  }

  String name() {
    return name;
  }

  /** Number of values added (one per data row). */
  int size() {
    return size;
  }

  /** Whether the values are text codes ({@link #code}) rather than numbers ({@link #value}). */
  boolean isText() {
    return codes != null;
  }

  /** Number of rows whose field is empty (blank) and, unless {@link #adoptEmpty} ran, missing. */
  int emptyCount() {
    return empty.cardinality();
  }

  /** Whether the field of this row was empty (blank). */
  boolean emptyAt(int row) {
    return empty.get(row);
  }

  /** Whether {@link #adoptEmpty} made the empty fields a level. */
  boolean emptyAdopted() {
    return emptyCode >= 0;
  }

  /** Whether every distinct string of a text column is a number (then an empty field stays missing). */
  boolean allNumbers() {
    for (String t : dictionary.keySet()) {
      if (!Numbers.looksNumeric(t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes the empty fields of a text column a level of their own, {@link ModelSpec#EMPTY_LEVEL}, as
   * R's {@code read.csv} keeps {@code ""} in a text column: they are no longer missing. The level may
   * take the column past {@code maxLevels}; the caller's level check reports that.
   *
   * @throws DataException BAD_INPUT when the column already has a value spelled as that level
   */
  void adoptEmpty() {
    if (codes == null || overflow != null || empty.isEmpty() || emptyCode >= 0) {
      return;
    }
    String label = ModelSpec.EMPTY_LEVEL;
    if (dictionary.containsKey(label)) {
      throw new DataException(
          DataException.Kind.BAD_INPUT,
          file + ":" + firstLines[dictionary.get(label)] + ": column " + Text.quote(name) + " has the value "
              + Text.quote(label) + ", which is how --empty-level names an empty field; rename that value");
    }
    int c = dictionary.size();
    if (c == texts.length) {
      texts = Arrays.copyOf(texts, 2 * c);
      firstLines = Arrays.copyOf(firstLines, 2 * c);
    }
    texts[c] = label;
    firstLines[c] = 0;
    dictionary.put(label, c);
    emptyCode = c; // the empty rows read as this code from now on (see code)
    missing -= empty.cardinality();
  }

  /** The code of the empty-field level ({@link #adoptEmpty}), or -1. */
  int emptyCode() {
    return emptyCode;
  }

  /** Number of rows with a missing value in this column. */
  int missingCount() {
    return missing;
  }

  boolean isMissing(int row) {
    return codes != null ? code(row) < 0 : Double.isNaN(values.getDouble(row));
  }

  /** Numeric mode: the value in a row, NaN if missing. */
  double value(int row) {
    return values.getDouble(row);
  }

  /** Text mode: the dictionary code in a row, -1 if missing (an empty field, once adopted, its level's). */
  int code(int row) {
    int c = codes.getInt(row);
    return c < 0 && emptyCode >= 0 && empty.get(row) ? emptyCode : c;
  }

  /** Number of distinct strings seen (while within {@code maxLevels}). */
  int distinct() {
    return dictionary.size();
  }

  /** Whether the column has more than {@code maxLevels} distinct strings; its codes are then gone. */
  boolean overflowed() {
    return overflow != null;
  }

  /**
   * The number of distinct strings of an {@link #overflowed} column, counted exactly up to {@link
   * DistinctCounter#CAP}; {@link #distinctCapped()} says whether the count stopped there.
   */
  int distinctCount() {
    return overflow != null ? overflow.count() : dictionary.size();
  }

  /** Whether {@link #distinctCount()} reached the counter's cap (there may be more). */
  boolean distinctCapped() {
    return overflow != null && overflow.full();
  }

  /** The line of the first string past {@code maxLevels}. */
  int overflowLine() {
    return overflowLine;
  }

  /** The first string past {@code maxLevels}. */
  String overflowText() {
    return overflowText;
  }

  /** The most distinct strings the column keeps. */
  int maxLevels() {
    return maxLevels;
  }

  /** The trimmed string with this code. */
  String text(int code) {
    return texts[code];
  }

  /** The line where the string with this code first appears. */
  int firstLine(int code) {
    return firstLines[code];
  }

  /** Whether the column's type is inferred (numeric unless every value is text). */
  boolean infersType() {
    return inferType;
  }

  /** The strings that mark a missing value besides the empty field and {@code NA}. */
  Set<String> naMarkers() {
    return naMarkers;
  }

  /** The decimal mark of numbers. */
  char decimal() {
    return decimal;
  }

  /**
   * {@link #add} for a field whose trimmed text is a number with the value {@code v}, finite, and
   * not a missing-value marker, in a column that {@link #infersType}: the same effect, without the
   * string.
   */
  void addNumber(double v, int line) {
    if (codes != null) {
      throw mixed(firstTextLine, firstText);
    }
    tooMany();
    values.add(v);
    size++;
    numbers++;
  }

  /** The most rows {@link #addNumbers} takes a column to; beyond, rows are added one by one. */
  private static final int BULK_LIMIT = 1 << 29;

  /**
   * Whether {@link #addNumbers} may add {@code n} rows: the column is numeric and stays far from
   * its largest size, so that adding them cannot fail.
   */
  boolean takesNumbers(int n) {
    return codes != null ? false : (long) size + n <= BULK_LIMIT;
  }

  /**
   * Makes room for {@code rows} values in all, when the reader can estimate how many are coming (at
   * most {@link #BULK_LIMIT}): fewer copies as the column grows and no room left over, no effect on
   * the values.
   */
  void reserve(int rows) {
    // chunks never copy what they hold: nothing to reserve
  }

  /**
   * {@link #addNumber} and {@link #addMissing} for {@code n} rows in order, from a chunk's tags
   * ({@link ChunkParser#NUMBER}, {@link ChunkParser#EMPTY} or {@link ChunkParser#MARKER}, no text)
   * and values, while {@link #takesNumbers}: then none of them can fail, and adding them at once
   * has the effect of adding them one by one.
   */
  void addNumbers(int[] tags, double[] numbers, int n) {
    for (int i = 0; i < n; i++) {
      int tag = tags[i];
      if (tag == ChunkParser.NUMBER) {
        values.add(numbers[i]);
        this.numbers++;
      } else {
        if (tag == ChunkParser.EMPTY) {
          empty.set(size);
        }
        missing++;
        values.add(Double.NaN);
      }
      size++;
    }
  }

  /** {@link #add} for a field that is empty (blank) or, if not {@code empty}, a missing-value marker. */
  void addMissing(boolean empty) {
    tooMany();
    if (empty) {
      this.empty.set(size);
    }
    missing++;
    if (codes != null) {
      codes.add(-1);
    } else {
      values.add(Double.NaN);
    }
    size++;
  }

  /**
   * {@link #add} for a trimmed field that is not a missing value.
   *
   * @return the code it was stored with, when {@link #addCode} may store the same text again so
   *     while the column has not {@link #overflowed}; else -1
   */
  int addText(String s, int line) {
    add(s, line);
    return codes != null && overflow == null ? codes.getInt(size - 1) : -1;
  }

  /**
   * Stores again a text that {@link #addText} stored with this code: the same effect as adding the
   * text, as long as the column has not {@link #overflowed} since.
   */
  void addCode(int code) {
    tooMany();
    codes.add(code);
    size++;
  }

  /** Adds the field of the next data row, which starts at {@code line}. */
  void add(String field, int line) {
    if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
      throw new DataException(
          DataException.Kind.BAD_INPUT,
          file + ":" + line + ": column " + Text.quote(name) + ": the value " + Text.quote(field)
              + " spans several lines: is a closing quote (\") missing? (Only columns the model does"
              + " not use may hold line breaks.)");
    }
    String s = field.trim();
    tooMany();
    if (s.isEmpty() || "NA".equals(s) || naMarkers.contains(s)) {
      if (s.isEmpty()) {
        empty.set(size);
      }
      missing++;
      if (codes != null) {
        codes.add(-1);
      } else {
        values.add(Double.NaN);
      }
      size++;
      return;
    }
    if (!inferType) {
      codes.add(codeOf(Numbers.canonical(s, decimal), line));
      size++;
      return;
    }
    boolean numeric = Numbers.looksNumeric(s, decimal);
    if (!numeric) {
      checkText(s, line);
    }
    if (numeric && codes == null) {
      double v = Double.parseDouble(Numbers.canonical(s, decimal));
      if (Double.isInfinite(v)) {
        throw outOfRange(line, s);
      }
      values.add(v);
      size++;
      numbers++;
      return;
    }
    if (numeric) {
      throw mixed(firstTextLine, firstText);
    }
    if (codes == null) {
      if (numbers > 0) {
        throw mixed(line, s);
      }
      // Every earlier row was missing: switch to text.
      codes = Chunks.ints(policy, file);
      for (int row = 0; row < size; row++) {
        codes.add(-1);
      }
      values = null;
      firstTextLine = line;
      firstText = s;
    }
    codes.add(codeOf(s, line));
    size++;
  }

  /**
   * Refuses, in a column whose type is inferred, text that is a number in disguise: a spreadsheet's
   * decimal comma or thousands separators ({@code 1,5}, {@code 1.234,5}), which R would silently
   * turn into a factor.
   */
  private void checkText(String s, int line) {
    if (decimal != '.' && Numbers.looksLocalised(s, decimal)) {
      throw new DataException(
          DataException.Kind.BAD_INPUT,
          file + ":" + line + ": column " + Text.quote(name) + ": " + Text.quote(s)
              + " is not a number with --decimal '" + decimal + "': a decimal point or a thousands"
              + " separator? Write numbers as 1234" + decimal + "5 (no grouping), or add --factor "
              + Text.escape(name) + " if the column is categorical");
    }
    if (Numbers.looksLocalised(s)) {
      throw new DataException(
          DataException.Kind.BAD_INPUT,
          file + ":" + line + ": column " + Text.quote(name) + ": " + Text.quote(s)
              + " is not a number as logitlab reads numbers: a decimal comma or a thousands separator?"
              + " Write numbers with a '.' decimal point and no grouping (1234.5), or add --factor "
              + Text.escape(name) + " if the column is categorical");
    }
  }

  private int codeOf(String s, int line) {
    if (overflow != null) {
      overflow.add(s);
      return -1;
    }
    Integer code = dictionary.get(s);
    if (code != null) {
      return code;
    }
    int c = dictionary.size();
    if (Numbers.looksNumeric(s) && Double.isInfinite(Double.parseDouble(s))) {
      throw outOfRange(line, s);
    }
    if (c >= maxLevels) {
      // Too many levels: an error once the file is read, with the count. From here on the strings
      // are only counted, in bounded memory, and the codes are dropped.
      overflow = new DistinctCounter();
      for (int k = 0; k < c; k++) {
        overflow.add(texts[k]);
      }
      overflow.add(s);
      overflowLine = line;
      overflowText = s;
      dictionary.clear();
      texts = null;
      firstLines = null;
      return -1;
    }
    if (c == texts.length) {
      texts = Arrays.copyOf(texts, 2 * c);
      firstLines = Arrays.copyOf(firstLines, 2 * c);
    }
    texts[c] = s;
    firstLines[c] = line;
    dictionary.put(s, c);
    return c;
  }

  /** Refuses a row past the largest count (2^31 - 1 rows). */
  private void tooMany() {
    if (size == Integer.MAX_VALUE - 8) {
      throw new DataException(DataException.Kind.BAD_INPUT, file + ": too many rows");
    }
  }

  private DataException outOfRange(int line, String s) {
    return new DataException(
        DataException.Kind.BAD_INPUT,
        file + ":" + line + ": column " + Text.quote(name) + ": " + Text.quote(s)
            + " is out of range (beyond the largest double, about 1.8e308)");
  }

  private DataException mixed(int line, String s) {
    if (Numbers.isNonFiniteWord(s)) {
      return new DataException(
          DataException.Kind.BAD_INPUT,
          file + ":" + line + ": column " + Text.quote(name) + ": " + Text.quote(s)
              + " is not a finite number; logitlab reads finite numbers only (add --na "
              + Text.escape(s) + " if it marks a missing value)");
    }
    return new DataException(
        DataException.Kind.BAD_INPUT,
        file + ":" + line + ": column " + Text.quote(name) + ": " + Text.quote(s)
            + " is not a number (other rows are; add --na " + Text.escape(s)
            + " if it marks a missing value, or --factor " + Text.escape(name)
            + " to treat the column as categorical)");
  }
}
