package logitlab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A column of doubles or of ints, appended one value at a time and read by index, held in chunks
 * of {@value #SIZE} values: each full chunk stays on the heap while the {@link Spill} budget
 * allows and goes to the spill file after it, so that a column is limited by the disk, not the
 * heap. The chunk being filled grows from a small array, so that a small file costs little.
 */
final class Chunks {
  static final int SHIFT = 16;
  static final int SIZE = 1 << SHIFT;
  private static final int MASK = SIZE - 1;
  private static final int FIRST = 1024;

  private final boolean ints;
  private final Spill.Policy policy;
  private final String context;
  private final Object owner = new Object();
  /** Per full chunk: a double[] or int[] on the heap, or a DoubleBuffer or IntBuffer spilled. */
  private Object[] full = new Object[4];
  private int fullCount;
  private double[] d;
  private int[] k;
  private int fill;

  private Chunks(boolean ints, Spill.Policy policy, String context) {
    this.ints = ints;
    this.policy = policy;
    this.context = context;
    if (ints) {
      k = new int[FIRST];
    } else {
      d = new double[FIRST];
    }
  }

  /** A column of doubles. */
  static Chunks doubles(Spill.Policy policy, String context) {
    return new Chunks(false, policy, context);
  }

  /** A column of ints. */
  static Chunks ints(Spill.Policy policy, String context) {
    return new Chunks(true, policy, context);
  }

  /** Number of values. */
  int size() {
    return fullCount * SIZE + fill;
  }

  /** Appends a double (a column of doubles). */
  void add(double v) {
    if (fill == d.length) {
      room();
    }
    d[fill++] = v;
  }

  /** Appends an int (a column of ints). */
  void add(int v) {
    if (fill == k.length) {
      room();
    }
    k[fill++] = v;
  }

  /** The double at index i. */
  double getDouble(int i) {
    int c = i >>> SHIFT;
    if (c == fullCount) {
      return d[i & MASK];
    }
    Object o = full[c];
    return o instanceof double[] a ? a[i & MASK] : ((DoubleBuffer) o).get(i & MASK);
  }

  /** The int at index i. */
  int getInt(int i) {
    int c = i >>> SHIFT;
    if (c == fullCount) {
      return k[i & MASK];
    }
    Object o = full[c];
    return o instanceof int[] a ? a[i & MASK] : ((IntBuffer) o).get(i & MASK);
  }

  /** Chunks written to the spill file. */
  int spilled() {
    int s = 0;
    for (int c = 0; c < fullCount; c++) {
      if (!(full[c] instanceof double[] || full[c] instanceof int[])) {
        s++;
      }
    }
    return s;
  }

  /** The current chunk is full: grow it, or store it and start the next. */
  private void room() {
    int cap = ints ? k.length : d.length;
    if (cap < SIZE) {
      if (ints) {
        k = Arrays.copyOf(k, Math.min(SIZE, 2 * cap));
      } else {
        d = Arrays.copyOf(d, Math.min(SIZE, 2 * cap));
      }
      return;
    }
    if (fullCount == Integer.MAX_VALUE >>> SHIFT) {
      throw new DataException(DataException.Kind.BAD_INPUT, context + ": too many rows");
    }
    if (fullCount == full.length) {
      full = Arrays.copyOf(full, 2 * fullCount);
    }
    long bytes = (ints ? 4L : 8L) * SIZE;
    if (policy.keep(owner, bytes)) {
      full[fullCount++] = ints ? k : d;
      if (ints) {
        k = new int[SIZE];
      } else {
        d = new double[SIZE];
      }
    } else {
      ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.nativeOrder());
      if (ints) {
        b.asIntBuffer().put(k);
        full[fullCount++] = Spill.write(b, context).asIntBuffer();
      } else {
        b.asDoubleBuffer().put(d);
        full[fullCount++] = Spill.write(b, context).asDoubleBuffer();
      }
    }
    fill = 0;
  }
}
