package logitlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where row data go that do not fit the heap: a temporary file, memory-mapped, so that the number
 * of rows is limited by the disk, not by the heap.
 *
 * <p>Budget. Row data (design blocks, per-row values of the fits) are kept on the heap while the
 * bytes held there stay within a budget; what comes after goes to the file. The budget is a
 * quarter of the largest heap ({@code -Xmx}), or {@value #MEMORY_PROPERTY} /
 * {@value #MEMORY_ENV} in MiB ({@code 0}: everything to the file). Where the rows are stored
 * changes no number: the same doubles are read back.
 *
 * <p>The file. One file per run (per directory), created on first need in the directory named by the
 * {@value #DIR_PROPERTY} system property, else the {@value #DIR_ENV} environment variable, else
 * {@code java.io.tmpdir} ({@code /tmp} on Linux), named {@code logitlab-spill-*.bin}. It is deleted
 * (unlinked) right after it is opened, before anything is written, so that nothing remains on the
 * machine whatever happens to the run; its space stays in use, invisible, until the run ends. On a
 * system that cannot delete an open file it is deleted when the JVM exits. Each region is written
 * once, through the channel, and then mapped read-only.
 */
public final class Spill {
  /** System property: the directory of the spill file. */
  public static final String DIR_PROPERTY = "logitlab.tmpdir";
  /** Environment variable: the directory of the spill file. */
  public static final String DIR_ENV = "LOGITLAB_TMPDIR";
  /** System property: the heap budget for row data, in MiB. */
  public static final String MEMORY_PROPERTY = "logitlab.memory";
  /** Environment variable: the heap budget for row data, in MiB. */
  public static final String MEMORY_ENV = "LOGITLAB_MEMORY";

  private static final Cleaner CLEANER = Cleaner.create();
  private static final AtomicLong HELD = new AtomicLong();
  private static final ThreadLocal<Long> BUDGET_OVERRIDE = new ThreadLocal<>();
  private static Spill file;
  private static final AtomicLong SPILLED = new AtomicLong();

  private final FileChannel channel;
  private final Path path;
  private final Path dir;
  private long end;

  private Spill(FileChannel channel, Path path, Path dir) {
    this.channel = channel;
    this.path = path;
    this.dir = dir;
  }

  /**
   * The storage decisions of one computation: taken on the thread that starts it (which may run
   * {@link #withBudget}) and used by its workers.
   */
  public static final class Policy {
    private final long budget;

    private Policy(long budget) {
      this.budget = budget;
    }

    /**
     * Whether {@code bytes} more fit the heap budget; if so they are counted as held until
     * {@code owner} is garbage-collected.
     */
    public boolean keep(Object owner, long bytes) {
      while (true) {
        long held = HELD.get();
        if (held + bytes > budget) {
          return false;
        }
        if (HELD.compareAndSet(held, held + bytes)) {
          CLEANER.register(owner, () -> HELD.addAndGet(-bytes));
          return true;
        }
      }
    }
  }

  /** The policy for a computation started on this thread. */
  public static Policy policy() {
    Long o = BUDGET_OVERRIDE.get();
    return new Policy(o != null ? o : budget());
  }

  /** The heap budget for row data, in bytes. */
  static long budget() {
    Long mib = mebibytes(System.getProperty(MEMORY_PROPERTY));
    if (mib == null) {
      mib = mebibytes(System.getenv(MEMORY_ENV));
    }
    return mib != null ? mib << 20 : Runtime.getRuntime().maxMemory() / 4;
  }

  private static Long mebibytes(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(s.trim());
      return v >= 0 ? Math.min(v, 1L << 40) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs {@code work} with a heap budget of {@code bytes} for the row data it stores (tests). */
  public static <T> T withBudget(long bytes, Supplier<T> work) {
    Long before = BUDGET_OVERRIDE.get();
    BUDGET_OVERRIDE.set(bytes);
    try {
      return work.get();
    } finally {
      if (before == null) {
        BUDGET_OVERRIDE.remove();
      } else {
        BUDGET_OVERRIDE.set(before);
      }
    }
  }

  /** Bytes written to spill files so far in this JVM (for tests and the timings). */
  public static long spilledBytes() {
    return SPILLED.get();
  }

  /** The directory of the spill file. */
  public static Path directory() {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = System.getenv(DIR_ENV);
    }
    if (dir == null || dir.isBlank()) {
      dir = System.getProperty("java.io.tmpdir");
    }
    return Path.of(dir);
  }

  /**
   * Appends {@code data} (from its position to its limit) to the spill file and maps it back,
   * read-only, in native byte order. The bytes are written through the channel, not through the
   * mapping, so that a full disk is an error here rather than a fault later.
   *
   * @param context how the data are named in an error message (the input file)
   * @throws DataException NOT_FITTABLE when the file cannot be made or written (a full disk, a
   *     directory that does not exist), naming the directory and how to choose another
   */
  public static MappedByteBuffer write(java.nio.ByteBuffer data, String context) {
    long bytes = data.remaining();
    Spill s;
    long at;
    synchronized (Spill.class) {
      Path dir = directory();
      if (file == null || !file.dir.equals(dir)) {
        // a new directory (a test, an embedding) gets its own file; the old one's mappings stay
        // valid without its channel, and its space is freed when they are gone
        if (file != null) {
          try {
            file.channel.close();
          } catch (IOException ignored) {
            // nothing is lost: the file is already deleted
          }
        }
        file = open(dir, context);
      }
      s = file;
      at = s.end;
      s.end += (bytes + 7) & ~7L;
    }
    try {
      long pos = at;
      while (data.hasRemaining()) {
        pos += s.channel.write(data, pos);
      }
      MappedByteBuffer b = s.channel.map(FileChannel.MapMode.READ_ONLY, at, bytes);
      b.order(ByteOrder.nativeOrder());
      SPILLED.addAndGet(bytes);
      return b;
    } catch (IOException | UncheckedIOException e) {
      throw failure(context, s.dir, e);
    }
  }

  private static Spill open(Path dir, String context) {
    Path path = null;
    try {
      path = Files.createTempFile(dir, "logitlab-spill-", ".bin");
      FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        Files.delete(path); // unlinked: the open channel keeps the space, nobody else sees it
      } catch (IOException e) {
        path.toFile().deleteOnExit(); // a system that cannot delete an open file
      }
      return new Spill(ch, path, dir);
    } catch (IOException | RuntimeException e) {
      if (path != null) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
      throw failure(context, dir, e);
    }
  }

  private static DataException failure(String context, Path dir, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DataException(DataException.Kind.NOT_FITTABLE,
        context + ": the rows do not fit the heap and cannot be written to a temporary file in " + dir
            + " (" + why + "); name another directory with " + DIR_ENV + "=DIR, or give Java more"
            + " memory (LOGITLAB_JAVA_OPTS=-Xmx...)");
  }
}
