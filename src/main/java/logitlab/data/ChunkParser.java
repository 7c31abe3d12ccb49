package logitlab.data;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link CsvTable}: the records of a chunk of whole lines of CSV bytes, split on
 * the delimiter directly on the bytes, and the fields of the used columns sorted into missing
 * values, numbers (read by {@link Numbers#parseDecimal}, without a String) and texts (one String
 * per distinct text in the chunk).
 *
 * <p>It reads only <em>plain</em> records: ASCII bytes without a quote ({@code "}) or a NUL, on
 * one line (LF, CRLF or CR ends it) of at most {@link #MAX_RECORD_BYTES} bytes, as wide as the
 * header, with blank fields under the header's unnamed trailing columns, and not the header
 * again. A blank line is skipped, as {@link CsvRecords} skips it. At the first record that is not
 * plain it stops and says where ({@link Chunk#stop}): the caller hands the rest of the input, from
 * there, to opencsv ({@link CsvRecords#resume}), which reads it, errors included, as it reads a
 * whole file. Such a record's fields are the same either way: without quotes, RFC 4180 splits a
 * line on the delimiter and nothing else.
 *
 * <p>A chunk is parsed on its own, so chunks can be parsed in parallel; everything that depends on
 * the rows before (type inference, levels in order of first appearance, every error about a value)
 * is left to the {@link Column}s, to which the caller adds the chunks' fields one row at a time in
 * file order.
 */
final class ChunkParser {

  /** A field's tag: a number, whose value is in {@link Chunk#numbers}. Tags 0 and up are texts. */
  static final int NUMBER = -1;

  /** A field's tag: empty (blank). */
  static final int EMPTY = -2;

  /** A field's tag: {@code NA} or one of the column's missing-value markers. */
  static final int MARKER = -3;

  /**
   * The longest record read here; a longer one goes to opencsv, whose guard ({@link
   * CsvTable#MAX_RECORD_CHARS}) decides about it.
   */
  static final int MAX_RECORD_BYTES = 1 << 16;

  private ChunkParser() {}

  /**
   * Whether the fast path can read text in this encoding: UTF-8, or a one-byte encoding in which
   * the bytes 0 to 127 are ASCII (ISO-8859-1, windows-1252, ...). In both, an ASCII byte is always
   * the character it looks like, and the fast path reads records of ASCII bytes only.
   */
  static boolean readsEncoding(Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      return true;
    }
    if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1) {
      return false;
    }
    byte[] ascii = new byte[128];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    try {
      CharsetDecoder decoder = charset.newDecoder();
      String s = decoder.decode(ByteBuffer.wrap(ascii)).toString();
      if (s.length() != ascii.length) {
        return false;
      }
      for (int i = 0; i < ascii.length; i++) {
        if (s.charAt(i) != i) {
          return false;
        }
      }
      return true;
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** What the parser knows of the table: read-only, shared by the threads that parse chunks. */
  static final class Layout {
    final byte delimiter;
    /** The number of named header columns. */
    final int named;
    /** The number of header fields, unnamed trailing ones included. */
    final int width;
    /** The header's names as ASCII bytes (null for a name that is not ASCII: no plain field equals it). */
    final byte[][] names;
    /** Per header column, its place among the used columns, or -1. */
    final int[] slot;
    /** Per used column: whether its type is inferred (else every value is text). */
    final boolean[] infers;
    /** Per used column: its decimal mark. */
    final char[] decimals;
    /** Per used column: whether {@link #quickNumber} may read it (type inferred, no markers). */
    final boolean[] quick;
    /** Per used column: its missing-value markers as ASCII bytes (markers that are not ASCII cannot match). */
    final byte[][][] markers;

    private Layout(byte delimiter, List<String> header, int width, Column[] columns) {
      this.delimiter = delimiter;
      this.named = header.size();
      this.width = width;
      names = new byte[named][];
      for (int j = 0; j < named; j++) {
        names[j] = ascii(header.get(j));
      }
      slot = new int[named];
      List<Column> used = new ArrayList<>();
      for (int j = 0; j < named; j++) {
        slot[j] = j < columns.length && columns[j] != null ? used.size() : -1;
        if (slot[j] >= 0) {
          used.add(columns[j]);
        }
      }
      infers = new boolean[used.size()];
      decimals = new char[used.size()];
      markers = new byte[used.size()][][];
      quick = new boolean[used.size()];
      for (int k = 0; k < used.size(); k++) {
        Column c = used.get(k);
        infers[k] = c.infersType();
        decimals[k] = c.decimal();
        List<byte[]> ascii = new ArrayList<>();
        for (String m : c.naMarkers()) {
          byte[] b = ascii(m);
          if (b != null) {
            ascii.add(b);
          }
        }
        markers[k] = ascii.toArray(new byte[0][]);
        quick[k] = infers[k] && c.naMarkers().isEmpty();
      }
    }

    /**
     * The layout of a table with this header and these columns (one per header column, null when
     * not used, as {@link CsvTable.ColumnSelector} gives them), or null when the fast path cannot
     * read it: the delimiter is not ASCII.
     */
    static Layout of(CsvFormat format, List<String> header, int width, Column[] columns) {
      if (format.delimiter() >= 0x80) {
        return null;
      }
      return new Layout((byte) format.delimiter(), header, width, columns);
    }

    /** The number of used columns. */
    int used() {
      return infers.length;
    }
  }

  /** The records read from a chunk, until its end or the first record that is not plain. */
  static final class Chunk {
    /** The number of records read. */
    int rows;
    /** Per record, the line it is on, counted from the chunk's first line, 0-based. */
    int[] lineOf;
    /** Lines read: up to {@link #stop} when it is set, else the chunk's. */
    int lines;
    /** Line feeds read, as {@link #lines}. */
    int lineFeeds;
    /** The offset of the first record not read here, or -1 when the chunk was read to its end. */
    int stop = -1;
    /** Per used column, per record: {@link #NUMBER}, {@link #EMPTY}, {@link #MARKER}, or a text code. */
    final int[][] tags;
    /** Per used column whose type is inferred, per record: the value of a {@link #NUMBER}. */
    final double[][] numbers;
    /** Per used column, the distinct texts of the chunk by code (trimmed), or null while none. */
    final Texts[] texts;

    Chunk(Layout layout, int capacity) {
      int used = layout.used();
      lineOf = new int[capacity];
      tags = new int[used][capacity];
      numbers = new double[used][];
      for (int k = 0; k < used; k++) {
        if (layout.infers[k]) {
          numbers[k] = new double[capacity];
        }
      }
      texts = new Texts[used];
    }

    /** The text with this code in used column {@code k}. */
    String text(int k, int code) {
      return texts[k].strings[code];
    }

    /** The number of distinct texts in used column {@code k}. */
    int textCount(int k) {
      return texts[k] == null ? 0 : texts[k].size;
    }

    private void ensure(int rows) {
      if (rows <= lineOf.length) {
        return;
      }
      int capacity = Math.max(rows, 2 * lineOf.length);
      lineOf = Arrays.copyOf(lineOf, capacity);
      for (int k = 0; k < tags.length; k++) {
        tags[k] = Arrays.copyOf(tags[k], capacity);
        if (numbers[k] != null) {
          numbers[k] = Arrays.copyOf(numbers[k], capacity);
        }
      }
    }
  }

  /**
   * Parses the whole lines {@code b[from, to)} (which end with a line end, or at the end of the
   * input).
   */
  static Chunk parse(byte[] b, int from, int to, Layout layout) {
    // a record takes at least one byte per field: no more rows than that, and grown as needed
    Chunk c = new Chunk(layout, Math.min(1024, (to - from) / Math.max(1, layout.width) + 1));
    final byte delimiter = layout.delimiter;
    final int named = layout.named;
    final int width = layout.width;
    int pos = from;
    while (pos < to) {
      int start = pos;
      int row = c.rows;
      c.ensure(row + 1);
      int field = 0;
      boolean repeatsHeader = true;
      boolean plain = true;
      int p = pos;
      while (true) {
        int fieldStart = p;
        int k = field < named ? layout.slot[field] : -1;
        int end = k >= 0 && layout.quick[k] ? quickNumber(b, p, to, delimiter, layout.decimals[k], c, k, row) : -1;
        if (end >= 0) {
          p = end; // a number, read and stored
        } else {
          while (p < to) {
            byte x = b[p];
            if (x == delimiter || x == '\n' || x == '\r') {
              break;
            }
            if (x == '"' || x <= 0) { // a quote, a NUL, or a byte that is not ASCII
              plain = false;
              break;
            }
            p++;
          }
          if (!plain || p - start > MAX_RECORD_BYTES) {
            plain = false;
            break;
          }
          if (k >= 0) {
            classify(c, layout, k, row, b, fieldStart, p);
          }
        }
        if (field < named) {
          repeatsHeader = repeatsHeader && equalsTrimmed(layout.names[field], b, fieldStart, p);
        } else if (field >= width || !blank(b, fieldStart, p)) {
          plain = false; // too many fields, or a value under an unnamed column
          break;
        }
        field++;
        if (p < to && b[p] == delimiter) {
          p++;
        } else {
          break;
        }
      }
      boolean blankLine = plain && field == 1 && blank(b, start, p);
      if (!plain || !blankLine && (field < named || repeatsHeader)) {
        c.stop = start;
        return c;
      }
      if (!blankLine) {
        c.lineOf[row] = c.lines;
        c.rows = row + 1;
      }
      c.lines++;
      if (p < to) {
        if (b[p] == '\r') {
          p++;
          if (p < to && b[p] == '\n') {
            p++;
            c.lineFeeds++;
          }
        } else {
          p++;
          c.lineFeeds++;
        }
      }
      pos = p;
    }
    return c;
  }

  /** 10^0 ... 10^18. */
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18
  };

  /**
   * The common case read in one pass: a field that is {@code [+-] digits [mark digits]} with at
   * most 18 digits in all, whose integer m is at most 2^53, and that ends at a delimiter or a line
   * end. Its value, m / 10^f for f digits after the mark, is then one correctly rounded division
   * of two exact doubles: {@link Numbers#fastDecimal}'s value, and {@link Double#parseDouble}'s.
   * Stores it and returns the field's end; returns -1 for anything else (spaces, an exponent,
   * longer numbers, text), which {@link #classify} reads.
   */
  private static int quickNumber(byte[] b, int p, int to, byte delimiter, char decimal, Chunk c, int k,
      int row) {
    int q = p;
    boolean negative = false;
    if (q < to && (b[q] == '-' || b[q] == '+')) {
      negative = b[q] == '-';
      q++;
    }
    long m = 0;
    int digits = 0;
    int fraction = 0;
    for (; q < to; q++) {
      int d = b[q] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      m = 10 * m + d;
      digits++;
    }
    if (q < to && b[q] == decimal) {
      for (q++; q < to; q++) {
        int d = b[q] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        m = 10 * m + d;
        digits++;
        fraction++;
      }
    }
    if (digits == 0 || digits > 18 || m > (1L << 53)
        || q < to && b[q] != delimiter && b[q] != '\n' && b[q] != '\r') {
      return -1;
    }
    double v = m / POW10[fraction];
    c.numbers[k][row] = negative ? -v : v;
    c.tags[k][row] = NUMBER;
    return q;
  }

  /** A chunk that stops at its first byte: it is all for opencsv. */
  static Chunk stopped(int from, Layout layout) {
    Chunk c = new Chunk(layout, 1);
    c.stop = from;
    return c;
  }

  /** Sorts a used field: missing, a number, or a text (trimmed as {@link String#trim} trims). */
  private static void classify(Chunk c, Layout layout, int k, int row, byte[] b, int s, int e) {
    while (s < e && b[s] <= ' ') {
      s++;
    }
    while (e > s && b[e - 1] <= ' ') {
      e--;
    }
    int[] tags = c.tags[k];
    if (s == e) {
      tags[row] = EMPTY;
      return;
    }
    if (e - s == 2 && b[s] == 'N' && b[s + 1] == 'A' || isMarker(layout.markers[k], b, s, e)) {
      tags[row] = MARKER;
      return;
    }
    if (layout.infers[k]) {
      double v = Numbers.parseDecimal(b, s, e, layout.decimals[k]);
      if (v - v == 0) { // finite; an infinity goes to Column as text, which reports it
        c.numbers[k][row] = v;
        tags[row] = NUMBER;
        return;
      }
    }
    if (c.texts[k] == null) {
      c.texts[k] = new Texts();
    }
    tags[row] = c.texts[k].code(b, s, e);
  }

  private static boolean isMarker(byte[][] markers, byte[] b, int s, int e) {
    for (byte[] m : markers) {
      if (Arrays.equals(m, 0, m.length, b, s, e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the field, trimmed, is this name. */
  private static boolean equalsTrimmed(byte[] name, byte[] b, int s, int e) {
    if (name == null) {
      return false;
    }
    while (s < e && b[s] <= ' ') {
      s++;
    }
    while (e > s && b[e - 1] <= ' ') {
      e--;
    }
    return Arrays.equals(name, 0, name.length, b, s, e);
  }

  /** {@link String#isBlank} for ASCII bytes: only whitespace ({@link Character#isWhitespace}). */
  private static boolean blank(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      int x = b[i];
      if (!(x == ' ' || x >= 0x09 && x <= 0x0D || x >= 0x1C && x <= 0x1F)) {
        return false;
      }
    }
    return true;
  }

  /** The ASCII bytes of a string, or null when it is not ASCII. */
  private static byte[] ascii(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80) {
        return null;
      }
      out[i] = (byte) ch;
    }
    return out;
  }

  /** The distinct texts of one column in a chunk, coded in order of first appearance. */
  static final class Texts {
    private int[] slots = new int[16]; // code + 1, or 0 for a free slot
    private int[] hashes = new int[8];
    private String[] strings = new String[8];
    private byte[][] bytes = new byte[8][];
    private int size;

    int code(byte[] b, int s, int e) {
      int h = 1;
      for (int i = s; i < e; i++) {
        h = 31 * h + b[i];
      }
      int mask = slots.length - 1;
      int i = (h ^ (h >>> 16)) & mask;
      while (true) {
        int v = slots[i];
        if (v == 0) {
          return insert(i, h, b, s, e);
        }
        int code = v - 1;
        if (hashes[code] == h && Arrays.equals(bytes[code], 0, bytes[code].length, b, s, e)) {
          return code;
        }
        i = (i + 1) & mask;
      }
    }

    private int insert(int slot, int h, byte[] b, int s, int e) {
      int code = size++;
      if (code == strings.length) {
        strings = Arrays.copyOf(strings, 2 * code);
        bytes = Arrays.copyOf(bytes, 2 * code);
        hashes = Arrays.copyOf(hashes, 2 * code);
      }
      bytes[code] = Arrays.copyOfRange(b, s, e);
      strings[code] = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
      hashes[code] = h;
      slots[slot] = code + 1;
      if (2 * size > slots.length) {
        int[] bigger = new int[2 * slots.length];
        int mask = bigger.length - 1;
        for (int c = 0; c < size; c++) {
          int i = (hashes[c] ^ (hashes[c] >>> 16)) & mask;
          while (bigger[i] != 0) {
            i = (i + 1) & mask;
          }
          bigger[i] = c + 1;
        }
        slots = bigger;
      }
      return code;
    }
  }
}
