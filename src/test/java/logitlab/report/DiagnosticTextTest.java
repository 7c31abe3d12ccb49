package logitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import logitlab.model.Diagnostic;
import logitlab.model.Interval;
import logitlab.model.Separation;
import logitlab.model.StopReason;
import org.junit.jupiter.api.Test;

/** The words for the fits' diagnostics. */
class DiagnosticTextTest {
  @Test
  void explainNamesTheTermsTheirSignsAndFirth() {
    Separation quasi = new Separation(true, Separation.Kind.QUASI_COMPLETE, List.of(new Separation.Term("NV", "+inf")));
    String s = DiagnosticText.separation(quasi);
    assertTrue(s.contains("quasi-completely separated"), s);
    assertTrue(s.contains("the maximum-likelihood estimate of NV is +infinity, so it does not exist"), s);
    assertTrue(s.contains("standard errors and p-values are meaningless"), s);
    assertTrue(s.contains("--firth"), s);
    assertEquals(2, s.split("\\. ").length, "two sentences: " + s);

    Separation complete = new Separation(true, Separation.Kind.COMPLETE, List.of(new Separation.Term("(Intercept)", "-inf"),
        new Separation.Term("x1", "+inf"), new Separation.Term("x2", "-inf")));
    String c = DiagnosticText.separation(complete);
    assertTrue(c.contains("completely separated") && c.contains(
        "estimates of (Intercept) (-infinity), x1 (+infinity) and x2 (-infinity) are infinite, so they do not exist"), c);
    assertTrue(DiagnosticText.neuronSeparation(complete).contains(
        "the weights of (Intercept) towards -infinity, x1 towards +infinity and x2 towards -infinity"));

    String nn = DiagnosticText.neuronSeparation(quasi);
    assertTrue(nn.contains("gradient descent keeps pushing the weight of NV towards +infinity")
        && nn.contains("never converges"), nn);
    assertTrue(DiagnosticText.firthSeparation(quasi).contains("finite"));

    assertEquals("", DiagnosticText.separation(Separation.NONE));
    assertEquals("", DiagnosticText.neuronSeparation(Separation.NONE));
  }

  /** Every code a warning or note can carry is listed in the README's table (a contract). */
  @Test
  void everyCodeIsDocumentedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> codes = new ArrayList<>();
    for (Class<?> k : Diagnostic.class.getPermittedSubclasses()) {
      codes.add(any(k).code());
    }
    for (Interval.End e : Interval.End.values()) {
      if (e != Interval.End.FINITE && e != Interval.End.ALIASED) {
        codes.add("interval-" + Prose.endKind(e));
      }
    }
    for (StopReason r : StopReason.values()) {
      if (r != StopReason.TOLERANCE) {
        codes.add(r.jsonName());
      }
    }
    codes.addAll(List.of("identifier-like", "empty-as-missing"));
    assertEquals(codes.size(), new java.util.HashSet<>(codes).size(), "codes are distinct: " + codes);
    for (String code : codes) {
      assertTrue(readme.contains("`" + code + "`"), "README lacks the code " + code);
    }
  }

  /** An instance of a diagnostic record with zero, false, empty or null components. */
  private static Diagnostic any(Class<?> k) throws ReflectiveOperationException {
    RecordComponent[] rc = k.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    Object[] args = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      Class<?> t = rc[i].getType();
      types[i] = t;
      args[i] = t == int.class ? (Object) 0 : t == double.class ? (Object) 0.0 : t == boolean.class
          ? (Object) false : t == List.class ? List.of() : null;
    }
    Constructor<?> c = k.getDeclaredConstructor(types);
    return (Diagnostic) c.newInstance(args);
  }
}
