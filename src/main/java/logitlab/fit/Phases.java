package logitlab.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Wall-clock times of the phases of one run (parse, LPM, GLM, separation, AME, neuron,
 * classification, ...), for {@code LOGITLAB_TIMINGS=1} and {@code scripts/bench}. Off unless a
 * {@link Recorder} is open on the calling thread; then {@link #time} costs one thread-local read
 * and two clock reads. A phase's time excludes the phases timed inside it (the GLM's time does not
 * contain its separation check), so the phases add up to the time they cover; a phase met twice
 * (the separation check of a batch's two files) is summed. Phases are listed in the order they
 * first started. Results never depend on whether the timings are on.
 */
public final class Phases {
  /** The environment variable that switches the timings on (any value but empty, 0 or false). */
  public static final String ENV = "LOGITLAB_TIMINGS";
  /** The same switch as a system property, for embedding and tests. */
  public static final String PROPERTY = "logitlab.timings";

  private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

  private Phases() {}

  /** Whether the user asked for the timings ({@value #ENV} or the {@value #PROPERTY} property). */
  public static boolean requested() {
    return on(System.getProperty(PROPERTY)) || on(System.getenv(ENV));
  }

  private static boolean on(String v) {
    return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  /** Opens a recorder on this thread (closing it detaches it). */
  public static Recorder start() {
    return start(System::nanoTime);
  }

  static Recorder start(LongSupplier clock) {
    Recorder r = new Recorder(clock);
    CURRENT.set(r);
    return r;
  }

  /** Runs {@code work}, timing it as {@code phase} if a recorder is open on this thread. */
  public static <T> T time(String phase, Supplier<T> work) {
    Recorder r = CURRENT.get();
    return r == null ? work.get() : r.time(phase, work);
  }

  /** Runs {@code work}, timing it as {@code phase} if a recorder is open on this thread. */
  public static void run(String phase, Runnable work) {
    time(phase, () -> {
      work.run();
      return null;
    });
  }

  /** The phase times of one run, in the order the phases were first met. */
  public static final class Recorder implements AutoCloseable {
    private final LongSupplier clock;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final List<long[]> open = new ArrayList<>(); // per open phase: nanos spent in nested phases

    private Recorder(LongSupplier clock) {
      this.clock = clock;
    }

    <T> T time(String phase, Supplier<T> work) {
      nanos.putIfAbsent(phase, 0L); // the order phases start in: GLM before its separation check
      long[] nested = {0};
      open.add(nested);
      long t0 = clock.getAsLong();
      try {
        return work.get();
      } finally {
        long elapsed = clock.getAsLong() - t0;
        open.remove(open.size() - 1);
        if (!open.isEmpty()) {
          open.get(open.size() - 1)[0] += elapsed;
        }
        nanos.merge(phase, elapsed - nested[0], Long::sum);
      }
    }

    /** Seconds per phase, exclusive of nested phases, in the order they first started. */
    public Map<String, Double> seconds() {
      Map<String, Double> s = new LinkedHashMap<>();
      nanos.forEach((k, v) -> s.put(k, v / 1e9));
      return s;
    }

    @Override
    public void close() {
      if (CURRENT.get() == this) {
        CURRENT.remove();
      }
    }
  }
}
