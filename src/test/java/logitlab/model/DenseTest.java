package logitlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Dense} against commons-math3 3.6.1 (an independent implementation: Householder QR,
 * Cholesky, LU, SVD) on seeded random matrices of sizes 1 to 12 and on ill-conditioned ones. The
 * tolerance is relative and scales with the condition number kappa (the forward error of a
 * backward-stable solve is about kappa eps; Higham 7.1): {@code TOL * kappa}, with kappa from the
 * SVD.
 */
class DenseTest {
  /** Relative tolerance per unit of condition number: a few hundred ulps. */
  private static final double TOL = 1e-13;
  private static final int SIZES = 12;

  /** X: n x p with standard normal entries; with conditioning, column j scaled by 10^(-j c). */
  private static double[][] design(SplittableRandom rng, int n, int p, double c) {
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i][j] = gaussian(rng) * Math.pow(10, -j * c);
      }
    }
    return x;
  }

  /** A nearly collinear design: column j = column 0 + 10^-k noise (kappa about 10^k). */
  private static double[][] collinear(SplittableRandom rng, int n, int p, int k) {
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      double base = gaussian(rng);
      x[i][0] = base;
      for (int j = 1; j < p; j++) {
        x[i][j] = base + Math.pow(10, -k) * gaussian(rng);
      }
    }
    return x;
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double[] flat(double[][] a) {
    int m = a.length;
    int n = a[0].length;
    double[] f = new double[m * n];
    for (int i = 0; i < m; i++) {
      System.arraycopy(a[i], 0, f, i * n, n);
    }
    return f;
  }

  private static double[][] square(double[] f, int m) {
    double[][] a = new double[m][m];
    for (int i = 0; i < m; i++) {
      System.arraycopy(f, i * m, a[i], 0, m);
    }
    return a;
  }

  /** The R of X folded in row by row by Dense.givens (m x m, positive diagonal). */
  private static double[] givensR(double[][] x, int p, boolean exact) {
    double[] r = new double[p * p];
    for (double[] row : x) {
      Dense.givens(r, p, p, row.clone(), exact);
    }
    return r;
  }

  private static double kappa(RealMatrix a) {
    return new SingularValueDecomposition(a).getConditionNumber();
  }

  private static void assertClose(RealMatrix expected, double[] actual, double tol, String what) {
    double scale = expected.getNorm();
    int m = expected.getRowDimension();
    int n = expected.getColumnDimension();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(expected.getEntry(i, j), actual[i * n + j], tol * scale, what + " (" + i + "," + j + ")");
      }
    }
  }

  private static void assertClose(RealVector expected, double[] actual, double tol, String what) {
    double scale = expected.getLInfNorm();
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected.getEntry(i), actual[i], tol * Math.max(scale, Double.MIN_NORMAL), what + " [" + i + "]");
    }
  }

  /** Conditioning per case: 0 (random), 0.5 and 1 (column scales down to 1e-11), collinear. */
  @ParameterizedTest(name = "conditioning {0}")
  @ValueSource(doubles = {0, 0.5, 1.0, -6})
  void givensGivesTheRofQrAndSolvesLikeCommonsMath(double c) {
    SplittableRandom rng = new SplittableRandom(20261129L + (long) (c * 10));
    for (int p = 1; p <= SIZES; p++) {
      int n = 3 * p + 5;
      double[][] x = c < 0 ? collinear(rng, n, p, (int) -c) : design(rng, n, p, c);
      RealMatrix xm = new Array2DRowRealMatrix(x);
      double k = kappa(xm);
      for (boolean exact : new boolean[] {false, true}) {
        double[] r = givensR(x, p, exact);
        // R'R = X'X, relative to ||X'X|| (backward stable: error about eps ||X||^2)
        assertClose(xm.transpose().multiply(xm), Dense.transposeTimes(r, p, p), 1e-13, "R'R p=" + p);
        // R equals commons-math's Householder R up to the signs of its rows
        RealMatrix hr = new QRDecomposition(xm).getR().getSubMatrix(0, p - 1, 0, p - 1);
        double[] signed = new double[p * p];
        for (int i = 0; i < p; i++) {
          double sign = Math.signum(hr.getEntry(i, i));
          for (int j = i; j < p; j++) {
            signed[i * p + j] = sign * hr.getEntry(i, j);
          }
        }
        for (int i = 0; i < p; i++) {
          for (int j = i; j < p; j++) {
            assertEquals(signed[i * p + j], r[i * p + j], TOL * k * Math.abs(r[0]), "R p=" + p);
          }
        }
        // the inverse and (R'R)^-1 = R^-1 R^-T against LU
        RealMatrix rm = MatrixUtils.createRealMatrix(square(r, p));
        RealMatrix rinv = new LUDecomposition(rm, 0).getSolver().getInverse();
        assertClose(rinv, Dense.invertUpper(r, p, p), TOL * k, "R^-1 p=" + p);
        assertClose(rinv.multiply(rinv.transpose()), Dense.timesTranspose(Dense.invertUpper(r, p, p), p),
            TOL * k * k, "(R'R)^-1 p=" + p);
        // triangular solves and the normal equations against commons-math
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
          b[i] = gaussian(rng);
        }
        RealVector bv = new ArrayRealVector(b);
        double[] x1 = new double[p];
        Dense.solveUpper(r, p, p, b, x1);
        RealVector e1 = bv.copy();
        MatrixUtils.solveUpperTriangularSystem(rm, e1);
        assertClose(e1, x1, TOL * k, "R x = b p=" + p);
        double[] x2 = new double[p];
        Dense.solveUpperTransposed(r, p, p, b, x2);
        RealVector e2 = bv.copy();
        MatrixUtils.solveLowerTriangularSystem(rm.transpose(), e2);
        assertClose(e2, x2, TOL * k, "R'x = b p=" + p);
        RealVector e3 = new LUDecomposition(rm.transpose().multiply(rm), 0).getSolver().solve(bv);
        assertClose(e3, Dense.solveNormal(r, p, p, b), TOL * k * k, "R'R x = b p=" + p);
      }
    }
  }

  @ParameterizedTest(name = "conditioning {0}")
  @ValueSource(doubles = {0, 0.5, 1.0, -6})
  void choleskyMatchesCommonsMath(double c) {
    SplittableRandom rng = new SplittableRandom(7L + (long) (c * 10));
    for (int p = 1; p <= SIZES; p++) {
      double[][] x = c < 0 ? collinear(rng, 2 * p + 3, p, (int) -c) : design(rng, 2 * p + 3, p, c / 2);
      RealMatrix xm = new Array2DRowRealMatrix(x);
      RealMatrix a = xm.transpose().multiply(xm);
      double k = kappa(a);
      double[] r = Dense.cholesky(flat(a.getData()), p, 0);
      assertNotNull(r, "positive definite p=" + p);
      RealMatrix lt = new CholeskyDecomposition(a, 1e-10, 0).getLT();
      assertClose(lt, r, TOL * Math.sqrt(k), "R p=" + p);
      double[] b = new double[p];
      for (int i = 0; i < p; i++) {
        b[i] = gaussian(rng);
      }
      RealVector expected = new CholeskyDecomposition(a, 1e-10, 0).getSolver().solve(new ArrayRealVector(b));
      assertClose(expected, Dense.solveNormal(r, p, p, b), TOL * k, "A x = b p=" + p);
    }
  }

  @org.junit.jupiter.api.Test
  void choleskyRefusesWhatIsNotPositiveDefinite() {
    // indefinite
    assertNull(Dense.cholesky(new double[] {1, 2, 2, 1}, 2, 0));
    // singular: the second pivot is 0
    assertNull(Dense.cholesky(new double[] {1, 1, 1, 1}, 2, 1e-12));
    // nearly singular: pivot 1e-14 of 1 is below a relative tolerance of 1e-12, above 0
    double[] near = {1, 1, 1, 1 + 1e-14};
    assertNull(Dense.cholesky(near, 2, 1e-12));
    assertNotNull(Dense.cholesky(near, 2, 0));
    assertNull(Dense.cholesky(new double[] {Double.NaN}, 1, 0));
    assertArrayEquals(new double[] {2, 1, 0, 1}, Dense.cholesky(new double[] {4, 2, 2, 2}, 2, 0));
  }

  @org.junit.jupiter.api.Test
  void givensCarriesTheRightHandSideAndTheResidual() {
    // least squares of y on X with the rhs as column p: R beta = Q'y, residual^2 summed from a[p]
    SplittableRandom rng = new SplittableRandom(3);
    int n = 40;
    int p = 4;
    double[][] x = design(rng, n, p, 0.3);
    double[] y = new double[n];
    double[] r = new double[p * (p + 1)];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      y[i] = gaussian(rng);
      double[] row = new double[p + 1];
      System.arraycopy(x[i], 0, row, 0, p);
      row[p] = y[i];
      Dense.givens(r, p + 1, p, row, false);
      rss += row[p] * row[p];
    }
    double[] qty = new double[p];
    for (int i = 0; i < p; i++) {
      qty[i] = r[i * (p + 1) + p];
    }
    double[] beta = new double[p];
    Dense.solveUpper(r, p + 1, p, qty, beta);
    RealMatrix xm = new Array2DRowRealMatrix(x);
    RealVector expected = new QRDecomposition(xm).getSolver().solve(new ArrayRealVector(y));
    assertClose(expected, beta, 1e-12, "beta");
    RealVector res = new ArrayRealVector(y).subtract(xm.operate(expected));
    assertEquals(res.dotProduct(res), rss, 1e-12 * rss);
  }

  @org.junit.jupiter.api.Test
  void givensSurvivesRowsWhoseSquaresUnderflowOrOverflow() {
    for (boolean exact : new boolean[] {false, true}) {
      double[] r = new double[4];
      Dense.givens(r, 2, 2, new double[] {1e-200, 3e-200}, exact);
      Dense.givens(r, 2, 2, new double[] {1e-200, -1e-200}, exact);
      assertEquals(Math.sqrt(2) * 1e-200, r[0], 1e-214);
      double[] big = new double[4];
      Dense.givens(big, 2, 2, new double[] {1e200, 1e200}, exact);
      Dense.givens(big, 2, 2, new double[] {1e200, 0}, exact);
      assertEquals(Math.sqrt(2) * 1e200, big[0], 1e186);
      assertTrue(Double.isFinite(big[1]) && Double.isFinite(big[3]));
    }
  }

  @org.junit.jupiter.api.Test
  void sandwichIsBreadMeatBread() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int q = 1; q <= SIZES; q++) {
      RealMatrix xm = new Array2DRowRealMatrix(design(rng, 2 * q + 2, q, 0.2));
      RealMatrix bread = new LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
      RealMatrix meat = xm.transpose().multiply(MatrixUtils.createRealDiagonalMatrix(
          new ArrayRealVector(2 * q + 2, 0.5).toArray())).multiply(xm);
      double[][] out = Dense.sandwich(bread.getData(), meat.getData());
      assertClose(bread.multiply(meat).multiply(bread), flat(out), 1e-13, "q=" + q);
    }
  }

  @org.junit.jupiter.api.Test
  void linearPredictorsTakeAliasedCoefficientsAsZero() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 30;
    int p = 5;
    double[][] x = design(rng, n, p, 0);
    double[] beta = {0.5, Double.NaN, -2, 3, Double.NaN};
    double[] eta = Dense.linearPredictors(flat(x), n, p, beta);
    RealVector expected = new Array2DRowRealMatrix(x).operate(new ArrayRealVector(Dense.zeroNaN(beta)));
    assertClose(expected, eta, 1e-15, "eta");
    assertEquals(Dense.linearPredictor(flat(x), 2 * p, beta), eta[2]);
    assertArrayEquals(new double[] {0.5, 0, -2, 3, 0}, Dense.zeroNaN(beta));
    assertTrue(Double.isNaN(beta[1]), "zeroNaN copies");
    assertEquals(0.0, Dense.linearPredictor(new double[] {1, 2}, 0, new double[] {Double.NaN, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> Dense.linearPredictors(new double[4], 2, 2, new double[3]));
  }

  @org.junit.jupiter.api.Test
  void dotAndNorm() {
    assertEquals(1 * 4 + 2 * 5, Dense.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 2));
    assertEquals(5, Dense.norm(new double[] {3, 4}));
    assertEquals(13, Dense.norm(new double[] {99, 5, 12, 99}, 1, 3));
    assertEquals(0, Dense.norm(new double[0]));
  }
}
