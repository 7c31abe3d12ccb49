package logitlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes decoded to characters in one strict pass: a byte sequence that is not text in the charset
 * stops the read with {@link Undecodable}, which names the 1-based line (counted in the characters
 * decoded before it) and the byte. Unlike {@link java.io.InputStreamReader} it needs no second pass
 * over the file to say where the bad byte is, so standard input works as a file does.
 *
 * <p>The characters decoded before a bad byte are delivered first; the error comes with the next
 * read. A reader above that reads ahead therefore meets the bad byte where it is in the text, and
 * a problem in an earlier line is reported first.
 */
final class TextDecoder extends Reader {

  /** A byte sequence that is not text in the charset. */
  static final class Undecodable extends IOException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int value;
    final transient Charset charset;

    Undecodable(int line, int value, Charset charset) {
      super("byte " + String.format("0x%02X", value) + " on line " + line + " is not " + charset.name());
      this.line = line;
      this.value = value;
      this.charset = charset;
    }
  }

  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private boolean eof;
  private boolean flushed;
  private int line;
  /** An error met after characters that are still to be delivered. */
  private Undecodable pending;

  TextDecoder(InputStream in, Charset charset) {
    this(in, charset, 1);
  }

  /**
   * @param firstLine the line the first byte is on (when the text is the rest of a file read in part
   *     by another reader)
   */
  TextDecoder(InputStream in, Charset charset, int firstLine) {
    this.in = in;
    this.line = firstLine;
    this.charset = charset;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.flip(); // empty, ready to be read from
    chars.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  /** Decodes the next chunk into {@link #chars} (which may stay empty when more bytes are needed). */
  private void fill() throws IOException {
    if (pending != null) {
      throw pending;
    }
    chars.clear();
    CoderResult result = eof ? decoder.decode(bytes, chars, true) : decoder.decode(bytes, chars, false);
    if (result.isError()) {
      countLines(); // the characters before the bad byte
      Undecodable e = new Undecodable(line, bytes.hasRemaining() ? bytes.get(bytes.position()) & 0xFF : 0, charset);
      if (!chars.hasRemaining()) {
        throw e;
      }
      pending = e; // deliver the characters before it first
      return;
    }
    if (result.isUnderflow()) {
      if (eof) {
        decoder.flush(chars);
        flushed = true;
      } else {
        bytes.compact();
        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (r < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + r);
        }
        bytes.flip();
      }
    }
    countLines();
  }

  /** Flips {@link #chars} for reading and counts its line ends. */
  private void countLines() {
    chars.flip();
    for (int i = chars.position(); i < chars.limit(); i++) {
      if (chars.get(i) == '\n') {
        line++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
