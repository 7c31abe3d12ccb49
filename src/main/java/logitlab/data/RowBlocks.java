package logitlab.data;

import java.io.Serializable;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The rows of a design matrix in fixed-size row blocks, the unit of every pass over the data.
 *
 * <p>Layout. Rows 0 .. n-1 fall into blocks of {@link #blockRows()} rows (the last one shorter):
 * block b holds rows [b B, min(n, (b + 1) B)). B is a power of two fixed by the number of columns
 * alone ({@link #blockRows(int)}), so the partition depends on the data's shape, never on the
 * machine. Within a block each design column is its own contiguous {@code double[]}
 * (column-major), beside the outcome y, the prior weights a and the file line of each row.
 *
 * <p>Passes. {@link #reduce} maps each block to an accumulator and merges them along the fixed
 * tree of {@link Parallel}: results are the same to the last bit whatever the number of threads.
 * The sums that describe the data ({@link #totalWeight()}, {@link #weightedEvents()}) are summed
 * once, in row order, when the blocks are built.
 *
 * <p>Storage. A block is kept on the heap while the row data held there stay within the budget of
 * {@link Spill}; the blocks after it are written to the spill file and read back, mapped, when a
 * pass comes to them ({@link #block} then returns fresh arrays). The arrays of a block kept on the
 * heap are the storage itself, shared and not copied: nobody writes into them after {@link
 * Builder#build()}.
 */
public final class RowBlocks {

  /**
   * One block of rows.
   *
   * @param index the block's number
   * @param start its first row
   * @param rows its number of rows m
   * @param x the design columns: {@code x[j][i]} is column j of row start + i
   * @param y the outcome of each row (0/1, or a proportion of successes)
   * @param a the prior weight of each row
   * @param lines the 1-based file line of each row
   */
  public record Block(int index, int start, int rows, double[][] x, double[] y, double[] a, int[] lines)
      implements Serializable {}

  /**
   * The map of a pass: one block to its accumulator. Serializable (as is what it captures), so
   * that an {@link Engine} can run it where the blocks live.
   */
  public interface Leaf<A> extends Function<Block, A>, Serializable {}

  /** The merge of a pass: two accumulators of adjacent block ranges, left then right. */
  public interface Merge<A> extends BinaryOperator<A>, Serializable {}

  /**
   * Where the passes run when not on this machine's threads: an engine holds a copy of the same
   * blocks (a cluster's cached partitions) and must return what {@link Parallel#reduce} returns
   * over them: the leaves merged along the same fixed tree, so the result is the same to the last
   * bit. The Spark engine (module {@code spark}) is one.
   */
  public interface Engine {
    /** {@code leaf} over every block of {@code rows}, merged along {@link Parallel}'s tree. */
    <A> A reduce(RowBlocks rows, Leaf<A> leaf, Merge<A> merge);

    /** The engine in a few words for the output's header, e.g. {@code Spark 3.5.9 local[2], 4 partitions}. */
    String describe();
  }

  /** Bytes of one block's design columns that {@link #blockRows(int)} aims at (an L2 cache's worth). */
  static final int TARGET_BYTES = 1 << 19;
  /** The fewest rows of a block, and at least this many per column (so that a block's QR dominates merging). */
  static final int MIN_ROWS = 1 << 10;
  static final int ROWS_PER_COLUMN = 16;
  /** The most rows of a block. */
  static final int MAX_ROWS = 1 << 16;

  /**
   * New outcomes and prior weights for a block's rows, computed when the block is read (Firth's
   * adjusted responses): from y and a into yOut and aOut, m rows. Serializable (as is what it
   * captures), so that an {@link Engine} can apply it where the blocks live.
   */
  @FunctionalInterface
  public interface Response extends Serializable {
    void apply(double[] y, double[] a, double[] yOut, double[] aOut, int m);
  }

  private final int n;
  private final int p;
  private final int shift;
  /** Per block: a {@link Block} on the heap, or the {@link DoubleBuffer} of its spilled columns. */
  private final Object[] stored;
  private final int[] sizes;
  private final Response response;
  /** Keeps the heap budget counted while these rows live. */
  private final Object owner;
  private final double totalWeight;
  private final double weightedEvents;
  private final int nobs;
  private final int events;
  private final Engine engine;

  private RowBlocks(int n, int p, int shift, Object[] stored, int[] sizes, Response response, Object owner,
      Engine engine) {
    this.engine = engine;
    this.n = n;
    this.p = p;
    this.shift = shift;
    this.stored = stored;
    this.sizes = sizes;
    this.response = response;
    this.owner = owner;
    double sw = 0;
    double se = 0;
    int pos = 0;
    int ev = 0;
    for (int k = 0; k < stored.length; k++) {
      Block b = block(k);
      for (int i = 0; i < b.rows; i++) {
        double a = b.a[i];
        sw += a;
        se += a * b.y[i];
        if (a > 0) {
          pos++;
        }
        if (b.y[i] == 1.0) {
          ev++;
        }
      }
    }
    totalWeight = sw;
    weightedEvents = se;
    nobs = pos;
    events = ev;
  }

  /**
   * The rows of a block for a design of p columns: the power of two nearest below
   * {@value #TARGET_BYTES} / (8 (p + 1)) bytes, but at least {@value #ROWS_PER_COLUMN} (p + 1) (rounded
   * up to a power of two) and {@value #MIN_ROWS}, and at most {@value #MAX_ROWS}.
   */
  public static int blockRows(int p) {
    int cols = Math.max(1, p + 1);
    int byBytes = Integer.highestOneBit(Math.max(1, TARGET_BYTES / (8 * cols)));
    int byCols = ROWS_PER_COLUMN * cols;
    int atLeast = byCols <= MIN_ROWS ? MIN_ROWS : Integer.highestOneBit(byCols - 1) << 1;
    return Math.min(MAX_ROWS, Math.max(byBytes, atLeast));
  }

  /**
   * Blocks over a row-major n x p matrix and its per-row vectors (copied).
   *
   * @param x row-major, {@code x[i * p + j]}
   */
  public static RowBlocks of(int n, int p, double[] x, double[] y, double[] a, int[] lines) {
    if (x.length != (long) n * p || y.length != n || a.length != n || lines.length != n) {
      throw new IllegalArgumentException("inconsistent design matrix dimensions");
    }
    Builder b = new Builder(p, Spill.policy(), "the design");
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * p, row, 0, p);
      b.add(row, y[i], a[i], lines[i]);
    }
    return b.build();
  }

  /** Number of rows. */
  public int n() {
    return n;
  }

  /** Number of design columns. */
  public int p() {
    return p;
  }

  /** Rows per block (all blocks but the last have exactly this many). */
  public int blockRows() {
    return 1 << shift;
  }

  /** Number of blocks (0 when there are no rows). */
  public int count() {
    return stored.length;
  }

  /** Number of blocks written to the spill file. */
  public int spilled() {
    int k = 0;
    for (Object o : stored) {
      if (o instanceof DoubleBuffer) {
        k++;
      }
    }
    return k;
  }

  /**
   * Block b: the stored arrays of a block on the heap, fresh arrays read from the spill file
   * otherwise; with a {@link Response}, fresh outcomes and weights.
   */
  public Block block(int b) {
    Object o = stored[b];
    Block blk = o instanceof Block h ? h : read(b, (DoubleBuffer) o);
    return response == null ? blk : respond(response, blk);
  }

  /** A spilled block: columns 0 .. p-1, then y, a and the lines, m doubles each. */
  private Block read(int b, DoubleBuffer buf) {
    int m = sizes[b];
    double[][] x = new double[p][m];
    for (int j = 0; j < p; j++) {
      buf.get(j * m, x[j], 0, m);
    }
    double[] y = new double[m];
    double[] a = new double[m];
    buf.get(p * m, y, 0, m);
    buf.get((p + 1) * m, a, 0, m);
    double[] l = new double[m];
    buf.get((p + 2) * m, l, 0, m);
    int[] lines = new int[m];
    for (int i = 0; i < m; i++) {
      lines[i] = (int) l[i];
    }
    return new Block(b, b << shift, m, x, y, a, lines);
  }

  /**
   * Maps every block with {@code leaf} and merges in the fixed tree order ({@link Parallel#reduce}),
   * on this machine's threads or, after {@link #on}, on the engine (which applies a {@link
   * Response} to its copies of the blocks as {@link #block} does here).
   */
  public <A> A reduce(Leaf<A> leaf, Merge<A> merge) {
    if (engine != null) {
      return engine.reduce(this, response == null ? leaf : responding(response, leaf), merge);
    }
    return Parallel.reduce(stored.length, b -> leaf.apply(block(b)), merge);
  }

  /** {@code leaf} on the block with the outcomes and weights {@code f} computes (captures no RowBlocks). */
  private static <A> Leaf<A> responding(Response f, Leaf<A> leaf) {
    return blk -> leaf.apply(respond(f, blk));
  }

  private static Block respond(Response f, Block blk) {
    int m = blk.rows;
    double[] y = new double[m];
    double[] a = new double[m];
    f.apply(blk.y, blk.a, y, a, m);
    return new Block(blk.index, blk.start, m, blk.x, y, a, blk.lines);
  }

  /**
   * The same rows whose {@link #reduce} passes run on {@code engine}, which holds a copy of these
   * blocks; everything else (single rows, copies) still reads the blocks here.
   */
  public RowBlocks on(Engine engine) {
    return new RowBlocks(n, p, shift, stored, sizes, response, owner, engine);
  }

  /** The engine the passes run on, or null for this machine's threads. */
  public Engine engine() {
    return engine;
  }

  /** Runs {@code body} on every block, on the reduction's threads. */
  public void forEach(java.util.function.Consumer<Block> body) {
    Parallel.forEach(stored.length, b -> body.accept(block(b)));
  }

  /**
   * Entry {@code column} (p: y, p + 1: a, p + 2: line) of row i, read without copying its block
   * (except for a computed {@link Response}).
   */
  private double at(int i, int column) {
    int b = i >>> shift;
    int r = i & ((1 << shift) - 1);
    if (response != null && (column == p || column == p + 1)) {
      Block blk = block(b);
      return column == p ? blk.y[r] : blk.a[r];
    }
    Object o = stored[b];
    if (o instanceof DoubleBuffer buf) {
      return buf.get(column * sizes[b] + r);
    }
    Block blk = (Block) o;
    return column < p ? blk.x[column][r] : column == p ? blk.y[r] : column == p + 1 ? blk.a[r] : blk.lines[r];
  }

  /**
   * The values {@code perBlock} computes for each block's rows, gathered into one n-length array
   * (for small designs: plots, tests).
   */
  public double[] collect(Function<Block, double[]> perBlock) {
    double[] out = new double[n];
    forEach(b -> System.arraycopy(perBlock.apply(b), 0, out, b.start, b.rows));
    return out;
  }

  /** Value of row i, column j. */
  public double x(int i, int j) {
    return at(i, j);
  }

  /** Outcome of row i. */
  public double y(int i) {
    return at(i, p);
  }

  /** Prior weight of row i. */
  public double weight(int i) {
    return at(i, p + 1);
  }

  /** File line of row i. */
  public int line(int i) {
    return (int) at(i, p + 2);
  }

  /** A row-major n x p copy of the design columns. */
  public double[] rowMajor() {
    double[] x = new double[Math.multiplyExact(n, p)];
    for (int k = 0; k < stored.length; k++) {
      Block b = block(k);
      for (int j = 0; j < p; j++) {
        double[] c = b.x[j];
        for (int i = 0; i < b.rows; i++) {
          x[(b.start + i) * p + j] = c[i];
        }
      }
    }
    return x;
  }

  /** A copy of the outcomes. */
  public double[] y() {
    double[] y = new double[n];
    for (int k = 0; k < stored.length; k++) {
      Block b = block(k);
      System.arraycopy(b.y, 0, y, b.start, b.rows);
    }
    return y;
  }

  /** A copy of the prior weights. */
  public double[] weights() {
    double[] a = new double[n];
    for (int k = 0; k < stored.length; k++) {
      Block b = block(k);
      System.arraycopy(b.a, 0, a, b.start, b.rows);
    }
    return a;
  }

  /** A copy of the file lines. */
  public int[] lines() {
    int[] l = new int[n];
    for (int k = 0; k < stored.length; k++) {
      Block b = block(k);
      System.arraycopy(b.lines, 0, l, b.start, b.rows);
    }
    return l;
  }

  /** Sum of the prior weights, summed in row order. */
  public double totalWeight() {
    return totalWeight;
  }

  /** Sum of a_i y_i, in row order. */
  public double weightedEvents() {
    return weightedEvents;
  }

  /** Rows with a positive prior weight. */
  public int nobs() {
    return nobs;
  }

  /** Rows with y = 1. */
  public int events() {
    return events;
  }

  /**
   * The same rows with outcomes and prior weights computed from the stored ones by {@code f} as
   * each block is read (nothing stored), the design columns shared.
   */
  public RowBlocks withResponse(Response f) {
    if (response != null) {
      throw new IllegalStateException("a response is already applied");
    }
    return new RowBlocks(n, p, shift, stored, sizes, f, owner, engine);
  }

  /**
   * Collects rows one at a time into blocks: each full block is kept on the heap while the {@link
   * Spill.Policy} allows, else written to the spill file.
   */
  public static final class Builder {
    private final int p;
    private final int rows;
    private final Spill.Policy policy;
    private final String context;
    private final Object owner = new Object();
    private Object[] done = new Object[16];
    private int[] sizes = new int[16];
    private int count;
    private int n;
    private double[][] x;
    private double[] y;
    private double[] a;
    private int[] lines;
    private int fill;

    /**
     * A builder for rows of p design columns.
     *
     * @param policy where the blocks go (heap or spill file)
     * @param context how the rows are named in an error message (the input file)
     */
    public Builder(int p, Spill.Policy policy, String context) {
      if (p < 0) {
        throw new IllegalArgumentException("negative column count");
      }
      this.p = p;
      this.rows = blockRows(p);
      this.policy = policy;
      this.context = context;
    }

    /** Adds the next row: its design columns {@code row[0 .. p)} (copied), outcome, weight, line. */
    public void add(double[] row, double yi, double ai, int line) {
      if (x == null) {
        x = new double[p][rows];
        y = new double[rows];
        a = new double[rows];
        lines = new int[rows];
      }
      for (int j = 0; j < p; j++) {
        x[j][fill] = row[j];
      }
      y[fill] = yi;
      a[fill] = ai;
      lines[fill] = line;
      fill++;
      if (n == Integer.MAX_VALUE) {
        throw new IllegalStateException("more than 2^31 - 1 rows");
      }
      n++;
      if (fill == rows) {
        flush();
      }
    }

    private void flush() {
      if (fill == 0) {
        return;
      }
      int m = fill;
      if (count == done.length) {
        done = Arrays.copyOf(done, 2 * count);
        sizes = Arrays.copyOf(sizes, 2 * count);
      }
      long bytes = 8L * (p + 3) * m;
      if (policy.keep(owner, bytes)) {
        if (m < rows) {
          for (int j = 0; j < p; j++) {
            x[j] = Arrays.copyOf(x[j], m);
          }
          y = Arrays.copyOf(y, m);
          a = Arrays.copyOf(a, m);
          lines = Arrays.copyOf(lines, m);
        }
        done[count] = new Block(count, count * rows, m, x, y, a, lines);
        x = null;
        y = null;
        a = null;
        lines = null;
      } else {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) bytes).order(java.nio.ByteOrder.nativeOrder());
        DoubleBuffer d = buf.asDoubleBuffer();
        for (int j = 0; j < p; j++) {
          d.put(x[j], 0, m);
        }
        d.put(y, 0, m);
        d.put(a, 0, m);
        for (int i = 0; i < m; i++) {
          d.put(lines[i]);
        }
        done[count] = Spill.write(buf, context).asDoubleBuffer(); // the arrays are reused
      }
      sizes[count] = m;
      count++;
      fill = 0;
    }

    /** Rows added so far. */
    public int rows() {
      return n;
    }

    /** The blocks; the builder is spent. */
    public RowBlocks build() {
      flush();
      return new RowBlocks(n, p, Integer.numberOfTrailingZeros(rows), Arrays.copyOf(done, count),
          Arrays.copyOf(sizes, count), null, owner, null);
    }
  }
}
