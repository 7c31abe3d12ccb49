package logitlab.data;

import java.io.Closeable;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV text read one record at a time, for scoring a file of any length in constant memory
 * ({@code logitlab predict}): the header first, then each data record with the line it starts on.
 * Nothing is kept between records, so standard input is streamed as a file is.
 *
 * <p>The format and the guards are those of the training reader ({@link CsvRecords}): RFC 4180 CSV
 * in the given encoding (UTF-8 by default; a byte-order mark is dropped), a {@code sep=} first line
 * obeyed, a blank line is not a record, a record is at most {@link CsvTable#MAX_RECORD_CHARS}
 * characters, a quoted field spans at most {@link CsvTable#MULTILINE_LIMIT} lines, and a NUL byte
 * or a byte that is not text stops the read. Each such problem is a {@link DataException}
 * (BAD_INPUT) naming the input and line. A record whose field count differs from the header's is
 * returned as it is: the caller decides what to do with it. Empty fields under the header's unnamed
 * trailing columns (a header line that ends with a delimiter) are dropped from each record.
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

  private final CsvRecords records;

  private StreamingRows(CsvRecords records) {
    this.records = records;
  }

  /**
   * Opens an input (a file or standard input) and reads its header.
   *
   * @throws DataException BAD_INPUT when the input cannot be read or its header is not usable
   */
  public static StreamingRows open(CsvInput input, CsvFormat format) {
    return new StreamingRows(CsvRecords.open(input, format));
  }

  /** The column names: trimmed, non-empty and distinct. */
  public List<String> header() {
    return records.header();
  }

  /** The format the text is read with (the delimiter of a {@code sep=} line, if there was one). */
  public CsvFormat format() {
    return records.format();
  }

  /**
   * The next data record, or null at the end of the input.
   *
   * @throws DataException BAD_INPUT when the input turns out not to be readable CSV text
   */
  public Row next() {
    String[] record = records.next();
    if (record == null) {
      return null;
    }
    if (record.length > records.header().size() && records.rightWidth(record) && records.trailing(record) < 0) {
      record = Arrays.copyOf(record, records.header().size());
    }
    return new Row(records.line(), records.lastLine(), record);
  }

  @Override
  public void close() {
    records.close();
  }
}
