package logitlab.data;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read in one streaming pass: the header, and for the columns the caller asks for, their
 * values in primitive {@link Column}s. Other columns are checked for the row width and then dropped;
 * the file's rows are never held as strings.
 *
 * <p>The file is RFC 4180 CSV in strict UTF-8 (a byte-order mark is allowed), with LF or CRLF line
 * ends. A blank line is not a row. Line numbers are 1-based and name the line where a record starts
 * (a quoted field may span lines).
 *
 * <p>Hostile files are refused early and in bounded memory, each with a one-line message: a file
 * that is not UTF-8 text (UTF-16, gzip, a workbook; a NUL byte; an invalid byte, with its line), a
 * row longer than {@link #MAX_RECORD_CHARS} characters or a quoted field over more than {@link
 * #MULTILINE_LIMIT} lines (an unclosed quote), a header repeated as data, a "sep=" line.
 */
final class CsvTable {

  /** A quoted field that runs over more lines than this is taken as a missing closing quote. */
  static final int MULTILINE_LIMIT = 10_000;

  /**
   * The most characters a record (a row, with all its fields) may take: a line without an end, or an
   * unclosed quote, is reported once this much has been read instead of filling the memory.
   */
  static final int MAX_RECORD_CHARS = 1_000_000;

  /** Buffer size of the reader opencsv reads lines from. */
  private static final int READ_AHEAD = 1 << 16;

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
   * Reads a whole file.
   *
   * @param file the file
   * @param name how the file is named in messages
   * @param delimiter field separator
   * @param selector picks the columns to keep once the header is read
   * @throws DataException BAD_INPUT when the file cannot be read or is not well-formed CSV; whatever
   *     {@code selector} or a {@link Column} throws
   */
  static CsvTable read(Path file, String name, char delimiter, ColumnSelector selector) {
    checkReadable(file, name);
    sniff(file, name);
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long before = 0;
    GuardedReader guard = null;
    try (InputStream raw = Files.newInputStream(file)) {
      guard = new GuardedReader(new InputStreamReader(raw, utf8), MAX_RECORD_CHARS, READ_AHEAD);
      CSVReader reader =
          new CSVReaderBuilder(new BufferedReader(guard, READ_AHEAD))
              .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
              .withMultilineLimit(MULTILINE_LIMIT)
              // opencsv's reader check takes an I/O error (a bad byte, a NUL) for the end of the
              // file and would silently drop the rest of it: no check, so that errors propagate.
              .withVerifyReader(false)
              .build();
      String[] record;
      do {
        before = reader.getLinesRead();
        guard.startRecord();
        record = reader.readNext();
      } while (record != null && isBlank(record));
      if (record == null) {
        guard.rethrow();
        throw bad(name + ": the file is empty (a header row is expected)");
      }
      int headerLine = (int) before + 1;
      List<String> header = header(record, name, headerLine, delimiter);
      Column[] columns = selector.select(header);
      int[] used = usedIndices(columns);
      int width = header.size();
      int[] lines = new int[1024];
      int rows = 0;
      while (true) {
        before = reader.getLinesRead();
        guard.startRecord();
        record = reader.readNext();
        if (record == null) {
          guard.rethrow(); // an error some library code took for the end of the file
          break;
        }
        if (isBlank(record)) {
          continue;
        }
        int line = (int) before + 1;
        if (record.length != width) {
          throw bad(name + ":" + line + ": expected " + width + " fields (as in the header) but found "
              + record.length + spanHint(line, reader.getLinesRead()));
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
        throw bad(name + ": no data rows after the header (line " + headerLine + ")");
      }
      return new CsvTable(header, columns, rows, Arrays.copyOf(lines, rows));
    } catch (CharacterCodingException e) {
      BadByte b = firstBadUtf8(file);
      throw bad(name + ":" + b.line() + ": not valid UTF-8 text (byte " + String.format("0x%02X", b.value())
          + "); the file may be Latin-1 or Windows-1252: save it as UTF-8");
    } catch (GuardedReader.NulCharacter e) {
      throw bad(name + ":" + e.line + ": a NUL byte (0x00) in the text: this is not a text CSV file"
          + " (a binary file, or UTF-16 text: save it as UTF-8)");
    } catch (GuardedReader.RecordTooLong e) {
      throw bad(name + ":" + (before + 1) + ": a row longer than " + MAX_RECORD_CHARS
          + " characters: is a closing quote (\") missing, or is this not a CSV file?");
    } catch (CsvMultilineLimitBrokenException e) {
      throw bad(
          name + ":" + (before + 1) + ": a quoted field runs over more than " + MULTILINE_LIMIT
              + " lines; is a closing quote (\") missing?");
    } catch (CsvMalformedLineException e) {
      throw bad(name + ":" + (before + 1) + ": a quoted field is not closed (a \" is missing)");
    } catch (CsvValidationException e) {
      throw bad(name + ":" + (before + 1) + ": " + Text.escape(oneLine(e.getMessage())));
    } catch (NoSuchFileException e) {
      throw bad(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw bad(name + ": cannot read the file (permission denied)");
    } catch (IOException e) {
      throw bad(name + ": cannot read the file: " + Text.escape(oneLine(e.getMessage())));
    }
  }

  /**
   * A hint for a wrong field count in a row that spans several lines: an unbalanced quote there
   * pulls the following lines into one field.
   */
  private static String spanHint(int line, long linesRead) {
    if (linesRead > line) {
      return " (the row runs from line " + line + " to line " + linesRead
          + ": is a quote (\") unbalanced?)";
    }
    return "";
  }

  private static boolean repeatsHeader(String[] record, List<String> header) {
    for (int j = 0; j < record.length; j++) {
      if (!record[j].trim().equals(header.get(j))) {
        return false;
      }
    }
    return true;
  }

  private static void checkReadable(Path file, String name) {
    if (!Files.exists(file)) {
      throw bad(name + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw bad(name + ": is a directory, not a CSV file");
    }
    if (!Files.isReadable(file)) {
      throw bad(name + ": cannot read the file (permission denied)");
    }
  }

  /**
   * Recognises files that are not UTF-8 text by their first bytes, to say what they are: UTF-16
   * (a byte-order mark), gzip, ZIP (an .xlsx or .ods workbook), an old Excel .xls, a PDF.
   */
  private static void sniff(Path file, String name) {
    byte[] head = new byte[8];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      return; // the read proper reports it
    }
    String what = null;
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
        || n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      what = "is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8";
    } else if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      what = "is gzip-compressed; decompress it first (gunzip)";
    } else if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      what = "is a ZIP archive (an .xlsx or .ods workbook?); export the sheet as CSV";
    } else if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
        && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
      what = "is an Office document (an .xls workbook?); export the sheet as CSV";
    } else if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
      what = "is a PDF document, not a CSV file";
    }
    if (what != null) {
      throw bad(name + ": " + what);
    }
  }

  /** A record opencsv returns for a blank (or all-space) line. */
  private static boolean isBlank(String[] record) {
    return record.length == 1 && record[0].isBlank();
  }

  /**
   * The column names of a header record: BOM and spaces stripped; refuses a spreadsheet "sep="
   * line, a one-column header holding another delimiter, and empty or duplicate names. Shared with
   * {@link StreamingRows}.
   */
  static List<String> header(String[] record, String name, int line, char delimiter) {
    if (record.length <= 2 && record[0].trim().toLowerCase(java.util.Locale.ROOT).startsWith("sep=")) {
      throw bad(name + ":" + line + ": the first line is a spreadsheet \"sep=\" hint, not a header;"
          + " delete that line (and give its delimiter with -d)");
    }
    if (record.length == 1) {
      String only = record[0];
      for (char d : new char[] {',', ';', '\t', '|'}) {
        if (d != delimiter && only.indexOf(d) >= 0) {
          String shown = d == '\t' ? "tab" : String.valueOf(d);
          throw bad(name + ":" + line + ": the header has one column, " + Text.quote(only.trim())
              + ", which contains " + (d == '\t' ? "a tab" : "'" + shown + "'")
              + ": is that the delimiter? (add -d " + (d == '\t' ? "tab" : "'" + shown + "'") + ")");
        }
      }
    }
    List<String> names = new ArrayList<>(record.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < record.length; j++) {
      String s = record[j];
      if (j == 0 && s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      s = s.trim();
      if (s.isEmpty()) {
        throw bad(name + ":" + line + ": column " + (j + 1) + " of the header has an empty name"
            + (j == record.length - 1 && j > 0 ? " (does the line end with a delimiter?)" : ""));
      }
      Integer earlier = seen.putIfAbsent(s, j);
      if (earlier != null) {
        throw bad(
            name + ":" + line + ": duplicate column name " + Text.quote(s) + " in the header (columns "
                + (earlier + 1) + " and " + (j + 1) + ")");
      }
      names.add(s);
    }
    return List.copyOf(names);
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

  /** The first byte that is not UTF-8, and its 1-based line. */
  record BadByte(int line, int value) {}

  /**
   * The first byte sequence that is not UTF-8. A '\\n' byte (0x0A) never occurs inside a multi-byte
   * sequence, so counting them in the bytes before the error gives the line.
   */
  static BadByte firstBadUtf8(Path file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    int line = 1;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      boolean eof = false;
      while (true) {
        eof = channel.read(in) < 0;
        in.flip();
        CoderResult result;
        do {
          int start = in.position();
          out.clear();
          result = decoder.decode(in, out, eof);
          for (int i = start; i < in.position(); i++) {
            if (in.get(i) == '\n') {
              line++;
            }
          }
        } while (result.isOverflow());
        if (result.isError()) {
          return new BadByte(line, in.hasRemaining() ? in.get(in.position()) & 0xFF : 0);
        }
        if (eof) {
          return new BadByte(line, 0);
        }
        in.compact();
      }
    } catch (IOException e) {
      return new BadByte(line, 0);
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
