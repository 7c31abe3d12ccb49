package logitlab.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a CSV text comes from: a file, or a stream such as standard input ({@code -} on the command
 * line). Every reader reads its input once, from start to end, so a stream is read as a file is;
 * a stream can be opened only once.
 */
public final class CsvInput {
  /** How standard input is named in messages. */
  public static final String STDIN_NAME = "<stdin>";

  private final Path path;
  private final String name;
  private InputStream stream;

  private CsvInput(Path path, InputStream stream, String name) {
    this.path = path;
    this.stream = stream;
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * A file.
   *
   * @param path the file
   * @param name how it is named in messages (as the user wrote it)
   */
  public static CsvInput file(Path path, String name) {
    return new CsvInput(Objects.requireNonNull(path, "path"), null, name);
  }

  /** Standard input (or any stream), named {@value #STDIN_NAME} in messages; read once. */
  public static CsvInput stdin(InputStream in) {
    return new CsvInput(null, Objects.requireNonNull(in, "in"), STDIN_NAME);
  }

  /** How the input is named in messages. */
  public String name() {
    return name;
  }

  /** The file, or null for a stream. */
  public Path path() {
    return path;
  }

  /**
   * Refuses, before reading, a file that does not exist, is a directory or cannot be read.
   *
   * @throws DataException BAD_INPUT
   */
  void checkReadable() {
    if (path == null) {
      return;
    }
    if (!Files.exists(path)) {
      throw bad(name + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw bad(name + ": is a directory, not a CSV file");
    }
    if (!Files.isReadable(path)) {
      throw bad(name + ": cannot read the file (permission denied)");
    }
  }

  /** The bytes, from the start; a stream only once. */
  InputStream open() throws IOException {
    if (path != null) {
      return Files.newInputStream(path);
    }
    if (stream == null) {
      throw new IllegalStateException(name + " has been read already");
    }
    InputStream s = stream;
    stream = null;
    return new FilterInputStream(s) {
      @Override
      public void close() {
        // standard input stays open: it is not this program's to close
      }
    };
  }

  private static DataException bad(String message) {
    return new DataException(DataException.Kind.BAD_INPUT, message);
  }
}
