package logitlab.cli;

import static logitlab.Golden.JSON;
import static logitlab.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import logitlab.plot.Plot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code logitlab mlp} end to end, in-process: the documented output, the GLM agreement, errors. */
class MlpCommandTest {
  /** --hidden 0 against compare's GLM: coefficients to 1e-6 relative (measured: at most 1e-9). */
  private static final double GLM_TOL = 1e-6;
  @TempDir Path tmp;

  static Stream<Arguments> bundled() {
    return Stream.of(Arguments.of(List.of("data/smoking.csv")), Arguments.of(List.of("data/exam.csv")),
        Arguments.of(List.of("data/challenger.csv")), Arguments.of(List.of("data/survey.csv", "-y", "smoker", "-x", "age,sex,region", "--positive", "yes", "--na", "n/a")),
        Arguments.of(List.of("data/admissions.csv", "--factor", "rank")), Arguments.of(List.of("data/uptake.csv")),
        Arguments.of(List.of("data/dollhill.csv", "--trials", "n", "-x", "cigs,inhaler")));
  }

  /** --hidden 0 is the logistic model: on every bundled file with a finite optimum, compare's GLM to 1e-6. */
  @ParameterizedTest
  @MethodSource("bundled")
  void noHiddenLayerAgreesWithComparesGlm(List<String> data) throws Exception {
    List<String> mlp = new ArrayList<>(List.of("mlp"));
    mlp.addAll(data);
    mlp.addAll(List.of("--hidden", "0", "--test-fraction", "0", "--format", "json"));
    List<String> compare = new ArrayList<>(List.of("compare"));
    compare.addAll(data);
    compare.addAll(List.of("--format", "json"));
    CliRunner m = CliRunner.run(mlp.toArray(new String[0]));
    CliRunner c = CliRunner.run(compare.toArray(new String[0]));
    assertEquals(0, m.code(), m.err());
    assertEquals(0, c.code(), c.err());
    JsonNode net = JSON.readTree(m.out()).at("/runs/0/coefficients");
    JsonNode glm = JSON.readTree(c.out()).at("/logistic/coefficients");
    assertEquals(glm.size(), net.size());
    for (int j = 0; j < glm.size(); j++) {
      assertEquals(glm.get(j).get("term").asText(), net.get(j).get("term").asText());
      double b = glm.get(j).get("estimate").asDouble();
      assertEquals(b, net.get(j).get("estimate").asDouble(), GLM_TOL * Math.max(1, Math.abs(b)),
          data + " " + glm.get(j).get("term"));
    }
    JsonNode claim3 = JSON.readTree(m.out()).at("/claims/0");
    assertEquals(3, claim3.get("claim").asInt());
    assertTrue(claim3.get("shown").asBoolean(), claim3.toString());
  }

  @Test
  void jsonHasTheDocumentedKeys() throws Exception {
    CliRunner r = CliRunner.run("mlp", "xor", "--hidden", "4", "--activation", "tanh", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    JsonNode run = j.at("/runs/0");
    for (String key : List.of("hidden", "activation", "learningRate", "trainLoss", "testLoss", "trainAccuracy",
        "testAccuracy", "deadFraction", "epochs", "secondsPerEpoch")) {
      assertTrue(run.has(key), key + " missing in " + run);
    }
    assertEquals(4, run.get("hidden").get(0).asInt());
    assertEquals("tanh", run.get("activation").asText());
    assertEquals(0.01, run.get("learningRate").asDouble(), 0);
    assertEquals(0.98, run.get("testAccuracy").asDouble(), 1e-12);
    assertTrue(run.get("deadFraction").get(0).isNull(), "tanh units cannot die");
    assertTrue(run.get("secondsPerEpoch").isNull(), "not measured without --timing");
    assertFalse(run.has("coefficients"));
    JsonNode claim = j.at("/claims/0");
    assertEquals(2, claim.get("claim").asInt());
    assertTrue(claim.get("shown").asBoolean());
    assertTrue(claim.get("evidence").asText().startsWith("One hidden layer of 4 tanh units reaches 98.0% test"));
    assertEquals("built-in", j.at("/data/source").asText());
    assertEquals(150, j.at("/data/trainRows").asInt());
    assertEquals(0, j.at("/warnings").size());
    CliRunner timed = CliRunner.run("mlp", "xor", "--hidden", "4", "--epochs", "50", "--timing", "--format", "json");
    assertTrue(JSON.readTree(timed.out()).at("/runs/0/secondsPerEpoch").asDouble() > 0);
  }

  @Test
  void textCsvAndMarkdownOfASweepAreRepeatable() {
    String[] args = {"mlp", "moons", "--n", "80", "--epochs", "200", "--sweep", "hidden=1,4"};
    CliRunner text = CliRunner.run(args);
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("Sweep: hidden = 1, 4"), text.out());
    assertTrue(text.out().contains("Claim 4 ("), text.out());
    assertEquals(text.out(), CliRunner.run(args).out(), "same bytes");
    CliRunner csv = CliRunner.run("mlp", "moons", "--n", "80", "--epochs", "200", "--sweep", "hidden=1,4",
        "--format", "csv");
    String[] lines = csv.out().split("\n");
    assertTrue(lines[0].startsWith("run,hidden,activation,optimizer,learningRate,trainLoss,testLoss"), lines[0]);
    assertEquals(3, lines.length);
    assertTrue(lines[2].startsWith("2,4,relu,adam,0.01,"), lines[2]);
    CliRunner md = CliRunner.run("mlp", "moons", "--n", "80", "--epochs", "200", "--format", "markdown");
    assertTrue(md.out().startsWith("# logitlab mlp: moons\n"), md.out());
    assertTrue(md.out().contains("| model | train loss | test loss | train acc | test acc | epochs |"), md.out());
  }

  @Test
  void htmlPageAndPlotFile() throws Exception {
    assumeTrue(Plot.available(), "no fonts to draw with");
    Path html = tmp.resolve("run.html");
    Path png = tmp.resolve("boundary.png");
    CliRunner r = CliRunner.run("mlp", "circles", "--n", "100", "--epochs", "200", "-o", html.toString(), "--plot",
        png.toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<figure id=\"plot-boundary\">") && page.contains("<figure id=\"plot-loss\">"));
    assertTrue(page.contains("<pre id=\"command-line\">logitlab mlp circles --n 100"), "provenance");
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    assertTrue(Files.size(png) > 10_000);
  }

  /** The data options of compare, with the same messages and exit codes: the loader is the same. */
  @Test
  void badDataGivesTheSameErrorAsCompare() {
    for (String bad : List.of("ragged-short.csv", "nan.csv", "mixed-numbers-and-text.csv", "outcome-one-class.csv",
        "empty.csv", "latin1.csv", "no-such-file.csv")) {
      String file = "src/test/resources/bad/" + bad;
      CliRunner c = CliRunner.run("compare", file);
      CliRunner m = CliRunner.run("mlp", file);
      assertEquals(c.code(), m.code(), bad + ": " + m.err());
      assertEquals(c.err(), m.err(), bad);
      assertEquals("", m.out());
    }
    CliRunner c = CliRunner.run("compare", "data/exam.csv", "-y", "passed");
    CliRunner m = CliRunner.run("mlp", "data/exam.csv", "-y", "passed");
    assertEquals(2, m.code());
    assertEquals(c.err(), m.err());
  }

  @Test
  void badOptionsGetOneLineAndExitCodeTwo() {
    assertOneLineError(CliRunner.run("mlp", "xor", "--hidden", "4,-1"), 2, "--hidden takes units per layer");
    assertOneLineError(CliRunner.run("mlp", "xor", "--activation", "step"), 2, "step cannot be trained");
    assertOneLineError(CliRunner.run("mlp", "xor", "--output", "softmax"), 2, "--output must be sigmoid");
    assertOneLineError(CliRunner.run("mlp", "xor", "--sweep", "depth=1,2"), 2, "--sweep takes hidden=");
    assertOneLineError(CliRunner.run("mlp", "xor", "--sweep", "hidden=1,2", "--test-fraction", "0"), 2,
        "needs test rows");
    assertOneLineError(CliRunner.run("mlp", "xor", "--hidden", "0", "--sweep", "learning-rate=0.1,1"), 2,
        "needs a hidden layer");
    assertOneLineError(CliRunner.run("mlp", "xor", "-y", "x1"), 2, "--outcome applies to a CSV file");
    assertOneLineError(CliRunner.run("mlp", "data/exam.csv", "--noise", "0.2"), 2, "--noise applies to a built-in");
    assertOneLineError(CliRunner.run("mlp", "xor", "--batch-size", "8"), 2, "--batch-size applies to --optimizer");
    assertOneLineError(CliRunner.run("mlp", "xor", "--test-fraction", "0.95"), 2, "--test-fraction must be between");
    assertOneLineError(CliRunner.run("mlp", "xor", "--learning-rate", "-1"), 2, "--learning-rate must be auto");
    assertOneLineError(CliRunner.run("mlp", "xor", "--n", "2"), 2, "--n must be between 4");
    assertOneLineError(CliRunner.run("mlp", "data/exam.csv", "-o", "data/exam.csv"), 2, "is the input file");
  }

  @Test
  void aDivergedRunSaysSoAndPrintsNoNaN() throws Exception {
    CliRunner r = CliRunner.run("mlp", "circles", "--hidden", "8,8,8", "--optimizer", "gd", "--learning-rate", "1e6",
        "--epochs", "20", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
    JsonNode j = JSON.readTree(r.out());
    assertEquals("diverged", j.at("/runs/0/stop").asText());
    assertTrue(j.at("/warnings/0").asText().contains("use a smaller --learning-rate, e.g. 100000"),
        j.at("/warnings").toString());
    assertEquals("divergence", j.at("/warningCodes/0").asText());
    assertEquals(j.at("/warnings").size(), j.at("/warningCodes").size());
  }

  /** Separated training rows: the GLM has no optimum, and the JSON names it by its code too. */
  @Test
  void aSeparatedGlmBaselineIsCodedInJson() throws Exception {
    CliRunner r = CliRunner.run("mlp", "data/separated.csv", "--hidden", "0", "--test-fraction", "0",
        "--epochs", "50", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    List<String> codes = new java.util.ArrayList<>();
    j.at("/warningCodes").forEach(c -> codes.add(c.asText()));
    assertTrue(codes.contains("glm-no-optimum"), j.toString());
    assertEquals(j.at("/warnings").size(), codes.size());
  }
}
