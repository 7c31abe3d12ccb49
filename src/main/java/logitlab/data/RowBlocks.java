package logitlab.data;

import java.io.Serializable;
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
 * <p>The arrays of a {@link Block} are the storage itself, shared and not copied: nobody writes
 * into them after {@link Builder#build()}.
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

  private final int n;
  private final int p;
  private final int shift;
  private final Block[] blocks;
  private final double totalWeight;
  private final double weightedEvents;
  private final int nobs;
  private final int events;
  private final Engine engine;

  private RowBlocks(int n, int p, int shift, Block[] blocks) {
    this(n, p, shift, blocks, null);
  }

  private RowBlocks(int n, int p, int shift, Block[] blocks, Engine engine) {
    this.engine = engine;
    this.n = n;
    this.p = p;
    this.shift = shift;
    this.blocks = blocks;
    double sw = 0;
    double se = 0;
    int pos = 0;
    int ev = 0;
    for (Block b : blocks) {
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
    Builder b = new Builder(p);
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
    return blocks.length;
  }

  /** Block b. */
  public Block block(int b) {
    return blocks[b];
  }

  /**
   * Maps every block with {@code leaf} and merges in the fixed tree order ({@link Parallel#reduce}),
   * on this machine's threads or, after {@link #on}, on the engine.
   */
  public <A> A reduce(Leaf<A> leaf, Merge<A> merge) {
    if (engine != null) {
      return engine.reduce(this, leaf, merge);
    }
    return Parallel.reduce(blocks.length, b -> leaf.apply(block(b)), merge);
  }

  /**
   * The same rows whose {@link #reduce} passes run on {@code engine}, which holds a copy of these
   * blocks; everything else (single rows, copies) still reads the blocks here.
   */
  public RowBlocks on(Engine engine) {
    return new RowBlocks(n, p, shift, blocks, engine);
  }

  /** The engine the passes run on, or null for this machine's threads. */
  public Engine engine() {
    return engine;
  }

  /** Runs {@code body} on every block, on the reduction's threads. */
  public void forEach(java.util.function.Consumer<Block> body) {
    Parallel.forEach(blocks.length, b -> body.accept(block(b)));
  }

  /** Value of row i, column j. */
  public double x(int i, int j) {
    return blocks[i >>> shift].x[j][i & ((1 << shift) - 1)];
  }

  /** Outcome of row i. */
  public double y(int i) {
    return blocks[i >>> shift].y[i & ((1 << shift) - 1)];
  }

  /** Prior weight of row i. */
  public double weight(int i) {
    return blocks[i >>> shift].a[i & ((1 << shift) - 1)];
  }

  /** File line of row i. */
  public int line(int i) {
    return blocks[i >>> shift].lines[i & ((1 << shift) - 1)];
  }

  /** A row-major n x p copy of the design columns. */
  public double[] rowMajor() {
    double[] x = new double[Math.multiplyExact(n, p)];
    for (Block b : blocks) {
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
    for (Block b : blocks) {
      System.arraycopy(b.y, 0, y, b.start, b.rows);
    }
    return y;
  }

  /** A copy of the prior weights. */
  public double[] weights() {
    double[] a = new double[n];
    for (Block b : blocks) {
      System.arraycopy(b.a, 0, a, b.start, b.rows);
    }
    return a;
  }

  /** A copy of the file lines. */
  public int[] lines() {
    int[] l = new int[n];
    for (Block b : blocks) {
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

  /** The same rows with the outcomes and prior weights replaced (the design columns shared). */
  public RowBlocks withResponse(double[] y, double[] a) {
    if (y.length != n || a.length != n) {
      throw new IllegalArgumentException("inconsistent response length");
    }
    Block[] out = new Block[blocks.length];
    for (int k = 0; k < blocks.length; k++) {
      Block b = blocks[k];
      out[k] = new Block(b.index, b.start, b.rows, b.x, Arrays.copyOfRange(y, b.start, b.start + b.rows),
          Arrays.copyOfRange(a, b.start, b.start + b.rows), b.lines);
    }
    return new RowBlocks(n, p, shift, out);
  }

  /** Collects rows one at a time into blocks. */
  public static final class Builder {
    private final int p;
    private final int rows;
    private Block[] done = new Block[16];
    private int count;
    private int n;
    private double[][] x;
    private double[] y;
    private double[] a;
    private int[] lines;
    private int fill;

    /** A builder for rows of p design columns. */
    public Builder(int p) {
      if (p < 0) {
        throw new IllegalArgumentException("negative column count");
      }
      this.p = p;
      this.rows = blockRows(p);
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
      if (fill < rows) {
        for (int j = 0; j < p; j++) {
          x[j] = Arrays.copyOf(x[j], fill);
        }
        y = Arrays.copyOf(y, fill);
        a = Arrays.copyOf(a, fill);
        lines = Arrays.copyOf(lines, fill);
      }
      if (count == done.length) {
        done = Arrays.copyOf(done, 2 * count);
      }
      done[count] = new Block(count, count * rows, fill, x, y, a, lines);
      count++;
      x = null;
      y = null;
      a = null;
      lines = null;
      fill = 0;
    }

    /** Rows added so far. */
    public int rows() {
      return n;
    }

    /** The blocks; the builder is spent. */
    public RowBlocks build() {
      flush();
      return new RowBlocks(n, p, Integer.numberOfTrailingZeros(rows), Arrays.copyOf(done, count));
    }
  }
}
