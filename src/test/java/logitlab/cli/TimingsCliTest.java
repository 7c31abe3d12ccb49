package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import logitlab.fit.Phases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LOGITLAB_TIMINGS=1} (here its system property): phase lines on stderr, output unchanged. */
class TimingsCliTest {
  private static final Pattern LINE = Pattern.compile("logitlab: timing (\\S+) (-?\\d+\\.\\d{4}) s");
  @TempDir Path tmp;

  private static CliRunner timed(String... args) {
    System.setProperty(Phases.PROPERTY, "1");
    try {
      return CliRunner.run(args);
    } finally {
      System.clearProperty(Phases.PROPERTY);
    }
  }

  /** The phase names of the timing lines; fails on any other stderr line. */
  private static List<String> phases(String err) {
    List<String> names = new ArrayList<>();
    for (String line : err.split("\n")) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "not a timing line: " + line);
      names.add(m.group(1));
      if (!m.group(1).equals("other")) { // the remainder may be -0.0000 from rounding
        assertTrue(Double.parseDouble(m.group(2)) >= 0, line);
      }
    }
    return names;
  }

  @Test
  void timingsGoToStderrOnePerPhaseAndLeaveStdoutByteIdentical() {
    for (String format : List.of("text", "json")) {
      CliRunner plain = CliRunner.run("compare", "data/smoking.csv", "--format", format, "--firth");
      CliRunner timed = timed("compare", "data/smoking.csv", "--format", format, "--firth");
      assertEquals(0, timed.code(), timed.err());
      assertEquals(plain.out(), timed.out());
      assertEquals("", plain.err());
      assertEquals(List.of("start-up", "parse", "LPM", "GLM", "separation", "AME", "neuron", "Firth",
          "classification", "render", "write", "other", "command"), phases(timed.err()));
    }
  }

  @Test
  void startUpCountsFromTheLaunchersClockWhenItIsGiven() {
    assertEquals(0.25, CompareCommand.startupSeconds("1795987412.250000", 1_795_987_412_500L), 1e-9);
    assertEquals(0.25, CompareCommand.startupSeconds("1795987412,250000", 1_795_987_412_500L), 1e-9);
    // not a launcher's clock (missing, garbage, in the future): from the JVM's start instead
    long now = System.currentTimeMillis();
    for (String bad : new String[] {null, "", "soon", "-1", Double.toString(now / 1e3 + 60)}) {
      double s = CompareCommand.startupSeconds(bad, now);
      assertTrue(s > 0 && s < 3600, bad + ": " + s);
    }
  }

  @Test
  void aBatchRunWritesTheSameFilesAndSumsItsPhases() throws IOException {
    Path plainDir = tmp.resolve("plain");
    Path timedDir = tmp.resolve("timed");
    CliRunner plain = CliRunner.run("compare", "data/smoking.csv", "data/exam.csv",
        "--output-dir", plainDir.toString());
    CliRunner timed = timed("compare", "data/smoking.csv", "data/exam.csv",
        "--output-dir", timedDir.toString());
    assertEquals(0, timed.code(), timed.err());
    assertEquals(plain.out().replace(plainDir.toString(), timedDir.toString()), timed.out());
    for (String name : List.of("smoking.txt", "exam.txt", "summary.csv")) {
      assertEquals(Files.readString(plainDir.resolve(name)).replace(plainDir.toString(), timedDir.toString()),
          Files.readString(timedDir.resolve(name)), name);
    }
    String err = timed.err();
    List<String> lines = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.startsWith("logitlab: timing ")) {
        lines.add(line);
      }
    }
    assertEquals(List.of("start-up", "parse", "LPM", "GLM", "separation", "AME", "neuron",
        "classification", "render", "write", "other", "command"), phases(String.join("\n", lines)));
  }

  @org.junit.jupiter.api.Test
  void aPhaseLineIsWordedInTheCli() {
    java.util.Map<String, Double> s = new java.util.LinkedHashMap<>();
    s.put("parse", 1.0);
    s.put("GLM", 0.4);
    org.junit.jupiter.api.Assertions.assertEquals("logitlab: timing GLM 0.4000 s",
        CompareCommand.timingLines(s).get(1));
  }
}
