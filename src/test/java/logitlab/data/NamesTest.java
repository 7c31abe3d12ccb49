package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggestion for a misspelt column at the length limits of its rule, and edit distances from scratch. */
class NamesTest {
  @Test
  void theAllowedEditsStepUpAfterTwoAndAfterFourCharacters() {
    List<String> names = List.of("age", "region", "income");
    assertNull(Names.closest("ag", names)); // 2 characters: case only
    assertEquals("age", Names.closest("agw", names)); // 3: one edit
    assertNull(Names.closest("rgon", names)); // 4: one edit, and "region" is two away
    assertEquals("income", Names.closest("incme", names)); // 5: two edits
    assertEquals("rega", Names.closest("regn", List.of("region", "rega", "regi"))); // a tie goes to the first
  }

  @Test
  void distancesToAndFromTheEmptyString() {
    assertEquals(3, Names.distance("", "abc", 10));
    assertEquals(3, Names.distance("abc", "", 10));
    assertEquals(3, Names.distance("x", "abc", 10));
    assertEquals(1, Names.distance("ab", "abc", 10));
    assertEquals(0, Names.distance("abc", "abc", 10));
  }
}
