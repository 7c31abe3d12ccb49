package logitlab.cli;

import static logitlab.Golden.JSON;
import static logitlab.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import logitlab.plot.Plot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logitlab activations} and {@code logitlab vanishing} end to end, in-process. */
class NnCommandsTest {
  @TempDir Path tmp;

  @Test
  void activationsTextShowsPropertiesIdentityAndGrid() {
    CliRunner r = CliRunner.run("activations", "--step", "1");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("  sigmoid     (0, 1)       no (0.5)      0.25  |x| > 4.585          yes"), out);
    assertTrue(out.contains("  relu        [0, inf)     no (0.399)       1  x < 0 (f' = 0)       no"), out);
    assertTrue(out.contains("  step        {0, 1}       no (0.5)         0  everywhere (f' = 0)  no"), out);
    assertTrue(out.contains("on the grid: 2.2e-16, rounding error"), out);
    assertTrue(out.contains("  0        0.5        0     0           0         0     1\n"), out);
    for (String line : out.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertEquals("", r.err());
  }

  @Test
  void activationsJsonFollowsTheSchema() throws Exception {
    CliRunner r = CliRunner.run("activations", "--from", "-2", "--to", "2", "--step", "0.5", "--slope", "0.1",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals(6, j.get("functions").size());
    JsonNode leaky = j.get("functions").get(3);
    assertEquals("leaky-relu", leaky.get("name").asText());
    assertEquals(9, leaky.get("points").size());
    JsonNode first = leaky.get("points").get(0);
    assertEquals(-2, first.get("x").asDouble(), 0);
    assertEquals(-0.2, first.get("value").asDouble(), 1e-15);
    assertEquals(0.1, first.get("derivative").asDouble(), 0);
    JsonNode p = j.at("/functions/0/properties");
    assertEquals("(0, 1)", p.get("range").asText());
    assertFalse(p.get("zeroCentred").asBoolean());
    assertEquals(0.25, p.get("maxDerivative").asDouble(), 0);
    assertTrue(p.get("needsExp").asBoolean());
    assertTrue(j.at("/functions/4/properties/saturatesBelow").isNull(), "identity never saturates");
    assertTrue(j.at("/functions/1/properties/zeroCentred").asBoolean());
    assertTrue(j.at("/tanhIdentity/maxError").asDouble() < 1e-15);
  }

  @Test
  void activationsCsvAndMarkdownAndFunctionsOption() {
    CliRunner csv = CliRunner.run("activations", "--functions", "tanh,relu", "--from", "-1", "--to", "1",
        "--format", "csv");
    assertEquals(0, csv.code(), csv.err());
    String[] lines = csv.out().split("\n");
    assertEquals("function,x,value,derivative", lines[0]);
    assertEquals(1 + 2 * 5, lines.length);
    assertEquals("relu,0.5,0.5,1", lines[9]);
    CliRunner md = CliRunner.run("activations", "--format", "markdown", "--step", "3");
    assertEquals(0, md.code(), md.err());
    assertTrue(md.out().startsWith("# logitlab activations: sigmoid, tanh, relu, leaky-relu, identity, step\n"));
    assertTrue(md.out().contains("| function | range | centred | max f' | saturates where | exp |"), md.out());
  }

  @Test
  void vanishingTextJsonAndCsv() throws Exception {
    CliRunner r = CliRunner.run("vanishing", "--depth", "6");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Claim 5 (shown): With sigmoid units the gradient norm goes from"), r.out());
    assertTrue(r.out().contains("  7 (output)      1"), r.out());
    CliRunner j = CliRunner.run("vanishing", "--activation", "relu", "--depth", "6", "--format", "json");
    assertEquals(0, j.code(), j.err());
    JsonNode n = JSON.readTree(j.out());
    assertEquals("he", n.get("init").asText());
    assertEquals(7, n.get("layers").size());
    JsonNode l1 = n.get("layers").get(0);
    assertEquals(1, l1.get("layer").asInt());
    assertTrue(l1.get("gradientNorm").asDouble() > 0);
    assertTrue(l1.get("saturatedFraction").asDouble() > 0.3);
    assertEquals(7, n.at("/claims/0/claim").asInt());
    assertTrue(n.at("/claims/0/shown").asBoolean());
    CliRunner c = CliRunner.run("vanishing", "--depth", "2", "--width", "4", "--format", "csv");
    assertEquals("layer,fanIn,units,weightSd,gradientNorm,saturatedFraction,meanDerivative", c.out().split("\n")[0]);
    assertEquals(4, c.out().split("\n").length);
  }

  @Test
  void sameOptionsSameBytes() {
    assertEquals(CliRunner.run("vanishing", "--activation", "tanh", "--format", "json").out(),
        CliRunner.run("vanishing", "--activation", "tanh", "--format", "json").out());
    assertEquals(CliRunner.run("activations").out(), CliRunner.run("activations").out());
  }

  @Test
  void plotsAndHtmlAreWrittenAndRepeatable() throws Exception {
    assumeTrue(Plot.available(), "no fonts to draw with");
    Path png = tmp.resolve("v.png");
    Path html = tmp.resolve("v.html");
    CliRunner r = CliRunner.run("vanishing", "--depth", "4", "--plot", png.toString(), "-o", html.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    String page = Files.readString(html);
    assertTrue(page.contains("<svg") && page.contains("Gradient norm by layer"), page.substring(0, 200));
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    CliRunner again = CliRunner.run("vanishing", "--depth", "4", "--plot", png.toString(), "-o", html.toString());
    assertEquals(0, again.code(), again.err());
    assertArrayEquals(bytes, Files.readAllBytes(png), "same PNG bytes");
    assertEquals(page, Files.readString(html), "same HTML bytes");
    Path svg = tmp.resolve("a.svg");
    CliRunner a = CliRunner.run("activations", "--plot", svg.toString(), "--format", "markdown");
    assertEquals(0, a.code(), a.err());
    assertTrue(Files.readString(svg).contains("<svg"));
    assertTrue(a.out().contains("![Activation functions and their derivatives](" + svg + ")")
        || a.out().contains("](" + svg.toString().replace("\\", "/")), a.out());
  }

  @Test
  void badOptionsGetOneLineAndExitCodeTwo() {
    assertOneLineError(CliRunner.run("activations", "--step", "0"), 2, "--step must be a positive number");
    assertOneLineError(CliRunner.run("activations", "--from", "3", "--to", "1"), 2, "must be larger than --from");
    assertOneLineError(CliRunner.run("activations", "--step", "1e-9"), 2, "more than 100001; use a larger --step");
    assertOneLineError(CliRunner.run("activations", "--slope", "1.5"), 2, "--slope");
    assertOneLineError(CliRunner.run("activations", "--functions", "softmax"), 2, "activation must be one of");
    assertOneLineError(CliRunner.run("activations", "--format", "pdf"), 2, "--format must be text, markdown");
    assertOneLineError(CliRunner.run("activations", "--plot", tmp.resolve("x.gif").toString()), 2,
        "name the plot FILE.png or FILE.svg");
    assertOneLineError(CliRunner.run("vanishing", "--activation", "step"), 2, "--activation step has derivative 0");
    assertOneLineError(CliRunner.run("vanishing", "--init", "normal:abc"), 2, "normal:SD");
    assertOneLineError(CliRunner.run("vanishing", "--depth", "0"), 2, "--depth must be between 1 and 1000, not 0");
    assertOneLineError(CliRunner.run("vanishing", "-o", tmp.resolve("missing/x.txt").toString()), 2,
        "does not exist");
    assertOneLineError(CliRunner.run("vanishing", "--depth", "x"), 2, "--depth");
  }
}
