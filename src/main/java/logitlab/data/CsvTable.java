package logitlab.data;

import java.util.Arrays;
import java.util.List;

/**
 * A CSV file read in one streaming pass: the header, and for the columns the caller asks for, their
 * values in primitive {@link Column}s. Other columns are checked for the row width and then dropped;
 * the file's rows are never held as strings.
 *
 * <p>The text is read by {@link CsvRecords} (format, encoding, a {@code sep=} line, the guards
 * against hostile files). Here each row is checked for its width (as wide as the header, with or
 * without the header's unnamed trailing columns, which must be empty) and for being the header
 * again, and a row longer than {@link #MAX_RECORD_CHARS} characters or a quoted field over more
 * than {@link #MULTILINE_LIMIT} lines (an unclosed quote) is refused.
 */
final class CsvTable {

  /** A quoted field that runs over more lines than this is taken as a missing closing quote. */
  static final int MULTILINE_LIMIT = 10_000;

  /**
   * The most characters a record (a row, with all its fields) may take: a line without an end, or an
   * unclosed quote, is reported once this much has been read instead of filling the memory.
   */
  static final int MAX_RECORD_CHARS = 1_000_000;

  /** Chooses, once the header is known, which columns to keep. */
  @FunctionalInterface
  interface ColumnSelector {
    /**
     * @param header the column names, trimmed, byte-order mark removed, checked to be non-empty and
     *     distinct
     * @return one entry per header column: a column to fill, or {@code null} to skip it
     */
    Column[] select(List<String> header);
  }

  private final List<String> header;
  private final Column[] columns;
  private final int rows;
  private final int[] lines;

  private CsvTable(List<String> header, Column[] columns, int rows, int[] lines) {
    this.header = header;
    this.columns = columns;
    this.rows = rows;
    this.lines = lines;
  }

  /** The column names in file order. */
  List<String> header() {
    return header;
  }

  /** The kept column at a header position, or null. */
  Column column(int index) {
    return columns[index];
  }

  /** Number of data rows (blank lines and the header excluded). */
  int rows() {
    return rows;
  }

  /** The line where a data row starts. */
  int line(int row) {
    return lines[row];
  }

  /**
   * Reads a whole input, once, from start to end.
   *
   * @param input the file or standard input
   * @param format delimiter, decimal mark and encoding
   * @param selector picks the columns to keep once the header is read
   * @throws DataException BAD_INPUT when the input cannot be read or is not well-formed CSV; whatever
   *     {@code selector} or a {@link Column} throws
   */
  static CsvTable read(CsvInput input, CsvFormat format, ColumnSelector selector) {
    String name = input.name();
    try (CsvRecords records = CsvRecords.open(input, format)) {
      List<String> header = records.header();
      Column[] columns = selector.select(header);
      int[] used = usedIndices(columns);
      int[] lines = new int[1024];
      int rows = 0;
      String[] record;
      while ((record = records.next()) != null) {
        int line = records.line();
        if (!records.rightWidth(record)) {
          String expected = records.width() == header.size() ? records.width() + " fields (as in the header)"
              : header.size() + " to " + records.width() + " fields (as in the header, which ends with"
                  + " delimiters)";
          throw bad(name + ":" + line + ": expected " + expected + " but found " + record.length
              + spanHint(line, records.lastLine()));
        }
        int unnamed = records.trailing(record);
        if (unnamed >= 0) {
          throw records.unnamedValue(record, unnamed);
        }
        if (repeatsHeader(record, header)) {
          throw bad(name + ":" + line + ": the header row appears again as data (were files joined"
              + " together?); remove the extra header line");
        }
        if (rows == lines.length) {
          lines = Arrays.copyOf(lines, rows < (1 << 29) ? 2 * rows : Integer.MAX_VALUE - 8);
        }
        lines[rows++] = line;
        for (int j : used) {
          columns[j].add(record[j], line);
        }
      }
      if (rows == 0) {
        throw bad(name + ": no data rows after the header (line " + records.headerLine() + ")");
      }
      return new CsvTable(header, columns, rows, Arrays.copyOf(lines, rows));
    }
  }

  /**
   * A hint for a wrong field count in a row that spans several lines: an unbalanced quote there
   * pulls the following lines into one field.
   */
  private static String spanHint(int line, int lastLine) {
    if (lastLine > line) {
      return " (the row runs from line " + line + " to line " + lastLine
          + ": is a quote (\") unbalanced?)";
    }
    return "";
  }

  private static boolean repeatsHeader(String[] record, List<String> header) {
    if (record.length < header.size()) {
      return false;
    }
    for (int j = 0; j < header.size(); j++) {
      if (!record[j].trim().equals(header.get(j))) {
        return false;
      }
    }
    return true;
  }

  private static int[] usedIndices(Column[] columns) {
    int k = 0;
    int[] used = new int[columns.length];
    for (int j = 0; j < columns.length; j++) {
      if (columns[j] != null) {
        used[k++] = j;
      }
    }
    return Arrays.copyOf(used, k);
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
