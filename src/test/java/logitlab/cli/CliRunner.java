package logitlab.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRunner(int code, String out, String err) {
  static CliRunner run(String... args) {
    return withStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  /** Runs with these bytes as standard input (read for a FILE {@code -}). */
  static CliRunner withStdin(byte[] stdin, String... args) {
    return withStdin(new ByteArrayInputStream(stdin), args);
  }

  static CliRunner withStdin(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(stdin, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRunner(code, out.toString(), err.toString());
  }
}
