package logitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a command's result goes, and the one place that decides what writing to a path means.
 *
 * <ul>
 *   <li><b>stdout</b>: {@code -} (a file named "-" is {@code ./-}), and {@code /dev/stdout},
 *       {@code /dev/fd/1}, {@code /proc/self/fd/1}, which name the command's own standard output.
 *   <li><b>Write through</b> ({@link Kind#THROUGH}): anything that is not a regular file or a
 *       directory (a device such as {@code /dev/null} or a terminal, a named pipe, a socket), and
 *       any path reached through an open file descriptor ({@code /dev/fd/N}, {@code /proc/PID/fd/N}):
 *       it is opened for writing (appending, so that a descriptor's earlier output is kept) and
 *       written into; it is never replaced, truncated or created. What is written is complete
 *       before the first byte goes out, so a run that fails writes nothing.
 *   <li><b>Replace</b> ({@link Kind#REPLACE}): a regular file, or a name that does not exist yet.
 *       A symbolic link is followed, through a chain of links, to its final target (which need not
 *       exist yet, but its directory must); the link stays a link and the target is replaced:
 *       written to a hidden temporary file in the target's directory and renamed into place
 *       (atomically where the file system can), so that a run that fails or is interrupted never
 *       leaves a half-written file and never damages an existing one.
 * </ul>
 *
 * <p>An input file is never a target, whatever path names it (a link, a chain of links, a
 * descriptor). {@link BatchFiles} does the writing.
 */
final class Output {
  /** The most symbolic links followed, as Linux's MAXSYMLINKS. */
  static final int MAX_LINKS = 40;

  private static final Set<String> STDOUT_NAMES = Set.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");
  private static final Pattern DESCRIPTOR = Pattern.compile("/dev/(fd/.*|stdin|stdout|stderr)|/proc/[^/]+/fd/.*");

  private Output() {}

  /** What writing to a path means. */
  enum Kind {
    /** The command's standard output. */
    STDOUT,
    /** A device, a pipe, a socket or a descriptor: opened and written into, never replaced. */
    THROUGH,
    /** A regular file or a new one: replaced as a whole through a temporary file and a rename. */
    REPLACE
  }

  /**
   * What writing to {@code given} means.
   *
   * @param given the path as the user named it
   * @param kind stdout, write through, or replace
   * @param path for {@link Kind#THROUGH} the path that is opened (the one given: the kernel follows
   *     its links); for {@link Kind#REPLACE} the file replaced or created, every link followed
   */
  record Plan(Path given, Kind kind, Path path) {
    /** Whether the output is a regular file (existing or new), replaced as a whole. */
    boolean replaces() {
      return kind == Kind.REPLACE;
    }
  }

  /**
   * Decides what writing to {@code given} means, from what is on disk now. Only reads the file
   * system (stat and readlink); never writes.
   *
   * @throws UsageException for a directory, a link chain that is too long or a loop, or a new file
   *     (or a link's missing target) in a directory that does not exist
   */
  static Plan plan(Path given) {
    return plan(given, "-o " + given);
  }

  /**
   * {@link #plan(Path)}, with messages that name the output as {@code name} (the file of a batch
   * run by its path, {@code -o FILE} by the option).
   */
  static Plan plan(Path given, String name) {
    if (given.toString().equals("-")) {
      return new Plan(given, Kind.STDOUT, given);
    }
    Path abs = given.toAbsolutePath();
    if (STDOUT_NAMES.contains(abs.normalize().toString())) {
      return new Plan(given, Kind.STDOUT, given);
    }
    BasicFileAttributes attrs = attributes(name, abs, false);
    if (attrs != null && attrs.isDirectory()) {
      throw new UsageException(name + " is a directory; give a file name");
    }
    if (attrs != null && attrs.isOther()) {
      return new Plan(given, Kind.THROUGH, abs);
    }
    // a regular file or nothing yet: follow the links to the name that is replaced or created
    Path p = abs;
    boolean descriptor = isDescriptor(p);
    for (int hops = 0; ; hops++) {
      BasicFileAttributes own = attributes(name, p, true);
      if (own == null || !own.isSymbolicLink()) {
        break;
      }
      if (hops == MAX_LINKS) {
        throw new UsageException(name + ": more than " + MAX_LINKS + " symbolic links (a loop?)");
      }
      try {
        Path to = Files.readSymbolicLink(p);
        p = p.getParent() == null ? to : p.getParent().resolve(to);
      } catch (IOException e) {
        throw new OutputException(name + ": cannot read the link " + p + ": " + BatchFiles.describe(e), e);
      }
      descriptor |= isDescriptor(p);
    }
    if (descriptor) {
      return new Plan(given, Kind.THROUGH, abs);
    }
    if (attrs == null) {
      Path dir = p.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new UsageException(name + (p.equals(abs) ? "" : ": it links to " + p)
            + ": the directory " + dir + " does not exist");
      }
    }
    return new Plan(given, Kind.REPLACE, p);
  }

  /** Whether a path names an open file descriptor (Linux's /proc, the /dev/fd of Linux and the BSDs). */
  static boolean isDescriptor(Path p) {
    return DESCRIPTOR.matcher(p.normalize().toString()).matches();
  }

  /**
   * The attributes of {@code p} (following links unless {@code noFollow}), or null when there is
   * nothing there (a dangling link, followed, is nothing).
   */
  private static BasicFileAttributes attributes(String name, Path p, boolean noFollow) {
    try {
      return noFollow ? Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          : Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (FileSystemException e) {
      // ELOOP, ENOTDIR, EACCES: the path itself is wrong, as the user gave it
      String why = BatchFiles.describe(e);
      throw new UsageException(name + ": " + (why.startsWith("Too many levels of symbolic links")
          ? "more than " + MAX_LINKS + " symbolic links (a loop?)" : why));
    } catch (IOException e) {
      throw new OutputException(name + ": cannot check the output file: " + BatchFiles.describe(e), e);
    }
  }

  private static String option(Path given) {
    return "-o " + given;
  }

  /**
   * Refuses an output path before any work is done and says what writing to it will mean: an input
   * file (under any name, link or descriptor), a directory, or a new file in a directory that does
   * not exist are usage errors (exit code 2).
   *
   * @param target the output as the user named it
   * @param inputs the files the command reads (null entries are skipped)
   */
  static Plan checkTarget(Path target, Path... inputs) {
    Plan plan = plan(target);
    if (plan.kind() != Kind.STDOUT) {
      for (Path input : inputs) {
        if (input != null && isSame(target, input)) {
          throw new UsageException(option(target) + " is the input file"
              + (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize()) ? ""
                  : " (" + input + ")") + "; refusing to overwrite it");
        }
      }
    }
    return plan;
  }

  /** Whether two paths, each with its links followed, are one file; false when either is missing. */
  static boolean isSame(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      throw new OutputException(a + ": cannot check the output file: " + BatchFiles.describe(e), e);
    }
  }

  /**
   * Writes {@code text} to {@code target} after {@link #checkTarget}: to {@code stdout}, into a
   * device or pipe, or replacing a regular file completely or not at all.
   */
  static void toFile(Path target, String text, PrintWriter stdout, Path... inputs) {
    Plan plan = checkTarget(target, inputs);
    BatchFiles.write(plan, BatchFiles.text(text), stdout);
  }

  static void toStdout(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
