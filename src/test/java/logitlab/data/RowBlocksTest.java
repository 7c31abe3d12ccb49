package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The row-block layout and the deterministic reduction over blocks. */
class RowBlocksTest {

  @Test
  void blockRowsDependOnTheColumnCountOnly() {
    assertEquals(32768, RowBlocks.blockRows(1));
    assertEquals(4096, RowBlocks.blockRows(11)); // 2^19 bytes / (12 * 8) = 5461 -> 4096
    assertEquals(1024, RowBlocks.blockRows(60));
    assertEquals(4096, RowBlocks.blockRows(201)); // at least 16 (p + 1) rows: 3232 -> 4096
    assertEquals(8192, RowBlocks.blockRows(301));
    assertEquals(65536, RowBlocks.blockRows(0));
  }

  @Test
  void rowsFallIntoFixedBlocksColumnMajor() {
    int n = 2500;
    int p = 60;
    SplittableRandom rng = new SplittableRandom(1);
    double[] x = new double[n * p];
    double[] y = new double[n];
    double[] a = new double[n];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i * p + j] = rng.nextGaussian();
      }
      y[i] = rng.nextInt(2);
      a[i] = rng.nextInt(3);
      lines[i] = i + 2;
    }
    RowBlocks r = RowBlocks.of(n, p, x, y, a, lines);
    assertEquals(1024, r.blockRows());
    assertEquals(3, r.count());
    assertEquals(452, r.block(2).rows());
    assertEquals(2048, r.block(2).start());
    assertEquals(x[1500 * p + 7], r.block(1).x()[7][1500 - 1024]);
    assertEquals(x[1500 * p + 7], r.x(1500, 7));
    assertEquals(lines[2499], r.line(2499));
    assertArrayEquals(x, r.rowMajor());
    assertArrayEquals(y, r.y());
    assertArrayEquals(a, r.weights());
    assertArrayEquals(lines, r.lines());
    double sw = 0;
    double se = 0;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      sw += a[i];
      se += a[i] * y[i];
      pos += a[i] > 0 ? 1 : 0;
    }
    assertEquals(sw, r.totalWeight(), 0.0, "summed in row order");
    assertEquals(se, r.weightedEvents(), 0.0);
    assertEquals(pos, r.nobs());
  }

  @Test
  void theMergeTreeIsFixedWhateverTheThreads() {
    String one = Parallel.withThreads(1, () -> Parallel.reduce(5, Integer::toString, (l, r) -> "(" + l + " " + r + ")"));
    assertEquals("((0 1) (2 (3 4)))", one);
    for (int t = 2; t <= 4; t++) {
      assertEquals(one, Parallel.withThreads(t,
          () -> Parallel.reduce(5, Integer::toString, (l, r) -> "(" + l + " " + r + ")")));
    }
  }

  @Test
  void aSumOfManyPartsIsTheSameOnOneAndOnFourThreads() {
    double[] v = new double[100_000];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian() * Math.exp(rng.nextGaussian() * 10);
    }
    java.util.function.IntFunction<Double> leaf = b -> {
      double s = 0;
      for (int i = b * 1000; i < (b + 1) * 1000; i++) {
        s += v[i];
      }
      return s;
    };
    double one = Parallel.withThreads(1, () -> Parallel.reduce(100, leaf, Double::sum));
    double four = Parallel.withThreads(4, () -> Parallel.reduce(100, leaf, Double::sum));
    assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(four));
  }

  @Test
  void aFailingLeafIsThrownAsItWas() {
    IllegalStateException boom = new IllegalStateException("block 3");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.withThreads(2,
        () -> Parallel.reduce(8, b -> {
          if (b == 3) {
            throw boom;
          }
          return b;
        }, Integer::sum)));
    assertSame(boom, thrown);
  }

  @Test
  void threadCountsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.withThreads(0, () -> 1));
    assertEquals(3, Parallel.withThreads(3, Parallel::threads));
  }
}
