package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.col;
import static logitlab.data.TestCsv.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values a spreadsheet export may hold, and the scale limits of the fits (issue 6). */
class HostileValuesTest {
  @TempDir Path dir;

  @Test
  void decimalCommasAndThousandsSeparatorsAreRefusedNotTurnedIntoAFactor() {
    // R's read.csv would make such a column a factor with one level per value.
    for (String v : List.of("1,5", "1.234,5", "1 234", "1'234", "1.234.567", "-12,5", "1\u00a0234")) {
      assertTrue(Numbers.looksLocalised(v), v);
      assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n\"" + v + "\",0\n2,1\n3,0\n"),
          NAME + ":2: column \"x\": \"" + v + "\" is not a number as logitlab reads numbers: a decimal"
              + " comma or a thousands separator?", "or add --factor x if the column is categorical");
    }
    for (String v : List.of("1.2.3", "a,b", "12:30", "2020-01-01", "1,", ",5", "x1,5")) {
      assertFalse(Numbers.looksLocalised(v), v);
    }
  }

  @Test
  void aColumnOfLocalisedNumbersCanStillBeAFactor() {
    DesignMatrix d = load(dir, "g,y\n\"1,5\",0\n\"2,5\",1\n\"1,5\",1\n",
        new ModelSpec("y", null, Map.of("g", ""), null, Set.of()));
    assertEquals(List.of("(Intercept)", "g2,5"), d.terms());
  }

  @Test
  void nonFiniteSpellingsAreNotNumbers() {
    for (String v : List.of("Inf", "-Inf", "inf", "Infinity", "-Infinity", "+Inf")) {
      assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,0\n" + v + ",1\n3,0\n"),
          NAME + ":3: column \"x\": \"" + v + "\" is not a finite number; logitlab reads finite numbers"
              + " only (add --na " + v + " if it marks a missing value)");
    }
    // a marker the user names is a missing value
    DesignMatrix d = load(dir, "x,y\n1,0\nInf,1\n3,0\n4,1\n",
        new ModelSpec(null, null, Map.of(), null, Set.of("Inf")));
    assertEquals(3, d.n());
  }

  @Test
  void negativeZeroAndUnderflowAreZero() {
    DesignMatrix d = load(dir, "x,y\n-0,-0\n1e-999,1\n2,0\n3,1\n");
    assertArrayEquals(new double[] {-0.0, 0, 2, 3}, col(d, 1));
    assertArrayEquals(new double[] {0, 1, 0, 1}, d.y());
  }

  @Test
  void columnsBeyondTheFitsRangeAskForRescaling() {
    assertError(Kind.NOT_FITTABLE, () -> load(dir, "x,y\n1e300,0\n2e300,1\n3e300,0\n"),
        NAME + ":4: column \"x\" has values as large as 3E+300; logitlab fits numeric columns whose"
            + " largest absolute value lies between 1e-100 and 1e100: rescale the column");
    assertError(Kind.NOT_FITTABLE, () -> load(dir, "x,y\n1e-300,0\n-2e-300,1\n0,0\n"),
        NAME + ":3: column \"x\" has no value larger than 2E-300 in size");
    // the limits themselves, and zeros, are fine
    assertEquals(3, load(dir, "x,y\n1e100,0\n-1e100,1\n0,0\n").n());
    assertEquals(3, load(dir, "x,y\n1e-100,0\n0,1\n0,0\n").n());
    assertEquals(3, load(dir, "x,y\n0,0\n0,1\n0,0\n").n());
  }

  @Test
  void messagesShowValuesOnOneLineAndShort() {
    assertEquals("\"a\\nb\\tc\\u0000\"", Text.quote("a\nb\tc\0"));
    String shown = Text.escape("x".repeat(5000));
    assertTrue(shown.endsWith("... (5000 characters)"), shown);
    assertTrue(shown.length() < 100, shown);
    assertEquals("\\u200B\\u2028", Text.escape("\u200B\u2028"));
    assertEquals("\uD83D\uDE00", Text.escape("\uD83D\uDE00")); // a valid surrogate pair is kept
    assertEquals("\\uD83D", Text.escape("\uD83D"));
    String many = Text.list(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "c" + i).toList());
    assertTrue(many.endsWith("c19, ... (50 in all)"), many);
  }

  @Test
  void aLongValueInAMessageIsCutShort() {
    String v = "q".repeat(10_000);
    DataException e = assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,0\n" + v + ",1\n"),
        NAME + ":3: column \"x\": \"" + "q".repeat(60) + "... (10000 characters)\" is not a number");
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }

  @Test
  void distinctCounterCountsExactlyInBoundedMemory() {
    DistinctCounter c = new DistinctCounter();
    for (int i = 0; i < 300_000; i++) {
      c.add("v" + (i % 123_457));
    }
    assertEquals(123_457, c.count());
    assertFalse(c.full());
    DistinctCounter big = new DistinctCounter();
    for (int i = 0; i < DistinctCounter.CAP + 10; i++) {
      big.add(Integer.toString(i));
    }
    assertEquals(DistinctCounter.CAP, big.count());
    assertTrue(big.full());
  }
}
