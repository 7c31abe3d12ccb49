package logitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import logitlab.model.Separation;
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
}
