package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Separation and {@code --firth} reach the user through {@code compare}. Reference for the
 * endometrial data (Heinze &amp; Schemper 2002): R 4.2.2, brglm2 0.9 {@code brglmFit(type =
 * "AS_mean")}, golden/firth/endometrial.json (scripts/golden-firth.R): intercept 3.77456,
 * NV 2.92927, PI -0.03475, EH -2.60416.
 */
class SeparationCliTest {
  @Test
  void quasiCompleteSeparationIsNamedAndFirthGivesFiniteEstimates() throws IOException {
    CliRunner r = CliRunner.run("compare", "data/endometrial.csv", "--firth", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.at("/logistic/separation/detected").asBoolean());
    assertEquals("quasi-complete", j.at("/logistic/separation/kind").asText());
    assertEquals("NV", j.at("/logistic/separation/terms/0/term").asText());
    assertEquals("+inf", j.at("/logistic/separation/terms/0/direction").asText());
    assertEquals(1, j.at("/logistic/separation/terms").size());
    double[] firth = {3.7745597136470286, 2.929273353197094, -0.034751759870433815, -2.6041639252936548};
    for (int k = 0; k < 4; k++) {
      double b = j.at("/firth/coefficients/" + k + "/estimate").asDouble();
      assertEquals(firth[k], b, 1e-6 * Math.max(1, Math.abs(firth[k])), "firth " + k);
    }
    assertEquals(1.5507637294530392, j.at("/firth/coefficients/1/stdError").asDouble(), 1e-4 * 1.55);
    assertEquals("Firth penalised likelihood", j.at("/firth/method").asText());
    assertTrue(j.at("/firth/coefficients/1/ciLow").isNumber());
    String warnings = j.get("warnings").toString();
    assertTrue(warnings.contains("--firth"), warnings);
    assertTrue(warnings.contains("gradient descent"), "the neuron's separation note: " + warnings);
    // each warning has its code, in a parallel array (README, "Warning codes")
    assertEquals(j.get("warnings").size(), j.get("warningCodes").size());
    List<String> codes = new ArrayList<>();
    j.get("warningCodes").forEach(c -> codes.add(c.asText()));
    assertTrue(codes.containsAll(List.of("logistic.separation", "firth.separation", "neuron.separation")), codes.toString());
    int k = codes.indexOf("firth.separation");
    assertTrue(j.get("warnings").get(k).asText().startsWith("firth: The data are quasi-completely separated"));
    assertEquals(List.of("separation"), List.of(j.at("/firth/warningCodes/0").asText()));
    assertEquals(j.at("/neuron/warnings").size(), j.at("/neuron/warningCodes").size());
    assertEquals("separation", j.at("/neuron/warningCodes/" + (j.at("/neuron/warningCodes").size() - 1)).asText());
  }

  @Test
  void textOutputExplainsSeparationInPlainWords() {
    CliRunner r = CliRunner.run("compare", "data/separated.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("completely separated"), r.out());
    assertTrue(r.out().contains("Try --firth"), r.out());
    assertFalse(r.out().contains("Firth's penalised-likelihood logistic regression (--firth)"));
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() <= 80 || line.contains("|"), "wider than 80 columns: " + line);
    }
  }

  @Test
  void noSeparationOnTheSeedExample() throws IOException {
    JsonNode j = JSON.readTree(CliRunner.run("compare", "data/smoking.csv", "--format", "json").out());
    assertFalse(j.at("/logistic/separation/detected").asBoolean());
    assertEquals("none", j.at("/logistic/separation/kind").asText());
    assertTrue(j.at("/firth").isMissingNode());
  }
}
