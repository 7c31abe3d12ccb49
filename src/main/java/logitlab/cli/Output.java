package logitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

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
   * Writes {@code text} to {@code target} through a temporary file in the same directory that is
   * renamed into place, so that an interrupted run never leaves a half-written file. A file that is
   * replaced keeps its permissions; a new one gets rw-r--r--.
   */
  static void toFile(Path target, String text, Path input) {
    checkTarget(target, input);
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      keepPermissions(abs, tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new OutputException(target + ": cannot write the output file: " + describe(e), e);
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

  /** Gives the temporary file the target's permissions, or rw-r--r-- for a new file (POSIX only). */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> perms =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  static void toStdout(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
