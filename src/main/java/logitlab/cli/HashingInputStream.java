package logitlab.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stream that computes the SHA-256 and the size of what is read through it: the provenance of a
 * report whose input is standard input, which cannot be read a second time.
 */
final class HashingInputStream extends FilterInputStream {
  private final MessageDigest digest;
  private long size;

  HashingInputStream(InputStream in) {
    super(in);
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update((byte) b);
      size++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      size += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip is not supported: every byte is hashed");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The SHA-256 in hex of the bytes read so far (the whole input once it has been read to its end). */
  String sha256() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of bytes read so far. */
  long size() {
    return size;
  }
}
