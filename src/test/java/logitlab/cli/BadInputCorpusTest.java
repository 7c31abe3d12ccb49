package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static logitlab.cli.CliRunner.assertFiniteOrNull;
import static logitlab.cli.CliRunner.assertNoNonFinite;
import static logitlab.cli.CliRunner.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of bad inputs of issue 6 ({@code src/test/resources/bad/}, listed with the expected exit
 * code and message in {@code expected.tsv}), run end to end through {@code logitlab compare}
 * in-process. Files too big to commit (a 50 MB line, 100,000 levels, 1000 predictors) and things that
 * are not plain files (a directory, a missing or unreadable file) are made at run time.
 *
 * <p>For every case: the exit code is the expected one and one the README documents; a failure
 * prints one line on stderr (a usage error may add picocli's "Try --help" line), with the expected
 * fragment, no stack trace and nothing on stdout; the input file is byte-for-byte and time-stamp
 * unchanged; a failing run given {@code -o} leaves an existing output file as it was and no temporary
 * file behind; a successful run prints no non-finite number (text), and its JSON is strict with
 * every estimate a finite number or null.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad");

  @TempDir static Path tmp;

  private static int tried;
  private static int passed;

  /** One row of expected.tsv. */
  record Case(String file, Set<Integer> codes, String fragment, List<String> args, int lineNo) {
    String name() {
      return file + (args.isEmpty() ? "" : " " + String.join(" ", args)) + " -> " + codes;
    }
  }

  static List<Case> manifest() throws IOException {
    List<Case> cases = new ArrayList<>();
    List<String> lines = Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Set<Integer> codes = new TreeSet<>();
      for (String c : f[1].split(",")) {
        codes.add(Integer.parseInt(c.trim()));
      }
      String fragment = f.length > 2 ? f[2] : "";
      List<String> args = f.length > 3 && !f[3].isEmpty() ? Arrays.asList(f[3].split("\\|")) : List.of();
      cases.add(new Case(f[0], codes, fragment, args, i + 1));
    }
    return cases;
  }

  @Test
  void theCorpusHasAtLeastFortyFilesAndEveryFileIsListed() throws IOException {
    List<Case> cases = manifest();
    Set<String> listed = new TreeSet<>();
    for (Case c : cases) {
      listed.add(c.file());
    }
    Set<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(CORPUS)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv")).forEach(files::add);
    }
    Set<String> unlisted = new TreeSet<>(files);
    unlisted.removeAll(listed);
    assertTrue(unlisted.isEmpty(), "corpus files not in expected.tsv: " + unlisted);
    for (String f : listed) {
      assertTrue(f.startsWith("gen:") || files.contains(f), "listed but missing: " + f);
    }
    assertTrue(listed.size() >= 40, "only " + listed.size() + " bad inputs");
  }

  /** The exit codes in the README's "Errors and exit codes" table are the ones the CLI uses. */
  @Test
  void readmeExitCodeTableMatchesTheCode() throws IOException {
    Set<Integer> documented = readmeExitCodes();
    assertEquals(
        Set.of(ExitCodes.OK, ExitCodes.INTERNAL, ExitCodes.USAGE, ExitCodes.BAD_INPUT,
            ExitCodes.NOT_FITTABLE),
        documented);
    for (Case c : manifest()) {
      assertTrue(documented.containsAll(c.codes()), "undocumented exit code in " + c.name());
      assertFalse(c.codes().contains(ExitCodes.INTERNAL), "a bad input may not be an internal error");
    }
  }

  static Set<Integer> readmeExitCodes() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Errors and exit codes");
    assertTrue(start >= 0, "README has no \"Errors and exit codes\" section");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Set<Integer> codes = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\|\\s*(\\d+)\\s*\\|").matcher(section);
    while (m.find()) {
      codes.add(Integer.parseInt(m.group(1)));
    }
    return codes;
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsItsDocumentedAnswer() throws IOException {
    return manifest().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  /**
   * {@code report} and {@code predict} read the training file as {@code compare} does: every bad file
   * that needs no option gets the same exit code and message from them, and no output file.
   */
  @TestFactory
  Stream<DynamicTest> reportAndPredictGiveTheSameAnswers() throws IOException {
    return manifest().stream()
        .filter(c -> !c.file().startsWith("gen:") && c.args().isEmpty() && !c.codes().contains(0))
        .flatMap(c -> Stream.of(
            DynamicTest.dynamicTest("report " + c.name(), () -> checkOtherCommand(c, "report")),
            DynamicTest.dynamicTest("predict " + c.name(), () -> checkOtherCommand(c, "predict"))));
  }

  private static void checkOtherCommand(Case c, String command) throws IOException {
    Path dir = Files.createTempDirectory(tmp, command);
    Path input = prepare(c.file(), dir);
    Path out = dir.resolve(command.equals("report") ? "report.html" : "predictions.csv");
    String[] args = command.equals("report")
        ? new String[] {"report", input.toString(), "-o", out.toString()}
        : new String[] {"predict", "--train", input.toString(), "--input", input.toString(), "-o", out.toString()};
    Snapshot before = Snapshot.of(input);
    CliRunner r = CliRunner.run(args);
    assertTrue(c.codes().contains(r.code()), command + ": exit code " + r.code() + ", expected " + c.codes()
        + "\nstderr: " + r.err());
    assertNoStackTrace(r);
    checkFailure(c, r);
    assertFalse(Files.exists(out), "an output file from a failed run");
    assertEquals(before, Snapshot.of(input), "the input file was modified");
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
    }
  }

  /**
   * Every case read from standard input ({@code compare -}) gets the same exit code and the same
   * message or output, with {@code <stdin>} where the file's name was: the input is read once, in
   * one pass, whatever it is.
   */
  @TestFactory
  Stream<DynamicTest> standardInputGivesTheSameAnswers() throws IOException {
    return manifest().stream()
        .filter(c -> !c.file().startsWith("gen:")
            && c.args().stream().noneMatch(a -> a.contains("{in}") || a.contains("{dir}")))
        .map(c -> DynamicTest.dynamicTest("stdin " + c.name(), () -> checkStdin(c)));
  }

  private static void checkStdin(Case c) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "stdin");
    Path input = prepare(c.file(), dir);
    List<String> rest = new ArrayList<>(c.args());
    List<String> fromFile = new ArrayList<>(List.of("compare", input.toString()));
    fromFile.addAll(rest);
    List<String> fromStdin = new ArrayList<>(List.of("compare", "-"));
    fromStdin.addAll(rest);
    CliRunner f = CliRunner.run(fromFile.toArray(String[]::new));
    CliRunner r = CliRunner.withStdin(Files.readAllBytes(input), fromStdin.toArray(String[]::new));
    assertEquals(f.code(), r.code(), "stderr: " + r.err());
    assertNoStackTrace(r);
    assertEquals(f.err().replace(input.toString(), "<stdin>"), r.err());
    // the text wraps at 80 columns, and the file name is longer than "<stdin>"
    assertEquals(f.out().replace(input.toString(), "<stdin>").replaceAll("\\s+", " "),
        r.out().replaceAll("\\s+", " "));
  }

  /**
   * A batch run over the corpus: every bad file is reported in the summary with its exit code and
   * message, every good file still gets its result, and the run's exit code is the first failure's.
   */
  @Test
  void aBatchOverTheCorpusReportsEveryBadFileAndFitsEveryGoodOne() throws IOException {
    Path in = Files.createTempDirectory(tmp, "batch-in");
    Path out = tmp.resolve("batch-out");
    List<Case> cases = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("compare"));
    for (Case c : manifest()) {
      if (!c.file().startsWith("gen:") && c.args().isEmpty()) {
        cases.add(c);
        args.add(prepare(c.file(), in).toString());
      }
    }
    Path good = in.resolve("good-exam.csv");
    Files.copy(Path.of("data/exam.csv"), good);
    args.add(good.toString());
    cases.add(new Case("good-exam.csv", Set.of(0), "", List.of(), 0));
    args.addAll(List.of("--output-dir", out.toString(), "--format", "json", "--max-epochs", "2000"));

    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertNoStackTrace(r);
    int firstFailure = cases.stream().filter(c -> !c.codes().contains(0)).findFirst().orElseThrow()
        .codes().iterator().next();
    assertEquals(firstFailure, r.code(), r.err());

    Map<String, String[]> rows = new java.util.HashMap<>();
    try (com.opencsv.CSVReader reader = new com.opencsv.CSVReaderBuilder(
            Files.newBufferedReader(out.resolve("summary.csv"), StandardCharsets.UTF_8))
        .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
      List<String> header = Arrays.asList(reader.readNext());
      assertEquals(List.of("file", "status", "exit_code", "error"), header.subList(0, 4));
      String[] row;
      while ((row = reader.readNext()) != null) {
        rows.put(Path.of(row[0]).getFileName().toString(), row);
      }
    } catch (com.opencsv.exceptions.CsvValidationException e) {
      throw new AssertionError(e);
    }
    assertEquals(cases.size(), rows.size(), "one summary row per file");
    int failed = 0;
    for (Case c : cases) {
      String[] row = rows.get(c.file());
      assertTrue(row != null, "no summary row for " + c.file());
      int code = Integer.parseInt(row[2]);
      assertTrue(c.codes().contains(code), c.file() + ": " + String.join(",", row));
      if (code == 0) {
        assertEquals("ok", row[1], c.file());
        String stem = c.file().substring(0, c.file().lastIndexOf('.'));
        assertFiniteOrNull(JSON.readTree(out.resolve(stem + ".json").toFile()));
      } else {
        failed++;
        assertEquals("error", row[1], c.file());
        assertTrue(row[3].contains(c.fragment()), c.file() + ": " + row[3]);
        assertTrue(r.err().contains(c.fragment()), "not on stderr: " + c.fragment());
      }
    }
    assertTrue(r.err().contains(failed + " of " + cases.size() + " files failed"), r.err());
    assertTrue(failed > 30, "only " + failed + " bad files in the batch");
  }

  @AfterAll
  static void summary() {
    System.out.println("BadInputCorpusTest: " + passed + " of " + tried
        + " bad inputs run gave the expected answer");
  }

  private static void check(Case c) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "case");
    Path input = prepare(c.file(), dir); // may skip the case (an unreadable file, as root)
    tried++;
    List<String> args = new ArrayList<>();
    args.add("compare");
    args.add(input.toString());
    boolean writesOutput = false;
    for (String a : c.args()) {
      String v = a.replace("{in}", input.toString()).replace("{dir}", dir.toString());
      args.add(v);
      writesOutput |= a.equals("-o");
    }
    Snapshot before = Snapshot.of(input);
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertTrue(c.codes().contains(r.code()),
        "exit code " + r.code() + ", expected " + c.codes() + "\nstderr: " + r.err() + "\nstdout: " + head(r.out()));
    assertEquals(before, Snapshot.of(input), "the input file was modified");
    assertNoStackTrace(r);
    if (r.code() == 0) {
      checkSuccess(c, r, writesOutput, args, dir);
    } else {
      checkFailure(c, r);
      if (!writesOutput && !c.file().startsWith("gen:")) {
        checkOutputUntouchedOnFailure(args, dir, r.code());
      }
    }
    passed++;
  }

  private static void checkFailure(Case c, CliRunner r) {
    assertEquals("", r.out(), "a failed run printed output");
    String[] lines = r.err().split("\n");
    assertTrue(lines[0].startsWith("logitlab: "), r.err());
    if (r.code() == ExitCodes.USAGE && lines.length == 2) {
      assertTrue(lines[1].startsWith("Try '"), r.err());
    } else {
      assertEquals(1, lines.length, "not one line: " + r.err());
    }
    assertTrue(lines[0].contains(c.fragment()), "expected \"" + c.fragment() + "\" in: " + r.err());
    assertTrue(lines[0].length() < 1000, "message too long: " + lines[0].length());
  }

  private static void checkSuccess(Case c, CliRunner r, boolean writesOutput, List<String> args, Path dir)
      throws IOException {
    String text = r.out();
    if (writesOutput) {
      assertEquals("", text);
      text = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
      try (Stream<Path> s = Files.list(dir)) {
        assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
      }
    }
    assertTrue(text.contains(c.fragment()), "expected \"" + c.fragment() + "\" in:\n" + text);
    assertTrue(text.startsWith("logitlab compare: "), head(text));
    assertNoNonFinite(text);
    // The same run as JSON: strict RFC 8259, every estimate finite or null.
    List<String> json = new ArrayList<>(args);
    int o = json.indexOf("-o");
    if (o >= 0) {
      json.remove(o + 1);
      json.remove(o);
    }
    json.add("--format");
    json.add("json");
    CliRunner j = CliRunner.run(json.toArray(String[]::new));
    assertEquals(0, j.code(), j.err());
    assertFiniteOrNull(JSON.readTree(j.out()));
  }

  /** A failing run given -o leaves an existing output file as it was, and no temporary file. */
  private static void checkOutputUntouchedOnFailure(List<String> args, Path dir, int code) throws IOException {
    Path out = dir.resolve("existing-output.txt");
    Files.writeString(out, "an earlier result\n", StandardCharsets.UTF_8);
    List<String> withOutput = new ArrayList<>(args);
    withOutput.add("-o");
    withOutput.add(out.toString());
    CliRunner r = CliRunner.run(withOutput.toArray(String[]::new));
    assertEquals(code, r.code(), r.err());
    assertEquals("an earlier result\n", Files.readString(out, StandardCharsets.UTF_8));
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
    }
  }

  private static String head(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }

  /** Bytes and modification time of a file (or a directory's time), to show it was not touched. */
  record Snapshot(boolean exists, int hash, long size, FileTime modified) {
    static Snapshot of(Path p) throws IOException {
      if (!Files.exists(p)) {
        return new Snapshot(false, 0, 0, null);
      }
      if (Files.isDirectory(p) || !Files.isReadable(p)) {
        return new Snapshot(true, 0, 0, Files.getLastModifiedTime(p));
      }
      long size = Files.size(p);
      int hash;
      try {
        hash = size > 10_000_000 ? 0 : Arrays.hashCode(Files.readAllBytes(p));
      } catch (IOException e) {
        hash = -1; // a file that cannot be read (the I/O error case)
      }
      return new Snapshot(true, hash, size, Files.getLastModifiedTime(p));
    }
  }

  /** Copies a corpus file into {@code dir}, or makes a generated one there. */
  private static Path prepare(String file, Path dir) throws IOException {
    if (!file.startsWith("gen:")) {
      Path p = dir.resolve(file);
      Files.copy(CORPUS.resolve(file), p);
      return p;
    }
    String name = file.substring(4);
    Path p = dir.resolve(name);
    switch (name) {
      case "missing.csv" -> { }
      case "a-directory" -> Files.createDirectory(p);
      case "io-error.csv" -> { // a read that fails with EIO: readable for root too
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "no /proc/self/mem here: skipped");
        Files.createSymbolicLink(p, mem);
      }
      case "unreadable.csv" -> {
        Files.writeString(p, "x,y\n1,0\n2,1\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(p), "running as a user who can read any file (root): skipped");
      }
      case "line-of-50MB-without-newline.csv" -> {
        try (OutputStream out = Files.newOutputStream(p)) {
          out.write("x,y\n".getBytes(StandardCharsets.US_ASCII));
          byte[] block = new byte[1 << 20];
          Arrays.fill(block, (byte) '7');
          for (int i = 0; i < 50; i++) {
            out.write(block);
          }
        }
      }
      case "unterminated-quote-30000-lines.csv" -> write(p, w -> {
        w.write("x,g,y\n");
        for (int i = 2; i <= 30_000; i++) {
          w.write(i == 10 ? i + ",\"b,1\n" : i + ",a," + (i % 2) + "\n");
        }
      });
      case "100000-levels.csv" -> write(p, w -> {
        w.write("id,x,y\n");
        for (int i = 0; i < 100_000; i++) {
          w.write("id" + i + "," + (i % 97) + "," + (i % 2) + "\n");
        }
      });
      case "1000-predictors-500-rows.csv" -> write(p, w -> {
        StringBuilder line = new StringBuilder();
        for (int j = 1; j <= 1000; j++) {
          line.append('x').append(j).append(',');
        }
        w.write(line.append("y\n").toString());
        for (int i = 0; i < 500; i++) {
          line.setLength(0);
          for (int j = 1; j <= 1000; j++) {
            line.append((i * 31 + j * 17) % 101).append(',');
          }
          w.write(line.append(i % 2).append('\n').toString());
        }
      });
      default -> throw new IllegalArgumentException("no generator for " + file);
    }
    return p;
  }

  private interface Writing {
    void to(BufferedWriter w) throws IOException;
  }

  private static void write(Path p, Writing body) {
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      body.to(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
