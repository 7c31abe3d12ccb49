package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New records coded by the training data's rules ({@code predict}): the design row R's
 * {@code model.matrix(~ age + race + sex)} gives with the training levels (treatment coding, the
 * reference first), or the reason the record cannot be scored.
 */
class RowCoderTest {
  @TempDir Path dir;
  private DesignMatrix design;
  private final List<String> header = List.of("id", "sex", "age", "race");

  @BeforeEach
  void load() {
    // race is numeric but a factor: levels 1, 2, 3 by value; sex text: f (reference), m
    String csv = "age,race,sex,y\n30,1,f,0\n40,2,m,1\n50,3,f,1\n45,1,m,0\n35,2.0,f,1\n";
    design = TestCsv.load(dir, csv, new ModelSpec("y", List.of("age", "race", "sex"), Map.of("race", ""), null,
        Set.of()));
    assertEquals(List.of("(Intercept)", "age", "race2", "race3", "sexm"), design.terms());
  }

  private RowCoder coder(Set<String> na, char decimal) {
    return new RowCoder(design, header, na, "new.csv", decimal);
  }

  private RowCoder coder() {
    return new RowCoder(design, header, Set.of(), "new.csv");
  }

  @Test
  void aRecordBecomesTheTreatmentCodedRow() {
    RowCoder.Coded c = coder().code(new String[] {"7", "m", " 61.5 ", "3"});
    assertTrue(c.ok());
    assertNull(c.reason());
    assertArrayEquals(new double[] {1, 61.5, 0, 1, 1}, c.row());
    // the reference levels code as all zeros; the intercept is always 1
    assertArrayEquals(new double[] {1, 20, 0, 0, 0}, coder().code(new String[] {"8", "f", "20", "1"}).row());
    assertArrayEquals(new double[] {1, 0, 1, 0, 0}, coder().code(new String[] {"9", "f", "0", "2"}).row());
  }

  @Test
  void numericLevelsMatchByValue() {
    assertArrayEquals(new double[] {1, 1, 1, 0, 0}, coder().code(new String[] {"", "f", "1", "2.00"}).row());
    assertArrayEquals(new double[] {1, 1, 0, 1, 0}, coder().code(new String[] {"", "f", "1", "3e0"}).row());
    RowCoder.Coded c = coder().code(new String[] {"", "f", "1", "2.5"});
    assertFalse(c.ok());
    assertNull(c.row());
    assertEquals("\"race\": \"2.5\" is not a level of the training data (1, 2, 3)", c.reason());
  }

  @Test
  void aDecimalCommaIsReadInNumbersAndNumericLevels() {
    RowCoder comma = coder(Set.of(), ',');
    assertArrayEquals(new double[] {1, 61.5, 1, 0, 0}, comma.code(new String[] {"", "f", "61,5", "2,0"}).row());
    assertEquals("\"age\": \"61.5\" is not a number with --decimal ','",
        comma.code(new String[] {"", "f", "61.5", "1"}).reason());
    assertEquals("\"age\": \"6x\" is not a number", coder().code(new String[] {"", "f", "6x", "1"}).reason());
  }

  @Test
  void missingValuesAndUnknownLevelsAreReasonsNamingTheColumn() {
    RowCoder na = coder(Set.of(" n/a "), '.');
    assertEquals("missing value in \"age\"", na.code(new String[] {"", "f", "n/a", "1"}).reason());
    assertEquals("missing value in \"age\"", na.code(new String[] {"", "f", "NA", "1"}).reason());
    assertEquals("missing value in \"sex\"", na.code(new String[] {"", " ", "3", "1"}).reason());
    assertEquals("\"sex\": \"x\" is not a level of the training data (f, m)",
        na.code(new String[] {"", "x", "3", "1"}).reason());
    // every problem of the record, in the model's predictor order
    assertEquals("\"age\": \"old\" is not a number; \"race\": \"9\" is not a level of the training data (1, 2, 3); "
        + "missing value in \"sex\"", na.code(new String[] {"", "", "old", "9"}).reason());
    // a short record: the fields it lacks are missing
    assertEquals("missing value in \"age\"; missing value in \"race\"", na.code(new String[] {"", "f"}).reason());
  }

  @Test
  void numbersBeyondTheFitsRangeAreRefused() {
    assertArrayEquals(new double[] {1, 1e100, 0, 0, 0}, coder().code(new String[] {"", "f", "1e100", "1"}).row());
    assertArrayEquals(new double[] {1, -1e100, 0, 0, 0}, coder().code(new String[] {"", "f", "-1e100", "1"}).row());
    assertEquals("\"age\": \"1.0000001e100\" is out of range (at most 1e100 in size)",
        coder().code(new String[] {"", "f", "1.0000001e100", "1"}).reason());
    assertEquals("\"age\": \"-2e100\" is out of range (at most 1e100 in size)",
        coder().code(new String[] {"", "f", "-2e100", "1"}).reason());
  }

  @Test
  void anEmptyFieldIsTheEmptyLevelWhenTheModelWasTrainedWithOne() {
    String csv = "region,y\nnorth,0\n,1\nsouth,1\n,0\nnorth,1\nsouth,0\n";
    DesignMatrix d = TestCsv.load(dir, csv, new ModelSpec("y", List.of("region"), Map.of(), null, Set.of())
        .withEmptyLevel(true));
    List<String> levels = d.predictors().get(0).levels();
    assertEquals(ModelSpec.EMPTY_LEVEL, levels.get(0));
    RowCoder c = new RowCoder(d, List.of("region"), Set.of(), "new.csv");
    assertArrayEquals(new double[] {1, 0, 0}, c.code(new String[] {" "}).row());
    assertArrayEquals(new double[] {1, 0, 1}, c.code(new String[] {"south"}).row());
    assertArrayEquals(new double[] {1, 0, 0}, c.code(new String[] {}).row());
    // without an empty level an empty field is missing (checked above for "sex")
  }

  @Test
  void aMissingPredictorColumnIsAUsageErrorListingTheColumns() {
    DataException one = assertThrows(DataException.class,
        () -> new RowCoder(design, List.of("age", "sex"), Set.of(), "new.csv"));
    assertEquals(DataException.Kind.USAGE, one.kind());
    assertEquals("new.csv: no column \"race\" (a predictor of the model); columns are: age, sex", one.getMessage());
    DataException two = assertThrows(DataException.class,
        () -> new RowCoder(design, List.of("sex"), Set.of(), "new.csv"));
    assertEquals("new.csv: no columns \"age\", \"race\" (a predictor of the model); columns are: sex",
        two.getMessage());
  }
}
