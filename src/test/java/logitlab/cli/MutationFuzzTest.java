package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the bundled CSVs (issue 6): byte and bit flips, truncation, line
 * duplication, deletion and swaps, quote and delimiter insertion, and values a spreadsheet might
 * hold ({@code NaN}, {@code 1e999}, {@code 1,5}, a NUL, a BOM, an invalid byte). Each mutant is run
 * through {@code logitlab compare} in-process, alternately as text and as JSON, and must end in
 * success or in a documented error:
 *
 * <ul>
 *   <li>exit code 0, 2, 3 or 4 (never 1, an internal error, and never an exception escaping);
 *   <li>an error is one line on stderr starting with {@code logitlab: } (picocli's usage errors add
 *       a "Try --help" line), with no stack trace and nothing on stdout;
 *   <li>a success prints no non-finite number: the JSON is strict with every number finite (NaN
 *       and infinities are null), the text shows NA only for aliased terms, never NaN or Infinity;
 *   <li>the mutant file is not modified.
 * </ul>
 *
 * A failing mutant is written to {@code target/fuzz-failures/} with its arguments, to be replayed.
 */
class MutationFuzzTest {
  /**
   * At least this many mutants, in under {@link #TIME_LIMIT_MS} (about 10 s on one core). A longer
   * hunt: {@code mvn test -Dtest=MutationFuzzTest -Dfuzz.mutants=50000 -Dfuzz.seed=1}.
   */
  static final int MUTANTS = Integer.getInteger("fuzz.mutants", 3000);

  static final long TIME_LIMIT_MS = 60_000 * Math.max(1, MUTANTS / 3000);
  static final long SEED = Long.getLong("fuzz.seed", 20261127L);

  /**
   * The bundled files, with the arguments they are run with; a "|" marks a variant made from the file
   * first: semicolons for commas, the outcome as no/yes, a numeric factor as letters, a column of prior
   * weights.
   */
  private static final String[][] SOURCES = {
    {"data/smoking.csv"}, {"data/challenger.csv"}, {"data/exam.csv"},
    {"data/survey.csv", "-y", "smoker", "-x", "age,sex,region", "--na", "n/a"},
    {"data/admissions.csv", "--factor", "rank"}, {"data/admissions.csv"},
    {"data/smoking.csv|semicolons", "-d", ";"},
    {"data/exam.csv|yes-no", "--positive", "yes"},
    {"data/admissions.csv|letters", "--factor", "rank:b", "--at", "gre=600,rank=c"},
    {"data/challenger.csv|weights", "--weights", "w"},
  };

  /** Tokens a spreadsheet export may hold, put in place of a field or inserted. */
  private static final String[] TOKENS = {
    "NaN", "Inf", "-Infinity", "1e999", "-1e999", "1e-999", "-0", "", "NA", "n/a", "1,5", "1.234,5",
    "1 234", "1e300", "-1e300", "1e-300", "0x1F", "1d", "TRUE", "yes", "  7  ", "\"", "\"\"", "\0",
    "\uFEFF", "é", "\u2028", "\r", "\n", ";", "\t", "99999999999999999999999", "2", "-1", "0.5",
    "#DIV/0!", "1e100", "3.0000000000000001",
  };

  private static final byte[] INTERESTING_BYTES = {
    ',', ';', '"', '\n', '\r', '\t', ' ', 0, '-', '.', 'e', 'E', '0', '1', '9', 'N', 'a', 'I', 'n',
    'f', (byte) 0xC3, (byte) 0xE9, (byte) 0xFF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0x7F,
  };

  @TempDir Path tmp;

  @Test
  void thousandsOfMutantsEndInSuccessOrADocumentedError() throws IOException {
    List<byte[]> originals = new ArrayList<>();
    for (String[] source : SOURCES) {
      originals.add(source(source[0]));
    }
    SplittableRandom rng = new SplittableRandom(SEED);
    Map<Integer, Integer> byCode = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int run = 0;
    for (; run < MUTANTS; run++) {
      int k = rng.nextInt(SOURCES.length);
      SplittableRandom r = rng.split();
      byte[] mutant = mutate(originals.get(k), r);
      boolean json = (run & 1) == 1;
      Path file = tmp.resolve("m" + run + ".csv");
      Files.write(file, mutant);
      List<String> args = new ArrayList<>(List.of("compare", file.toString(), "--max-epochs", "300"));
      args.addAll(Arrays.asList(SOURCES[k]).subList(1, SOURCES[k].length));
      if (json) {
        args.add("--format");
        args.add("json");
      }
      try {
        int code = runOne(args, mutant, file);
        byCode.merge(code, 1, Integer::sum);
      } catch (AssertionError | RuntimeException e) {
        failures.add("mutant " + run + " of " + SOURCES[k][0] + " (" + String.join(" ", args.subList(2, args.size()))
            + "): " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        save(run, mutant, args, e);
        if (failures.size() >= 10) {
          break;
        }
      }
      Files.delete(file);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    System.out.println("MutationFuzzTest: " + run + " mutants in " + ms + " ms (" + cpuMs
        + " ms CPU); exit codes " + byCode + "; " + failures.size() + " failures");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(MUTANTS, run);
    // CPU time of this thread: the budget holds on a loaded machine too (wall time is printed)
    assertTrue(cpuMs < TIME_LIMIT_MS, "took " + cpuMs + " ms of CPU");
    // the mutations reach all the outcomes, not only one kind of error
    for (int code : List.of(0, 3)) {
      assertTrue(byCode.getOrDefault(code, 0) > MUTANTS / 20, "exit code " + code + ": " + byCode);
    }
  }

  /** Mutants of the file to score in {@link #predictScoresOrRefusesEveryMutatedInputFile}. */
  static final int PREDICT_MUTANTS = Integer.getInteger("fuzz.predict", 600);

  /**
   * {@code predict} streams a new file: mutants of it (the training file stays good) must be scored
   * row by row or refused with one line. A row that cannot be scored keeps its place with a reason;
   * every probability written is a finite number, the logistic and neuron ones in [0, 1]; a failed
   * run leaves no output file.
   */
  @Test
  void predictScoresOrRefusesEveryMutatedInputFile() throws IOException {
    byte[] original = Files.readAllBytes(Path.of("data/smoking.csv"));
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    Map<Integer, Integer> byCode = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long unscored = 0;
    for (int run = 0; run < PREDICT_MUTANTS && failures.size() < 10; run++) {
      byte[] mutant = mutate(original, rng.split());
      Path file = tmp.resolve("p" + run + ".csv");
      Path out = tmp.resolve("p" + run + "-out.csv");
      Files.write(file, mutant);
      List<String> args = List.of("predict", "--train", "data/smoking.csv", "--input", file.toString(),
          "-o", out.toString(), "--max-epochs", "300");
      try {
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        byCode.merge(r.code(), 1, Integer::sum);
        assertTrue(List.of(0, 2, 3).contains(r.code()), "exit code " + r.code() + ": " + r.err());
        CliRunner.assertNoStackTrace(r);
        assertTrue(Arrays.equals(mutant, Files.readAllBytes(file)), "the input file was modified");
        if (r.code() != 0) {
          String[] lines = r.err().split("\n");
          assertTrue(lines[0].startsWith("logitlab: "), r.err());
          assertTrue(lines.length == 1 || r.code() == 2 && lines.length == 2, "not one line: " + r.err());
          assertFalse(Files.exists(out), "output from a failed run");
        } else {
          unscored += checkPredictions(out);
          Files.delete(out);
        }
      } catch (AssertionError | RuntimeException e) {
        failures.add("predict mutant " + run + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        save(1_000_000 + run, mutant, args, e);
      }
      Files.delete(file);
    }
    System.out.println("MutationFuzzTest (predict): " + PREDICT_MUTANTS + " mutated inputs; exit codes " + byCode
        + "; " + unscored + " rows unscored (with a reason); " + failures.size() + " failures");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(byCode.getOrDefault(0, 0) > PREDICT_MUTANTS / 4, byCode.toString());
  }

  /** Checks a predictions file; returns the number of rows without predictions. */
  private static long checkPredictions(Path out) throws IOException {
    long unscored = 0;
    try (com.opencsv.CSVReader reader = new com.opencsv.CSVReaderBuilder(
            Files.newBufferedReader(out, StandardCharsets.UTF_8))
        .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
      String[] header = reader.readNext();
      int w = header.length;
      assertEquals(List.of("p_linear", "p_logistic", "p_neuron", "p_linear_outside_0_1", "reason"),
          Arrays.asList(header).subList(w - 5, w));
      String[] row;
      while ((row = reader.readNext()) != null) {
        assertEquals(w, row.length, "ragged output row " + Arrays.toString(row));
        boolean reason = !row[w - 1].isEmpty();
        for (int k = w - 5; k < w - 2; k++) {
          if (reason) {
            assertEquals("", row[k], "a prediction beside a reason");
          } else {
            double v = Double.parseDouble(row[k]);
            assertTrue(Double.isFinite(v), "prediction " + row[k]);
            assertTrue(k == w - 5 || v >= 0 && v <= 1, "probability " + row[k]);
          }
        }
        unscored += reason ? 1 : 0;
      }
    } catch (com.opencsv.exceptions.CsvValidationException e) {
      throw new AssertionError(e);
    }
    return unscored;
  }

  /** A bundled file, or a variant of it ("file|variant"). */
  private static byte[] source(String name) throws IOException {
    String[] parts = name.split("\\|");
    String text = Files.readString(Path.of(parts[0]), StandardCharsets.UTF_8);
    if (parts.length > 1) {
      switch (parts[1]) {
        case "semicolons" -> text = text.replace(',', ';');
        case "yes-no" -> text = text.replaceAll(",0\n", ",no\n").replaceAll(",1\n", ",yes\n");
        case "letters" -> { // the third column (admissions' rank 1-4) as a-d
          StringBuilder sb = new StringBuilder();
          for (String line : text.split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length > 2 && f[2].matches("[1-4]")) {
              f[2] = String.valueOf((char) ('a' + f[2].charAt(0) - '1'));
            }
            sb.append(String.join(",", f)).append('\n');
          }
          text = sb.toString();
        }
        case "weights" -> { // a prior-weights column w in front: 1, 2, 3, 1, 2, 3, ...
          StringBuilder sb = new StringBuilder();
          String[] lines = text.split("\n");
          for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "w" : String.valueOf(1 + i % 3)).append(',').append(lines[i]).append('\n');
          }
          text = sb.toString();
        }
        default -> throw new IllegalArgumentException(name);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs one mutant and checks the properties; returns the exit code. */
  private static int runOne(List<String> args, byte[] mutant, Path file) throws IOException {
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertTrue(List.of(0, 2, 3, 4).contains(r.code()), "exit code " + r.code() + ": " + r.err());
    CliRunner.assertNoStackTrace(r);
    assertTrue(Arrays.equals(mutant, Files.readAllBytes(file)), "the input file was modified");
    if (r.code() != 0) {
      assertEquals("", r.out(), "output from a failed run");
      String[] lines = r.err().split("\n");
      assertTrue(lines[0].startsWith("logitlab: "), r.err());
      assertTrue(lines.length == 1 || r.code() == 2 && lines.length == 2 && lines[1].startsWith("Try '"),
          "not one line: " + r.err());
      return r.code();
    }
    assertEquals("", r.err(), "stderr on success");
    // The data's own names and labels may hold "NaN" or "Infinity" (a mutated header or outcome
    // value); then only the numbers themselves are checked.
    String text = new String(mutant, StandardCharsets.UTF_8);
    boolean namesClean = !text.contains("NaN") && !text.contains("Infinity");
    if (args.contains("json")) {
      CliRunner.assertFiniteOrNull(JSON.readTree(r.out()), namesClean);
    } else {
      CliRunner.assertNoNonFinite(r.out(), namesClean);
    }
    return 0;
  }

  /** One to three mutations. */
  static byte[] mutate(byte[] original, SplittableRandom r) {
    byte[] b = original;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = mutateOnce(b, r);
    }
    return b;
  }

  private static byte[] mutateOnce(byte[] b, SplittableRandom r) {
    if (b.length == 0) {
      return r.nextBoolean() ? b : "x,y\n".getBytes(StandardCharsets.UTF_8);
    }
    int at = r.nextInt(b.length);
    switch (r.nextInt(10)) {
      case 0: { // a byte replaced by an interesting or a random byte
        byte[] c = b.clone();
        c[at] = r.nextBoolean() ? INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)] : (byte) r.nextInt(256);
        return c;
      }
      case 1: { // a bit flip
        byte[] c = b.clone();
        c[at] ^= (byte) (1 << r.nextInt(8));
        return c;
      }
      case 2: // truncation
        return Arrays.copyOf(b, at);
      case 3: // a quote inserted
        return insert(b, at, new byte[] {'"'});
      case 4: // a delimiter inserted or removed
        return r.nextBoolean() ? insert(b, at, new byte[] {','}) : removeNext(b, at, (byte) ',');
      case 5: { // a field replaced by a token
        int s = fieldStart(b, at);
        int e = fieldEnd(b, at);
        return splice(b, s, e, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
      }
      case 6: { // a line duplicated, up to 50 times
        List<byte[]> lines = lines(b);
        int l = r.nextInt(lines.size());
        int times = 1 + (r.nextInt(4) == 0 ? r.nextInt(50) : 0);
        for (int t = 0; t < times; t++) {
          lines.add(l, lines.get(l));
        }
        return join(lines);
      }
      case 7: { // lines deleted (the header too, sometimes)
        List<byte[]> lines = lines(b);
        int l = r.nextInt(lines.size());
        int count = Math.min(lines.size() - l, 1 + (r.nextInt(4) == 0 ? r.nextInt(100) : 0));
        lines.subList(l, l + count).clear();
        return join(lines);
      }
      case 8: { // two lines swapped
        List<byte[]> lines = lines(b);
        int i = r.nextInt(lines.size());
        int j = r.nextInt(lines.size());
        byte[] t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return join(lines);
      }
      default: // a token inserted anywhere
        return insert(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    return splice(b, at, at, what);
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
    out.write(b, 0, from);
    out.write(what, 0, what.length);
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }

  private static byte[] removeNext(byte[] b, int at, byte what) {
    for (int i = at; i < b.length; i++) {
      if (b[i] == what) {
        return splice(b, i, i + 1, new byte[0]);
      }
    }
    return b;
  }

  private static int fieldStart(byte[] b, int at) {
    int i = at;
    while (i > 0 && b[i - 1] != ',' && b[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  private static int fieldEnd(byte[] b, int at) {
    int i = at;
    while (i < b.length && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
      i++;
    }
    return i;
  }

  /** Lines with their line ends. */
  private static List<byte[]> lines(byte[] b) {
    List<byte[]> lines = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(Arrays.copyOfRange(b, s, i + 1));
        s = i + 1;
      }
    }
    if (s < b.length) {
      lines.add(Arrays.copyOfRange(b, s, b.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] l : lines) {
      out.write(l, 0, l.length);
    }
    return out.toByteArray();
  }

  private static void save(int run, byte[] mutant, List<String> args, Throwable e) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Files.write(dir.resolve("mutant-" + run + ".csv"), mutant);
      Files.writeString(dir.resolve("mutant-" + run + ".txt"),
          String.join(" ", args.subList(2, args.size())) + "\n" + e + "\n");
    } catch (IOException ignored) {
      // the assertion message says enough
    }
  }

  @Test
  void theMutatorIsDeterministic() {
    byte[] in = "a,b,y\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    SplittableRandom r1 = new SplittableRandom(7);
    SplittableRandom r2 = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      first.add(Arrays.toString(mutate(in, r1)));
      second.add(Arrays.toString(mutate(in, r2)));
    }
    assertEquals(first, second);
    assertFalse(first.stream().allMatch(s -> s.equals(Arrays.toString(in))));
  }
}
