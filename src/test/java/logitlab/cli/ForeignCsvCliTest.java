package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other people's CSV files end to end (issue 9): a decimal comma, another encoding, Excel's
 * {@code sep=} line, standard input as FILE, the warnings about identifier-like and half-empty
 * columns, {@code --empty-level}, and the hints for a misspelt column and for counts without
 * {@code --trials}.
 */
class ForeignCsvCliTest {
  private static final Path EU = Path.of("src/test/resources/csv/admissions-eu.csv");
  private static final Path FR = Path.of("src/test/resources/csv/admissions-excel-fr.csv");
  private static final Path EMPTY = Path.of("src/test/resources/csv/empty-region.csv");
  @TempDir Path tmp;

  /** Output of a run without its file name, which differs between the two inputs compared. */
  private static String withoutName(CliRunner r, String name) {
    assertEquals(0, r.code(), r.err());
    return r.out().replace(name, "FILE");
  }

  @Test
  void aDecimalCommaFileGivesTheSameOutputAsItsDecimalPointOriginal() {
    for (String format : List.of("json", "text", "csv")) {
      String original = withoutName(
          CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "-f", format), "data/admissions.csv");
      String european = withoutName(
          CliRunner.run("compare", EU.toString(), "--decimal", ",", "--factor", "rank", "-f", format), EU.toString());
      assertEquals(original, european, format);
      // the same with the delimiter given, as read.csv2's sep = ";"
      assertEquals(european, withoutName(CliRunner.run("compare", EU.toString(), "--decimal", ",", "-d", ";",
          "--factor", "rank", "-f", format), EU.toString()), format);
    }
  }

  /**
   * predict writes a decimal-comma file's numbers back with its decimal comma (as R's write.csv2), so
   * the output reads back with the same options: the same text as the decimal-point run, with each
   * number's point made a comma and the delimiter ';'.
   */
  @Test
  void predictWritesADecimalCommaFilesNumbersWithADecimalComma() {
    CliRunner point = CliRunner.run("predict", "--train", "data/admissions.csv", "--input", "data/admissions.csv",
        "--factor", "rank", "-x", "gpa,rank");
    CliRunner comma = CliRunner.run("predict", "--train", EU.toString(), "--input", EU.toString(), "--decimal", ",",
        "--factor", "rank", "-x", "gpa,rank");
    assertEquals(0, point.code(), point.err());
    assertEquals(0, comma.code(), comma.err());
    String[] a = point.out().split("\n");
    String[] b = comma.out().split("\n");
    assertEquals(a.length, b.length);
    assertEquals(a[0].replace(',', ';'), b[0]);
    for (int i = 1; i < a.length; i++) {
      String[] ca = a[i].split(",", -1);
      String[] cb = b[i].split(";", -1);
      assertEquals(ca.length, cb.length, b[i]);
      for (int j = ca.length - 5; j < ca.length - 1; j++) { // p_linear, p_logistic, p_neuron, out_of_range
        assertEquals(ca[j].replace('.', ','), cb[j], "line " + (i + 1) + ": " + b[i]);
      }
    }
    assertTrue(b[1].matches(".*;0,\\d+;0,\\d+;0,\\d+;(TRUE|FALSE);$"), b[1]);
  }

  @Test
  void excelsWindows1252FileWithASepLineReadsAsR() throws IOException {
    CliRunner r = CliRunner.run("compare", FR.toString(), "--decimal", ",", "--encoding", "windows-1252",
        "-y", "admit", "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals("rang2ème", j.at("/logistic/coefficients/3/term").asText());
    assertEquals(400, j.at("/input/rowsUsed").asInt());
    // without --encoding, the first non-UTF-8 byte: line 3 (after the sep= line and the header)
    CliRunner utf8 = CliRunner.run("compare", FR.toString(), "--decimal", ",", "-y", "admit");
    assertEquals(3, utf8.code());
    assertTrue(utf8.err().contains(FR + ":3: not valid UTF-8 text (byte 0xE8); the file may be Latin-1 or"
        + " Windows-1252: add --encoding windows-1252"), utf8.err());
  }

  @Test
  void standardInputIsReadAsAFileAndNamedStdin() throws IOException {
    byte[] smoking = Files.readAllBytes(Path.of("data/smoking.csv"));
    String fromFile = withoutName(CliRunner.run("compare", "data/smoking.csv"), "data/smoking.csv");
    assertEquals(fromFile, withoutName(CliRunner.withStdin(smoking, "compare", "-"), "<stdin>"));
    assertTrue(CliRunner.withStdin(smoking, "compare", "-").out().startsWith("logitlab compare: <stdin>\n"));

    // errors name <stdin> and the line
    byte[] bad = "x,g,y\n1,a,0\n2,\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1);
    CliRunner r = CliRunner.withStdin(bad, "compare", "-");
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("logitlab: <stdin>:3: not valid UTF-8 text (byte 0xE9)"), r.err());
    CliRunner empty = CliRunner.withStdin(new byte[0], "compare", "-");
    assertEquals(3, empty.code());
    assertTrue(empty.err().contains("<stdin>: the file is empty"), empty.err());
    CliRunner typo = CliRunner.withStdin(smoking, "compare", "-", "-y", "Disease");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("<stdin>: no column \"Disease\" (did you mean \"disease\"?)"), typo.err());

    // a batch run cannot take standard input
    CliRunner batch = CliRunner.withStdin(smoking, "compare", "-", "data/exam.csv", "--output-dir",
        tmp.resolve("out").toString());
    assertEquals(2, batch.code());
    assertTrue(batch.err().contains("- (standard input) cannot be one of several inputs"), batch.err());
  }

  @Test
  void standardInputIsReadOnceAndLargeInputStreams() {
    // 300,000 rows through a stream that refuses to be read twice
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 300_000; i++) {
      sb.append(i % 97).append(',').append(i % 97 > 40 + i % 13 ? 1 : 0).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    CountingOnce in = new CountingOnce(bytes);
    CliRunner r = CliRunner.withStdin(in, "compare", "-", "--max-epochs", "50");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("300000 read, 300000 used"), r.out());
    assertEquals(bytes.length, in.read, "every byte read exactly once");
  }

  @Test
  void reportFromStandardInputRecordsTheChecksumOfWhatItRead() throws Exception {
    byte[] smoking = Files.readAllBytes(Path.of("data/smoking.csv"));
    Path out = tmp.resolve("r.html");
    CliRunner r = CliRunner.withStdin(smoking, "report", "-", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(out);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(smoking));
    assertTrue(html.contains(sha), "the SHA-256 of the bytes read");
    assertTrue(html.contains("logitlab report: &lt;stdin&gt;"), html.substring(0, 400));
  }

  @Test
  void predictReadsTrainingOrNewRowsFromStandardInput() throws IOException {
    Path input = tmp.resolve("new.csv");
    Files.writeString(input, "cigs,age\n60,52.02\n0,30\n");
    byte[] newRows = Files.readAllBytes(input);
    CliRunner fromFile = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", input.toString());
    CliRunner fromStdin = CliRunner.withStdin(newRows, "predict", "--train", "data/smoking.csv", "--input", "-");
    assertEquals(0, fromStdin.code(), fromStdin.err());
    assertEquals(fromFile.out(), fromStdin.out());
    CliRunner trainStdin = CliRunner.withStdin(Files.readAllBytes(Path.of("data/smoking.csv")), "predict",
        "--train", "-", "--input", input.toString());
    assertEquals(fromFile.out(), trainStdin.out());
    CliRunner both = CliRunner.withStdin(newRows, "predict", "--train", "-", "--input", "-");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("--train and --input cannot both be - (standard input)"), both.err());
    CliRunner badNew = CliRunner.withStdin("cigs,age\n\"1,2\n".getBytes(StandardCharsets.UTF_8), "predict",
        "--train", "data/smoking.csv", "--input", "-");
    assertEquals(3, badNew.code());
    assertTrue(badNew.err().contains("<stdin>:2: a quoted field is not closed"), badNew.err());
  }

  @Test
  void emptyFieldsThatDropManyRowsSuggestEmptyLevelWhichKeepsThemAsR() throws IOException {
    CliRunner r = CliRunner.run("compare", EMPTY.toString(), "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    int empty = j.at("/input/droppedByColumn/region").asInt();
    assertTrue(empty > 0.05 * 160, "more than 5 % of the rows: " + empty);
    assertEquals(160 - empty, j.at("/input/rowsUsed").asInt());
    String warning = j.get("warnings").get(0).asText();
    assertTrue(warning.startsWith("data: column \"region\" is empty in " + empty + " of the 160 rows"), warning);
    assertTrue(warning.contains("add --empty-level"), warning);
    String text = CliRunner.run("compare", EMPTY.toString()).out();
    assertTrue(text.contains("(missing values in \"region\": " + empty + ")"), text);
    assertTrue(text.contains("  warning: column \"region\" is empty in " + empty), text);
    assertTrue(CliRunner.run("compare", EMPTY.toString(), "-f", "csv").out()
        .contains(EMPTY + ",data,region,rows_empty," + empty), "csv");

    JsonNode kept = JSON.readTree(CliRunner.run("compare", EMPTY.toString(), "-f", "json", "--empty-level").out());
    assertEquals(160, kept.at("/input/rowsUsed").asInt());
    assertFalse(kept.get("warnings").toString().contains("--empty-level"));
    // "(empty)" sorts first as R's "" does: the reference level, and a dummy once another is the reference
    assertEquals("regionnorth", kept.at("/logistic/coefficients/2/term").asText());
    JsonNode ref = JSON.readTree(CliRunner.run("compare", EMPTY.toString(), "-f", "json", "--empty-level",
        "--factor", "region:north", "--at", "region=(empty)").out());
    assertEquals("region(empty)", ref.at("/logistic/coefficients/2/term").asText());

    // a share at or below 5 % gets no hint; the count is still in the header
    StringBuilder few = new StringBuilder("x,g,y\n");
    for (int i = 0; i < 40; i++) {
      few.append(i % 7).append(',').append(i == 5 || i == 6 ? "" : i % 2 == 0 ? "a" : "b").append(',')
          .append(i % 3 == 0 ? 1 : 0).append('\n');
    }
    Path fewFile = tmp.resolve("few.csv");
    Files.writeString(fewFile, few);
    String fewText = CliRunner.run("compare", fewFile.toString()).out();
    assertTrue(fewText.contains("(missing values in \"g\": 2)"), fewText);
    assertFalse(fewText.contains("--empty-level"), fewText);
  }

  @Test
  void predictScoresAnEmptyFieldAsTheEmptyLevel() throws IOException {
    Path input = tmp.resolve("new.csv");
    Files.writeString(input, "x,region\n0.5,\n0.5,north\n0.5,NA\n");
    CliRunner r = CliRunner.run("predict", "--train", EMPTY.toString(), "--empty-level", "--input",
        input.toString());
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[1].matches("0\\.5,,0\\.[0-9]+,0\\.[0-9]+,0\\.[0-9]+,FALSE,"), lines[1]);
    assertTrue(lines[3].endsWith("missing value in \"\"region\"\"\""), lines[3]); // NA stays missing
    CliRunner plain = CliRunner.run("predict", "--train", EMPTY.toString(), "--input", input.toString());
    assertTrue(plain.out().split("\n")[1].endsWith("missing value in \"\"region\"\"\""), plain.out());
  }

  @Test
  void anIdentifierLikePredictorIsWarnedAbout() throws IOException {
    StringBuilder sb = new StringBuilder("id,x,y\n");
    for (int i = 0; i < 25; i++) {
      sb.append(1000 + (i * 7) % 25).append(',').append(i % 5).append(',').append(i % 2).append('\n');
    }
    Path f = tmp.resolve("ids.csv");
    Files.writeString(f, sb);
    JsonNode j = JSON.readTree(CliRunner.run("compare", f.toString(), "-f", "json").out());
    assertTrue(j.get("warnings").get(0).asText().startsWith(
        "data: column \"id\" looks like an identifier or a row number: its 25 values are all different whole"
            + " numbers"), j.get("warnings").toString());
    assertFalse(j.get("warnings").toString().contains("column \\\"x\\\""), "x repeats its values");
    // left out, no warning; in 20 rows or fewer, no warning
    assertFalse(CliRunner.run("compare", f.toString(), "-x", "x").out().contains("identifier"));
    Files.writeString(f, sb.substring(0, sb.indexOf("\n", 0) + 1) + String.join("\n",
        sb.toString().lines().skip(1).limit(20).toList()) + "\n");
    assertFalse(CliRunner.run("compare", f.toString()).out().contains("identifier"));
  }

  @Test
  void theReadmesBatchExampleNamesTheTrialsColumnOfDollhill() {
    CliRunner r = CliRunner.run("compare", "data/dollhill.csv");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("If \"cases\" counts successes out of the trials in column \"n\" (grouped"
        + " binomial data), add --trials n"), r.err());
    assertEquals(0, CliRunner.run("compare", "data/dollhill.csv", "--trials", "n").code());
  }

  /** A stream that counts the bytes read and fails if it is read after its end or reset. */
  private static final class CountingOnce extends InputStream {
    private final byte[] bytes;
    int read;
    private boolean ended;

    CountingOnce(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read == bytes.length) {
        if (ended) {
          throw new IllegalStateException("read again after the end");
        }
        ended = true;
        return -1;
      }
      int n = Math.min(len, bytes.length - read);
      System.arraycopy(bytes, read, b, off, n);
      read += n;
      return n;
    }
  }
}
