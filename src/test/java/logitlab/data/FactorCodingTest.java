package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.col;
import static logitlab.data.TestCsv.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Treatment coding of categorical predictors, as R's model.matrix does it. */
class FactorCodingTest {
  @TempDir Path dir;

  private static ModelSpec factors(Map<String, String> factors) {
    return new ModelSpec("y", null, factors, null, Set.of());
  }

  private static Map<String, String> factor(String column, String reference) {
    Map<String, String> m = new HashMap<>();
    m.put(column, reference);
    return m;
  }

  @Test
  void textColumnIsCategoricalWithSortedLevelsAndFirstAsReference() {
    DesignMatrix d = load(dir, "sex,y\nmale,0\nfemale,1\nmale,1\nfemale,0\n");
    assertEquals(List.of("(Intercept)", "sexmale"), d.terms());
    DesignMatrix.Predictor sex = d.predictors().get(0);
    assertTrue(sex.categorical());
    assertEquals(List.of("female", "male"), sex.levels());
    assertEquals("female", sex.reference());
    assertTrue(Double.isNaN(sex.mean()));
    assertArrayEquals(new double[] {1, 0, 1, 0}, col(d, 1));
  }

  @Test
  void stringLevelsSortWithStringCompareTo() {
    DesignMatrix d = load(dir, "agegp,y\n45-54,0\n25-34,1\n35-44,1\n75+,0\n55-64,1\n");
    assertEquals(List.of("25-34", "35-44", "45-54", "55-64", "75+"), d.predictors().get(0).levels());
    assertEquals(
        List.of("(Intercept)", "agegp35-44", "agegp45-54", "agegp55-64", "agegp75+"), d.terms());
    // row 1 is 45-54: a one in column agegp45-54 only
    assertArrayEquals(new double[] {1, 0, 1, 0, 0}, new double[] {d.get(0, 0), d.get(0, 1), d.get(0, 2), d.get(0, 3), d.get(0, 4)});
    // row 2 is the reference: all dummies zero
    assertArrayEquals(new double[] {1, 0, 0, 0, 0}, new double[] {d.get(1, 0), d.get(1, 1), d.get(1, 2), d.get(1, 3), d.get(1, 4)});
    // Upper case sorts before lower case, as String.compareTo does.
    DesignMatrix e = load(dir, "g,y\nb,0\nB,1\na,0\n");
    assertEquals(List.of("B", "a", "b"), e.predictors().get(0).levels());
  }

  @Test
  void numericFactorSortsNumericallyAndKeepsTheWrittenForm() {
    String csv = "race,y\n10,0\n2,1\n1,0\n2.0,1\n10,1\n1,0\n";
    DesignMatrix d = load(dir, csv, factors(factor("race", null)));
    DesignMatrix.Predictor race = d.predictors().get(0);
    assertEquals(List.of("1", "2", "10"), race.levels());
    assertEquals(List.of("(Intercept)", "race2", "race10"), d.terms());
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, col(d, 1)); // 2 and 2.0 are one level
    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, col(d, 2));
    // Without --factor the same column is numeric.
    assertEquals(List.of("(Intercept)", "race"), load(dir, csv).terms());
  }

  @Test
  void blankReferenceMeansTheDefault() {
    DesignMatrix d = load(dir, "race,y\n1,0\n2,1\n3,1\n", factors(Map.of("race", "")));
    assertEquals("1", d.predictors().get(0).reference());
  }

  @Test
  void referenceOverrideGoesFirstAndTheRestStaySorted() {
    DesignMatrix d = load(dir, "race,y\n1,0\n2,1\n3,1\n1,1\n", factors(Map.of("race", "2")));
    assertEquals(List.of("2", "1", "3"), d.predictors().get(0).levels());
    assertEquals(List.of("(Intercept)", "race1", "race3"), d.terms());
    assertArrayEquals(new double[] {1, 0, 0, 1}, col(d, 1));
    assertArrayEquals(new double[] {0, 0, 1, 0}, col(d, 2));
    // A numeric reference matches by value; a text column's reference by text.
    assertEquals("2", load(dir, "race,y\n1,0\n2,1\n", factors(Map.of("race", "2.0"))).predictors().get(0).reference());
    DesignMatrix s = load(dir, "sex,y\nmale,0\nfemale,1\n", factors(Map.of("sex", "male")));
    assertEquals(List.of("(Intercept)", "sexfemale"), s.terms());
  }

  @Test
  void unknownReferenceListsTheLevels() {
    assertError(
        Kind.USAGE,
        () -> load(dir, "race,y\n1,0\n2,1\n3,1\n", factors(Map.of("race", "4"))),
        NAME + ": reference level \"4\" is not a level of column \"race\"; levels are: 1, 2, 3");
  }

  @Test
  void levelsOnlyInDroppedRowsAreNotLevels() {
    DesignMatrix d = load(dir, "g,x,y\na,1,0\nb,2,1\nc,NA,1\na,3,1\n");
    assertEquals(List.of("a", "b"), d.predictors().get(0).levels());
    assertEquals(List.of("(Intercept)", "gb", "x"), d.terms());
    assertEquals(2, d.predictors().get(1).firstTerm());
  }

  @Test
  void oneLevelIsNotFittable() {
    assertError(
        Kind.NOT_FITTABLE,
        () -> load(dir, "g,x,y\na,1,0\nb,NA,1\na,3,1\n"),
        NAME + ": column \"g\" has only one level after dropping missing rows: \"a\"");
  }

  @Test
  void tooManyLevels() {
    StringBuilder csv = new StringBuilder("id,y\n");
    for (int i = 0; i <= DesignMatrixLoader.MAX_LEVELS; i++) {
      csv.append("id").append(i).append(',').append(i % 2).append('\n');
    }
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv.toString()),
        NAME + ": column \"id\" has 1001 distinct values (the 1001st, \"id1000\", is on line 1002);"
            + " a categorical column may have at most 1000 levels (--max-levels)");
  }

  @Test
  void tooManyLevelsCountsThemAllInBoundedMemory() {
    StringBuilder csv = new StringBuilder("id,y\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("id").append(i % 12_345).append(',').append(i % 2).append('\n');
    }
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv.toString(), ModelSpec.defaults().withMaxLevels(10)),
        NAME + ": column \"id\" has 12345 distinct values (the 11th, \"id10\", is on line 12)",
        "at most 10 levels (--max-levels)");
  }

  @Test
  void maxLevelsIsAtLeastTwo() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.defaults().withMaxLevels(1));
    assertTrue(e.getMessage().contains("--max-levels must be at least 2"), e.getMessage());
  }

  @Test
  void manyLevelsWithinTheLimitAreCoded() {
    StringBuilder csv = new StringBuilder("g,y\n");
    for (int i = 0; i < 40; i++) {
      csv.append("g").append(i % 20).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
    }
    DesignMatrix d = load(dir, csv.toString(), ModelSpec.defaults().withMaxLevels(20));
    assertEquals(20, d.p());
  }

  @Test
  void tooManyOutcomeValuesAreCounted() {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 3000; i++) {
      csv.append(i).append(',').append(i).append('\n');
    }
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv.toString()),
        NAME + ": outcome \"y\" has 3000 distinct values",
        "it must have exactly two");
  }

  @Test
  void mixedCategoricalAndNumericPredictorsInOrder() {
    DesignMatrix d =
        load(dir, "age,race,sex,y\n30,1,f,0\n40,2,m,1\n50,3,f,1\n60,1,m,0\n", factors(factor("race", null)));
    assertEquals(List.of("(Intercept)", "age", "race2", "race3", "sexm"), d.terms());
    assertEquals(List.of(1, 2, 4), d.predictors().stream().map(DesignMatrix.Predictor::firstTerm).toList());
    assertEquals(List.of(1, 2, 1), d.predictors().stream().map(DesignMatrix.Predictor::width).toList());
  }

  @Test
  void factorThatIsNotAPredictorHasNoEffect() {
    DesignMatrix d = load(dir, "a,b,y\n1,1,0\n2,2,1\n", new ModelSpec("y", List.of("a"), Map.of("b", "1"), null, Set.of()));
    assertEquals(List.of("(Intercept)", "a"), d.terms());
  }
}
