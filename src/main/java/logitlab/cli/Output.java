package logitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's result goes: stdout, or a file written completely or not at all.
 *
 * <p>A file is written to a hidden temporary file in the target's directory and renamed into place
 * (atomically where the file system can), so that a run that fails or is interrupted never leaves
 * a half-written file and never damages an existing one. The input file is never a target.
 */
final class Output {
  private Output() {}

  /**
   * Refuses an output path before any work is done: the input file itself (under any name or
   * link), a directory, or a file in a directory that does not exist. Usage errors (exit code 2).
   */
  static void checkTarget(Path target, Path input) {
    Path abs = target.toAbsolutePath().normalize();
    try {
      if (input != null && Files.exists(abs) && Files.exists(input) && Files.isSameFile(abs, input)) {
        throw new UsageException("-o " + target + " is the input file; refusing to overwrite it");
      }
    } catch (IOException e) {
      throw new OutputException(target + ": cannot check the output file: " + e.getMessage(), e);
    }
    if (Files.isDirectory(abs)) {
      throw new UsageException("-o " + target + " is a directory; give a file name");
    }
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException("-o " + target + ": the directory " + dir + " does not exist");
    }
  }

  /**
   * Writes {@code text} to {@code target} after {@link #checkTarget}: through a temporary file in
   * the same directory that is renamed into place ({@link BatchFiles#write(Path, String)}), so that
   * an interrupted run never leaves a half-written file. A replaced file keeps its permissions.
   */
  static void toFile(Path target, String text, Path input) {
    checkTarget(target, input);
    BatchFiles.write(target, text);
  }

  static void toStdout(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
