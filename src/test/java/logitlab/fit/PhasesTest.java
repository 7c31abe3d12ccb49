package logitlab.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Phases}: exclusive times of nested phases, summing, and no effect when off. */
class PhasesTest {
  /** A clock that advances by the given number of nanoseconds whenever the test says so. */
  private final AtomicLong now = new AtomicLong();

  private void spend(long nanos) {
    now.addAndGet(nanos);
  }

  @Test
  void nestedPhasesAreSubtractedFromTheirParentAndRepeatedPhasesAdd() {
    try (Phases.Recorder r = Phases.start(now::get)) {
      Phases.run("parse", () -> spend(1_000_000_000L));
      int v = Phases.time("GLM", () -> {
        spend(300_000_000L);
        Phases.run("separation", () -> spend(200_000_000L));
        Phases.run("AME", () -> spend(50_000_000L));
        spend(100_000_000L);
        return 7;
      });
      assertEquals(7, v);
      Phases.run("separation", () -> spend(25_000_000L));
      Map<String, Double> s = r.seconds();
      assertEquals(List.of("parse", "GLM", "separation", "AME"), List.copyOf(s.keySet()));
      assertEquals(1.0, s.get("parse"), 1e-12);
      assertEquals(0.4, s.get("GLM"), 1e-12);
      assertEquals(0.225, s.get("separation"), 1e-12);
      assertEquals(0.05, s.get("AME"), 1e-12);
    }
  }

  @Test
  void aFailingPhaseIsStillTimedAndItsParentStaysConsistent() {
    try (Phases.Recorder r = Phases.start(now::get)) {
      Phases.run("GLM", () -> {
        spend(10);
        assertThrows(IllegalStateException.class, () -> Phases.run("AME", () -> {
          spend(5);
          throw new IllegalStateException("boom");
        }));
        spend(10);
      });
      assertEquals(20e-9, r.seconds().get("GLM"), 1e-15);
      assertEquals(5e-9, r.seconds().get("AME"), 1e-15);
    }
  }

  @Test
  void withoutAnOpenRecorderNothingIsTimedOrKept() {
    Phases.Recorder r = Phases.start(now::get);
    r.close();
    assertEquals(3, Phases.time("GLM", () -> {
      spend(10);
      return 3;
    }));
    assertEquals(Map.of(), r.seconds());
  }
}
