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
   * How a table is read: by the fast path ({@link ChunkedReader}) or by opencsv alone, in blocks of
   * how many bytes, parsed by how many threads. The table is the same whichever is chosen.
   *
   * @param fast whether plain records are read by the fast path ({@link ChunkParser})
   * @param blockSize the bytes read at once (a block grows to hold a longer line)
   * @param threads the threads that parse blocks; 1 parses them in the reading thread
   */
  record Reading(boolean fast, int blockSize, int threads) {
    /**
     * The fast path, blocks of 1 MiB, one thread per processor up to 8 (each thread keeps about
     * two blocks and their parsed values in memory).
     */
    static final Reading DEFAULT = new Reading(true, 1 << 20, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /** opencsv alone, record by record: the reference for the fast path. */
    static final Reading OPENCSV = new Reading(false, 1 << 20, 1);

    Reading {
      if (blockSize < 1 || threads < 1) {
        throw new IllegalArgumentException("blockSize and threads must be at least 1");
      }
    }
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
    return read(input, format, selector, Reading.DEFAULT);
  }

  /** {@link #read(CsvInput, CsvFormat, ColumnSelector)}, read as {@code how} says. */
  static CsvTable read(CsvInput input, CsvFormat format, ColumnSelector selector, Reading how) {
    if (how.fast() && ChunkParser.readsEncoding(format.encoding())) {
      return ChunkedReader.read(input, format, selector, how);
    }
    try (CsvRecords records = CsvRecords.open(input, format)) {
      Builder table = new Builder(input.name(), records.header(), selector.select(records.header()));
      table.addAll(records);
      return table.build(records.headerLine());
    }
  }

  /**
   * A table filled row by row, in file order: from opencsv's records ({@link #addAll}) or from
   * the fast path's chunks ({@link #add(ChunkParser.Chunk, int)}), which give it the same rows.
   */
  static final class Builder {
    private final String name;
    private final List<String> header;
    private final Column[] columns;
    private final int[] used;
    private int[] lines = new int[1024];
    private int rows;

    Builder(String name, List<String> header, Column[] columns) {
      this.name = name;
      this.header = header;
      this.columns = columns;
      this.used = usedIndices(columns);
    }

    /** Adds every record from here to the end of the input. */
    void addAll(CsvRecords records) {
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
        addLine(line);
        for (int j : used) {
          columns[j].add(record[j], line);
        }
      }
    }

    /**
     * Adds the records of a chunk, row by row and column by column as {@link #addAll} adds them,
     * so that each {@link Column} sees the same values in the same order, and throws the same
     * first error.
     *
     * @param linesBefore the lines before the chunk's first line
     */
    void add(ChunkParser.Chunk chunk, int linesBefore) {
      // Columns that cannot fail on this chunk (numeric, and no text in it) take their values at
      // once; the others row by row, so that the first error is the first in file order.
      int[] slow = new int[used.length];
      int k = 0;
      int[][] cache = new int[used.length][];
      for (int u = 0; u < used.length; u++) {
        Column c = columns[used[u]];
        int n = chunk.textCount(u);
        if (n == 0 && c.takesNumbers(chunk.rows)) {
          c.addNumbers(chunk.tags[u], chunk.numbers[u], chunk.rows);
        } else {
          slow[k++] = u;
        }
        if (n > 0) {
          cache[u] = new int[n];
          Arrays.fill(cache[u], -1);
        }
      }
      for (int r = 0; r < chunk.rows; r++) {
        int line = linesBefore + chunk.lineOf[r] + 1;
        addLine(line);
        for (int i = 0; i < k; i++) {
          int u = slow[i];
          Column c = columns[used[u]];
          int tag = chunk.tags[u][r];
          if (tag == ChunkParser.NUMBER) {
            c.addNumber(chunk.numbers[u][r], line);
          } else if (tag == ChunkParser.EMPTY) {
            c.addMissing(true);
          } else if (tag == ChunkParser.MARKER) {
            c.addMissing(false);
          } else if (cache[u][tag] >= 0 && !c.overflowed()) {
            c.addCode(cache[u][tag]);
          } else {
            cache[u][tag] = c.addText(chunk.text(u, tag), line);
          }
        }
      }
    }

    /** Makes room for about {@code rows} rows in all (an estimate: fewer copies as the table grows). */
    void reserve(int rows) {
      if (rows > lines.length) {
        lines = Arrays.copyOf(lines, rows);
      }
      for (int j : used) {
        columns[j].reserve(rows);
      }
    }

    private void addLine(int line) {
      if (rows == lines.length) {
        lines = Arrays.copyOf(lines, rows < (1 << 29) ? 2 * rows : Integer.MAX_VALUE - 8);
      }
      lines[rows++] = line;
    }

    /** The table; an error when there is no data row. */
    CsvTable build(int headerLine) {
      if (rows == 0) {
        throw bad(name + ": no data rows after the header (line " + headerLine + ")");
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
