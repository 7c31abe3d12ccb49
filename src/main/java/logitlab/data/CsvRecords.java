package logitlab.data;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records of a CSV text, read once from start to end: the reading that the training reader
 * ({@link CsvTable}) and the streaming reader of new files ({@link StreamingRows}) share.
 *
 * <p>The text is RFC 4180 CSV in the {@link CsvFormat}'s encoding (UTF-8 by default; a byte-order
 * mark is dropped), with LF, CRLF or CR line ends. A blank line is not a record. Line numbers are
 * 1-based and name the line where a record starts (a quoted field may span lines).
 *
 * <p>A first line {@code sep=;} (Excel writes one to name the delimiter) is skipped and gives the
 * delimiter, unless {@code -d} named another, which is an error. The header's names are trimmed;
 * empty names at its end (a header line that ends with a delimiter) are dropped: such a column can
 * hold nothing but empty fields ({@link #trailing}).
 *
 * <p>Hostile input is refused early and in bounded memory, each with a one-line {@link
 * DataException} (BAD_INPUT) naming the input and the line: text that is not in the encoding (with
 * the byte), UTF-16, gzip, a workbook, a PDF, a NUL byte, a row longer than {@link
 * CsvTable#MAX_RECORD_CHARS} characters, a quoted field over more than {@link
 * CsvTable#MULTILINE_LIMIT} lines.
 */
final class CsvRecords implements Closeable {

  /** Buffer size of the reader opencsv reads lines from. */
  private static final int READ_AHEAD = 1 << 16;

  /** The longest first line that is looked at as a possible {@code sep=} line. */
  private static final int SEP_LINE_MAX = 64;

  private final String name;
  private final InputStream raw;
  private CsvFormat format;
  private GuardedReader guard;
  private CSVReader reader;
  /** Lines consumed before opencsv's count starts (the {@code sep=} line). */
  private int offset;
  private List<String> header;
  private int width;
  private int headerLine;
  private long before;

  private CsvRecords(String name, CsvFormat requested, InputStream in) {
    this.name = name;
    this.raw = in;
    try {
      sniff(in, name, requested);
      guard = new GuardedReader(new TextDecoder(in, requested.encoding()), CsvTable.MAX_RECORD_CHARS,
          READ_AHEAD);
      BufferedReader lines = new BufferedReader(guard, READ_AHEAD);
      guard.startRecord();
      Character sep = sepLine(lines);
      offset = sep == null ? 0 : 1;
      format = sep == null ? requested : obey(sep, requested, name);
      reader = reader(lines, format);
      String[] record = read();
      if (record == null) {
        throw bad(name + ": the file is empty (a header row is expected)");
      }
      headerLine = line();
      width = record.length;
      header = header(record, name, headerLine, format.delimiter());
    } catch (IOException e) {
      close();
      throw translate(e, name, before + offset + 1, requested);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** See {@link #resume}. */
  private CsvRecords(String name, InputStream rest, CsvFormat format, List<String> header, int width,
      int headerLine, int linesBefore, int lineFeedsBefore) {
    this.name = name;
    this.raw = rest;
    this.format = format;
    this.header = header;
    this.width = width;
    this.headerLine = headerLine;
    this.offset = linesBefore;
    guard = new GuardedReader(new TextDecoder(rest, format.encoding(), lineFeedsBefore + 1),
        CsvTable.MAX_RECORD_CHARS, READ_AHEAD, lineFeedsBefore + 1, false);
    reader = reader(new BufferedReader(guard, READ_AHEAD), format);
  }

  /**
   * Opens the input and reads its header.
   *
   * @throws DataException BAD_INPUT when the input cannot be read or its header is not usable;
   *     USAGE when a {@code sep=} line contradicts the options
   */
  static CsvRecords open(CsvInput input, CsvFormat format) {
    input.checkReadable();
    InputStream in;
    try {
      in = input.open();
    } catch (IOException e) {
      throw translate(e, input.name(), 1, format);
    }
    return open(input.name(), in, format);
  }

  /** {@link #open(CsvInput, CsvFormat)} for bytes already open (closed with the records). */
  static CsvRecords open(String name, InputStream in, CsvFormat format) {
    return new CsvRecords(name, format, new BufferedInputStream(in, READ_AHEAD));
  }

  /**
   * Reads on from the start of a record in the middle of a text whose header has been read.
   *
   * @param rest the bytes from there to the end of the input (closed with the records)
   * @param header the header {@link #open} read: its names, its width and its line
   * @param format the format it gave
   * @param linesBefore lines before the record as {@link #line()} counts them
   * @param lineFeedsBefore line feeds before the record
   */
  static CsvRecords resume(String name, InputStream rest, CsvFormat format, List<String> header, int width,
      int headerLine, int linesBefore, int lineFeedsBefore) {
    return new CsvRecords(name, rest, format, header, width, headerLine, linesBefore, lineFeedsBefore);
  }

  /** opencsv's reader of RFC 4180 records over lines. */
  private static CSVReader reader(BufferedReader lines, CsvFormat format) {
    return new CSVReaderBuilder(lines)
        .withCSVParser(new RFC4180ParserBuilder().withSeparator(format.delimiter()).build())
        .withMultilineLimit(CsvTable.MULTILINE_LIMIT)
        // opencsv's reader check takes an I/O error (a bad byte, a NUL) for the end of the file
        // and would silently drop the rest of it: no check, so that errors propagate.
        .withVerifyReader(false)
        .build();
  }

  /** The format the text was read with: the delimiter of a {@code sep=} line, if there was one. */
  CsvFormat format() {
    return format;
  }

  /** The column names: trimmed, non-empty and distinct; without empty names at the end. */
  List<String> header() {
    return header;
  }

  /** The number of fields of the header line, trailing empty names included. */
  int width() {
    return width;
  }

  /** The line of the header. */
  int headerLine() {
    return headerLine;
  }

  /**
   * The next record that is not a blank line, or null at the end.
   *
   * @throws DataException BAD_INPUT when the text turns out not to be readable CSV
   */
  String[] next() {
    try {
      return read();
    } catch (IOException e) {
      throw translate(e, name, before + offset + 1, format);
    }
  }

  /** The line where the last record read starts. */
  int line() {
    return (int) before + offset + 1;
  }

  /** The line where the last record read ends. */
  int lastLine() {
    return (int) reader.getLinesRead() + offset;
  }

  /**
   * Whether a record is as wide as the header; when the header ends with delimiters, a row may
   * repeat them, or some of them, or none.
   */
  boolean rightWidth(String[] record) {
    return record.length >= header.size() && record.length <= width;
  }

  /**
   * The first non-empty field of a record in the header's unnamed trailing columns, or -1: such a
   * column has no name, so a value there cannot be used and may mean a misplaced column.
   */
  int trailing(String[] record) {
    for (int j = header.size(); j < record.length; j++) {
      if (!record[j].isBlank()) {
        return j;
      }
    }
    return -1;
  }

  /** The error for a value in an unnamed trailing column of the current record. */
  DataException unnamedValue(String[] record, int j) {
    return bad(name + ":" + line() + ": column " + (j + 1) + " has no name in the header (line "
        + headerLine + " ends with a delimiter) but holds " + Text.quote(record[j].trim())
        + " here; name the column in the header, or remove the value");
  }

  @Override
  public void close() {
    try {
      raw.close();
    } catch (IOException ignored) {
      // nothing was written; the read is over either way
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
      guard.rethrow(); // an error some library code took for the end of the file
    }
    return record;
  }

  /**
   * A spreadsheet's first line {@code sep=X} (case aside, possibly quoted, X possibly repeated):
   * consumes it and returns X; anything else is left unread and gives null.
   */
  private static Character sepLine(BufferedReader lines) throws IOException {
    lines.mark(SEP_LINE_MAX + 2);
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = lines.read()) >= 0 && c != '\n' && c != '\r' && sb.length() <= SEP_LINE_MAX) {
      sb.append((char) c);
    }
    String s = sb.toString();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    if (sb.length() > SEP_LINE_MAX || s.length() < 5 || !s.substring(0, 4).toLowerCase(Locale.ROOT).equals("sep=")) {
      lines.reset();
      return null;
    }
    char d = s.charAt(4);
    for (int i = 5; i < s.length(); i++) {
      if (s.charAt(i) != d && s.charAt(i) != ' ') { // Excel may pad the line with delimiters
        lines.reset();
        return null;
      }
    }
    if (c == '\r') {
      lines.mark(1);
      if (lines.read() != '\n') {
        lines.reset();
      }
    }
    return d;
  }

  /** The format with a {@code sep=} line's delimiter, unless it contradicts {@code -d} or the decimal mark. */
  private static CsvFormat obey(char sep, CsvFormat requested, String name) {
    if (requested.delimiterGiven() && sep != requested.delimiter()) {
      throw new DataException(DataException.Kind.USAGE, name + ":1: the first line, \"sep="
          + Text.escape(String.valueOf(sep)) + "\", says the delimiter is " + CsvFormat.shown(sep) + " but -d gives "
          + CsvFormat.shown(requested.delimiter()) + "; leave out -d");
    }
    if (sep == requested.decimal() || sep == '"') {
      throw bad(name + ":1: the first line, \"sep=" + Text.escape(String.valueOf(sep)) + "\", names "
          + CsvFormat.shown(sep) + " as the delimiter, which cannot be "
          + (sep == '"' ? "the quote character" : "the decimal mark too (--decimal)"));
    }
    return requested.withDelimiter(sep);
  }

  /**
   * Recognises files that are not text by their first bytes, to say what they are: UTF-16 (a
   * byte-order mark, unless UTF-16 is the encoding given), gzip, ZIP (an .xlsx or .ods workbook), an
   * old Excel .xls, a PDF. The bytes are read ahead and left in the stream.
   */
  static void sniff(InputStream in, String name, CsvFormat format) throws IOException {
    byte[] head = new byte[8];
    in.mark(head.length);
    int n = 0;
    int r;
    while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
      n += r;
    }
    in.reset();
    boolean unicode = format.encoding().name().startsWith("UTF-16") || format.encoding().name().startsWith("UTF-32");
    String what = null;
    if (!unicode && n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      what = "is UTF-16 text (it starts with a UTF-16 byte-order mark): add --encoding UTF-16, or save it"
          + " as UTF-8";
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

  /**
   * The column names of a header record: spaces stripped (the byte-order mark is gone already),
   * empty names at the end dropped; refuses a spreadsheet "sep=" line that is not the first line, a
   * one-column header holding another delimiter, and empty (other than at the end) or duplicate
   * names.
   */
  static List<String> header(String[] record, String name, int line, char delimiter) {
    if (record.length <= 2 && record[0].trim().toLowerCase(Locale.ROOT).startsWith("sep=")) {
      throw bad(name + ":" + line + ": " + Text.quote(String.join(String.valueOf(delimiter), record).trim())
          + " looks like a spreadsheet \"sep=\" line, which is read as the delimiter only as the first line"
          + " of the file and with one character after \"sep=\"; delete that line (and give the"
          + " delimiter with -d)");
    }
    if (record.length == 1) {
      String only = record[0];
      for (char d : new char[] {',', ';', '\t', '|'}) {
        if (d != delimiter && only.indexOf(d) >= 0) {
          String shown = CsvFormat.shown(d);
          throw bad(name + ":" + line + ": the header has one column, " + Text.quote(only.trim())
              + ", which contains " + (d == '\t' ? "a tab" : shown)
              + ": is that the delimiter? (add -d " + shown + ")");
        }
      }
    }
    int named = record.length;
    while (named > 1 && record[named - 1].isBlank()) {
      named--; // a header line that ends with delimiters
    }
    List<String> names = new ArrayList<>(named);
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < named; j++) {
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
            name + ":" + line + ": duplicate column name " + Text.quote(s) + " in the header (columns "
                + (earlier + 1) + " and " + (j + 1) + ")");
      }
      names.add(s);
    }
    return List.copyOf(names);
  }

  /** The one-line message for an I/O failure while reading. */
  static DataException translate(IOException e, String name, long line, CsvFormat format) {
    Throwable cause = e.getCause() instanceof CsvValidationException v ? v : e;
    if (e instanceof TextDecoder.Undecodable u) {
      String at = name + ":" + u.line + ": not valid " + u.charset.name() + " text (byte "
          + String.format("0x%02X", u.value) + ")";
      return bad(format.utf8()
          ? at + "; the file may be Latin-1 or Windows-1252: add --encoding windows-1252 (or --encoding"
              + " ISO-8859-1), or save it as UTF-8"
          : at + "; is --encoding " + u.charset.name() + " the file's encoding?");
    }
    if (e instanceof GuardedReader.NulCharacter n) {
      return bad(name + ":" + n.line + ": a NUL byte (0x00) in the text: this is not a text CSV file"
          + " (a binary file, or UTF-16 text: add --encoding UTF-16LE or UTF-16BE, or save it as UTF-8)");
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
    String where = cause instanceof CsvValidationException ? name + ":" + line + ": " : name + ": cannot read the file: ";
    return bad(where + Text.escape(msg.replaceAll("\\s+", " ").trim()));
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
