package logitlab.data;

import java.io.IOException;
import java.io.Reader;

/**
 * A character stream with the guards a CSV reader needs against hostile files, placed under
 * opencsv's buffered reader:
 *
 * <ul>
 *   <li>a leading byte-order mark is dropped;
 *   <li>a NUL character stops the read ({@link NulCharacter}): text CSV never holds one, and a
 *       UTF-16 file or a binary file is full of them;
 *   <li>one record may take at most about {@code maxRecordChars} characters ({@link
 *       RecordTooLong}): a 50 MB line without a line end, or an unclosed quote that would swallow
 *       the rest of the file into one field, fails early and in bounded memory.
 * </ul>
 *
 * <p>The characters before a NUL are delivered first, and the error comes with the next read, so
 * that a problem in an earlier line is reported first. Once it has thrown, it throws the same
 * exception on every later read, and {@link #rethrow()} throws it again: a library that takes an
 * error for the end of the file cannot silently drop the rest of the file.
 *
 * <p>The record bound is counted from {@link #startRecord()}, which the CSV reader calls before each
 * record. Because the buffered reader above reads ahead by at most {@code readAhead} characters, a
 * record of up to {@code maxRecordChars} characters always passes, and one longer than {@code
 * maxRecordChars + 2 * readAhead} always fails.
 */
final class GuardedReader extends Reader {

  /** A NUL character was read, on this 1-based line. */
  static final class NulCharacter extends IOException {
    private static final long serialVersionUID = 1L;
    final int line;

    NulCharacter(int line) {
      super("NUL character on line " + line);
      this.line = line;
    }
  }

  /** The current record ran past the character bound. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLong() {
      super("record too long");
    }
  }

  private final Reader in;
  private final long recordAllowance;
  private long delivered;
  private long limit;
  private int line;
  private boolean first;
  private IOException failure;
  /** A NUL met after characters that are still to be delivered. */
  private NulCharacter pending;

  /**
   * @param in the decoded text
   * @param maxRecordChars the largest record that must pass
   * @param readAhead the buffer size of the reader above this one
   */
  GuardedReader(Reader in, int maxRecordChars, int readAhead) {
    this(in, maxRecordChars, readAhead, 1, true);
  }

  /**
   * @param firstLine the line the text starts on (counted in line feeds)
   * @param whole whether the text is a whole file, whose byte-order mark is dropped, rather than the
   *     rest of a file read in part by another reader
   */
  GuardedReader(Reader in, int maxRecordChars, int readAhead, int firstLine, boolean whole) {
    this.in = in;
    this.recordAllowance = (long) maxRecordChars + readAhead;
    this.limit = recordAllowance;
    this.line = firstLine;
    this.first = whole;
  }

  /** Starts the bound for the next record. */
  void startRecord() {
    limit = delivered + recordAllowance;
  }

  /** Rethrows the first error this reader threw, in case a caller swallowed it. */
  void rethrow() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      return guardedRead(buf, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private int guardedRead(char[] buf, int off, int len) throws IOException {
    if (pending != null) {
      throw pending;
    }
    int n = in.read(buf, off, len);
    if (n <= 0) {
      return n;
    }
    if (first) {
      first = false;
      if (buf[off] == '\uFEFF') {
        System.arraycopy(buf, off + 1, buf, off, n - 1);
        n--;
        if (n == 0) {
          return guardedRead(buf, off, len);
        }
      }
    }
    for (int i = off; i < off + n; i++) {
      char c = buf[i];
      if (c == '\n') {
        line++;
      } else if (c == '\0') {
        NulCharacter e = new NulCharacter(line);
        if (i == off) {
          throw e;
        }
        pending = e; // deliver the characters before it first
        n = i - off;
        break;
      }
    }
    delivered += n;
    if (delivered > limit) {
      throw new RecordTooLong();
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
