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
}
