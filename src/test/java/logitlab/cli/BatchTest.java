package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch runs: several files or a directory, one result each, a summary, one bad file among good ones. */
class BatchTest {
  @TempDir Path tmp;

  /** A directory with three good files and a broken one (a value that is not a number). */
  private Path inputs() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("smoking.csv", "exam.csv", "challenger.csv")) {
      Files.copy(Path.of("data", name), in.resolve(name));
    }
    Files.writeString(in.resolve("broken.csv"), "hours,pass\n1,0\n2,1\nthree,0\n4,1\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("notes.txt"), "not a csv file: ignored\n", StandardCharsets.UTF_8);
    return in;
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @Test
  void oneBrokenFileDoesNotStopTheOthers() throws IOException {
    Path in = inputs();
    Path out = tmp.resolve("out");
    CliRunner r = CliRunner.run("compare", in.toString(), "--output-dir", out.toString(), "--format", "json");
    assertEquals(3, r.code(), r.err()); // the broken file's exit code: bad input data
    assertTrue(r.err().contains("broken.csv:4: column \"hours\""), r.err());
    assertTrue(r.err().contains("1 of 4 files failed"), r.err());
    for (String name : List.of("smoking.json", "exam.json", "challenger.json")) {
      assertTrue(Files.size(out.resolve(name)) > 1000, name);
    }
    assertFalse(Files.exists(out.resolve("broken.json")));
    assertTrue(r.out().contains("FAILED  " + in.resolve("broken.csv") + " (exit code 3)"), r.out());
    assertTrue(r.out().contains("4 files: 3 ok, 1 failed"), r.out());

    List<String> summary = lines(out.resolve("summary.csv"));
    assertEquals(5, summary.size(), summary.toString());
    String header = summary.get(0);
    assertTrue(header.startsWith("file,status,exit_code,error,outputs,rows_read,rows_used,events,"), header);
    assertTrue(header.contains(",linear:(Intercept),") && header.contains(",logistic:cigs,")
        && header.contains(",neuron:temp"), header);
    // in file-name order: broken, challenger, exam, smoking
    assertTrue(summary.get(1).startsWith(in.resolve("broken.csv") + ",error,3,"), summary.get(1));
    assertTrue(summary.get(1).contains("\"\"three\"\" is not a number"), summary.get(1));
    assertTrue(summary.get(4).startsWith(in.resolve("smoking.csv") + ",ok,0,,"), summary.get(4));
    assertTrue(summary.get(4).contains(",200,200,65,TRUE,none,TRUE,"), summary.get(4));
    int cigs = List.of(header.split(",")).indexOf("logistic:cigs");
    assertEquals(0.127004546, Double.parseDouble(summary.get(4).split(",")[cigs]), 1e-8);
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
    }
  }

  @Test
  void existingOutputsAreOnlyReplacedWithForce() throws IOException {
    Path in = inputs();
    Files.delete(in.resolve("broken.csv"));
    Path out = tmp.resolve("out");
    assertEquals(0, CliRunner.run("compare", in.toString(), "--output-dir", out.toString()).code());
    Files.writeString(out.resolve("exam.txt"), "keep me\n");
    CliRunner again = CliRunner.run("compare", in.toString(), "--output-dir", out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("4 output files exist already"), again.err());
    assertTrue(again.err().contains("add --force"), again.err());
    assertEquals("keep me\n", Files.readString(out.resolve("exam.txt")));
    CliRunner forced = CliRunner.run("compare", in.toString(), "--output-dir", out.toString(), "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.readString(out.resolve("exam.txt")).startsWith("logitlab compare: "));
  }

  @Test
  void anInputIsNeverAnOutput() throws IOException {
    Path in = inputs();
    Files.delete(in.resolve("broken.csv"));
    Path before = in.resolve("exam.csv");
    String content = Files.readString(before);
    CliRunner r = CliRunner.run("compare", in.toString(), "--output-dir", in.toString(), "--format", "csv",
        "--force");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("would be an input file"), r.err());
    assertEquals(content, Files.readString(before));
  }

  @Test
  void severalFilesNeedAnOutputDirectoryAndNamesStayApart() throws IOException {
    CliRunner r = CliRunner.run("compare", "data/exam.csv", "data/smoking.csv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("several input files need --output-dir DIR"), r.err());
    // two inputs with one name get two outputs
    Path a = tmp.resolve("a");
    Files.createDirectories(a);
    Files.copy(Path.of("data/smoking.csv"), a.resolve("exam.csv"));
    Path out = tmp.resolve("o");
    CliRunner two = CliRunner.run("compare", "data/exam.csv", a.resolve("exam.csv").toString(), "--output-dir",
        out.toString(), "--format", "markdown");
    assertEquals(0, two.code(), two.err());
    assertTrue(Files.readString(out.resolve("exam.md")).contains("data/exam.csv"));
    assertTrue(Files.readString(out.resolve("exam-2.md")).contains("cigs"));
  }

  @Test
  void reportBatchWritesAReportPerFile() throws IOException {
    Path in = inputs();
    Path out = tmp.resolve("reports");
    CliRunner r = CliRunner.run("report", in.toString(), "--output-dir", out.toString(), "--format", "markdown");
    assertEquals(3, r.code(), r.err());
    for (String stem : List.of("smoking", "exam", "challenger")) {
      String md = Files.readString(out.resolve(stem + ".md"));
      assertTrue(md.startsWith("# logitlab report: " + in.resolve(stem + ".csv")), md);
    }
    assertFalse(Files.exists(out.resolve("broken.md")));
    List<String> summary = lines(out.resolve("summary.csv"));
    assertEquals(5, summary.size());
    assertTrue(summary.get(1).contains(",error,3,"), summary.get(1));
  }
}
