package logitlab.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.function.BinaryOperator;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A deterministic map-reduce over a fixed number of parts (the row blocks of a design): each part
 * is mapped to its own accumulator, and the accumulators are merged along a fixed binary tree,
 * <pre>
 * reduce(lo, hi) = leaf(lo)                                   if hi - lo = 1
 *                = merge(reduce(lo, mid), reduce(mid, hi))     mid = (lo + hi) / 2
 * </pre>
 * whatever the number of threads. The parts are fixed by the data (the block partition depends on
 * the number of rows and columns only) and so is the tree; the threads only decide which part is
 * computed when. So a result is the same to the last bit on one core or on many, and equals the
 * sequential evaluation of the same tree. The accumulators are plain data that a cluster engine can
 * ship and merge the same way (Spark's {@code treeAggregate}).
 *
 * <p>Threads: the {@value #PROPERTY} system property, else the {@value #ENV} environment
 * variable, else the number of available processors; {@link #withThreads} overrides both for one
 * computation (tests compare one and two threads). One thread runs the tree in the calling
 * thread; more use a fork/join pool of daemon threads. An exception thrown by a leaf or a merge
 * reaches the caller as it was thrown (the one first in tree order when several are).
 */
public final class Parallel {
  /** System property with the number of threads. */
  public static final String PROPERTY = "logitlab.threads";
  /** Environment variable with the number of threads. */
  public static final String ENV = "LOGITLAB_THREADS";

  private static final ThreadLocal<Integer> OVERRIDE = new ThreadLocal<>();
  private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

  private Parallel() {}

  /** The number of threads a reduction started on this thread uses (at least 1). */
  public static int threads() {
    Integer o = OVERRIDE.get();
    if (o != null) {
      return o;
    }
    Integer k = parse(System.getProperty(PROPERTY));
    if (k == null) {
      k = parse(System.getenv(ENV));
    }
    return k != null ? k : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static Integer parse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      int k = Integer.parseInt(s.trim());
      return k >= 1 ? Math.min(k, 256) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs {@code work} with reductions on {@code threads} threads (for tests and benchmarks). */
  public static <T> T withThreads(int threads, Supplier<T> work) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    Integer before = OVERRIDE.get();
    OVERRIDE.set(threads);
    try {
      return work.get();
    } finally {
      if (before == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(before);
      }
    }
  }

  /**
   * Maps parts 0 .. count-1 with {@code leaf} and merges the results along the fixed tree of the
   * class comment. {@code merge} may return one of its arguments (updated); it must not keep a
   * reference to the other.
   *
   * @throws IllegalArgumentException when count &lt; 1
   */
  public static <A> A reduce(int count, IntFunction<A> leaf, BinaryOperator<A> merge) {
    if (count < 1) {
      throw new IllegalArgumentException("nothing to reduce");
    }
    int threads = threads();
    if (threads == 1 || count == 1 || inPool()) {
      return sequential(0, count, leaf, merge);
    }
    Node<A> root = new Node<>(0, count, leaf, merge);
    pool(threads).invoke(root);
    return root.result();
  }

  /** Runs {@code body} for each part 0 .. count-1, on the reduction's threads. */
  public static void forEach(int count, java.util.function.IntConsumer body) {
    if (count == 0) {
      return;
    }
    reduce(count, b -> {
      body.accept(b);
      return Boolean.TRUE;
    }, (x, y) -> x);
  }

  private static <A> A sequential(int lo, int hi, IntFunction<A> leaf, BinaryOperator<A> merge) {
    if (hi - lo == 1) {
      return leaf.apply(lo);
    }
    int mid = (lo + hi) >>> 1;
    A left = sequential(lo, mid, leaf, merge);
    A right = sequential(mid, hi, leaf, merge);
    return merge.apply(left, right);
  }

  /**
   * Whether the caller is a worker of one of the pools: a reduction inside a leaf runs
   * sequentially in it (the same tree, so the same result).
   */
  private static boolean inPool() {
    return Thread.currentThread() instanceof ForkJoinWorkerThread w && POOLS.containsValue(w.getPool());
  }

  private static ForkJoinPool pool(int threads) {
    return POOLS.computeIfAbsent(threads, k -> new ForkJoinPool(k, p -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      t.setDaemon(true);
      t.setName("logitlab-block-" + t.getPoolIndex());
      return t;
    }, null, false));
  }

  /** One node of the tree; a failure is kept, not thrown, so that the caller rethrows it as it was. */
  private static final class Node<A> extends RecursiveTask<Void> {
    private final int lo;
    private final int hi;
    private final IntFunction<A> leaf;
    private final BinaryOperator<A> merge;
    private A value;
    private RuntimeException failure;
    private Error error;

    Node(int lo, int hi, IntFunction<A> leaf, BinaryOperator<A> merge) {
      this.lo = lo;
      this.hi = hi;
      this.leaf = leaf;
      this.merge = merge;
    }

    @Override
    protected Void compute() {
      try {
        if (hi - lo == 1) {
          value = leaf.apply(lo);
          return null;
        }
        int mid = (lo + hi) >>> 1;
        Node<A> left = new Node<>(lo, mid, leaf, merge);
        Node<A> right = new Node<>(mid, hi, leaf, merge);
        left.fork();
        right.compute();
        left.join();
        if (left.failed()) {
          failure = left.failure;
          error = left.error;
        } else if (right.failed()) {
          failure = right.failure;
          error = right.error;
        } else {
          value = merge.apply(left.value, right.value);
        }
      } catch (RuntimeException e) {
        failure = e;
      } catch (Error e) {
        error = e;
      }
      return null;
    }

    boolean failed() {
      return failure != null || error != null;
    }

    A result() {
      if (error != null) {
        throw error;
      }
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}
