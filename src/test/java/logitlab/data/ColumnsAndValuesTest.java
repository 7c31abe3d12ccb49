package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.col;
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

/** Choosing columns, reading numbers, missing values, and the layout of the design matrix. */
class ColumnsAndValuesTest {
  @TempDir Path dir;

  private static final String AGE_CIGS = "age,cigs,disease\n30,0,0\n40,10,1\n50,20,1\n60,0,0\n";

  @Test
  void defaultsAreLastColumnOutcomeAndAllOthersInFileOrder() {
    DesignMatrix d = load(dir, AGE_CIGS);
    assertEquals("disease", d.outcome().column());
    assertEquals(List.of("(Intercept)", "age", "cigs"), d.terms());
    assertEquals(4, d.n());
    assertEquals(3, d.p());
    assertArrayEquals(new double[] {1, 1, 1, 1}, col(d, 0));
    assertArrayEquals(new double[] {30, 40, 50, 60}, col(d, 1));
    assertArrayEquals(new double[] {0, 10, 20, 0}, col(d, 2));
    assertArrayEquals(new double[] {0, 1, 1, 0}, d.y());
    assertEquals(45.0, d.predictors().get(0).mean(), 1e-12);
    assertEquals(1, d.predictors().get(0).firstTerm());
    assertEquals(2, d.predictors().get(1).firstTerm());
  }

  @Test
  void predictorsInTheGivenOrder() {
    DesignMatrix d = load(dir, AGE_CIGS, spec("disease", List.of("cigs", "age")));
    assertEquals(List.of("(Intercept)", "cigs", "age"), d.terms());
    assertArrayEquals(new double[] {30, 40, 50, 60}, col(d, 2));
  }

  @Test
  void outcomeNeedNotBeLast() {
    DesignMatrix d = load(dir, "y,a,b\n0,1,2\n1,3,4\n", spec("y", null));
    assertEquals(List.of("(Intercept)", "a", "b"), d.terms());
  }

  @Test
  void unknownColumnsListTheColumns() {
    String cols = "; columns are: age, cigs, disease";
    assertError(Kind.USAGE, () -> load(dir, AGE_CIGS, spec("diseas", null)),
        NAME + ": no column \"diseas\" (did you mean \"disease\"?)" + cols);
    assertError(Kind.USAGE, () -> load(dir, AGE_CIGS, spec(null, List.of("agee"))),
        NAME + ": no column \"agee\" (did you mean \"age\"?)" + cols);
    assertError(Kind.USAGE, () -> load(dir, AGE_CIGS, spec(null, List.of("height"))),
        NAME + ": no column \"height\"" + cols);
    ModelSpec factor = new ModelSpec(null, null, Map.of("race", "1"), null, Set.of());
    assertError(Kind.USAGE, () -> load(dir, AGE_CIGS, factor), NAME + ": no column \"race\"" + cols);
  }

  @Test
  void outcomeAsPredictorIsAUsageError() {
    assertError(
        Kind.USAGE,
        () -> load(dir, AGE_CIGS, spec("disease", List.of("age", "disease"))),
        "\"disease\" is the outcome");
    assertError(
        Kind.USAGE, () -> load(dir, AGE_CIGS, spec("disease", List.of("age", "age"))), "\"age\" is listed twice");
  }

  @Test
  void numbersAreTrimmedAndReadAsCsvUsersMeanThem() {
    DesignMatrix d = load(dir, "x,y\n 1.5 ,0\n-2e3,1\n.5,0\n+7.,1\n");
    assertArrayEquals(new double[] {1.5, -2000, 0.5, 7}, col(d, 1));
  }

  @Test
  void javaOnlyNumberFormsAreText() {
    for (String s : List.of("0x1p3", "1d", "2f", "Infinity", "-Infinity", "NaN", "1e", "e5", ".", "1 000")) {
      assertFalse(Numbers.looksNumeric(s), s);
    }
    for (String s : List.of("0", "-1", "+1", "1.", ".1", "1e5", "1E-5", "1.5e+10", "007")) {
      assertTrue(Numbers.looksNumeric(s), s);
    }
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "x,y\n1,0\n1d,1\n"),
        NAME + ":3: column \"x\": \"1d\" is not a number");
  }

  @Test
  void mixedColumnMessageIsExact() {
    StringBuilder csv = new StringBuilder("age,y\n");
    for (int i = 2; i < 17; i++) {
      csv.append(20 + i).append(',').append(i % 2).append('\n');
    }
    csv.append("n/a,1\n20,0\nunknown,1\n");
    DataException e = assertError(Kind.BAD_INPUT, () -> load(dir, csv.toString()));
    assertEquals(
        "data/x.csv:17: column \"age\": \"n/a\" is not a number (other rows are; add --na n/a if it"
            + " marks a missing value, or --factor age to treat the column as categorical)",
        e.getMessage());
  }

  @Test
  void textBeforeNumbersStillNamesTheFirstTextValue() {
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "age,y\n,0\nold,1\n30,0\n"),
        NAME + ":3: column \"age\": \"old\" is not a number (other rows are;");
  }

  @Test
  void nanTextSuggestsNaMarker() {
    String csv = "x,y\n1,0\nNaN,1\n2,1\n3,0\n";
    assertError(Kind.BAD_INPUT, () -> load(dir, csv), NAME + ":3: column \"x\": \"NaN\"", "add --na NaN");
    DesignMatrix d = load(dir, csv, new ModelSpec(null, null, Map.of(), null, Set.of("NaN")));
    assertEquals(3, d.n());
    assertEquals(Map.of("x", 1), d.droppedByColumn());
  }

  @Test
  void hugeNumberIsOutOfRange() {
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,0\n1e999,1\n"), NAME + ":3: column \"x\": \"1e999\" is out of range");
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "x,y\n1,0\n2,-1e999\n"),
        NAME + ":3: column \"y\": \"-1e999\" is out of range");
  }

  @Test
  void rowsMissingAUsedValueAreDroppedAndCounted() {
    String csv =
        "a,b,note,y\n"
            + "1,2,,0\n" // line 2: note missing, unused: kept
            + "NA,3,x,1\n" // 3: a missing
            + "2,,x,\n" // 4: b and y missing: one row, counted under y and b
            + "3,4,x,1\n" // 5
            + "4,5,x,NA\n" // 6: y missing
            + "5,6,x,0\n"; // 7
    DesignMatrix d = load(dir, csv, spec("y", List.of("a", "b")));
    assertEquals(6, d.rowsRead());
    assertEquals(3, d.n());
    assertEquals(3, d.rowsDropped());
    assertArrayEquals(new int[] {2, 5, 7}, d.lines());
    assertEquals(List.of("y", "a", "b"), List.copyOf(d.droppedByColumn().keySet()));
    assertEquals(Map.of("y", 2, "a", 1, "b", 1), d.droppedByColumn());
  }

  @Test
  void customMissingMarkers() {
    DesignMatrix d =
        load(dir, "x,y\n1,0\n-99,1\n?,1\n4,1\n", new ModelSpec(null, null, Map.of(), null, Set.of("-99", "?")));
    assertEquals(2, d.n());
    assertArrayEquals(new double[] {1, 4}, col(d, 1));
  }

  @Test
  void missingInUnusedColumnNeverDrops() {
    DesignMatrix d = load(dir, "id,x,y\n,1,0\nNA,2,1\n", spec("y", List.of("x")));
    assertEquals(2, d.n());
    assertEquals(0, d.rowsDropped());
    assertTrue(d.droppedByColumn().isEmpty());
  }

  @Test
  void unusedColumnsAreNotTypeChecked() {
    DesignMatrix d = load(dir, "mess,x,y\n1,1,0\nabc,2,1\n1e999,3,0\n", spec("y", List.of("x")));
    assertEquals(3, d.n());
  }

  @Test
  void allRowsDroppedIsNotFittable() {
    assertError(
        Kind.NOT_FITTABLE,
        () -> load(dir, "x,z,y\n,1,0\n1,,1\n", spec("y", List.of("x", "z"))),
        NAME + ": all 2 rows were dropped for missing values (\"x\": 1, \"z\": 1)");
    assertError(
        Kind.NOT_FITTABLE,
        () -> load(dir, "x,y\n1,\n2,NA\n"),
        NAME + ": outcome \"y\" has no values: it is missing in all 2 rows");
    assertError(
        Kind.NOT_FITTABLE,
        () -> load(dir, "x,z,y\n,1,0\nNA,2,1\n"),
        NAME + ": column \"x\" has no values: it is missing in all 2 rows; leave it out");
  }

  @Test
  void interceptOnlyModel() {
    DesignMatrix d = load(dir, "x,y\n1,0\n2,1\n", spec("y", List.of()));
    assertEquals(List.of("(Intercept)"), d.terms());
    assertEquals(1, d.p());
  }
}
