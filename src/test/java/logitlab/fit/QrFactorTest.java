package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.junit.jupiter.api.Test;

/**
 * TSQR: a {@link QrFactor} per block of rows, merged, solves the least squares problem of all the
 * rows, whatever the partition; checked against commons-math3's Householder {@code QRDecomposition}
 * of the whole matrix.
 */
class QrFactorTest {
  /** kappa(X) eps with kappa about 1e7: both sides are backward stable, not equal. */
  private static final double TOL = 1e-9;

  /** Rows of [X | z], X with an intercept and badly scaled, nearly collinear columns. */
  private static double[][] rows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] r = new double[n][6];
    for (int i = 0; i < n; i++) {
      double u = rng.nextGaussian();
      r[i][0] = 1;
      r[i][1] = 1e4 * u;
      r[i][2] = u + 1e-3 * rng.nextGaussian(); // nearly collinear with column 1 (condition about 1e7)
      r[i][3] = 1e-3 * rng.nextGaussian();
      r[i][4] = rng.nextInt(2);
      r[i][5] = 0.5 + 2e-4 * r[i][1] - 3 * r[i][2] + 40 * r[i][3] + r[i][4] + rng.nextGaussian();
    }
    return r;
  }

  /** The factor of rows [from, to) (q = 5 columns and the right-hand side), column-major. */
  private static QrFactor factor(double[][] rows, int from, int to) {
    int m = to - from;
    double[][] a = new double[6][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < 6; j++) {
        a[j][i] = rows[from + i][j];
      }
    }
    return QrFactor.ofBlock(a, m, 5);
  }

  private static double[] reference(double[][] rows) {
    int n = rows.length;
    double[][] x = new double[n][5];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, x[i], 0, 5);
      z[i] = rows[i][5];
    }
    return new QRDecomposition(new Array2DRowRealMatrix(x, false), 0).getSolver()
        .solve(new ArrayRealVector(z, false)).toArray();
  }

  private static void assertClose(double[] expected, double[] actual) {
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], TOL * Math.max(1, Math.abs(expected[j])), "coefficient " + j);
    }
  }

  @Test
  void oneBlockSolvesAsHouseholderQrOfTheWholeMatrix() {
    double[][] r = rows(3000, 1);
    QrFactor.Solution s = factor(r, 0, 3000).solve(1e-7);
    assertEquals(5, s.rank());
    assertClose(reference(r), s.beta());
  }

  @Test
  void anyPartitionGivesTheSameSolutionAndResidual() {
    double[][] r = rows(3000, 2);
    QrFactor whole = factor(r, 0, 3000);
    int[][] partitions = {{0, 1000, 2000, 3000}, {0, 3, 7, 2999, 3000}, {0, 1, 2, 3, 4, 1500, 3000}};
    for (int[] cuts : partitions) {
      QrFactor f = factor(r, cuts[0], cuts[1]);
      for (int k = 1; k + 1 < cuts.length; k++) {
        f = QrFactor.merge(f, factor(r, cuts[k], cuts[k + 1]));
      }
      QrFactor.Solution s = f.solve(1e-7);
      assertClose(whole.solve(1e-7).beta(), s.beta());
      assertEquals(whole.solve(1e-7).rss(), s.rss(), 1e-10 * whole.solve(1e-7).rss());
      double[][] c = s.unscaledCovariance();
      double[][] cw = whole.solve(1e-7).unscaledCovariance();
      for (int j = 0; j < 5; j++) {
        assertEquals(cw[j][j], c[j][j], 1e-10 * cw[j][j]);
      }
    }
  }

  @Test
  void anExactlyCollinearColumnIsAliasedWithItsCombination() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 500;
    double[][] r = new double[n][6];
    for (int i = 0; i < n; i++) {
      r[i][0] = 1;
      r[i][1] = rng.nextGaussian();
      r[i][2] = rng.nextGaussian();
      r[i][3] = r[i][1] - 2 * r[i][2]; // aliased
      r[i][4] = rng.nextGaussian();
      r[i][5] = r[i][1] + r[i][4] + rng.nextGaussian();
    }
    QrFactor f = QrFactor.merge(factor(r, 0, 200), factor(r, 200, 500));
    QrFactor.Solution s = f.solve(1e-7);
    assertEquals(4, s.rank());
    assertTrue(s.aliased()[3]);
    assertFalse(s.aliased()[4]);
    assertTrue(Double.isNaN(s.beta()[3]));
    assertArrayEquals(new double[] {0, 1, -2, 0, 0}, s.aliasCombination()[3], 1e-12);
  }

  @Test
  void rowsNearTheEndOfTheDoubleRangeNeitherOverflowNorUnderflow() {
    double[][] r = rows(400, 4);
    double[] expected = factor(r, 0, 400).solve(1e-7).beta();
    for (double scale : new double[] {0x1p500, 0x1p-500}) {
      double[][] s = new double[r.length][];
      for (int i = 0; i < r.length; i++) {
        s[i] = r[i].clone();
        for (int j = 0; j < 6; j++) {
          s[i][j] *= scale; // sqrt(w) = scale on every row: the same solution
        }
      }
      QrFactor f = QrFactor.merge(factor(s, 0, 150), factor(s, 150, 400));
      assertClose(expected, f.solve(1e-7).beta());
    }
  }

  @Test
  void aBlockWithFewerRowsThanColumnsIsATrapezoid() {
    double[][] r = rows(50, 5);
    QrFactor small = factor(r, 0, 2);
    assertEquals(0, small.rss(), 0.0);
    QrFactor f = QrFactor.merge(small, factor(r, 2, 50));
    assertClose(reference(r), f.solve(1e-7).beta());
    assertEquals(QrFactor.empty(5).rss(), QrFactor.merge(QrFactor.empty(5), QrFactor.empty(5)).rss(), 0.0);
  }

  /**
   * A column that is 0 in a block (a factor level absent from those rows) makes no reflection
   * there; the columns after it must still be updated by the reflection before it.
   */
  @Test
  void aColumnOfZerosInOneBlockLeavesTheOthersRight() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 900;
    double[][] r = new double[n][6];
    for (int i = 0; i < n; i++) {
      r[i][0] = 1;
      r[i][1] = rng.nextGaussian();
      r[i][2] = i < 300 ? 0 : rng.nextInt(2); // a dummy absent from the first block
      r[i][3] = rng.nextGaussian();
      r[i][4] = rng.nextGaussian() + r[i][1];
      r[i][5] = 1 + r[i][1] - r[i][2] + 0.5 * r[i][3] + r[i][4] + rng.nextGaussian();
    }
    QrFactor f = QrFactor.merge(QrFactor.merge(factor(r, 0, 300), factor(r, 300, 600)), factor(r, 600, 900));
    assertClose(reference(r), f.solve(1e-7).beta());
    double[][] first = new double[300][];
    System.arraycopy(r, 0, first, 0, 300);
    QrFactor.Solution s = factor(first, 0, 300).solve(1e-7);
    assertTrue(s.aliased()[2], "the zero column of the first block alone is aliased");
    double[][] kept = new double[300][5];
    for (int i = 0; i < 300; i++) {
      kept[i] = new double[] {r[i][0], r[i][1], r[i][3], r[i][4], r[i][5]};
    }
    double[] b = s.beta();
    double[][] x = new double[300][4];
    double[] z = new double[300];
    for (int i = 0; i < 300; i++) {
      System.arraycopy(kept[i], 0, x[i], 0, 4);
      z[i] = kept[i][4];
    }
    double[] ref = new QRDecomposition(new Array2DRowRealMatrix(x, false), 0).getSolver()
        .solve(new ArrayRealVector(z, false)).toArray();
    assertClose(ref, new double[] {b[0], b[1], b[3], b[4]});
  }

  /**
   * More columns than a panel ({@link QrFactor#PANEL}): the later columns get the panel's
   * reflections one column at a time; a zero column inside the second panel takes no reflection.
   */
  @Test
  void aWideBlockIsFactoredPanelByPanel() {
    int q = 2 * QrFactor.PANEL + 7;
    int n = 600;
    SplittableRandom rng = new SplittableRandom(8);
    double[][] x = new double[n][q];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 1; j < q; j++) {
        x[i][j] = j == QrFactor.PANEL + 3 ? (i < 250 ? 0 : rng.nextInt(2)) : rng.nextGaussian() * (1 + j);
      }
      z[i] = rng.nextGaussian();
      for (int j = 0; j < q; j++) {
        z[i] += 0.1 * x[i][j] / (1 + j);
      }
    }
    double[] ref = new QRDecomposition(new Array2DRowRealMatrix(x, false), 0).getSolver()
        .solve(new ArrayRealVector(z, false)).toArray();
    int[] cuts = {0, 250, 260, 600};
    QrFactor f = null;
    for (int k = 0; k + 1 < cuts.length; k++) {
      int m = cuts[k + 1] - cuts[k];
      double[][] c = new double[q + 1][m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < q; j++) {
          c[j][i] = x[cuts[k] + i][j];
        }
        c[q][i] = z[cuts[k] + i];
      }
      QrFactor b = QrFactor.ofBlock(c, m, q);
      f = f == null ? b : QrFactor.merge(f, b);
    }
    QrFactor.Solution s = f.solve(1e-7);
    assertEquals(q, s.rank());
    assertClose(ref, s.beta());
  }
}
