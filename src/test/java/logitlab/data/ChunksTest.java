package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A column past the heap budget: its full chunks go to the spill file and read back the same. */
class ChunksTest {

  @Test
  void spilledChunksReadBack() {
    int n = 3 * Chunks.SIZE + 17;
    Chunks d = Spill.withBudget(0, () -> Chunks.doubles(Spill.policy(), "test"));
    Chunks k = Spill.withBudget(Chunks.SIZE * 4L, () -> Chunks.ints(Spill.policy(), "test"));
    for (int i = 0; i < n; i++) {
      d.add(i * 0.5 - 7);
      k.add(i % 1000 - 1);
    }
    assertEquals(n, d.size());
    assertEquals(3, d.spilled());
    assertTrue(k.spilled() >= 2, "one chunk of ints fits the budget, the rest spill");
    for (int i = 0; i < n; i += 997) {
      assertEquals(i * 0.5 - 7, d.getDouble(i));
      assertEquals(i % 1000 - 1, k.getInt(i));
    }
    assertEquals((n - 1) * 0.5 - 7, d.getDouble(n - 1));
  }

  /** A text column whose empty fields become a level after reading, across spilled chunks. */
  @Test
  void anAdoptedEmptyLevelReadsThroughSpilledCodes() {
    Column c = Spill.withBudget(0, () -> new Column("f.csv", "g", Set.of(), false, 10));
    int n = Chunks.SIZE + 100;
    for (int i = 0; i < n; i++) {
      c.add(i % 3 == 0 ? "" : i % 3 == 1 ? "a" : "b", i + 2);
    }
    int empty = (n + 2) / 3;
    assertEquals(empty, c.missingCount());
    assertTrue(c.isMissing(Chunks.SIZE + 3 - (Chunks.SIZE + 3) % 3));
    c.adoptEmpty();
    assertEquals(0, c.missingCount());
    int row = Chunks.SIZE + 99 - (Chunks.SIZE + 99) % 3; // an empty row in the second chunk
    assertEquals(c.emptyCode(), c.code(row));
    assertEquals(c.emptyCode(), c.code(0));
    assertEquals(0, c.code(1)); // "a", first seen
    assertTrue(!c.isMissing(row));
  }
}
