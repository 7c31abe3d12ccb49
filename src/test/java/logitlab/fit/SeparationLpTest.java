package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The separation linear program against an independent oracle, commons-math3 3.6.1's dense
 * {@link SimplexSolver}, on random problems over fixed seeds: max c'b subject to a_i'b &gt;= 0 and
 * -1 &lt;= b &lt;= 1. Rows with small integer entries make ties and degenerate vertices common (the
 * case that makes a simplex cycle). The optimal values must agree to {@value #OBJ_TOL} (relative to
 * max(1, |value|)); the optimal b may differ when the optimum is not unique, so it is only checked
 * to be feasible and to attain the value.
 */
class SeparationLpTest {
  static final double OBJ_TOL = 1e-8;

  /** Rows in a dense array, as the detector's view of the design. */
  record Dense(double[] a, int n, int m) implements SeparationLp.Rows {
    @Override
    public void row(int i, double[] out) {
      System.arraycopy(a, i * m, out, 0, m);
    }
  }

  static Dense random(SplittableRandom rnd, int n, int m, boolean integers) {
    double[] a = new double[n * m];
    for (int k = 0; k < a.length; k++) {
      a[k] = integers ? rnd.nextInt(-3, 4) : rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-2, 3));
    }
    return new Dense(a, n, m);
  }

  /**
   * The same program for SimplexSolver, with b = b+ - b- and 0 &lt;= b+, b- &lt;= 1: with free variables
   * ({@code NonNegativeConstraint(false)}) SimplexSolver 3.6.1 reports some of these bounded,
   * feasible programs as unbounded or infeasible.
   */
  static double oracle(Dense d, double[] c) {
    int m = d.m();
    List<LinearConstraint> cons = new ArrayList<>();
    for (int i = 0; i < d.n(); i++) {
      double[] row = new double[m];
      d.row(i, row);
      double[] split = new double[2 * m];
      for (int j = 0; j < m; j++) {
        split[j] = row[j];
        split[m + j] = -row[j];
      }
      cons.add(new LinearConstraint(split, Relationship.GEQ, 0));
    }
    for (int j = 0; j < 2 * m; j++) {
      double[] e = new double[2 * m];
      e[j] = 1;
      cons.add(new LinearConstraint(e, Relationship.LEQ, 1));
    }
    double[] obj = new double[2 * m];
    for (int j = 0; j < m; j++) {
      obj[j] = c[j];
      obj[m + j] = -c[j];
    }
    PointValuePair p = new SimplexSolver(1e-10, 10, 1e-14).optimize(new MaxIter(100_000),
        new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
        new NonNegativeConstraint(true));
    return p.getValue();
  }

  static void checkSolution(Dense d, double[] c, SeparationLp.Result r, double expected) {
    double[] row = new double[d.m()];
    double value = 0;
    for (int j = 0; j < d.m(); j++) {
      assertTrue(Math.abs(r.b()[j]) <= 1, "box");
      value += c[j] * r.b()[j];
    }
    for (int i = 0; i < d.n(); i++) {
      d.row(i, row);
      double s = 0;
      double scale = 0;
      for (int j = 0; j < d.m(); j++) {
        s += row[j] * r.b()[j];
        scale = Math.max(scale, Math.abs(row[j]));
      }
      assertTrue(s >= -1e-8 * scale, "row " + i + " violated: " + s);
    }
    assertEquals(expected, value, OBJ_TOL * Math.max(1, Math.abs(expected)), "objective");
    assertEquals(expected, r.objective(), OBJ_TOL * Math.max(1, Math.abs(expected)), "reported objective");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void smallProblemsAgreeWithCommonsMathSimplex(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int rep = 0; rep < 25; rep++) {
      int m = rnd.nextInt(1, 7);
      int n = rnd.nextInt(1, 40);
      Dense d = random(rnd, n, m, rnd.nextBoolean());
      double[] c = rnd.nextBoolean() ? SeparationLp.sumOfRows(d) : randomObjective(rnd, m);
      checkSolution(d, c, SeparationLp.maximize(d, c, null), oracle(d, c));
    }
  }

  /**
   * Separable rows (b = (1, 0, 0) separates them) whose optimum depends on rows that an evenly
   * spaced subset misses: those with a small first entry.
   */
  static Dense separable(SplittableRandom rnd, int n) {
    int m = 3;
    double[] a = new double[n * m];
    for (int i = 0; i < n; i++) {
      a[i * m] = Math.pow(rnd.nextDouble(), 3);
      a[i * m + 1] = rnd.nextDouble(-1, 1);
      a[i * m + 2] = rnd.nextDouble(-1, 1);
    }
    return new Dense(a, n, m);
  }

  /** A problem larger than one sifting batch (500 rows): rounds of adding violated rows. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101})
  void siftingAgreesWithCommonsMathSimplex(long seed) {
    Dense d = separable(new SplittableRandom(seed), 800);
    double[] c = SeparationLp.sumOfRows(d);
    SeparationLp.Result r = SeparationLp.maximize(d, c, null);
    assertTrue(r.passes() >= 1);
    checkSolution(d, c, r, oracle(d, c));
  }

  /** Sifting over 20,000 rows reaches the optimum of the simplex run on all rows at once. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {201, 202})
  void siftingAgreesWithTheSimplexOnAllRows(long seed) {
    Dense d = separable(new SplittableRandom(seed), 20_000);
    double[] c = SeparationLp.sumOfRows(d);
    SeparationLp.Result r = SeparationLp.maximize(d, c, null);
    assertTrue(r.passes() >= 2, "passes " + r.passes());
    double[] all = SeparationLp.solveDense(d.a(), d.n(), d.m(), c).b();
    double value = 0;
    for (int j = 0; j < 3; j++) {
      value += c[j] * all[j];
    }
    checkSolution(d, c, r, value);
  }

  private static double[] randomObjective(SplittableRandom rnd, int m) {
    double[] c = new double[m];
    for (int j = 0; j < m; j++) {
      c[j] = rnd.nextInt(-2, 3);
    }
    return c;
  }
}
