package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import logitlab.model.Interval;
import org.junit.jupiter.api.Test;

/**
 * Every path of the profile search on a known g (no fits): a parabola's roots, an unbounded side, a
 * g that cannot be computed past a point, a g that is +Infinity past a point (Firth's singular
 * information), a g not negative at the estimate, and the warm starts it hands the inner fits.
 */
class ProfileSearchTest {
  private static Interval search(DoubleUnaryOperator g, double est, double se) {
    return new ProfileSearch((b, start) -> new ProfileSearch.Solution(g.applyAsDouble(b), new double[0]),
        est, new double[0], se, 1).interval();
  }

  /** g(b) = ((b - 2) / 0.5)^2 - 3.84: the roots are 2 -+ 0.5 sqrt(3.84). */
  @Test
  void parabolaRootsAreExact() {
    Interval iv = search(b -> Math.pow((b - 2) / 0.5, 2) - 3.84, 2, 0.5);
    assertEquals(2 - 0.5 * Math.sqrt(3.84), iv.low(), 1e-10);
    assertEquals(2 + 0.5 * Math.sqrt(3.84), iv.high(), 1e-10);
    assertTrue(iv.finite());
  }

  /** A profile that levels off below the critical value on one side: that end is infinite. */
  @Test
  void aProfileThatNeverRisesIsUnbounded() {
    Interval iv = search(b -> b < 0 ? -3.84 * Math.exp(b) : b * b - 3.84, 0, 1);
    assertEquals(Interval.End.UNBOUNDED, iv.lowEnd());
    assertEquals(Double.NEGATIVE_INFINITY, iv.low());
    assertEquals(Math.sqrt(3.84), iv.high(), 1e-10);
  }

  /** Inner fits that fail from far away: the walk shortens its step and still finds the root. */
  @Test
  void failuresFarOutShortenTheStep() {
    Interval iv = search(b -> Math.abs(b) > 2.5 ? Double.NaN : b * b - 3.84, 0, 1);
    assertEquals(-Math.sqrt(3.84), iv.low(), 1e-10);
    assertEquals(Math.sqrt(3.84), iv.high(), 1e-10);
  }

  /** A g that can be computed nowhere but at the estimate: not found, never an exception. */
  @Test
  void failuresEverywhereAreNotFound() {
    Interval iv = search(b -> b == 0 ? -3.84 : Double.NaN, 0, 1);
    assertEquals(Interval.End.NOT_FOUND, iv.lowEnd());
    assertEquals(Interval.End.NOT_FOUND, iv.highEnd());
    assertTrue(Double.isNaN(iv.low()) && Double.isNaN(iv.high()));
  }

  /** +Infinity past a point (l* = -Infinity): bisected to a finite bracket, then solved. */
  @Test
  void infiniteValuesAreBisected() {
    Interval iv = search(b -> Math.abs(b) > 1.99 ? Double.POSITIVE_INFINITY : b * b - 3.84, 0, 3);
    assertEquals(-Math.sqrt(3.84), iv.low(), 1e-10);
    assertEquals(Math.sqrt(3.84), iv.high(), 1e-10);
  }

  /** The inner fits did not reach the fit's optimum: g(est) &gt;= 0 and nothing is claimed. */
  @Test
  void aProfileNotBelowTheCriticalValueAtTheEstimateIsNotFound() {
    Interval iv = search(b -> 1 + b * b, 0, 1);
    assertEquals(Interval.End.NOT_FOUND, iv.lowEnd());
    assertEquals(Interval.End.NOT_FOUND, iv.highEnd());
  }

  /** Warm starts: interpolated between solved neighbours, extrapolated from the two nearest. */
  @Test
  void warmStartsFollowTheProfile() {
    ProfileSearch s = new ProfileSearch((b, start) -> new ProfileSearch.Solution(b * b - 3.84,
        new double[] {-3 * b}), 0, new double[] {0}, 1, 1);
    s.g(1);
    s.g(2);
    assertArrayEquals(new double[] {-4.5}, s.start(1.5), 1e-12);
    assertArrayEquals(new double[] {-12}, s.start(4), 1e-12);
    assertArrayEquals(new double[] {-3}, s.start(1), 1e-12);
  }

  private static Interval search(DoubleUnaryOperator g, double est, double se, double scale) {
    return new ProfileSearch((b, start) -> new ProfileSearch.Solution(g.applyAsDouble(b), new double[0]),
        est, new double[0], se, scale).interval();
  }

  /**
   * The first step is min(se, 1 / scale): with a second dip below the critical value further out,
   * a longer first step would jump over the first root and report the second.
   */
  @Test
  void theFirstStepMovesTheLogOddsByAtMostOne() {
    DoubleUnaryOperator twoDips = b -> b < 1 ? b * b - 1 : b < 2 ? 1 : b < 10 ? -1 : 1;
    Interval iv = search(twoDips, 0, 10, 4); // first step 0.25, not 10 nor 4
    assertEquals(1, iv.high(), 1e-9);
    assertEquals(-1, iv.low(), 1e-9);
    // without a usable standard error (NaN, 0) or a usable scale (0) the first step is 1
    Interval noSe = search(twoDips, 0, Double.NaN, 1);
    assertEquals(1, noSe.high(), 1e-9);
    Interval zeroSe = search(twoDips, 0, 0, 1);
    assertEquals(1, zeroSe.high(), 1e-9);
    Interval zeroScale = search(b -> b * b - 3.84, 0, Double.NaN, 0);
    assertEquals(Math.sqrt(3.84), zeroScale.high(), 1e-10);
    assertEquals(-Math.sqrt(3.84), zeroScale.low(), 1e-10);
  }

  /** Infinite when the coefficient moves some row's log-odds by more than 1e8, wherever it starts. */
  @Test
  void theUnboundedTestMeasuresTheMoveFromTheEstimate() {
    Interval far = search(b -> (b - 1e9) * (b - 1e9) - 3.84, 1e9, 1, 1);
    // Brent's method stops at a relative 1e-12 of b: 1e-3 here
    assertEquals(1e9 - Math.sqrt(3.84), far.low(), 1e-2);
    assertEquals(1e9 + Math.sqrt(3.84), far.high(), 1e-2);
    assertEquals(Interval.End.FINITE, far.lowEnd());
    // max |x| = 1e4: b moved by 1e4 moves the log-odds by 1e8; the profile turning up at -1e6 is beyond
    Interval scaled = search(b -> b < -1e6 ? 1 : b < 0 ? -1 : b * b - 3.84, 0, 1, 1e4);
    assertEquals(Interval.End.UNBOUNDED, scaled.lowEnd());
    assertEquals(Math.sqrt(3.84), scaled.high(), 1e-10);
  }

  /** The walk gives up after 200 doublings of the step: the side is then taken as unbounded. */
  @Test
  void theWalkStopsAfterTwoHundredSteps() {
    // step 1e-300: after 200 doublings the walk has gone about 1.6e-240; g turns up at 2e-240
    Interval iv = search(b -> b > 2e-240 ? 1 : -1, 0, 1e-300, 1);
    assertEquals(Interval.End.UNBOUNDED, iv.highEnd());
    assertEquals(Interval.End.UNBOUNDED, iv.lowEnd());
  }

  /** A walk that lands exactly on a root returns it, and so does a bisection. */
  @Test
  void exactRootsAreReturnedAsTheyAre() {
    Interval walk = search(b -> b * b - 4, 0, 2, 1); // the first step lands on b = 2 where g = 0
    assertEquals(2, walk.high(), 0);
    assertEquals(-2, walk.low(), 0);
    assertEquals(Interval.End.FINITE, walk.highEnd());
    // g = +Infinity beyond 1.5: bisection of [0, 2] meets g(1) = 0 exactly
    Interval bisected = search(b -> b > 1.5 ? Double.POSITIVE_INFINITY : Math.abs(b) - 1, 0, 2, 1);
    assertEquals(1, bisected.high(), 0);
    assertEquals(-1, bisected.low(), 1e-9);
  }

  /** Bisection towards a finite value on one side only, with an estimate away from 0. */
  @Test
  void bisectionOnOneSideAwayFromZero() {
    Interval iv = search(b -> b - 1 > 1.99 ? Double.POSITIVE_INFINITY : (b - 1) * (b - 1) - 3.84, 1, 3, 1);
    assertEquals(1 - Math.sqrt(3.84), iv.low(), 1e-10);
    assertEquals(1 + Math.sqrt(3.84), iv.high(), 1e-10);
  }

  /** At most 200 bisections: a finite value only 2^-996 from the estimate is not looked for. */
  @Test
  void bisectionStopsAfterTwoHundredHalvings() {
    Interval iv = search(b -> b <= 1e-300 ? -1 : b <= 2e-300 ? 1 : Double.POSITIVE_INFINITY, 0, 1, 1);
    assertEquals(Interval.End.NOT_FOUND, iv.highEnd());
  }

  /** A g that cannot be computed inside the bracket being bisected: not found. */
  @Test
  void aFailureWhileBisectingIsNotFound() {
    Interval iv = search(b -> b > 1.99 ? Double.POSITIVE_INFINITY : b > 1.5 ? Double.NaN : b * b - 3.84, 0, 3, 1);
    assertEquals(Interval.End.NOT_FOUND, iv.highEnd());
    assertEquals(-Math.sqrt(3.84), iv.low(), 1e-10);
  }

  /** g exactly 0 at the estimate is not below the critical value: nothing is claimed. */
  @Test
  void zeroAtTheEstimateIsNotFound() {
    Interval iv = search(b -> b * b, 0, 1, 1);
    assertEquals(Interval.End.NOT_FOUND, iv.lowEnd());
    assertEquals(Interval.End.NOT_FOUND, iv.highEnd());
  }

  /** Inner fits that return nothing or throw count as not computed, as a NaN g does. */
  @Test
  void innerFitsThatFailOrThrowShortenTheStep() {
    ProfileSearch s = new ProfileSearch((b, start) -> {
      if (b > 2.5) {
        return null;
      }
      if (b < -2.5) {
        throw new FitException(new FitException.NoWeight("t.csv"));
      }
      return new ProfileSearch.Solution(b * b - 3.84, new double[0]);
    }, 0, new double[0], 1, 1);
    assertTrue(Double.isNaN(s.g(3)));
    assertTrue(Double.isNaN(s.g(-3)));
    Interval iv = s.interval();
    assertEquals(-Math.sqrt(3.84), iv.low(), 1e-10);
    assertEquals(Math.sqrt(3.84), iv.high(), 1e-10);
  }

  /** Solutions that are not finite are not kept as warm starts; nor is a start that overflows. */
  @Test
  void warmStartsAreAlwaysFinite() {
    java.util.Map<Double, double[]> others = java.util.Map.of(1.0, new double[] {Double.NaN}, 2.0,
        new double[] {-1e308}, -2.0, new double[] {1e308});
    ProfileSearch s = new ProfileSearch((b, start) -> new ProfileSearch.Solution(b * b - 3.84, others.get(b)),
        0, new double[] {5}, 1, 1);
    s.g(1);
    assertArrayEquals(new double[] {5}, s.start(1.5), 0); // b = 1's NaN solution was not kept
    s.g(2);
    s.g(-2);
    // halfway between -2 (1e308) and 0 (5), and between 0 and 2 (-1e308): finite interpolations
    assertArrayEquals(new double[] {0.5 * 1e308 + 2.5}, s.start(-1), 1e292);
    // extrapolating far beyond 2 from 0 and 2 overflows: the nearer one, 2's; likewise below -2
    assertArrayEquals(new double[] {-1e308}, s.start(1e10), 0);
    assertArrayEquals(new double[] {1e308}, s.start(-1e10), 0);
    // halfway between -2 and 2 (the estimate elsewhere) the interpolation overflows: at t = 0.5, the upper one
    ProfileSearch t = new ProfileSearch((b, start) -> new ProfileSearch.Solution(b * b - 3.84, others.get(b)),
        10, new double[] {5}, 1, 1);
    t.g(2);
    t.g(-2);
    assertArrayEquals(new double[] {-1e308}, t.start(0), 0);
    assertArrayEquals(new double[] {1e308}, t.start(-1.5), 0);
  }
}
