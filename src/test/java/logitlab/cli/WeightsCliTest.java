package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trials} and {@code --weights} end to end. Reference for data/dollhill.csv: R 4.2.2,
 * {@code glm(cbind(cases, n - cases) ~ cigs + inhaler, binomial)} (golden/fits/weights-dollhill.json,
 * scripts/golden-weights.R).
 */
class WeightsCliTest {
  @TempDir Path tmp;

  @Test
  void groupedDollHillDataMatchR() throws IOException {
    CliRunner r = CliRunner.run("compare", "data/dollhill.csv", "-y", "cases", "--trials", "n",
        "-x", "cigs,inhaler", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals(-0.16908727268279247, j.at("/logistic/coefficients/0/estimate").asDouble(), 1e-6);
    assertEquals(0.018556175029117473, j.at("/logistic/coefficients/1/estimate").asDouble(), 1e-8);
    assertEquals(-0.28361004743662843, j.at("/logistic/coefficients/2/estimate").asDouble(), 1e-6);
    assertEquals(61.74904, j.at("/logistic/aic").asDouble(), 1e-5);
    assertEquals(9, j.at("/logistic/dfNull").asInt());
    assertEquals(7, j.at("/logistic/dfResidual").asInt());
    assertEquals(647, j.at("/outcome/events").asInt());
    assertEquals(1269, j.at("/outcome/total").asInt());
    assertEquals("n", j.at("/outcome/trials").asText());
    // individual-level confusion counts add up to the 1,269 men
    JsonNode c = j.at("/classification/logistic/confusion");
    assertEquals(1269, c.get("tp").asInt() + c.get("fp").asInt() + c.get("tn").asInt() + c.get("fn").asInt());
    CliRunner text = CliRunner.run("compare", "data/dollhill.csv", "-y", "cases", "--trials", "n", "-x", "cigs,inhaler");
    assertTrue(text.out().contains("647 successes in 1269 trials (column \"n\")"), text.out());
  }

  @Test
  void badCountsAndWeightsAreOneLineErrors() throws IOException {
    Path f = tmp.resolve("g.csv");
    Files.writeString(f, "x,n,s\n1,10,3\n2,10,12\n3,10,5\n4,10,7\n");
    CliRunner r = CliRunner.run("compare", f.toString(), "-y", "s", "--trials", "n");
    assertEquals(3, r.code());
    assertTrue(r.err().contains(f + ":3: column \"s\": \"12\" is not a number of successes between 0 and the 10 trials"), r.err());
    assertFalse(r.err().contains("\tat "));

    Path w = tmp.resolve("w.csv");
    Files.writeString(w, "x,w,y\n1,1,0\n2,-2,1\n3,1,0\n4,1,1\n5,2,1\n");
    CliRunner rw = CliRunner.run("compare", w.toString(), "--weights", "w");
    assertEquals(3, rw.code());
    assertTrue(rw.err().contains(w + ":3: column \"w\": \"-2\" is not a weight"), rw.err());

    CliRunner same = CliRunner.run("compare", w.toString(), "--weights", "y");
    assertEquals(2, same.code());
    assertTrue(same.err().contains("is the outcome; it cannot also be the --weights column"), same.err());
  }

  @Test
  void weightsColumnIsNotAPredictorByDefault() throws IOException {
    CliRunner r = CliRunner.run("compare", "src/test/resources/weights/exam-weighted.csv", "--weights", "w",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals(2, j.at("/logistic/coefficients").size());
    assertEquals("hours", j.at("/logistic/coefficients/1/term").asText());
    // R: glm(pass ~ hours, binomial, weights = w) (golden/fits/weights-exam.json)
    assertEquals(1.5310648821391202, j.at("/logistic/coefficients/1/estimate").asDouble(), 1e-6 * 1.53);
    assertEquals("w", j.at("/outcome/weights").asText());
  }
}
