package logitlab.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing the outputs of every command as {@link Output} decides: to stdout, into a device or pipe,
 * or replacing a regular file completely or not at all.
 *
 * <ul>
 *   <li><b>Replace</b>: the output goes to a hidden temporary file in the target's directory, which
 *       is renamed onto the target (atomically where the file system can) once it is complete. A
 *       run that fails or is interrupted leaves no half-written file and the earlier file, if any,
 *       as it was. A replaced file keeps its permissions (and, where allowed, its owner and group);
 *       a new one gets rw-r--r--. Just before the rename the target is checked again: anything
 *       there that is not a regular file (a device, a pipe, a link, a directory) is never renamed
 *       over.
 *   <li><b>Through</b> and <b>stdout</b>: what is written is complete before the first byte goes
 *       out: text and images are in memory already; a streamed output (the predictions of a file of
 *       any length) is first written to a temporary file in {@code java.io.tmpdir}, then copied.
 * </ul>
 */
final class BatchFiles {
  private BatchFiles() {}

  /** Writes something to a stream. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A body already in memory: written through without a temporary file. */
  private record Bytes(byte[] bytes) implements Body {
    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  /** The body of a text (UTF-8). */
  static Body text(String text) {
    return new Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes text (UTF-8) to {@code target}, a file of a batch run or a report's image. */
  static void write(Path target, String text) {
    write(Output.plan(target, target.toString()), text(text), null);
  }

  /** Writes bytes to {@code target}. */
  static void write(Path target, byte[] bytes) {
    write(Output.plan(target, target.toString()), new Bytes(bytes), null);
  }

  /**
   * Writes what {@code body} produces as {@code plan} says. An exception from {@code body} (a bad
   * input record met while streaming, say) propagates after the temporary file is removed, and
   * nothing has been written to the target.
   *
   * @param stdout the command's standard output, for {@link Output.Kind#STDOUT}
   */
  static void write(Output.Plan plan, Body body, PrintWriter stdout) {
    switch (plan.kind()) {
      case REPLACE -> replace(plan, body);
      case THROUGH -> through(plan, body);
      case STDOUT -> {
        if (stdout == null) {
          throw new IllegalStateException("no standard output for " + plan.given());
        }
        toWriter(plan, body, stdout);
      }
      default -> throw new IllegalStateException(plan.kind().name());
    }
  }

  /** Replaces (or creates) {@code plan.path()}, a regular file, through a temporary file renamed into place. */
  private static void replace(Output.Plan plan, Body body) {
    Path target = plan.path();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.writeTo(out);
      }
      BasicFileAttributes now = existing(target);
      if (now != null && !now.isRegularFile()) {
        // it changed since the run began: never rename over a device, pipe, link or directory
        throw new OutputException(plan.given() + ": is no longer a regular file; not replaced", null);
      }
      keepAttributes(tmp, now != null ? target : null);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new OutputException(plan.given() + ": cannot write the output file: " + describe(e), e);
    } finally {
      delete(tmp);
    }
  }

  /** The attributes of {@code p} itself (a link is not followed), or null when nothing is there. */
  private static BasicFileAttributes existing(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The permissions (and owner and group, where allowed) of {@code old}, or rw-r--r-- for a new file. */
  private static void keepAttributes(Path tmp, Path old) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    if (old == null) {
      view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      return;
    }
    PosixFileAttributes a = Files.readAttributes(old, PosixFileAttributes.class);
    view.setPermissions(a.permissions());
    try {
      if (!a.owner().equals(view.readAttributes().owner())) {
        view.setOwner(a.owner());
      }
      if (!a.group().equals(view.readAttributes().group())) {
        view.setGroup(a.group());
      }
    } catch (IOException e) {
      // only root may give a file away: the new file is the writer's
    }
  }

  /** Opens {@code plan.path()} (a device, pipe or descriptor) for appending and writes the whole output into it. */
  private static void through(Output.Plan plan, Body body) {
    Path spool = null;
    try {
      spool = complete(body);
      try (OutputStream out = Files.newOutputStream(plan.path(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        if (spool == null) {
          body.writeTo(out);
        } else {
          Files.copy(spool, out);
        }
      }
    } catch (IOException e) {
      throw new OutputException(plan.given() + ": cannot write to it: " + describe(e), e);
    } finally {
      delete(spool);
    }
  }

  /** Prints the whole output (UTF-8) on {@code stdout}. */
  private static void toWriter(Output.Plan plan, Body body, PrintWriter stdout) {
    Path spool = null;
    try {
      spool = complete(body);
      if (spool == null) {
        stdout.print(new String(((Bytes) body).bytes(), StandardCharsets.UTF_8));
      } else {
        try (Reader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
          char[] buf = new char[1 << 14];
          int n;
          while ((n = r.read(buf)) > 0) {
            stdout.write(buf, 0, n);
          }
        }
      }
      stdout.flush();
    } catch (IOException e) {
      throw new OutputException(plan.given() + ": cannot write to it: " + describe(e), e);
    } finally {
      delete(spool);
    }
  }

  /**
   * Makes a streamed body complete before it is written anywhere: runs it into a temporary file
   * (only the writer may read it) and returns that file; null for a body in memory.
   */
  private static Path complete(Body body) throws IOException {
    if (body instanceof Bytes) {
      return null;
    }
    Path spool = Files.createTempFile("logitlab-", ".out");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
        body.writeTo(out);
      }
      return spool;
    } catch (IOException | RuntimeException e) {
      delete(spool);
      throw e;
    }
  }

  private static void delete(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and named after the target
      }
    }
  }

  /** An I/O error in a few words: "permission denied", the system's reason, or the message. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
