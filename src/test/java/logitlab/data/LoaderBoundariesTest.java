package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.load;
import static logitlab.data.TestCsv.spec;
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

/**
 * The loader at the edges of its rules (issue 11: each found by a mutant that no test noticed): a
 * weights or trials column that is the file's first, values at the size limits, the reported line
 * when a limit is hit twice, the identifier heuristic at 20 rows, outcome hints and ordinals in
 * messages.
 */
class LoaderBoundariesTest {
  @TempDir Path dir;

  // ---- weights and trials

  @Test
  void weightsAndTrialsMayBeTheFirstColumn() {
    DesignMatrix w = load(dir, "w,x,y\n2,1,0\n0.5,2,1\n1,3,1\n3,4,0\n", spec("y", List.of("x")).withWeights("w", null));
    assertArrayEquals(new double[] {2, 0.5, 1, 3}, w.weights(), 0);
    assertEquals("w", w.weighting().weightsColumn());
    DesignMatrix t = load(dir, "n,x,s\n4,1,0\n4,2,3\n2,3,2\n", spec("s", List.of("x")).withWeights(null, "n"));
    assertArrayEquals(new double[] {4, 4, 2}, t.weights(), 0);
    assertArrayEquals(new double[] {0, 0.75, 1}, t.y(), 1e-15);
    assertEquals("n", t.weighting().trialsColumn());
    assertEquals(new DesignMatrix.Outcome("s", "success", "failure"), t.outcome());
  }

  @Test
  void weightsTrialsAndCountsMustBeNumbers() {
    ModelSpec grouped = spec("s", List.of("x")).withWeights(null, "n");
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,s,n\n1,0,four\n2,1,two\n", grouped),
        NAME + ": --trials column \"n\" must hold numbers, but none of its values is a number");
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,s,n\n1,none,4\n2,one,2\n", grouped),
        NAME + ": outcome (success counts with --trials) column \"s\" must hold numbers");
    assertError(Kind.BAD_INPUT,
        () -> load(dir, "x,w,y\n1,heavy,0\n2,light,1\n", spec("y", List.of("x")).withWeights("w", null)),
        NAME + ": --weights column \"w\" must hold numbers, but none of its values is a number");
  }

  @Test
  void weightsAndTrialsBeyondTheFitsRangeAreRefused() {
    // 1e101 trials (a whole number as a double) and 1e101 weights: their products overflow in the fits
    DataException t = assertError(Kind.NOT_FITTABLE,
        () -> load(dir, "x,s,n\n1,0,4\n2,1,1e101\n3,1,2\n", spec("s", List.of("x")).withWeights(null, "n")),
        NAME + ":3: column \"n\" has values as large as 1E+101");
    assertTrue(t.getMessage().contains("between 1e-100 and 1e100"), t.getMessage());
    assertError(Kind.NOT_FITTABLE,
        () -> load(dir, "x,w,y\n1,1,0\n2,2e101,1\n3,1,1\n", spec("y", List.of("x")).withWeights("w", null)),
        NAME + ":3: column \"w\" has values as large as 2E+101");
  }

  @Test
  void theFirstRowAtTheLargestSizeIsNamed() {
    // -2e101 on line 3 and 2e101 on line 4 are equally large: the message names the first
    assertError(Kind.NOT_FITTABLE, () -> load(dir, "x,y\n1,0\n-2e101,1\n2e101,0\n4,1\n"),
        NAME + ":3: column \"x\" has values as large as -2E+101");
  }

  // ---- read notes

  @Test
  void aTextColumnWithoutEmptyFieldsHasNoEmptyFieldNote() {
    DesignMatrix d = load(dir, "g,y\na,0\nb,1\na,1\nb,0\n");
    assertEquals(Map.of(), d.notes().emptyAsMissing());
    assertEquals(List.of("(Intercept)", "gb"), d.terms());
  }

  @Test
  void anIdentifierNeedsMoreThanTwentyRowsAndNoRepeatedValue() {
    StringBuilder twenty = new StringBuilder("id,y\n");
    for (int i = 0; i < DesignMatrixLoader.IDENTIFIER_MIN_ROWS; i++) {
      twenty.append(1000 + i).append(',').append(i % 2).append('\n');
    }
    assertEquals(List.of(), load(dir, twenty.toString()).notes().identifierLike());
    String more = twenty + "1020,1\n";
    assertEquals(List.of("id"), load(dir, more).notes().identifierLike());
    // 30 whole numbers spanning more than 30 values, one repeated far from its twin: not an identifier
    StringBuilder repeat = new StringBuilder("id,y\n");
    for (int i = 1; i <= 28; i++) {
      repeat.append(i).append(',').append(i % 2).append('\n');
    }
    repeat.append("100,1\n5,0\n");
    assertEquals(List.of(), load(dir, repeat.toString()).notes().identifierLike());
  }

  // ---- outcomes

  @Test
  void labelsThatAreNotATrueFalsePairTakeTheSecondAsTheEvent() {
    // "TRUE" sorts first; with "yes" the pair is not TRUE/FALSE, so the event is the second label
    DesignMatrix d = load(dir, "x,y\n1,TRUE\n2,yes\n3,yes\n4,TRUE\n");
    assertEquals(new DesignMatrix.Outcome("y", "yes", "TRUE"), d.outcome());
    assertArrayEquals(new double[] {0, 1, 1, 0}, d.y(), 0);
  }

  @Test
  void exactlyTenOutcomeValuesAreAllListed() {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i).append(',').append(i).append('\n');
    }
    DataException e = assertError(Kind.BAD_INPUT, () -> load(dir, csv.toString()),
        NAME + ": outcome \"y\" has 10 values after dropping missing rows: 0 (1 row), 1 (1 row)",
        "9 (1 row); it must have exactly two");
    assertFalse(e.getMessage().contains("values in all"), e.getMessage());
  }

  @Test
  void countsFromZeroAndTrialsEqualToTheCountStillGetTheHint() {
    // dead = 0, 3, 5 and 10 of n = 10: n fits (n >= dead on every row, with equality on the last)
    DataException e = assertError(Kind.BAD_INPUT,
        () -> load(dir, "n,dose,dead\n10,1,0\n10,2,3\n10,3,5\n10,4,10\n"),
        NAME + ": outcome \"dead\" has 4 values after dropping missing rows");
    assertTrue(e.getMessage().endsWith("If \"dead\" counts successes out of the trials in column \"n\""
        + " (grouped binomial data), add --trials n"), e.getMessage());
  }

  @Test
  void tooManyOutcomeValuesHintAtTrialsOnlyForCounts() {
    ModelSpec two = ModelSpec.defaults().withMaxLevels(2);
    String hint = ". If it counts successes (grouped binomial data), name the column of trials with --trials COL";
    // the third distinct value is what the message quotes and what decides the hint
    DataException counts = assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,1\n2,2\n3,0\n4,1\n", two),
        NAME + ": outcome \"y\" has 3 distinct values (the 3rd, \"0\", is on line 4)");
    assertTrue(counts.getMessage().endsWith(hint), counts.getMessage());
    for (String third : List.of("-3", "2.5", "many")) {
      DataException e = assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,0\n2,1\n3," + third + "\n", two),
          "(the 3rd, \"" + third + "\", is on line 4)");
      assertTrue(e.getMessage().endsWith("(0/1, TRUE/FALSE or two labels)"), e.getMessage());
    }
  }

  @Test
  void theValuePastTheLimitIsCountedInEnglish() {
    // 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 112th
    int[] limits = {2, 3, 10, 11, 12, 20, 21, 22, 100, 111};
    String[] ordinals = {"3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "112th"};
    for (int k = 0; k < limits.length; k++) {
      int max = limits[k];
      StringBuilder csv = new StringBuilder("g,y\n");
      for (int i = 0; i <= max; i++) {
        csv.append('g').append(i).append(',').append(i % 2).append('\n');
      }
      assertError(Kind.BAD_INPUT, () -> load(dir, csv.toString(), ModelSpec.defaults().withMaxLevels(max)),
          "(the " + ordinals[k] + ", \"g" + max + "\", is on line " + (max + 2) + ")");
    }
  }

  // ---- columns

  @Test
  void aLineBreakAtTheStartOfAModelValueIsCaught() {
    for (String brk : List.of("\n", "\r", "\r\n")) {
      DataException e = assertError(Kind.BAD_INPUT,
          () -> load(dir, "x,y\n1,0\n\"" + brk + "2\",1\n3,1\n"), NAME + ":3: column \"x\": the value ");
      assertTrue(e.getMessage().contains("spans several lines: is a closing quote (\") missing?"), e.getMessage());
    }
  }

  @Test
  void rowsMissingBeforeTheFirstTextValueStayMissing() {
    DesignMatrix d = load(dir, "g,y\nNA,0\nNA,1\na,0\nb,1\na,1\nb,0\n");
    assertEquals(4, d.n());
    assertEquals(Map.of("g", 2), d.droppedByColumn());
    assertEquals(List.of("a", "b"), d.predictors().get(0).levels());
  }

  @Test
  void anEmptyFirstRowBecomesTheEmptyLevelAndIsNotCountedMissing() {
    ModelSpec empty = ModelSpec.defaults().withEmptyLevel(true);
    DesignMatrix d = load(dir, "g,y\n,0\nb,1\na,0\n,1\nNA,1\nb,0\n", empty);
    assertEquals(5, d.n());
    assertEquals(Map.of("g", 1), d.droppedByColumn()); // the NA only
    assertEquals(List.of(ModelSpec.EMPTY_LEVEL, "a", "b"), d.predictors().get(0).levels());
  }

  @Test
  void theEmptyLevelSortsFirstEvenBeforePunctuation() {
    ModelSpec empty = ModelSpec.defaults().withEmptyLevel(true);
    DesignMatrix d = load(dir, "g,y\n#1,0\n&x,1\n,0\n#1,1\n&x,0\n,1\n", empty);
    assertEquals(List.of(ModelSpec.EMPTY_LEVEL, "#1", "&x"), d.predictors().get(0).levels());
  }

  @Test
  void theEmptyLevelAfterSixteenOthers() {
    // 16 distinct values fill the column's first table of strings; the empty level is the 17th
    StringBuilder csv = new StringBuilder("g,y\n");
    for (int i = 0; i < 16; i++) {
      csv.append((char) ('a' + i)).append(',').append(i % 2).append('\n');
    }
    csv.append(",1\n,0\n");
    DesignMatrix d = load(dir, csv.toString(), ModelSpec.defaults().withEmptyLevel(true));
    assertEquals(18, d.n());
    List<String> levels = d.predictors().get(0).levels();
    assertEquals(17, levels.size());
    assertEquals(ModelSpec.EMPTY_LEVEL, levels.get(0));
    assertEquals("p", levels.get(16));
  }

  @Test
  void aFactorWhoseOnlyTextIsInDroppedRowsIsNumeric() {
    // "x" is only on a row dropped for its missing outcome: the levels 10 and 2 sort as numbers
    DesignMatrix d = load(dir, "g,y\n10,0\n2,1\nx,NA\n10,1\n2,0\n",
        new ModelSpec("y", List.of("g"), Map.of("g", ""), null, Set.of()));
    assertEquals(List.of("2", "10"), d.predictors().get(0).levels());
    assertEquals(List.of("(Intercept)", "g10"), d.terms());
  }

  // ---- the roles of columns

  @Test
  void aColumnHasOneRoleOnly() {
    ModelSpec y = spec("y", List.of("x"));
    String csv = "w,x,y\n1,1,0\n2,2,1\n";
    assertError(Kind.USAGE, () -> load(dir, csv, y.withWeights("y", null)),
        NAME + ": \"y\" is the outcome; it cannot also be the --weights column");
    assertError(Kind.USAGE, () -> load(dir, csv, y.withWeights(null, "y")),
        NAME + ": \"y\" is the outcome; it cannot also be the --trials column");
    assertError(Kind.USAGE, () -> load(dir, csv, y.withWeights("w", "w")),
        NAME + ": \"w\" cannot be both the --weights and the --trials column");
    assertError(Kind.USAGE, () -> load(dir, csv, spec("y", List.of("x", "w")).withWeights("w", null)),
        NAME + ": \"w\" is the --weights column; it cannot also be a predictor");
    assertError(Kind.USAGE, () -> load(dir, csv, spec("y", List.of("w")).withWeights(null, "w")),
        NAME + ": \"w\" is the --trials column; it cannot also be a predictor");
  }

  @Test
  void theSpecAndTheDesignSayWhatTheyHold() {
    ModelSpec s = ModelSpec.defaults().withOutcome("x");
    assertEquals("x", s.outcome());
    assertEquals(ModelSpec.DEFAULT_MAX_LEVELS, s.maxLevels());
    java.util.Map<String, String> nullKey = new java.util.HashMap<>();
    nullKey.put(null, "a");
    NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> new ModelSpec("y", null, nullKey, null, Set.of()));
    assertEquals("factor column", e.getMessage());
    DesignMatrix d = load(dir, "x,y\n1,0\n2,1\n3,1\n4,1\n", s.withOutcome("y"));
    assertEquals(3, d.events());
    assertTrue(d.weighting().none());
    DesignMatrix w = load(dir, "x,y,w\n1,0,1\n2,1,2\n3,1,1\n", spec("y", List.of("x")).withWeights("w", null));
    assertFalse(w.weighting().none());
    assertFalse(new DesignMatrix.Weighting(null, "n").none());
  }
}
