package logitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a command's result goes: stdout, or a file written completely or not at all. */
final class Output {
  private Output() {}

  /**
   * Writes {@code text} to {@code target} through a temporary file in the same directory that is
   * renamed into place, so that an interrupted run never leaves a half-written file.
   */
  static void toFile(Path target, String text, Path input) {
    Path abs = target.toAbsolutePath().normalize();
    try {
      if (input != null && Files.exists(abs) && Files.isSameFile(abs, input)) {
        throw new UsageException("-o " + target + " is the input file; refusing to overwrite it");
      }
      if (Files.isDirectory(abs)) {
        throw new UsageException("-o " + target + " is a directory; give a file name");
      }
    } catch (IOException e) {
      throw new OutputException(target + ": cannot check the output file: " + e.getMessage(), e);
    }
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new OutputException(target + ": cannot write the output file: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  static void toStdout(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
