package logitlab.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fast path of {@link CsvTable#read}: the input read in blocks of whole lines, each block's
 * plain records parsed by {@link ChunkParser} (on several threads when there is more than one
 * block), and the parsed blocks added to the table in file order ({@link CsvTable.Builder#add}).
 *
 * <ol>
 *   <li><b>Header.</b> When the first line is plain (ASCII, no quote, not blank, not a {@code
 *       sep=} line), it is split here; otherwise opencsv reads the header from the first block. If
 *       that fails (an error, or a header longer than the block), opencsv reads the whole input,
 *       from its first byte, as without the fast path.
 *   <li><b>Blocks.</b> A block ends after the last line end in it (LF, or CR not followed by LF),
 *       and grows to hold a longer line. Every block boundary is a record boundary as long as every
 *       record before it is plain: a plain record has no quote, so no quoted field can span it.
 *   <li><b>Hand-over.</b> At the first record that is not plain (a quote, a byte that is not ASCII,
 *       a NUL, a wrong width, the header again, a very long line), the records before it are
 *       added, and opencsv reads the rest of the input, from that record's first byte, with the
 *       line count carried over ({@link CsvRecords#resume}). Blocks parsed ahead are dropped; their
 *       bytes go to opencsv.
 * </ol>
 *
 * The table, the line numbers and the first error are those of opencsv reading the whole input
 * (the test {@code FastPathEquivalenceTest} compares the two on every test file): the blocks are
 * parsed independently, but every value reaches its {@link Column} in file order from one thread,
 * whatever the number of threads and the block size.
 */
final class ChunkedReader {

  /** A line longer than this (or than the block size, if larger) goes to opencsv with the rest. */
  private static final int MAX_BLOCK = 1 << 23;

  private ChunkedReader() {}

  static CsvTable read(CsvInput input, CsvFormat format, CsvTable.ColumnSelector selector,
      CsvTable.Reading how) {
    String name = input.name();
    input.checkReadable();
    InputStream in;
    try {
      in = input.open();
    } catch (IOException e) {
      throw CsvRecords.translate(e, name, 1, format);
    }
    Blocks blocks = new Blocks(in, how.blockSize(), name, format);
    try {
      Piece first = blocks.next();
      Head head = first == null ? null : Head.plain(first, name, format);
      if (head == null && first != null) {
        head = Head.opencsv(first, name, format);
      }
      if (head == null) {
        // opencsv reads everything, from the first byte
        InputStream all = blocks.rest(first == null ? List.of() : List.of(first.bytes(0)));
        try (CsvRecords records = CsvRecords.open(name, all, format)) {
          CsvTable.Builder table = new CsvTable.Builder(name, records.header(), selector.select(records.header()));
          table.addAll(records);
          return table.build(records.headerLine());
        }
      }
      Column[] columns = selector.select(head.header);
      CsvTable.Builder table = new CsvTable.Builder(name, head.header, columns);
      Piece data = new Piece(first.buf, head.end, first.to, first.tooLong);
      ChunkParser.Layout layout = ChunkParser.Layout.of(head.format, head.header, head.width, columns);
      if (layout == null) {
        resume(blocks, List.of(data.bytes(data.from)), name, head, table, head.lines, head.lineFeeds);
      } else {
        addChunks(blocks, data, layout, how.threads(), name, head, table, size(input));
      }
      return table.build(head.line);
    } finally {
      blocks.close();
    }
  }

  /**
   * Parses the data from the first piece on, on {@code threads} threads when there is more than one
   * piece, and adds the chunks to the table in file order; at the first record that is not plain,
   * hands the rest of the input to opencsv.
   */
  private static void addChunks(Blocks blocks, Piece first, ChunkParser.Layout layout, int threads,
      String name, Head head, CsvTable.Builder table, long size) {
    ExecutorService pool = null;
    if (threads > 1 && !blocks.done) {
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "logitlab-csv");
        t.setDaemon(true);
        return t;
      });
    }
    try {
      int ahead = pool == null ? 1 : 2 * threads + 1;
      int lines = head.lines;
      int lineFeeds = head.lineFeeds;
      ArrayDeque<Pending> queue = new ArrayDeque<>();
      queue.add(Pending.of(first, layout, pool));
      while (true) {
        Piece next;
        while (queue.size() < ahead && (next = blocks.next()) != null) {
          queue.add(Pending.of(next, layout, pool));
        }
        Pending p = queue.poll();
        if (p == null) {
          return;
        }
        ChunkParser.Chunk chunk = p.get();
        table.add(chunk, lines);
        if (p.piece == first && size > 0 && !blocks.done && chunk.stop < 0 && chunk.rows > 0) {
          // the rows to come, from the first piece's bytes per row and the file's size
          double estimate = 1.02 * chunk.rows * (size - first.from) / (first.to - first.from) + 16;
          table.reserve((int) Math.min(estimate, Integer.MAX_VALUE - 8));
        }
        lines += chunk.lines;
        lineFeeds += chunk.lineFeeds;
        if (chunk.stop >= 0) {
          List<InputStream> parts = new ArrayList<>();
          parts.add(p.piece.bytes(chunk.stop));
          for (Pending later : queue) {
            later.cancel();
            parts.add(later.piece.bytes(later.piece.from));
          }
          resume(blocks, parts, name, head, table, lines, lineFeeds);
          return;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** The size of a file in bytes, or -1 (standard input, or a size that cannot be read). */
  private static long size(CsvInput input) {
    try {
      return input.path() == null ? -1 : java.nio.file.Files.size(input.path());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** opencsv reads the rest: these bytes, then what the blocks have not handed out. */
  private static void resume(Blocks blocks, List<InputStream> parts, String name, Head head,
      CsvTable.Builder table, int lines, int lineFeeds) {
    try (CsvRecords records = CsvRecords.resume(name, blocks.rest(parts), head.format, head.header,
        head.width, head.line, lines, lineFeeds)) {
      table.addAll(records);
    }
  }

  /** A run of whole lines, {@code buf[from, to)}. */
  private record Piece(byte[] buf, int from, int to, boolean tooLong) {
    /** The bytes from {@code offset} to the end of the piece. */
    InputStream bytes(int offset) {
      return new ByteArrayInputStream(buf, offset, to - offset);
    }
  }

  /** A piece being parsed, or parsed. */
  private static final class Pending {
    final Piece piece;
    private final Future<ChunkParser.Chunk> future;
    private ChunkParser.Chunk done;

    private Pending(Piece piece, Future<ChunkParser.Chunk> future, ChunkParser.Chunk done) {
      this.piece = piece;
      this.future = future;
      this.done = done;
    }

    static Pending of(Piece piece, ChunkParser.Layout layout, ExecutorService pool) {
      if (pool == null) {
        return new Pending(piece, null, parse(piece, layout));
      }
      return new Pending(piece, pool.submit(() -> parse(piece, layout)), null);
    }

    private static ChunkParser.Chunk parse(Piece piece, ChunkParser.Layout layout) {
      return piece.tooLong ? ChunkParser.stopped(piece.from, layout)
          : ChunkParser.parse(piece.buf, piece.from, piece.to, layout);
    }

    ChunkParser.Chunk get() {
      if (done == null) {
        try {
          done = future.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading the CSV input", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return done;
    }

    void cancel() {
      if (future != null) {
        future.cancel(false);
      }
    }
  }

  /**
   * The header, read here or by opencsv.
   *
   * @param end the offset in the first piece where the data start
   * @param lines the lines before the data, as opencsv counts them
   * @param lineFeeds the line feeds before the data
   */
  private record Head(List<String> header, int width, int line, CsvFormat format, int end, int lines,
      int lineFeeds) {

    /** The header from a plain first line, or null when the first line is not plain. */
    static Head plain(Piece first, String name, CsvFormat format) {
      if (first.tooLong) {
        return null;
      }
      byte[] b = first.buf;
      int to = first.to;
      try {
        CsvRecords.sniff(new ByteArrayInputStream(b, 0, to), name, format);
      } catch (IOException e) {
        return null; // cannot happen with bytes in memory; opencsv will say
      }
      int s = 0;
      if (format.utf8() && to >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
        s = 3; // the byte-order mark, which the reader drops
      }
      int e = s;
      boolean blank = true;
      while (e < to && b[e] != '\n' && b[e] != '\r') {
        if (b[e] == '"' || b[e] <= 0) {
          return null;
        }
        blank = blank && b[e] <= ' ';
        e++;
      }
      if (e == to || blank || e - s > ChunkParser.MAX_RECORD_BYTES || startsWithSep(b, s, e)
          || format.delimiter() >= 0x80) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      for (int f = s, i = s; ; i++) {
        if (i == e || b[i] == format.delimiter()) {
          fields.add(new String(b, f, i - f, java.nio.charset.StandardCharsets.ISO_8859_1));
          f = i + 1;
          if (i == e) {
            break;
          }
        }
      }
      String[] record = fields.toArray(String[]::new);
      List<String> header = CsvRecords.header(record, name, 1, format.delimiter());
      int end = e + (b[e] == '\r' && e + 1 < to && b[e + 1] == '\n' ? 2 : 1);
      return new Head(header, record.length, 1, format, end, 1, b[end - 1] == '\n' ? 1 : 0);
    }

    /** Whether a line starts, after spaces, with {@code sep=} in any case (a spreadsheet's line). */
    private static boolean startsWithSep(byte[] b, int s, int e) {
      while (s < e && b[s] <= ' ') {
        s++;
      }
      String sep = "sep=";
      if (e - s < sep.length()) {
        return false;
      }
      for (int i = 0; i < sep.length(); i++) {
        if (Character.toLowerCase((char) b[s + i]) != sep.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /**
     * The header as opencsv reads it from the first piece, or null when it cannot be read from that
     * piece alone (an error, which opencsv will report reading the whole input, or a header that
     * does not end within the piece).
     */
    static Head opencsv(Piece first, String name, CsvFormat format) {
      if (first.tooLong) {
        return null;
      }
      try (CsvRecords records = CsvRecords.open(name, first.bytes(0), format)) {
        int lines = records.lastLine();
        int lineFeeds = 0;
        byte[] b = first.buf;
        int i = first.from;
        for (int n = 0; n < lines; n++) {
          while (i < first.to && b[i] != '\n' && b[i] != '\r') {
            i++;
          }
          if (i == first.to) {
            return null; // the header's last line does not end within the piece
          }
          if (b[i] == '\r' && i + 1 < first.to && b[i + 1] == '\n') {
            i++;
          }
          if (b[i] == '\n') {
            lineFeeds++;
          }
          i++;
        }
        return new Head(records.header(), records.width(), records.headerLine(), records.format(), i, lines,
            lineFeeds);
      } catch (DataException e) {
        return null;
      }
    }
  }

  /** The input in pieces of whole lines, and what is left of it. */
  private static final class Blocks {
    private final InputStream in;
    private final int blockSize;
    private final String name;
    private final CsvFormat format;
    /** Bytes read but not handed out: {@code carry[carryFrom, carryTo)}. */
    private byte[] carry = new byte[0];
    private int carryFrom;
    private int carryTo;
    private boolean eof;
    /** Whether every byte has been handed out (or the last piece was too long). */
    boolean done;

    Blocks(InputStream in, int blockSize, String name, CsvFormat format) {
      this.in = in;
      this.blockSize = blockSize;
      this.name = name;
      this.format = format;
    }

    /** The next piece of whole lines, or null at the end. */
    Piece next() {
      if (done) {
        return null;
      }
      int carried = carryTo - carryFrom;
      byte[] buf = new byte[Math.max(blockSize, 2 * carried)];
      System.arraycopy(carry, carryFrom, buf, 0, carried);
      int len = carried;
      int scanned = 0;
      while (true) {
        len = fill(buf, len);
        int cut = lastLineEnd(buf, scanned, len);
        if (eof) {
          done = true;
          carry = new byte[0];
          carryFrom = carryTo = 0;
          return len == 0 ? null : new Piece(buf, 0, len, false);
        }
        if (cut > 0) {
          carry = buf;
          carryFrom = cut;
          carryTo = len;
          return new Piece(buf, 0, cut, false);
        }
        if (buf.length >= Math.max(blockSize, MAX_BLOCK)) {
          done = true;
          carry = new byte[0];
          carryFrom = carryTo = 0;
          return new Piece(buf, 0, len, true);
        }
        scanned = Math.max(0, len - 1);
        buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
      }
    }

    /** Reads until the buffer is full or the input ends. */
    private int fill(byte[] buf, int len) {
      try {
        while (len < buf.length) {
          int r = in.read(buf, len, buf.length - len);
          if (r < 0) {
            eof = true;
            break;
          }
          len += r;
        }
        return len;
      } catch (IOException e) {
        throw CsvRecords.translate(e, name, 1, format);
      }
    }

    /**
     * The offset after the last line end in {@code buf[from, to)} (an LF, or a CR followed by a byte
     * that is not LF), or 0.
     */
    private static int lastLineEnd(byte[] buf, int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (buf[i] == '\n' || buf[i] == '\r' && i + 1 < to && buf[i + 1] != '\n') {
          return i + 1;
        }
      }
      return 0;
    }

    /** These bytes, then every byte not handed out, to the end of the input. */
    InputStream rest(List<InputStream> first) {
      List<InputStream> parts = new ArrayList<>(first);
      parts.add(new ByteArrayInputStream(carry, carryFrom, carryTo - carryFrom));
      carry = new byte[0];
      carryFrom = carryTo = 0;
      done = true;
      parts.add(in);
      return new SequenceInputStream(Collections.enumeration(parts));
    }

    void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing was written; the read is over either way
      }
    }
  }
}
