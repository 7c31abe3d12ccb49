package logitlab.data;

import static logitlab.data.TestCsv.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prior weights and grouped counts as the loader reads them (R's glm(cbind(s, n - s) ~ ...,
 * weights = w)): y = s / n and weight n w; a row of 0 trials is kept with weight 0 and y 0; every
 * count and weight is checked at its bounds, with one line naming file, line and column.
 */
class WeightsAndTrialsTest {
  @TempDir Path dir;

  static ModelSpec grouped(String weights) {
    return TestCsv.spec("s", List.of("x")).withWeights(weights, "n");
  }

  @Test
  void countsBecomeProportionsAndTrialsTimesWeightsThePriorWeights() {
    DesignMatrix d = TestCsv.load(dir, "x,s,n,w\n1,0,4,1\n2,3,4,0.5\n3,2,2,2\n4,0,0,1\n5,1,3,0\n", grouped("w"));
    assertArrayEquals(new double[] {0, 0.75, 1, 0, 1.0 / 3}, d.y(), 1e-15);
    assertArrayEquals(new double[] {4, 2, 4, 0, 0}, d.weights(), 0);
    assertEquals(10, d.totalWeight());
    assertEquals(0 * 4 + 0.75 * 2 + 1 * 4, d.weightedEvents(), 1e-12);
    assertEquals(3, d.nobs());
    assertEquals("n", d.weighting().trialsColumn());
    assertEquals("w", d.weighting().weightsColumn());
    DesignMatrix plain = TestCsv.load(dir, "x,s,n\n1,0,4\n2,3,4\n3,2,2\n", grouped(null));
    assertArrayEquals(new double[] {4, 4, 2}, plain.weights(), 0);
  }

  @Test
  void badCountsAreRefusedAtTheirBounds() {
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,s,n\n1,0,4\n2,1,2.5\n3,1,3\n", grouped(null)),
        ":3: column \"n\": \"2.5\" is not a number of trials (a whole number >= 0)");
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,s,n\n1,0,4\n2,0,-1\n3,1,3\n", grouped(null)),
        ":3: column \"n\": \"-1\" is not a number of trials");
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,s,n\n1,0,4\n2,5,4\n3,1,3\n", grouped(null)),
        ":3: column \"s\": \"5\" is not a number of successes between 0 and the 4 trials of column \"n\"");
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,s,n\n1,0,4\n2,-1,4\n3,1,3\n", grouped(null)),
        ":3: column \"s\": \"-1\" is not a number of successes");
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,s,n\n1,0,4\n2,1.5,4\n3,1,3\n", grouped(null)),
        ":3: column \"s\": \"1.5\" is not a number of successes");
    // successes equal to the trials, and 0 of 0, are fine
    DesignMatrix d = TestCsv.load(dir, "x,s,n\n1,0,4\n2,4,4\n3,0,0\n4,1,3\n", grouped(null));
    assertArrayEquals(new double[] {0, 1, 0, 1.0 / 3}, d.y(), 1e-15);
  }

  @Test
  void badWeightsAreRefusedAndZeroIsAWeight() {
    ModelSpec spec = TestCsv.spec("y", List.of("x")).withWeights("w", null);
    assertError(DataException.Kind.BAD_INPUT, () -> TestCsv.load(dir, "x,y,w\n1,0,1\n2,1,-0.5\n3,1,1\n4,0,1\n", spec),
        ":3: column \"w\": \"-0.5\" is not a weight (a number >= 0)");
    DesignMatrix d = TestCsv.load(dir, "x,y,w\n1,0,1\n2,1,0\n3,1,2.5\n4,0,1\n", spec);
    assertArrayEquals(new double[] {1, 0, 2.5, 1}, d.weights(), 0);
    assertEquals(3, d.nobs());
    assertEquals(4.5, d.totalWeight());
    assertEquals(2.5, d.weightedEvents());
  }
}
