package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the outcome column as 0/1. */
class OutcomeTest {
  @TempDir Path dir;

  private DesignMatrix outcome(String first, String... rest) {
    String[] values = new String[rest.length + 1];
    values[0] = first;
    System.arraycopy(rest, 0, values, 1, rest.length);
    return withPositive(null, values);
  }

  private DesignMatrix withPositive(String positive, String... values) {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < values.length; i++) {
      csv.append(i).append(',').append(values[i]).append('\n');
    }
    return load(dir, csv.toString(), new ModelSpec(null, null, Map.of(), positive, Set.of()));
  }

  private static void assertOutcome(DesignMatrix d, String event, String nonEvent, double... y) {
    assertEquals(new DesignMatrix.Outcome("y", event, nonEvent), d.outcome());
    assertArrayEquals(y, d.y());
  }

  @Test
  void zeroOne() {
    assertOutcome(outcome("0", "1", "1", "0"), "1", "0", 0, 1, 1, 0);
    assertOutcome(outcome("0.0", "1.0", "1"), "1", "0", 0, 1, 1);
    assertEquals(2, outcome("0", "1", "1", "0").events());
  }

  @Test
  void trueFalseAnyCase() {
    assertOutcome(outcome("TRUE", "FALSE", "TRUE"), "TRUE", "FALSE", 1, 0, 1);
    // "True" sorts before "false" by String.compareTo, but TRUE/FALSE is recognised as such.
    assertOutcome(outcome("True", "false"), "True", "false", 1, 0);
  }

  @Test
  void twoLabelsSecondInSortedOrderIsTheEvent() {
    assertOutcome(outcome("Yes", "No", "No"), "Yes", "No", 1, 0, 0);
    assertOutcome(outcome("healthy", "case"), "healthy", "case", 1, 0);
  }

  @Test
  void positiveOverrides() {
    assertOutcome(withPositive("No", "Yes", "No", "Yes"), "No", "Yes", 0, 1, 0);
    assertOutcome(withPositive("0", "0", "1"), "0", "1", 1, 0);
    assertOutcome(withPositive("2", "1", "2", "2"), "2", "1", 0, 1, 1);
    assertOutcome(withPositive("2.0", "1", "2"), "2", "1", 0, 1);
  }

  @Test
  void positiveMustBeAValue() {
    assertError(
        Kind.USAGE,
        () -> withPositive("yes", "No", "Yes"),
        NAME + ": --positive \"yes\" is not a value of outcome \"y\"; its values are: No, Yes");
  }

  @Test
  void numericOutcomeNotZeroOne() {
    assertError(
        Kind.BAD_INPUT,
        () -> outcome("1", "2", "2"),
        NAME + ": outcome \"y\" must be coded 0/1 but its values are 1 and 2",
        "--positive VALUE",
        "--positive 2");
  }

  @Test
  void threeClasses() {
    assertError(
        Kind.BAD_INPUT,
        () -> outcome("0", "1", "2", "1", "NA"),
        NAME + ": outcome \"y\" has 3 values after dropping missing rows: 0 (1 row), 1 (2 rows), 2 (1 row)");
  }

  @Test
  void manyClassesAreListedUpToTen() {
    String[] v = new String[14];
    for (int i = 0; i < v.length; i++) {
      v[i] = Integer.toString(i);
    }
    assertError(Kind.BAD_INPUT, () -> withPositive(null, v), "has 14 values", "9 (1 row), ... (14 values in all)");
  }

  @Test
  void oneClassIsNotFittable() {
    String[] ones = new String[40];
    java.util.Arrays.fill(ones, "1");
    DataException e = assertError(Kind.NOT_FITTABLE, () -> withPositive(null, ones));
    assertEquals(
        NAME + ": outcome \"y\" has only one value after dropping missing rows: 1 (40 rows); a model"
            + " needs both classes",
        e.getMessage());
    // one class left once rows with missing predictors are gone
    assertError(
        Kind.NOT_FITTABLE,
        () -> load(dir, "x,y\n1,0\nNA,1\n2,0\n"),
        "has only one value after dropping missing rows: 0 (2 rows)");
  }

  @Test
  void allMissingOutcomeIsNotFittable() {
    assertError(Kind.NOT_FITTABLE, () -> outcome("NA", "", "NA"), "outcome \"y\" has no values: it is missing in all 3 rows");
  }
}
