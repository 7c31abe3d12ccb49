package logitlab.data;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read one record at a time, for scoring a file of any length in constant memory
 * ({@code logitlab predict}): the header first, then each data record with the line it starts on.
 * Nothing is kept between records.
 *
 * <p>The format and the guards are those of the training reader ({@link CsvTable}): RFC 4180 CSV in
 * strict UTF-8 (a byte-order mark is dropped), a blank line is not a record, a record is at most
 * {@link CsvTable#MAX_RECORD_CHARS} characters, a quoted field spans at most {@link
 * CsvTable#MULTILINE_LIMIT} lines, and a NUL byte or an invalid UTF-8 byte stops the read. Each such
 * problem is a {@link DataException} (BAD_INPUT) naming the file and line. A record whose field count
 * differs from the header's is returned as it is: the caller decides what to do with it.
 */
public final class StreamingRows implements Closeable {

  /**
   * A data record.
   *
   * @param line the 1-based line where it starts
   * @param lastLine the line where it ends (later than {@code line} when a quoted field holds line
   *     breaks, or when an unbalanced quote ran on over the following lines)
   * @param fields its fields
   */
  public record Row(int line, int lastLine, String[] fields) {}

  private static final int READ_AHEAD = 1 << 16;

  private final Path file;
  private final String name;
  private final InputStream raw;
  private final GuardedReader guard;
  private final CSVReader reader;
  private final List<String> header;
  private long before;

  private StreamingRows(Path file, String name, char delimiter) throws IOException {
    this.file = file;
    this.name = name;
    this.raw = Files.newInputStream(file);
    this.guard = new GuardedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
        CsvTable.MAX_RECORD_CHARS, READ_AHEAD);
    this.reader = new CSVReaderBuilder(new BufferedReader(guard, READ_AHEAD))
        .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
        .withMultilineLimit(CsvTable.MULTILINE_LIMIT)
        .withVerifyReader(false)
        .build();
    String[] record = read();
    if (record == null) {
      throw bad(name + ": the file is empty (a header row is expected)");
    }
    this.header = CsvTable.header(record, name, (int) before + 1, delimiter);
  }

  /**
   * Opens a file and reads its header.
   *
   * @param file the CSV file
   * @param name how the file is named in messages
   * @param delimiter the field separator
   * @throws DataException BAD_INPUT when the file cannot be read or its header is not usable
   */
  public static StreamingRows open(Path file, String name, char delimiter) {
    if (!Files.exists(file)) {
      throw bad(name + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw bad(name + ": is a directory, not a CSV file");
    }
    try {
      return new StreamingRows(file, name, delimiter);
    } catch (IOException e) {
      throw translate(e, file, name, 1);
    }
  }

  /** The column names: trimmed, non-empty and distinct. */
  public List<String> header() {
    return header;
  }

  /**
   * The next data record, or null at the end of the file.
   *
   * @throws DataException BAD_INPUT when the file turns out not to be readable CSV text
   */
  public Row next() {
    try {
      String[] record = read();
      return record == null ? null : new Row((int) before + 1, (int) reader.getLinesRead(), record);
    } catch (IOException e) {
      throw translate(e, file, name, before + 1);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written; the read is over either way
    } finally {
      try {
        raw.close();
      } catch (IOException ignored) {
        // as above
      }
    }
  }

  /** The next record that is not blank, or null; I/O errors library code took for the end rethrown. */
  private String[] read() throws IOException {
    String[] record;
    do {
      before = reader.getLinesRead();
      guard.startRecord();
      try {
        record = reader.readNext();
      } catch (CsvValidationException e) {
        throw new IOException(e);
      }
    } while (record != null && record.length == 1 && record[0].isBlank());
    if (record == null) {
      guard.rethrow();
    }
    return record;
  }

  private static DataException translate(IOException e, Path file, String name, long line) {
    Throwable cause = e.getCause() instanceof CsvValidationException v ? v : e;
    if (e instanceof CharacterCodingException) {
      CsvTable.BadByte b = CsvTable.firstBadUtf8(file);
      return bad(name + ":" + b.line() + ": not valid UTF-8 text (byte " + String.format("0x%02X", b.value())
          + "); the file may be Latin-1 or Windows-1252: save it as UTF-8");
    }
    if (e instanceof GuardedReader.NulCharacter n) {
      return bad(name + ":" + n.line + ": a NUL byte (0x00) in the text: this is not a text CSV file"
          + " (a binary file, or UTF-16 text: save it as UTF-8)");
    }
    if (e instanceof GuardedReader.RecordTooLong) {
      return bad(name + ":" + line + ": a row longer than " + CsvTable.MAX_RECORD_CHARS
          + " characters: is a closing quote (\") missing, or is this not a CSV file?");
    }
    if (e instanceof CsvMultilineLimitBrokenException) {
      return bad(name + ":" + line + ": a quoted field runs over more than " + CsvTable.MULTILINE_LIMIT
          + " lines; is a closing quote (\") missing?");
    }
    if (e instanceof CsvMalformedLineException) {
      return bad(name + ":" + line + ": a quoted field is not closed (a \" is missing)");
    }
    if (e instanceof NoSuchFileException) {
      return bad(name + ": no such file");
    }
    if (e instanceof AccessDeniedException) {
      return bad(name + ": cannot read the file (permission denied)");
    }
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return bad(name + ":" + line + ": cannot read the file: " + Text.escape(msg.replaceAll("\\s+", " ").trim()));
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
