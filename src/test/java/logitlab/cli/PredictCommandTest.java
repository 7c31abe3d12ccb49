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
import org.junit.jupiter.api.Test;
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
  }
}
