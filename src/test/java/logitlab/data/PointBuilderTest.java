package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Design rows for predictions at user-given points. */
class PointBuilderTest {
  @TempDir Path dir;
  private DesignMatrix design;

  @BeforeEach
  void load() {
    String csv = "age,cigs,race,sex,y\n30,0,1,f,0\n40,10,2,m,1\n50,20,3,f,1\n45,0,1,m,0\n";
    design = TestCsv.load(dir, csv, new ModelSpec("y", null, Map.of("race", "1"), null, Set.of()));
    assertEquals(List.of("(Intercept)", "age", "cigs", "race2", "race3", "sexm"), design.terms());
  }

  private static Map<String, String> at(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void givenValuesAndDefaults() {
    PointBuilder.Point pt = PointBuilder.build(design, at("cigs", "60", "race", "2"));
    assertArrayEquals(new double[] {1, 41.25, 60, 1, 0, 0}, pt.row());
    assertEquals(List.of("age = 41.25 (mean)", "sex = f (reference)"), pt.defaulted());
    assertEquals("cigs=60, race=2", pt.label());
    assertEquals(Map.of("cigs", "60", "race", "2"), pt.given());
  }

  @Test
  void labelKeepsTheUsersOrder() {
    PointBuilder.Point pt = PointBuilder.build(design, at("sex", "m", "age", " 70 "));
    assertEquals("sex=m, age=70", pt.label());
    assertArrayEquals(new double[] {1, 70, 7.5, 0, 0, 1}, pt.row());
    assertEquals(List.of("cigs = 7.5 (mean)", "race = 1 (reference)"), pt.defaulted());
  }

  @Test
  void allDefaults() {
    PointBuilder.Point pt = PointBuilder.build(design, Map.of());
    assertArrayEquals(new double[] {1, 41.25, 7.5, 0, 0, 0}, pt.row());
    assertEquals("(defaults)", pt.label());
    assertEquals(4, pt.defaulted().size());
  }

  @Test
  void referenceLevelGivenAndNumericLevelByValue() {
    assertArrayEquals(new double[] {1, 41.25, 7.5, 0, 0, 0}, PointBuilder.build(design, at("race", "1")).row());
    assertArrayEquals(new double[] {1, 41.25, 7.5, 0, 1, 0}, PointBuilder.build(design, at("race", "3.0")).row());
  }

  @Test
  void unknownColumnListsPredictors() {
    assertError(
        Kind.USAGE,
        () -> PointBuilder.build(design, at("agee", "3")),
        NAME + ": --at: no predictor \"agee\" to set; predictors are: age, cigs, race, sex");
    assertError(Kind.USAGE, () -> PointBuilder.build(design, at("y", "1")), "no predictor \"y\"");
  }

  @Test
  void numericPredictorNeedsANumber() {
    assertError(
        Kind.USAGE,
        () -> PointBuilder.build(design, at("cigs", "lots")),
        NAME + ": --at: column \"cigs\" is numeric but \"lots\" is not a number");
    assertError(Kind.USAGE, () -> PointBuilder.build(design, at("cigs", "0x10")), "\"0x10\" is not a number");
    assertError(Kind.USAGE, () -> PointBuilder.build(design, at("cigs", "1e999")), "\"1e999\" is out of range");
  }

  @Test
  void unknownLevelListsLevels() {
    assertError(
        Kind.USAGE,
        () -> PointBuilder.build(design, at("race", "4")),
        NAME + ": --at: \"4\" is not a level of column \"race\"; levels are: 1, 2, 3");
    assertError(
        Kind.USAGE, () -> PointBuilder.build(design, at("sex", "F")), "\"F\" is not a level of column \"sex\"; levels are: f, m");
  }

  @Test
  void theReferenceLevelByNameAndNumbersAtTheSizeLimit() {
    PointBuilder.Point pt = PointBuilder.build(design, at("sex", "f", "cigs", "1e100"));
    assertArrayEquals(new double[] {1, 41.25, 1e100, 0, 0, 0}, pt.row());
    assertEquals(List.of("age = 41.25 (mean)", "race = 1 (reference)"), pt.defaulted());
    assertArrayEquals(new double[] {1, 41.25, -1e100, 0, 0, 1},
        PointBuilder.build(design, at("sex", "m", "cigs", "-1e100")).row());
    assertError(Kind.USAGE, () -> PointBuilder.build(design, at("cigs", "1.0000001e100")),
        NAME + ": --at: column \"cigs\": \"1.0000001e100\" is out of range (at most 1e100 in size)");
  }
}
