package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import logitlab.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code logitlab predict}: columns, unusable rows kept with a reason, agreement with compare, streaming. */
class PredictCommandTest {
  @TempDir Path tmp;

  private Path csv(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void scoresEveryRowAndExplainsTheOnesItCannot() throws IOException {
    Path in = csv("new.csv", "id,cigs,age,note\n"
        + "1,60,52.02,heavy\n"
        + "2,,50,missing cigs\n"
        + "3,abc,30,text\n"
        + "4,0,25,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n"
        + "5,5\n"
        + "\n"
        + "6,10,NA,na age\n");
    Path out = tmp.resolve("p.csv");
    CliRunner r = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("6 rows of " + in), r.out());
    assertTrue(r.out().contains("4 rows have no predictions"), r.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals(7, lines.size(), lines.toString()); // header + every row (the blank line is not a row)
    assertEquals("id,cigs,age,note,p_linear,p_logistic,p_neuron,p_linear_outside_0_1,reason", lines.get(0));
    String[] heavy = lines.get(1).split(",", -1);
    assertEquals("heavy", heavy[3]);
    assertEquals(1.1367, Double.parseDouble(heavy[4]), 1e-4); // compare's table: cigs=60, age at its mean
    assertEquals(0.9900, Double.parseDouble(heavy[5]), 1e-4);
    assertEquals(Double.parseDouble(heavy[5]), Double.parseDouble(heavy[6]), 1e-8); // the neuron is the GLM
    assertEquals("TRUE", heavy[7]);
    assertEquals("", heavy[8]);
    assertEquals("2,,50,missing cigs,,,,,\"missing value in \"\"cigs\"\"\"", lines.get(2));
    assertTrue(lines.get(3).endsWith(",,,,,\"\"\"cigs\"\": \"\"abc\"\" is not a number\""), lines.get(3));
    // a formula in the input is written neutralised, and the row is scored: a young non-smoker, whom
    // the straight line gives a negative "probability"
    assertTrue(lines.get(4).startsWith("4,0,25,\"'=HYPERLINK("), lines.get(4));
    assertTrue(lines.get(4).matches(".*\",-0\\.0[0-9]+,0\\.0[0-9]+,0\\.0[0-9]+,TRUE,"), lines.get(4));
    assertTrue(lines.get(5).startsWith("5,5,,,,,,,\"line 6 has 2 fields, the header 4"), lines.get(5));
    assertTrue(lines.get(6).endsWith("\"missing value in \"\"age\"\"\""), lines.get(6));
  }

  @Test
  void anUnseenFactorLevelGetsAReason() {
    CliRunner r = CliRunner.run("predict", "--train", "data/admissions.csv", "--factor", "rank", "--input",
        "src/test/resources/predict/admissions-new.csv");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("gre,gpa,rank,p_linear,p_logistic,p_neuron,p_linear_outside_0_1,reason", lines[0]);
    assertTrue(lines[1].matches("660,3\\.67,3,[0-9.]+,[0-9.]+,[0-9.]+,FALSE,"), lines[1]);
    assertTrue(lines[2].endsWith(",,,,,\"\"\"rank\"\": \"\"5\"\" is not a level of the training data (1, 2, 3, 4)\""),
        lines[2]);
    assertEquals(predictions(lines[1]), predictions(lines[3])); // 3.0 is level 3
  }

  private static String predictions(String line) {
    int k = 0;
    for (int i = 0; i < 3; i++) {
      k = line.indexOf(',', k) + 1;
    }
    return line.substring(k);
  }

  @Test
  void usageErrors() throws IOException {
    Path noAge = csv("x.csv", "cigs\n1\n");
    CliRunner r = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", noAge.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no column \"age\" (a predictor of the model)"), r.err());
    Path clash = csv("y.csv", "cigs,age,p_linear\n1,2,3\n");
    CliRunner c = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", clash.toString());
    assertEquals(2, c.code());
    assertTrue(c.err().contains("has a column \"p_linear\" already"), c.err());
    CliRunner missing = CliRunner.run("predict", "--input", noAge.toString());
    assertEquals(2, missing.code());
    Path out = tmp.resolve("o.csv");
    Path bad = csv("bad.csv", "cigs,age\n1,2\n\"3,4\n");
    CliRunner b = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", bad.toString(), "-o", out.toString());
    assertEquals(3, b.code(), b.err());
    assertFalse(Files.exists(out), "a half-written output");
  }

  /**
   * p_linear, p_logistic and p_firth against R's predict() on lm, glm and brglm2's Firth fit, for
   * new rows (scripts/golden-predict.R, R 4.2.2, brglm2 0.9; calls and version in each file).
   * Tolerance: {@value #P_TOL} absolute on each probability.
   */
  @ParameterizedTest
  @ValueSource(strings = {"smoking", "separated", "admissions"})
  void predictionsAgreeWithR(String name) throws IOException {
    JsonNode g = Golden.read("predict", name);
    List<String> args = new ArrayList<>(List.of("predict", "--train", g.get("train").asText(), "--input",
        g.get("input").asText(), "--firth"));
    g.get("factors").forEach(f -> args.addAll(List.of("--factor", f.asText())));
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    List<String> header = List.of(lines[0].split(","));
    assertEquals(List.of("p_linear", "p_logistic", "p_neuron", "p_firth", "p_linear_outside_0_1", "reason"),
        header.subList(header.size() - 6, header.size()));
    assertEquals(g.get("firth").size() + 1, lines.length);
    for (String model : List.of("linear", "logistic", "firth")) {
      int col = header.indexOf("p_" + model);
      for (int i = 1; i < lines.length; i++) {
        double expected = g.get(model).get(i - 1).asDouble();
        assertEquals(expected, Double.parseDouble(lines[i].split(",", -1)[col]), P_TOL, name + " row " + i + " " + model);
      }
    }
  }

  static final double P_TOL = 1e-6;

  @Test
  void thresholdAddsThePredictedClassesWithTheOutcomesLabels() throws IOException {
    Path train = csv("yes-no.csv", Files.readString(Path.of("data/smoking.csv"))
        .replaceAll(",0\n", ",No\n").replaceAll(",1\n", ",Yes\n"));
    Path in = csv("in.csv", "cigs,age\n0,20\n60,52\n10,40\n,30\n");
    CliRunner r = CliRunner.run("predict", "--train", train.toString(), "--input", in.toString(), "--threshold", "0.3",
        "--firth");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("cigs,age,p_linear,p_logistic,p_neuron,p_firth,p_linear_outside_0_1,class_linear,class_logistic,"
        + "class_neuron,class_firth,reason", lines[0]);
    int seen = 0;
    for (int i = 1; i <= 3; i++) {
      String[] f = lines[i].split(",", -1);
      for (int m = 0; m < 4; m++) {
        double p = Double.parseDouble(f[2 + m]);
        assertEquals(p > 0.3 ? "Yes" : "No", f[7 + m], lines[i]);
        seen |= p > 0.3 ? 1 : 2;
      }
    }
    assertEquals(3, seen, "both classes occur");
    assertTrue(lines[4].startsWith(",30,,,,,,,,,,\"missing value in"), lines[4]);
    // the same threshold rule as compare's tables: 0/1 outcomes give 1 and 0
    CliRunner zeroOne = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString(),
        "--threshold", "0.5");
    assertTrue(zeroOne.out().split("\n")[2].endsWith("TRUE,1,1,1,"), zeroOne.out());
    // without --threshold, no class columns
    CliRunner none = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString());
    assertFalse(none.out().contains("class_"), none.out());
    assertEquals(2, CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString(),
        "--threshold", "1.5").code());
  }

  @Test
  void optionsThatChangeNothingPredictWritesAreRefused() {
    for (String[] opt : new String[][] {{"--robust"}, {"--robust", "HC1"}, {"--ci", "profile"}, {"--ci", "wald"},
        {"--conf", "0.9"}}) {
      List<String> args = new ArrayList<>(List.of("predict", "--train", "data/smoking.csv", "--input", "data/smoking.csv",
          "-o", tmp.resolve("never.csv").toString()));
      args.addAll(List.of(opt));
      CliRunner r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), String.join(" ", opt));
      assertEquals("logitlab: predict does not take " + opt[0] + ": it changes only "
          + (opt[0].equals("--robust") ? "the linear model's standard errors" : "the coefficients' intervals")
          + ", which predict does not write (compare and report show them)\n", r.err());
      assertFalse(Files.exists(tmp.resolve("never.csv")));
    }
    String help = CliRunner.run("predict", "--help").out();
    String words = help.replaceAll("\\s+", " ");
    assertTrue(words.contains("--firth Also fit Firth's") && words.contains("adds the column p_firth"), help);
    assertTrue(words.contains("--threshold=P Add the predicted classes"), help);
    // not in the synopsis, not in the option list; only the footer's sentence names them
    String listed = "(?s).*(\\[--robust|\\[--ci=|\\[--conf=|\\n\\s+--robust|\\n\\s+--ci=|\\n\\s+--conf=).*";
    assertFalse(help.matches(listed), help);
    assertTrue(words.contains("--ci, --conf and --robust change only intervals and standard errors"), help);
    assertTrue(CliRunner.run("compare", "--help").out().matches(listed), "compare lists them");
  }

  @Test
  void theOutputKeepsTheInputsDelimiter() throws IOException {
    Path train = csv("train.csv", Files.readString(Path.of("data/smoking.csv")).replace(',', ';'));
    Path in = csv("in.csv", "id;cigs;age;note\n1;60;52;\"a;b\"\n2;10;40;c,d\n3;x;40;\"say \"\"hi\"\"\"\n");
    CliRunner r = CliRunner.run("predict", "--train", train.toString(), "--input", in.toString(), "-d", ";");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("id;cigs;age;note;p_linear;p_logistic;p_neuron;p_linear_outside_0_1;reason", lines[0]);
    assertTrue(lines[1].matches("1;60;52;\"a;b\";1\\.13[0-9]+;0\\.98[0-9]+;0\\.98[0-9]+;TRUE;"), lines[1]);
    assertTrue(lines[2].matches("2;10;40;c,d;[0-9.]+;[0-9.]+;[0-9.]+;FALSE;"), lines[2]);
    assertEquals("3;x;40;\"say \"\"hi\"\"\";;;;;\"\"\"cigs\"\": \"\"x\"\" is not a number\"", lines[3]);
    // the same numbers as with commas
    CliRunner comma = CliRunner.run("predict", "--train", "data/smoking.csv", "--input",
        csv("in2.csv", "id,cigs,age\n1,60,52\n").toString());
    assertEquals(comma.out().split("\n")[1].split(",", -1)[3], lines[1].split(";", -1)[5]);
    // tab-separated in, tab-separated out
    Path tab = csv("in.tsv", "cigs\tage\n60\t52\n");
    Path trainTab = csv("train.tsv", Files.readString(Path.of("data/smoking.csv")).replace(',', '\t'));
    CliRunner t2 = CliRunner.run("predict", "--train", trainTab.toString(), "--input", tab.toString(), "-d", "tab");
    assertEquals(0, t2.code(), t2.err());
    assertTrue(t2.out().startsWith("cigs\tage\tp_linear\tp_logistic\tp_neuron\tp_linear_outside_0_1\treason\n60\t52\t"),
        t2.out());
  }

  @Test
  void anInputColumnNamedLikeAnAddedOneIsRefused() throws IOException {
    Path in = csv("in.csv", "cigs,age,p_firth\n1,2,3\n");
    assertEquals(0, CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString()).code());
    CliRunner r = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", in.toString(), "--firth");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("has a column \"p_firth\" already"), r.err());
    Path cls = csv("cls.csv", "cigs,age,class_neuron\n1,2,3\n");
    assertEquals(2, CliRunner.run("predict", "--train", "data/smoking.csv", "--input", cls.toString(),
        "--threshold", "0.5").code());
  }

  /**
   * Scores 1,000,000 rows in a JVM with a 32 MB heap: the output (about 57 MB) would not fit if it
   * were held in memory, nor would the input's rows as strings.
   */
  @Test
  void aMillionRowsStreamThroughASmallHeap() throws Exception {
    Path big = tmp.resolve("big.csv");
    int n = 1_000_000;
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      w.write("cigs,age\n");
      for (int i = 0; i < n; i++) {
        w.write(Integer.toString(i % 61));
        w.write(',');
        w.write(Integer.toString(25 + i % 51));
        w.write('\n');
      }
    }
    Path out = tmp.resolve("big-out.csv");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx32m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("logitlab.cli.Main");
    cmd.addAll(List.of("predict", "--train", "data/smoking.csv", "--input", big.toString(), "-o", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log;
    try (BufferedReader r = p.inputReader()) {
      log = String.join("\n", r.lines().toList());
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
    assertEquals(0, p.exitValue(), log);
    assertTrue(log.contains("1000000 rows of"), log);
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(out)) {
      String first = r.readLine();
      assertEquals("cigs,age,p_linear,p_logistic,p_neuron,p_linear_outside_0_1,reason", first);
      while (r.readLine() != null) {
        lines++;
      }
    }
    assertEquals(n, lines);
    assertTrue(Files.size(out) > 32L << 20, "the output is not larger than the heap: " + Files.size(out));
    assertFalse(File.separator.isEmpty());

    // to stdout (a pipe) the output is made complete first, in a temporary file: still constant memory
    cmd.set(cmd.size() - 1, "-");
    Process q = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long piped = 0;
    String first;
    try (BufferedReader r = q.inputReader()) {
      first = r.readLine();
      while (r.readLine() != null) {
        piped++;
      }
    }
    assertTrue(q.waitFor(120, TimeUnit.SECONDS), "timed out");
    assertEquals(0, q.exitValue());
    assertEquals("cigs,age,p_linear,p_logistic,p_neuron,p_linear_outside_0_1,reason", first);
    assertEquals(n, piped);
  }
}
