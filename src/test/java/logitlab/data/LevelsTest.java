package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The levels of a categorical column as documented on {@link Levels}: counts over the rows in use,
 * -1 for a code seen only in rows not in use, and the same counts and values after the reference
 * level is moved to the front. The column's distinct-value count past the cap.
 */
class LevelsTest {
  private static Column column(String... values) {
    Column c = new Column("f.csv", "g", Set.of(), false, 100);
    for (int i = 0; i < values.length; i++) {
      c.add(values[i], i + 2);
    }
    return c;
  }

  @Test
  void levelsCountTheRowsInUseAndForgetCodesOnlyInOtherRows() {
    // codes in order of appearance: 3 -> 0, 1 -> 1, 7 -> 2, 2 -> 3
    Column c = column("3", "1", "7", "2", "1", "3", "1");
    boolean[] keep = {true, true, false, true, true, true, true};
    Levels l = Levels.of(c, keep);
    assertEquals(List.of("1", "2", "3"), l.labels());
    assertTrue(l.numeric());
    assertArrayEquals(new int[] {3, 1, 2}, l.counts());
    assertArrayEquals(new double[] {1, 2, 3}, l.values(), 0);
    assertArrayEquals(new int[] {2, 0, -1, 1}, l.codeToLevel());
    assertEquals(-1, l.find("7"));
    assertEquals(0, l.find(" 1.0 "));
    assertEquals(2, l.find("3"));
  }

  @Test
  void movingTheReferenceFirstKeepsEachLevelsCountAndValue() {
    Column c = column("3", "1", "7", "2", "1", "3", "1");
    Levels l = Levels.of(c, new boolean[] {true, true, false, true, true, true, true}).withFirst(2);
    assertEquals(List.of("3", "1", "2"), l.labels());
    assertArrayEquals(new int[] {2, 3, 1}, l.counts());
    assertArrayEquals(new double[] {3, 1, 2}, l.values(), 0);
    assertArrayEquals(new int[] {0, 1, -1, 2}, l.codeToLevel());
    assertEquals(0, l.find("3"));
    assertEquals(2, l.find("2.0"));
    Levels middle = Levels.of(column("a", "b", "c", "b"), new boolean[] {true, true, true, true}).withFirst(1);
    assertEquals(List.of("b", "a", "c"), middle.labels());
    assertArrayEquals(new int[] {2, 1, 1}, middle.counts());
    assertArrayEquals(new int[] {1, 0, 2}, middle.codeToLevel());
    assertFalse(middle.numeric());
  }

  @Test
  void aColumnPastTheCounterCapSaysMoreThan() {
    Column c = new Column("f.csv", "id", Set.of(), false, 10);
    for (int i = 0; i < DistinctCounter.CAP + 5; i++) {
      c.add("v" + i, i + 2);
    }
    assertTrue(c.overflowed());
    assertTrue(c.distinctCapped());
    assertEquals(DistinctCounter.CAP, c.distinctCount());
    Column small = new Column("f.csv", "id", Set.of(), false, 10);
    for (int i = 0; i < 12; i++) {
      small.add("v" + i, i + 2);
    }
    assertTrue(small.overflowed());
    assertFalse(small.distinctCapped());
    assertEquals(12, small.distinctCount());
  }
}
