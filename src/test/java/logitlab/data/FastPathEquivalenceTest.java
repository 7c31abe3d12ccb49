package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path ({@link ChunkedReader}) against opencsv alone ({@link CsvTable.Reading#OPENCSV}):
 * for every file under {@code data/} and {@code src/test/resources/}, and for a few thousand
 * random CSV texts full of what the fast path hands over to opencsv (quotes, line breaks in
 * quotes, CR and CRLF line ends, blank lines, bytes that are not ASCII or not UTF-8, NULs, wrong
 * widths, the header again, numbers out of range, mixed columns, too many levels), each read in
 * several formats and column selections, in one block or in blocks of a few bytes, on one thread
 * or several. The tables must be identical to the last bit (header, rows, line numbers, each
 * column's mode, values, codes, levels in order of first appearance and their first lines,
 * missing and empty fields, the level overflow), or the error the same (kind and message).
 */
class FastPathEquivalenceTest {

  /** The fast readings compared with opencsv: one block on one thread, tiny blocks, threads. */
  private static final List<CsvTable.Reading> FAST = List.of(
      new CsvTable.Reading(true, 1 << 20, 1),
      new CsvTable.Reading(true, 5, 1),
      new CsvTable.Reading(true, 48, 2),
      new CsvTable.Reading(true, 1, 3));

  private static final CsvFormat SEMICOLON_COMMA = new CsvFormat(';', true, ',', StandardCharsets.UTF_8);

  /** Which columns a selection keeps, and how. */
  enum Selection {
    /** Every column, its type inferred (as predictors). */
    INFERRED,
    /** Every column as text (as the outcome and factors). */
    TEXT,
    /** The last column as text, the others inferred; missing-value markers; at most 3 levels. */
    MIXED,
    /** Only the second column (or the first, if there is one), inferred. */
    ONE
  }

  static Stream<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("data", "src/test/resources")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "the corpus: " + files.size() + " files");
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void readsEveryTestFileAsOpencsvDoes(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (Selection selection : Selection.values()) {
      compare(file.toString(), bytes, CsvFormat.DEFAULT, selection, FAST);
    }
    for (CsvFormat format : List.of(SEMICOLON_COMMA, CsvFormat.delimitedBy('\t'),
        new CsvFormat(',', false, '.', Charset.forName("windows-1252")))) {
      compare(file.toString(), bytes, format, Selection.MIXED, FAST);
    }
  }

  @Test
  void readsRandomTextsAsOpencsvDoes() {
    SplittableRandom rng = new SplittableRandom(20261130);
    for (int k = 0; k < 2500; k++) {
      byte[] text = randomCsv(rng);
      CsvFormat format = switch (rng.nextInt(6)) {
        case 0 -> SEMICOLON_COMMA;
        case 1 -> CsvFormat.delimitedBy(',');
        case 2 -> new CsvFormat(',', false, '.', StandardCharsets.ISO_8859_1);
        default -> CsvFormat.DEFAULT;
      };
      Selection selection = Selection.values()[rng.nextInt(Selection.values().length)];
      compare("random #" + k + ":\n" + printable(text), text, format, selection,
          List.of(FAST.get(rng.nextInt(FAST.size())), FAST.get(rng.nextInt(FAST.size()))));
    }
  }

  /** Standard input takes the same path as a file. */
  @Test
  void readsStandardInputAsOpencsvDoes() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int k = 0; k < 200; k++) {
      byte[] text = randomCsv(rng);
      String expected = describe(() -> CsvTable.read(CsvInput.stdin(new ByteArrayInputStream(text)),
          CsvFormat.DEFAULT, selector(Selection.MIXED, '.'), CsvTable.Reading.OPENCSV));
      CsvTable.Reading how = FAST.get(k % FAST.size());
      String actual = describe(() -> CsvTable.read(CsvInput.stdin(new ByteArrayInputStream(text)),
          CsvFormat.DEFAULT, selector(Selection.MIXED, '.'), how));
      assertEquals(expected, actual, "stdin #" + k + ":\n" + printable(text));
    }
  }

  /** The comparison can fail: a table differs from another one with a single changed value. */
  @Test
  void theComparisonSeesAChangedValue() {
    String a = describe(read("x,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT,
        Selection.MIXED, CsvTable.Reading.OPENCSV));
    String b = describe(read("x,y\n1,0\n2.0000000000000004,1\n".getBytes(StandardCharsets.UTF_8),
        CsvFormat.DEFAULT, Selection.MIXED, FAST.get(0)));
    assertTrue(!a.equals(b), a);
  }

  private static void compare(String what, byte[] bytes, CsvFormat format, Selection selection,
      List<CsvTable.Reading> readings) {
    Path file = write(bytes);
    try {
      String expected = describe(() -> CsvTable.read(CsvInput.file(file, "in.csv"), format, selector(selection, format.decimal()),
          CsvTable.Reading.OPENCSV));
      for (CsvTable.Reading how : readings) {
        String actual = describe(() -> CsvTable.read(CsvInput.file(file, "in.csv"), format, selector(selection, format.decimal()), how));
        assertEquals(expected, actual, what + "\nformat " + format + ", " + selection + ", " + how);
      }
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }

  private static java.util.function.Supplier<CsvTable> read(byte[] bytes, CsvFormat format,
      Selection selection, CsvTable.Reading how) {
    Path file = write(bytes);
    return () -> CsvTable.read(CsvInput.file(file, "in.csv"), format, selector(selection, format.decimal()), how);
  }

  private static Path write(byte[] bytes) {
    try {
      Path file = Files.createTempFile("fastpath", ".csv");
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The columns of a selection; those of {@link Selection#MIXED} have the format's decimal mark (as
   * the design matrix's columns have), the others the decimal point whatever the format.
   */
  private static CsvTable.ColumnSelector selector(Selection selection, char decimal) {
    return header -> {
      Column[] columns = new Column[header.size()];
      for (int j = 0; j < columns.length; j++) {
        String name = header.get(j);
        columns[j] = switch (selection) {
          case INFERRED -> new Column("in.csv", name, Set.of(), true, 1000, '.');
          case TEXT -> new Column("in.csv", name, Set.of(), false, 1000, '.');
          case MIXED -> new Column("in.csv", name, Set.of("-99", "?", "n/a", "é"), j < columns.length - 1, 3, decimal);
          case ONE -> j == Math.min(1, columns.length - 1) ? new Column("in.csv", name, Set.of(), true, 1000, '.') : null;
        };
      }
      return columns;
    };
  }

  /** A full description of a table, or of the error reading it. */
  private static String describe(java.util.function.Supplier<CsvTable> read) {
    CsvTable t;
    try {
      t = read.get();
    } catch (DataException e) {
      return "error " + e.kind() + ": " + e.getMessage();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("header ").append(t.header()).append('\n');
    sb.append("rows ").append(t.rows()).append(", lines");
    for (int r = 0; r < t.rows(); r++) {
      sb.append(' ').append(t.line(r));
    }
    sb.append('\n');
    for (int j = 0; j < t.header().size(); j++) {
      Column c = t.column(j);
      if (c == null) {
        continue;
      }
      sb.append("column ").append(c.name()).append(c.isText() ? " text" : " numeric").append(", size ")
          .append(c.size()).append(", missing ").append(c.missingCount()).append(", empty ")
          .append(c.emptyCount()).append(":");
      for (int r = 0; r < c.size(); r++) {
        sb.append(' ').append(c.emptyAt(r) ? "_" : "");
        if (c.isText()) {
          sb.append(c.code(r));
        } else {
          sb.append(Long.toHexString(Double.doubleToRawLongBits(c.value(r))));
        }
      }
      if (c.overflowed()) {
        sb.append("; overflow at line ").append(c.overflowLine()).append(' ').append(c.overflowText())
            .append(", ").append(c.distinctCount()).append(" distinct");
      } else if (c.isText()) {
        sb.append("; levels");
        for (int code = 0; code < c.distinct(); code++) {
          sb.append(" [").append(c.text(code)).append("] from line ").append(c.firstLine(code));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  // ---- random CSV texts ------------------------------------------------------------------------

  private static final String[] PLAIN = {
    "0", "1", "-1", "2.5", "-0.0", ".5", "5.", "1e3", "1E-3", "+7", "0012", "3.141592653589793",
    "12345678901234567890", "1e999", "-1e999", "1e-999", "NA", "", " ", "  3 ", "-99", "?", "n/a",
    "a", "b", "Yes", "No", "x y", "TRUE", "false", "1,5", "1.234,5", "1 234", "Inf", "NaN", "0x1p3",
    "\t4\t", "\u0001", "sep=;", "x1", "y"
  };

  private static final String[] ODD = {
    "\"a\"", "\"a,b\"", "\"a;b\"", "\"a\"\"b\"", "\"\"", "\"multi\nline\"", "\"multi\r\nline\"",
    "a\"b", "\"a\" ", " \"a\"", "\"unclosed", "é", "ü", "日本", "\u00A0", "\0", "\uFEFF"
  };

  private static byte[] randomCsv(SplittableRandom rng) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    double odd = rng.nextInt(3) == 0 ? 0 : rng.nextDouble() * 0.05;
    char delimiter = rng.nextInt(4) == 0 ? ';' : ',';
    String[] ends = {"\n", "\r\n", "\r"};
    String end = ends[rng.nextInt(5) < 3 ? 0 : rng.nextInt(3)];
    boolean mixedEnds = rng.nextInt(10) == 0;
    int width = 1 + rng.nextInt(4);
    if (rng.nextInt(15) == 0) {
      write(out, "\uFEFF");
    }
    if (rng.nextInt(20) == 0) {
      write(out, "sep=" + delimiter + end);
    }
    if (rng.nextInt(20) == 0) {
      write(out, end);
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      names.add(rng.nextInt(15) == 0 ? "\"c" + j + "\"" : (j == width - 1 ? "y" : "x" + j));
    }
    String header = String.join(String.valueOf(delimiter), names) + (rng.nextInt(20) == 0 ? String.valueOf(delimiter) : "");
    write(out, header + end);
    int rows = rng.nextInt(40);
    // a column's favourite kind of value, so that many columns are all numbers or all text
    int[] kind = new int[width];
    for (int j = 0; j < width; j++) {
      kind[j] = rng.nextInt(3);
    }
    for (int r = 0; r < rows; r++) {
      if (rng.nextInt(25) == 0) {
        write(out, rng.nextBoolean() ? "" : "  ");
        write(out, mixedEnds ? ends[rng.nextInt(3)] : end);
        continue;
      }
      if (rng.nextInt(60) == 0) {
        write(out, header + end);
        continue;
      }
      int w = rng.nextInt(30) == 0 ? Math.max(1, width + rng.nextInt(3) - 1) : width;
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < w; j++) {
        if (j > 0) {
          line.append(delimiter);
        }
        line.append(field(rng, kind[Math.min(j, width - 1)], odd, delimiter));
      }
      if (rng.nextInt(40) == 0) {
        line.append(delimiter);
      }
      write(out, line.toString());
      if (rng.nextInt(200) == 0) {
        out.write(0xFF); // not UTF-8
      }
      if (r < rows - 1 || rng.nextInt(3) > 0) {
        write(out, mixedEnds ? ends[rng.nextInt(3)] : end);
      }
    }
    return out.toByteArray();
  }

  private static String field(SplittableRandom rng, int kind, double odd, char delimiter) {
    if (rng.nextDouble() < odd) {
      return ODD[rng.nextInt(ODD.length)];
    }
    String s = switch (kind) {
      case 0 -> rng.nextInt(10) == 0 ? PLAIN[rng.nextInt(PLAIN.length)]
          : Double.toString(Math.round(rng.nextGaussian() * 1000) / 100.0);
      case 1 -> rng.nextInt(10) == 0 ? PLAIN[rng.nextInt(PLAIN.length)] : String.valueOf(rng.nextInt(5));
      default -> PLAIN[rng.nextInt(PLAIN.length)];
    };
    return delimiter == ';' && rng.nextBoolean() ? s.replace('.', ',') : s.replace(String.valueOf(delimiter), "");
  }

  private static void write(java.io.ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String printable(byte[] text) {
    String s = new String(text, StandardCharsets.UTF_8);
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }
}
