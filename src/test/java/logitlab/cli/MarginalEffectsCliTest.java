package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import logitlab.Golden;
import org.junit.jupiter.api.Test;

/**
 * Average marginal effects as a user reads them: the discrete change for a factor's levels and the
 * derivative for numeric predictors, said in every format. The numbers are R's by hand and
 * statsmodels' ({@code golden/margeff/admissions.json}, {@code scripts/golden_margeff.py},
 * {@code scripts/margeff-check.R}) for {@code glm(admit ~ gre + gpa + factor(rank), binomial)}.
 * On the original UCLA admissions data (no longer shipped: no licence) they were rank2 -0.15660,
 * rank3 -0.28722, rank4 -0.32124, not the derivatives -0.131, -0.261, -0.302 a dummy column gives;
 * on the synthetic {@code data/admissions.csv} rank2 -0.13307, rank3 -0.28578, rank4 -0.33358.
 */
class MarginalEffectsCliTest {
  @Test
  void factorLevelsGetTheDiscreteChangeInJson() throws IOException {
    CliRunner c = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "json");
    assertEquals(0, c.code(), c.err());
    JsonNode me = JSON.readTree(c.out()).get("logistic").get("marginalEffects");
    String[] terms = {"gre", "gpa", "rank2", "rank3", "rank4"};
    JsonNode golden = Golden.read("margeff", "admissions");
    double[] r = new double[terms.length];
    double[] se = new double[terms.length];
    for (int k = 0; k < terms.length; k++) {
      assertEquals(terms[k], golden.get("terms").get(k).asText());
      r[k] = golden.get("estimate").get(k).asDouble();
      se[k] = golden.get("stdError").get(k).asDouble();
    }
    for (int k = 0; k < terms.length; k++) {
      JsonNode m = me.get(k);
      assertEquals(terms[k], m.get("term").asText());
      assertEquals(r[k], m.get("estimate").asDouble(), 1e-6 * Math.abs(r[k]), terms[k]);
      assertEquals(se[k], m.get("stdError").asDouble(), 1e-4 * se[k], terms[k]);
      if (k < 2) {
        assertEquals("derivative", m.get("kind").asText());
        assertFalse(m.has("reference"));
      } else {
        assertEquals("discrete-change", m.get("kind").asText());
        assertEquals("rank", m.get("column").asText());
        assertEquals(terms[k].substring(4), m.get("level").asText());
        assertEquals("1", m.get("reference").asText());
      }
    }
  }

  @Test
  void textMarkdownHtmlAndCsvSayWhichIsWhich() {
    CliRunner text = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank");
    assertEquals(0, text.code(), text.err());
    String t = text.out();
    assertTrue(t.contains("for a numeric predictor the\n  derivative, per unit; for a level of a factor the discrete change"), t);
    assertTrue(t.matches("(?s).*\n  gre    per unit    0\\.00060597 .*"), t);
    assertTrue(t.matches("(?s).*\n  rank2    1 -> 2      -0\\.13307 .*"), t);
    assertTrue(t.matches("(?s).*\n  rank4    1 -> 4      -0\\.33358 .*"), t);

    CliRunner md = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "markdown");
    assertTrue(md.out().contains("| rank3 | 1 -&gt; 3 | -0.28578 |"), md.out());
    assertTrue(md.out().contains("the discrete change from the reference level"), md.out());

    CliRunner csv = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "csv");
    assertTrue(csv.out().contains("logistic,rank2,marginal_effect_kind,discrete-change\n"), csv.out());
    assertTrue(csv.out().contains("logistic,rank2,marginal_effect_reference,1\n"), csv.out());
    assertTrue(csv.out().contains("logistic,gre,marginal_effect_kind,derivative\n"), csv.out());
  }

  @Test
  void withoutAFactorEveryEffectIsADerivativeAndTheTableHasNoChangeColumn() throws IOException {
    CliRunner c = CliRunner.run("compare", "data/smoking.csv");
    assertTrue(c.out().contains("Change in P(disease = 1) per unit, averaged over the rows:"), c.out());
    assertFalse(c.out().contains("per unit    "), c.out());
    JsonNode me = JSON.readTree(CliRunner.run("compare", "data/smoking.csv", "--format", "json").out())
        .get("logistic").get("marginalEffects");
    me.forEach(m -> assertEquals("derivative", m.get("kind").asText()));
  }

  @Test
  void groupedDataWeightTheDiscreteChangeByTrials() throws IOException {
    // golden/margeff/dollhill-factors.json: statsmodels on the 1269 individual rows
    CliRunner c = CliRunner.run("compare", "data/dollhill.csv", "-y", "cases", "--trials", "n", "-x", "group,inhaler",
        "--factor", "group,inhaler", "--format", "json");
    assertEquals(0, c.code(), c.err());
    JsonNode me = JSON.readTree(c.out()).get("logistic").get("marginalEffects");
    assertEquals("inhaler1", me.get(4).get("term").asText());
    assertEquals("discrete-change", me.get(4).get("kind").asText());
    assertEquals(-0.072723171527189, me.get(4).get("estimate").asDouble(), 1e-9);
    assertEquals("group50+", me.get(3).get("term").asText());
    assertEquals(0.28602175517085, me.get(3).get("estimate").asDouble(), 1e-9);
    assertEquals("1-4", me.get(3).get("reference").asText());
  }
}
