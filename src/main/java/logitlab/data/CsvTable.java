package logitlab.data;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
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
 */
final class CsvTable {

  /** A quoted field that runs over more lines than this is taken as a missing closing quote. */
  static final int MULTILINE_LIMIT = 10_000;

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
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long before = 0;
    try (CSVReader reader =
        new CSVReaderBuilder(
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16))
            .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
            .withMultilineLimit(MULTILINE_LIMIT)
            .build()) {
      String[] record;
      do {
        before = reader.getLinesRead();
        record = reader.readNext();
      } while (record != null && isBlank(record));
      if (record == null) {
        throw bad(name + ": the file is empty (a header row is expected)");
      }
      int headerLine = (int) before + 1;
      List<String> header = header(record, name, headerLine);
      Column[] columns = selector.select(header);
      int[] used = usedIndices(columns);
      int width = header.size();
      int[] lines = new int[1024];
      int rows = 0;
      while (true) {
        before = reader.getLinesRead();
        record = reader.readNext();
        if (record == null) {
          break;
        }
        if (isBlank(record)) {
          continue;
        }
        int line = (int) before + 1;
        if (record.length != width) {
          throw bad(
              name + ":" + line + ": expected " + width + " fields (as in the header) but found "
                  + record.length);
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
      throw bad(name + ":" + lineOfBadUtf8(file) + ": not valid UTF-8 text (save the file as UTF-8)");
    } catch (CsvMultilineLimitBrokenException e) {
      throw bad(
          name + ":" + (before + 1) + ": a quoted field runs over more than " + MULTILINE_LIMIT
              + " lines; is a closing quote (\") missing?");
    } catch (CsvMalformedLineException e) {
      throw bad(name + ":" + (before + 1) + ": a quoted field is not closed (a \" is missing)");
    } catch (CsvValidationException e) {
      throw bad(name + ":" + (before + 1) + ": " + oneLine(e.getMessage()));
    } catch (NoSuchFileException e) {
      throw bad(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw bad(name + ": cannot read the file (permission denied)");
    } catch (IOException e) {
      throw bad(name + ": cannot read the file: " + oneLine(e.getMessage()));
    }
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

  /** A record opencsv returns for a blank (or all-space) line. */
  private static boolean isBlank(String[] record) {
    return record.length == 1 && record[0].isBlank();
  }

  private static List<String> header(String[] record, String name, int line) {
    List<String> names = new ArrayList<>(record.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < record.length; j++) {
      String s = record[j];
      if (j == 0 && s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      s = s.trim();
      if (s.isEmpty()) {
        throw bad(name + ":" + line + ": column " + (j + 1) + " of the header has an empty name");
      }
      Integer earlier = seen.putIfAbsent(s, j);
      if (earlier != null) {
        throw bad(
            name + ":" + line + ": duplicate column name \"" + s + "\" in the header (columns "
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

  /**
   * The 1-based line of the first byte sequence that is not UTF-8. A '\n' byte (0x0A) never occurs
   * inside a multi-byte sequence, so counting them in the bytes before the error gives the line.
   */
  static int lineOfBadUtf8(Path file) {
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
          return line;
        }
        if (eof) {
          return line;
        }
        in.compact();
      }
    } catch (IOException e) {
      return line;
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
