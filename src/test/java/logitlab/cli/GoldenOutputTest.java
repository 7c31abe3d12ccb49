package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden-file tests: {@code compare data/smoking.csv --format F} must print exactly the bytes stored
 * in {@code src/test/resources/golden-output/}, for each format. The files were checked by eye when
 * they were made (the numbers against R's in {@code golden/fits/smoking.json}); a change to any renderer
 * shows up here as a diff.
 *
 * <p>After an intended change of the output, regenerate them and review the diff:
 * <pre>
 * mvn -B test -Dtest=GoldenOutputTest -Dgolden.update=true
 * git diff src/test/resources/golden-output/
 * </pre>
 */
class GoldenOutputTest {
  private static final Path DIR = Path.of("src/test/resources/golden-output");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "text,     smoking.txt,  data/smoking.csv,    ''",
    "markdown, smoking.md,   data/smoking.csv,    ''",
    "csv,      smoking.csv,  data/smoking.csv,    ''",
    "json,     smoking.json, data/smoking.csv,    ''",
    "markdown, admissions.md,  data/admissions.csv, '--factor rank'",
    "csv,      admissions.csv, data/admissions.csv, '--factor rank'",
  })
  void outputIsByteForByteTheGoldenFile(String format, String golden, String input, String extra) throws IOException {
    String[] more = extra.isEmpty() ? new String[0] : extra.split(" ");
    String[] args = new String[4 + more.length];
    args[0] = "compare";
    args[1] = input;
    args[2] = "--format";
    args[3] = format;
    System.arraycopy(more, 0, args, 4, more.length);
    CliRunner r = CliRunner.run(args);
    assertEquals(0, r.code(), r.err());
    Path file = DIR.resolve(golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, r.out(), StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(file), file + " is missing; make it with -Dgolden.update=true");
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(r.out())) {
      fail("compare " + input + " --format " + format + " differs from " + file + " at "
          + firstDifference(expected, r.out()) + "\nIf the change is intended, run: mvn -B test "
          + "-Dtest=GoldenOutputTest -Dgolden.update=true and review git diff " + DIR);
    }
  }

  /** Line and the two lines where two texts first differ. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "(end of file)";
      String y = i < a.length ? a[i] : "(end of file)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y;
      }
    }
    return "(line ends)";
  }
}
