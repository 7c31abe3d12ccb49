package logitlab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import logitlab.data.DesignMatrix;
import logitlab.data.RowBlocks;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * The passes over a design's row blocks as Spark jobs: the blocks are cached on the executors in
 * consecutive ranges (partition k holds blocks [lo_k, hi_k)), and each pass ({@link
 * RowBlocks#reduce}: one IRLS iteration's TSQR factor and Q'z, the OLS factor, the deviance, score
 * and classification sums, ...) is one job.
 *
 * <p>Same tree, same bits. {@link logitlab.data.Parallel} merges the blocks' accumulators along the
 * fixed binary tree {@code reduce(lo, hi) = merge(reduce(lo, mid), reduce(mid, hi))}, mid = (lo + hi)
 * / 2. Here each partition evaluates the largest nodes of that tree whose block range lies inside
 * its own (at most 2 log2(blocks) of them), and the driver evaluates the rest of the tree from
 * those nodes. So the result is the single-machine result to the last bit, whatever the number of
 * partitions, and independent of the order in which tasks finish. (Spark's {@code treeAggregate}
 * merges in task-completion order, which would make the last bits, and so the output bytes, vary
 * from run to run; the traffic is the same: O(p^2) numbers per partition and pass.)
 */
final class SparkEngine implements RowBlocks.Engine {
  private final JavaRDD<RowBlocks.Block> blocks;
  private final int count;
  private final int partitions;
  private final String label;

  private SparkEngine(JavaRDD<RowBlocks.Block> blocks, int count, int partitions, String label) {
    this.blocks = blocks;
    this.count = count;
    this.partitions = partitions;
    this.label = label;
  }

  /**
   * The design with its row blocks cached on Spark in {@code partitions} partitions (at most one per
   * block; 0 for Spark's default parallelism), and its passes run there.
   */
  static DesignMatrix place(JavaSparkContext sc, DesignMatrix d, int partitions) {
    RowBlocks rows = d.rows();
    int count = rows.count();
    if (count == 0) {
      return d; // nothing to distribute; the fits refuse an empty design themselves
    }
    int k = partitions > 0 ? partitions : sc.defaultParallelism();
    k = Math.max(1, Math.min(k, count));
    List<RowBlocks.Block> list = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      list.add(rows.block(b));
    }
    // parallelize slices a list into k consecutive ranges, in order
    JavaRDD<RowBlocks.Block> rdd = sc.parallelize(list, k).persist(StorageLevel.MEMORY_ONLY());
    String label = "Spark " + sc.version() + " " + sc.master() + ", " + k
        + (k == 1 ? " partition" : " partitions");
    SparkEngine engine = new SparkEngine(rdd, count, k, label);
    return new DesignMatrix(d.file(), d.n(), d.p(), rows.on(engine), d.terms(), d.predictors(),
        d.outcome(), d.rowsRead(), d.rowsDropped(), d.droppedByColumn(), d.weighting(), d.notes());
  }

  /** Number of partitions the blocks are cached in. */
  int partitions() {
    return partitions;
  }

  @Override
  public String describe() {
    return label;
  }

  /** One evaluated node of the tree: blocks [lo, hi) merged. */
  private record Node<A>(int lo, int hi, A value) implements Serializable {}

  @Override
  public <A> A reduce(RowBlocks rows, RowBlocks.Leaf<A> leaf, RowBlocks.Merge<A> merge) {
    if (rows.count() != count) {
      throw new IllegalStateException("the Spark engine holds " + count + " blocks, not " + rows.count());
    }
    int total = count;
    List<List<Node<A>>> parts;
    try {
      parts = blocks.mapPartitions(it -> {
        List<RowBlocks.Block> mine = new ArrayList<>();
        it.forEachRemaining(mine::add);
        List<Node<A>> out = new ArrayList<>();
        if (!mine.isEmpty()) {
          cover(0, total, mine, leaf, merge, out);
        }
        List<List<Node<A>>> one = new ArrayList<>();
        one.add(out);
        return one.iterator();
      }).collect();
    } catch (Exception e) { // SparkException is checked, and Scala does not declare it
      throw unwrap(e);
    }
    Map<Long, A> done = new HashMap<>();
    for (List<Node<A>> part : parts) {
      for (Node<A> n : part) {
        done.put(key(n.lo(), n.hi()), n.value());
      }
    }
    return assemble(0, total, done, merge);
  }

  private static long key(int lo, int hi) {
    return ((long) lo << 32) | hi;
  }

  /**
   * The largest nodes of the tree over [lo, hi) that lie inside the partition's blocks, evaluated
   * as {@link logitlab.data.Parallel} does (the blocks of a partition are consecutive).
   */
  private static <A> void cover(int lo, int hi, List<RowBlocks.Block> mine, RowBlocks.Leaf<A> leaf,
      RowBlocks.Merge<A> merge, List<Node<A>> out) {
    int first = mine.get(0).index();
    int end = first + mine.size();
    if (hi <= first || lo >= end) {
      return;
    }
    if (first <= lo && hi <= end) {
      out.add(new Node<>(lo, hi, sequential(lo, hi, first, mine, leaf, merge)));
      return;
    }
    int mid = (lo + hi) >>> 1;
    cover(lo, mid, mine, leaf, merge, out);
    cover(mid, hi, mine, leaf, merge, out);
  }

  private static <A> A sequential(int lo, int hi, int first, List<RowBlocks.Block> mine,
      RowBlocks.Leaf<A> leaf, RowBlocks.Merge<A> merge) {
    if (hi - lo == 1) {
      return leaf.apply(mine.get(lo - first));
    }
    int mid = (lo + hi) >>> 1;
    A left = sequential(lo, mid, first, mine, leaf, merge);
    A right = sequential(mid, hi, first, mine, leaf, merge);
    return merge.apply(left, right);
  }

  /** The rest of the tree on the driver, from the nodes the partitions evaluated. */
  private static <A> A assemble(int lo, int hi, Map<Long, A> done, RowBlocks.Merge<A> merge) {
    A v = done.get(key(lo, hi));
    if (v != null || done.containsKey(key(lo, hi))) {
      return v;
    }
    if (hi - lo == 1) {
      throw new IllegalStateException("block " + lo + " was not evaluated by any partition");
    }
    int mid = (lo + hi) >>> 1;
    A left = assemble(lo, mid, done, merge);
    A right = assemble(mid, hi, done, merge);
    return merge.apply(left, right);
  }

  /**
   * The exception a pass threw on an executor, as the single-machine pass would have thrown it
   * (Spark wraps it in a SparkException, with the original as the cause when it could be shipped).
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RuntimeException r && t.getClass().getName().startsWith("logitlab.")) {
        return r;
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    return new IllegalStateException("a Spark job failed: " + why, e);
  }
}
