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
 * What the output says about the neuron's training is true: the advice after each way of stopping
 * (never "raise --max-epochs" where more epochs cannot help, never "too noisy" for a batch without
 * noise), what 1/L is, the scale of a tanh neuron's weights, the rates quoted for each optimizer,
 * the epoch at which a note counts rows, and the captions of the report's plots.
 */
class NeuronAdviceCliTest {
  @TempDir Path tmp;

  /** Text output with line breaks and their indentation folded to single spaces. */
  private static String text(String... args) {
    CliRunner c = CliRunner.run(args);
    assertEquals(0, c.code(), c.err());
    return c.out().replaceAll("\\s*\\n\\s*", " ");
  }

  @Test
  void anOscillatingStepStopsWithNoProgressAndAdvisesASmallerStep() throws IOException {
    String t = text("compare", "data/smoking.csv", "--learning-rate", "30");
    assertTrue(t.contains("(gradient descent, 1008 epochs, step 30) stopped (no-progress)"), t);
    assertTrue(t.contains("warning: the neuron's training made no progress: for 1000 epochs (up to epoch 1008) "
        + "neither its loss nor its gradient norm reached a new low, the loss moving up and down between"), t);
    assertTrue(t.contains("so more epochs cannot help; its weights are those of the lowest loss seen (epoch 8)"), t);
    assertTrue(t.contains("try --learning-rate 3.736 (1/L, with L the worst-case curvature of the loss"), t);
    assertFalse(t.contains("--max-epochs"), t);

    CliRunner c = CliRunner.run("compare", "data/smoking.csv", "--learning-rate", "30", "--format", "json");
    JsonNode doc = JSON.readTree(c.out());
    JsonNode n = doc.get("neuron");
    assertEquals("no-progress", n.get("stopReason").asText());
    assertFalse(n.get("converged").asBoolean());
    String w = n.get("warnings").get(0).asText();
    assertTrue(w.startsWith("the neuron's training made no progress"), w);
    assertTrue(doc.get("warnings").toString().contains("made no progress"), doc.get("warnings").toString());
    assertEquals("no-progress", n.at("/warningCodes/0").asText());
    assertTrue(doc.get("warningCodes").toString().contains("\"neuron.no-progress\""), doc.toString());

    JsonNode raw = JSON.readTree(CliRunner.run("compare", "data/exam.csv", "--no-standardize", "--max-epochs",
        "1000", "--format", "json").out()).get("neuron");
    assertEquals("raw-inputs", raw.at("/noteCodes/0").asText());
    assertTrue(raw.at("/notes/0").asText().startsWith("raw inputs (--no-standardize): "), raw.toString());
    assertEquals("max-epochs", raw.at("/warningCodes/0").asText());
    assertEquals("no-progress", csvValue(CliRunner.run("compare", "data/smoking.csv", "--learning-rate", "30",
        "--format", "csv").out(), "neuron,,stop_reason,"));
  }

  private static String csvValue(String csv, String key) {
    for (String line : csv.split("\n")) {
      int at = line.indexOf(key);
      if (at >= 0) {
        return line.substring(at + key.length());
      }
    }
    return null;
  }

  @Test
  void oneOverLIsWhatIsSureToLowerTheLossNotTheLargestSafeStep() {
    // 4 times 1/L converges, in 27 epochs against 118: L is a worst-case bound
    String fast = text("compare", "data/smoking.csv", "--learning-rate", "15");
    assertTrue(fast.contains("(gradient descent, 27 epochs, step 15) reached the GLM's coefficients"), fast);
    String t = text("compare", "data/smoking.csv", "--learning-rate", "50");
    assertTrue(t.contains("stopped (divergence)"), t);
    assertTrue(t.contains("Try --learning-rate 3.736 (1/L, with L the worst-case curvature of the loss: a step of "
        + "1/L lowers the loss at every epoch, any step below 2/L converges, and larger ones often do too, as L "
        + "is a bound) or leave it at auto"), t);
    assertFalse(t.contains("largest step that is safe"), t);
  }

  @Test
  void noRaiseMaxEpochsWhereTheTextSaysMoreEpochsCannotHelp() {
    String sep = text("compare", "data/separated.csv", "--max-epochs", "20000");
    assertTrue(sep.contains("stopped (max-epochs)") && sep.contains("the data are separated, so the loss has no "
        + "minimum to reach, and more epochs would only carry the weights further out"), sep);
    assertFalse(sep.contains("raise --max-epochs"), sep);

    String raw = text("compare", "data/uptake.csv", "--no-standardize", "--max-epochs", "20000");
    assertTrue(raw.contains("shrinking the error tenfold along the flattest direction takes about 1.146e+12 epochs "
        + "(condition number 4.977e+11), more than the whole limit, so more epochs would help little: drop "
        + "--no-standardize"), raw);
    assertFalse(raw.contains("raise --max-epochs"), raw);

    // a plateau of saturated rows: more epochs barely move the weights
    String plateau = text("compare", "data/smoking.csv", "--loss", "squared", "--init", "1000", "--max-epochs",
        "20000");
    assertTrue(plateau.contains("it is stuck on a plateau of saturated rows (see the note)"), plateau);
    assertFalse(plateau.contains("raise --max-epochs"), plateau);

    // where more epochs do help, it still says so: raw exam data converge in 3,606 epochs
    String slow = text("compare", "data/exam.csv", "--no-standardize", "--max-epochs", "1000");
    assertTrue(slow.contains("raise --max-epochs, or drop --no-standardize"), slow);
  }

  @Test
  void aBatchThatCoversTheDataIsNotCalledNoisy() {
    String t = text("compare", "data/smoking.csv", "--optimizer", "minibatch", "--batch-size", "500");
    assertTrue(t.contains("minibatch SGD on batches of all 200 rows"), t);
    assertTrue(t.contains("The batch size (500) covers all 200 rows, so every step used the full gradient, "
        + "without noise"), t);
    assertTrue(t.contains("here from 3.736 to 0.008592"), t);
    assertFalse(t.contains("noisy"), t);
    // a real mini-batch is noisy, and the warning says so
    String noisy = text("compare", "data/smoking.csv", "--optimizer", "sgd", "--max-epochs", "100");
    assertTrue(noisy.contains("a stochastic gradient is too noisy to fall below the tolerance"), noisy);
  }

  @Test
  void adamOscillatingAtTheOptimumAndALossFlatToRounding() {
    String adam = text("compare", "data/challenger.csv", "--no-standardize", "--optimizer", "adam");
    assertTrue(adam.contains("stopped (no-progress)"), adam);
    assertTrue(adam.contains("With a fixed step Adam ends in an oscillation around the optimum whose size shrinks "
        + "with the step: try a smaller --learning-rate, such as 0.001417"), adam);
    // the note gives no gradient-descent rate for Adam
    assertFalse(adam.contains("1 - 1/"), adam);
    assertTrue(adam.contains("Adam scales each weight's step by the size of its own gradients"), adam);

    String flat = text("compare", "data/smoking.csv", "--tolerance", "1e-300");
    assertTrue(flat.contains("stopped (no-progress)") && flat.contains("the loss staying flat within rounding "
        + "error") && flat.contains("raise --tolerance"), flat);
    assertFalse(flat.contains("--learning-rate"), flat);
  }

  @Test
  void eachOptimizersRateOnRawInputs() {
    String gd = text("compare", "data/exam.csv", "--no-standardize");
    assertTrue(gd.matches(".*the error then shrinks only by a factor of about 1 - 1/[0-9.e+]+ per epoch.*"), gd);
    String nesterov = text("compare", "data/exam.csv", "--no-standardize", "--optimizer", "nesterov");
    assertTrue(nesterov.matches(".*Nesterov's acceleration shrinks the error by a factor of about 1 - 1/sqrt\\("
        + "[0-9.e+]+\\) = 1 - 1/[0-9.e+]+ per epoch.*"), nesterov);
    String momentum = text("compare", "data/exam.csv", "--no-standardize", "--optimizer", "momentum");
    assertTrue(momentum.contains("heavy-ball momentum (beta = 0.9) makes it about ten times longer"), momentum);
  }

  @Test
  void aTanhNeuronsWeightsAreHalfTheChangeInLogOdds() {
    String t = text("compare", "data/smoking.csv", "--activation", "tanh");
    assertTrue(t.contains("linear: change in probability per unit; logistic: change in log-odds; neuron (tanh): "
        + "half the change in log-odds, so 2 x neuron is the change in log-odds."), t);
    assertFalse(t.contains("logistic, neuron: change in log-odds"), t);
    String md = text("compare", "data/smoking.csv", "--activation", "tanh", "--format", "markdown");
    assertTrue(md.contains("neuron (tanh): half the change in log-odds"), md);
    assertTrue(text("compare", "data/smoking.csv").contains("logistic, neuron: change in log-odds."));
  }

  @Test
  void theSaturatedRowsAreCountedAfterOneHundredEpochsNotZero() {
    String t = text("compare", "data/smoking.csv", "--loss", "squared", "--init", "1000", "--max-epochs", "20000");
    assertTrue(t.contains("after 100 epochs 41% of the rows were still confidently wrong"), t);
    assertTrue(t.contains("from the same start 40% of the rows were confidently wrong after 100 epochs"), t);
    assertFalse(t.contains("after 0 epochs"), t);
  }

  @Test
  void theReportsCaptionsDoNotPutASquaredLossNeuronOnTheGlm() throws IOException {
    Path html = tmp.resolve("squared.html");
    CliRunner c = CliRunner.run("report", "data/smoking.csv", "--loss", "squared", "-o", html.toString());
    assertEquals(0, c.code(), c.err());
    String h = Files.readString(html).replaceAll("\\s*\\n\\s*", " ");
    assertTrue(h.contains("The neuron&#39;s points (diamonds) need not sit on the GLM&#39;s (circles): the neuron "
        + "was trained on the squared loss, whose optimum is not the GLM&#39;s")
        || h.contains("The neuron's points (diamonds) need not sit on the GLM's (circles): the neuron was trained "
        + "on the squared loss, whose optimum is not the GLM's"), h);
    assertFalse(h.contains("sit on the GLM's (circles);") || h.contains("sit on the GLM&#39;s (circles);"), h);
    Path plain = tmp.resolve("plain.html");
    assertEquals(0, CliRunner.run("report", "data/smoking.csv", "-o", plain.toString()).code());
    String p = Files.readString(plain).replaceAll("\\s*\\n\\s*", " ");
    assertTrue(p.contains("sit on the GLM's (circles);") || p.contains("sit on the GLM&#39;s (circles);"), p);
  }
}
