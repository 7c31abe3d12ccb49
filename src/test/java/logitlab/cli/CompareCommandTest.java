package logitlab.cli;

import static logitlab.Golden.JSON;
import static logitlab.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logitlab compare} end to end, in-process: exit codes, output and error messages. */
class CompareCommandTest {
  @TempDir Path tmp;

  private Path csv(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** Firth's count is brglm2's "quasi-Fisher scoring iterations", the GLM's stays R's wording. */
  @Test
  void firthsIterationsAreNamedAsBrglm2NamesThem() {
    CliRunner r = CliRunner.run("compare", "data/smoking.csv", "--firth");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    int glm = out.indexOf("  Fisher scoring iterations: 6 (converged)");
    int firth = out.indexOf("  Quasi-Fisher scoring iterations: ");
    assertTrue(glm >= 0 && firth > glm, out);
    assertEquals(out.lastIndexOf("  Fisher scoring iterations: "), glm, out);
  }

  @Test
  void textOutputShowsTheThreeModelsAndTheLinearModelsEscape() {
    CliRunner r = CliRunner.run("compare", "data/smoking.csv");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("200 read, 200 used, 0 dropped"), out);
    assertTrue(out.contains("disease: event = 1"), out);
    assertTrue(out.contains("linear (OLS)") && out.contains("logistic (GLM)") && out.contains("neuron (GD)"), out);
    assertTrue(out.replaceAll("\\s+", " ").contains(
        "36 of 200 fitted \"probabilities\" of the linear model are impossible: 23 below 0, 13 above 1"), out);
    assertTrue(out.contains("Fisher scoring iterations: 6 (converged)"), out);
    assertTrue(out.matches("(?s).*cigs=60  +1.1367  !  +0.9900  +0.9900  age = 52.02 \\(mean\\).*"), out);
    assertTrue(out.contains("age = 52.02 (mean)"), out);
    assertEquals("", r.err());
  }

  @Test
  void jsonOutputFollowsTheDocumentedSchemaAndMatchesR() throws IOException {
    CliRunner r = CliRunner.run("compare", "data/exam.csv", "--format", "json", "--at", "hours=6");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals("data/exam.csv", j.at("/input/file").asText());
    assertEquals(20, j.at("/input/rowsRead").asInt());
    assertEquals(20, j.at("/input/rowsUsed").asInt());
    assertEquals(0, j.at("/input/rowsDropped").asInt());
    assertEquals("pass", j.at("/outcome/column").asText());
    assertEquals("1", j.at("/outcome/event").asText());
    // R 4.2.2: glm(pass ~ hours, binomial) and lm(pass ~ hours) on data/exam.csv
    assertEquals(-4.0777134309084380, j.at("/logistic/coefficients/0/estimate").asDouble(), 1e-6 * 4.08);
    assertEquals("hours", j.at("/logistic/coefficients/1/term").asText());
    assertEquals(0.62871648043891581, j.at("/logistic/coefficients/1/stdError").asDouble(), 1e-4 * 0.63);
    assertEquals(16.0597569286893496, j.at("/logistic/deviance").asDouble(), 1e-7);
    assertEquals(27.7258872223978123, j.at("/logistic/nullDeviance").asDouble(), 1e-7);
    assertEquals(20.0597569286893496, j.at("/logistic/aic").asDouble(), 1e-7);
    assertEquals(19, j.at("/logistic/dfNull").asInt());
    assertEquals(18, j.at("/logistic/dfResidual").asInt());
    assertEquals(5, j.at("/logistic/iterations").asInt());
    assertTrue(j.at("/logistic/converged").asBoolean());
    assertTrue(j.at("/logistic/warnings").isArray());
    assertEquals(0.23459561219317945, j.at("/linear/coefficients/1/estimate").asDouble(), 1e-7);
    assertTrue(j.at("/linear/coefficients/1/p").isNumber());
    assertEquals(0.47505611469118814, j.at("/linear/rSquared").asDouble(), 1e-8);
    assertEquals(3, j.at("/linear/outOfRange/count").asInt());
    assertEquals(1, j.at("/linear/outOfRange/below").asInt());
    assertEquals(2, j.at("/linear/outOfRange/above").asInt());
    assertEquals(List.of(2, 20, 21), JSON.convertValue(j.at("/linear/outOfRange/lines"), List.class));
    assertEquals(1.5046454282980366, j.at("/neuron/coefficients/1/estimate").asDouble(), 1e-6 * 1.5);
    assertTrue(j.at("/neuron/converged").asBoolean());
    assertTrue(j.at("/neuron/epochs").asInt() > 0);
    assertTrue(j.at("/neuron/loss").isNumber());
    JsonNode p = j.at("/predictions/0");
    assertEquals("6", p.at("/at/hours").asText());
    assertTrue(p.at("/linearOutOfRange").asBoolean());
    assertTrue(p.at("/linear").asDouble() > 1);
    assertTrue(p.at("/logistic").asDouble() < 1);
  }

  @Test
  void aliasedTermIsNullInJsonWithAWarningAndNaInText() throws IOException {
    Path f = csv("alias.csv", "h,h2,pass\n0.5,2,0\n0.75,2.5,0\n1,3,0\n1.25,3.5,0\n1.5,4,0\n1.75,4.5,0\n"
        + "1.75,4.5,1\n2,5,0\n2.25,5.5,1\n2.5,6,0\n2.75,6.5,1\n3,7,0\n3.25,7.5,1\n3.5,8,0\n4,9,1\n"
        + "4.25,9.5,1\n4.5,10,1\n4.75,10.5,1\n5,11,1\n5.5,12,1\n");
    CliRunner r = CliRunner.run("compare", f.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.at("/logistic/coefficients/2/estimate").isNull());
    assertTrue(j.at("/linear/coefficients/2/estimate").isNull());
    assertTrue(j.at("/neuron/coefficients/2/estimate").isNull());
    assertEquals(-4.0777134309084380, j.at("/logistic/coefficients/0/estimate").asDouble(), 1e-5);
    String warnings = j.get("warnings").toString();
    assertTrue(warnings.contains("logistic.coefficients[2] (h2): estimate, stdError, statistic, p, ciLow"), warnings);
    assertTrue(warnings.contains("not defined because of singularities"), warnings);
    assertEquals("h2", j.at("/logistic/aliased/0/term").asText());
    assertEquals(List.of("(Intercept)", "h"), JSON.convertValue(j.at("/logistic/aliased/0/collinearWith"), List.class));
    CliRunner text = CliRunner.run("compare", f.toString());
    assertTrue(text.out().matches("(?s).*h2\\s+NA\\s+NA\\s+NA.*"), text.out());
  }

  @Test
  void sameInputGivesByteIdenticalOutput() {
    CliRunner a = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "json");
    CliRunner b = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "json");
    assertEquals(0, a.code(), a.err());
    assertEquals(a.out(), b.out());
  }

  @Test
  void outputFileIsWrittenAndTheInputFileIsNeverOverwritten() throws IOException {
    Path out = tmp.resolve("result.json");
    CliRunner r = CliRunner.run("compare", "data/challenger.csv", "--format", "json", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(23, JSON.readTree(out.toFile()).at("/input/rowsUsed").asInt());
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }

    Path input = csv("in.csv", Files.readString(Path.of("data/exam.csv")));
    String before = Files.readString(input);
    CliRunner refused = CliRunner.run("compare", input.toString(), "-o", input.toString());
    assertOneLineError(refused, 2, "is the input file");
    assertEquals(before, Files.readString(input));
  }

  @Test
  void theOutputFilesExtensionSaysTheFormatUnlessFormatDoes() throws IOException {
    String json = CliRunner.run("compare", "data/exam.csv", "--format", "json").out();
    String markdown = CliRunner.run("compare", "data/exam.csv", "--format", "markdown").out();
    String csv = CliRunner.run("compare", "data/exam.csv", "--format", "csv").out();
    String text = CliRunner.run("compare", "data/exam.csv").out();
    String[][] cases = {
      {"r.json", json}, {"r.JSON", json}, {"r.md", markdown}, {"r.markdown", markdown}, {"r.csv", csv},
      {"r.txt", text}, {"r.out", text}, {"results", text}, {".hidden", text}};
    for (String[] c : cases) {
      Path out = tmp.resolve(c[0]);
      CliRunner r = CliRunner.run("compare", "data/exam.csv", "-o", out.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals(c[1], Files.readString(out), c[0]);
    }
    Path md = tmp.resolve("given.md");
    assertEquals(0, CliRunner.run("compare", "data/exam.csv", "-o", md.toString(), "--format", "json").code());
    assertEquals(json, Files.readString(md), "--format wins over the extension");
    assertEquals(text, CliRunner.run("compare", "data/exam.csv", "-o", "-").out(), "- has no extension: text");

    // .html is the report's: refused before any work, with the command that writes it
    for (String name : new String[] {"r.html", "r.HTM"}) {
      Path html = tmp.resolve(name);
      CliRunner r = CliRunner.run("compare", "data/exam.csv", "-o", html.toString());
      assertOneLineError(r, 2, "compare writes text, Markdown, CSV or JSON; for an HTML page with the tables "
          + "and plots run: logitlab report data/exam.csv -o " + html);
      assertFalse(Files.exists(html));
    }
    Path html = tmp.resolve("forced.html");
    assertEquals(0, CliRunner.run("compare", "data/exam.csv", "-o", html.toString(), "--format", "markdown").code());
    assertEquals(markdown, Files.readString(html));
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--format", "html"), 2, "use logitlab report");
  }

  @Test
  void failedRunLeavesNoOutputFile() throws IOException {
    Path bad = csv("bad.csv", "x,y\n1,0\nabc,1\n2,1\n");
    Path out = tmp.resolve("never.txt");
    CliRunner r = CliRunner.run("compare", bad.toString(), "-o", out.toString());
    assertEquals(3, r.code());
    assertFalse(Files.exists(out));
  }

  @Test
  void usage() {
    CliRunner none = CliRunner.run();
    assertEquals(2, none.code());
    assertTrue(none.err().contains("Usage: logitlab"), none.err());
    CliRunner version = CliRunner.run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("logitlab "), version.out());
    CliRunner help = CliRunner.run("compare", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--outcome") && help.out().contains("Exit codes"), help.out());
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--format", "xml"), 2, "--format must be text, markdown, csv or json");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--bogus"), 2, "Unknown option: '--bogus'");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--learning-rate", "fast"), 2, "--learning-rate must be auto");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--max-epochs", "0"), 2, "max epochs must be at least 1");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--at", "hours"), 2, "--at takes COL=VALUE");
    // the fit's options say which setting is out of range; the CLI names its flag
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--max-iterations", "0"), 2,
        "--max-iterations must be at least 1, got 0");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--conf", "1.5"), 2,
        "--conf must be between 0 and 1 (e.g. 0.95), got 1.5");
    assertOneLineError(CliRunner.run("compare", "data/exam.csv", "--threshold", "0"), 2,
        "--threshold must be between 0 and 1, got 0.0");
  }

  @Test
  void unknownColumnListsTheAvailableOnes() {
    CliRunner r = CliRunner.run("compare", "data/exam.csv", "-y", "passed");
    assertOneLineError(r, 2, "\"passed\"");
    assertTrue(r.err().contains("hours") && r.err().contains("pass"), r.err());
    CliRunner at = CliRunner.run("compare", "data/exam.csv", "--at", "hourz=3");
    assertOneLineError(at, 2, "hourz");
  }

  @Test
  void badDataIsOneLineWithFileLineColumnAndValue() throws IOException {
    Path f = csv("x.csv", "age,y\n30,0\n40,1\n50,0\n60,1\nn/a,1\n");
    CliRunner r = CliRunner.run("compare", f.toString());
    assertOneLineError(r, 3, f + ":6: column \"age\": \"n/a\" is not a number");
    assertTrue(r.err().contains("--na n/a") && r.err().contains("--factor age"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertOneLineError(CliRunner.run("compare", tmp.resolve("missing.csv").toString()), 3, "missing.csv");
  }

  @Test
  void dataThatCannotBeFittedExitsWith4() throws IOException {
    Path oneClass = csv("one.csv", "x,y\n1,1\n2,1\n3,1\n");
    assertOneLineError(CliRunner.run("compare", oneClass.toString()), 4, "only one");
    Path tiny = csv("tiny.csv", "a,b,y\n1,2,0\n2,1,1\n3,5,0\n");
    assertOneLineError(CliRunner.run("compare", tiny.toString()), 4, "3 usable rows but the model has 3 coefficients");
  }

  @Test
  void missingValuesAreDroppedAndReported() throws IOException {
    Path f = csv("m.csv", "x,unused,y\n1,,0\n2,a,0\n,b,1\n3,c,1\n4,d,0\n5,e,1\n6,f,1\n7,g,0\n1.5,h,1\n");
    CliRunner r = CliRunner.run("compare", f.toString(), "-x", "x");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("9 read, 8 used, 1 dropped (missing values in \"x\": 1)"), r.out());
  }
}
