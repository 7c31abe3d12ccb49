package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.col;
import static logitlab.data.TestCsv.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading files as other programs write them: decimal commas, encodings, Excel's {@code sep=} line,
 * trailing delimiters, standard input; and what the loader notices about the data (identifier-like
 * columns, empty fields, counts without trials, misspelt column names).
 */
class ForeignCsvTest {
  @TempDir Path dir;

  private static final CsvFormat EU = new CsvFormat(';', false, ',', StandardCharsets.UTF_8);

  private DesignMatrix load(String content, CsvFormat format, ModelSpec spec) {
    return DesignMatrixLoader.load(CsvInput.file(TestCsv.write(dir, content), NAME), format, spec);
  }

  private DesignMatrix load(byte[] content, CsvFormat format, ModelSpec spec) {
    return DesignMatrixLoader.load(CsvInput.file(TestCsv.writeBytes(dir, content), NAME), format, spec);
  }

  private DesignMatrix load(String content) {
    return load(content, CsvFormat.DEFAULT, ModelSpec.defaults());
  }

  // ---- decimal comma

  @Test
  void aDecimalCommaIsReadAsReadCsv2ReadsIt() {
    DesignMatrix d = load("x;y\n1,5;0\n-2,25;1\n3;0\n1,5e2;1\n,5;0\n", EU, ModelSpec.defaults());
    assertArrayEquals(new double[] {1.5, -2.25, 3, 150, 0.5}, col(d, 1));
  }

  @Test
  void aDecimalPointIsNotANumberWithADecimalComma() {
    assertError(Kind.BAD_INPUT, () -> load("x;y\n1,5;0\n2.5;1\n", EU, ModelSpec.defaults()),
        NAME + ":3: column \"x\": \"2.5\" is not a number with --decimal ',': a decimal point or a thousands"
            + " separator?");
    assertError(Kind.BAD_INPUT, () -> load("x;y\n1,5;0\n1.234,5;1\n", EU, ModelSpec.defaults()),
        NAME + ":3: column \"x\": \"1.234,5\" is not a number with --decimal ','");
  }

  @Test
  void decimalCommaLevelsOfACategoricalColumnAreNumbers() {
    DesignMatrix d = load("g;y\n1,5;0\n2,5;1\n1,5;1\n10;0\n2,5;0\n", EU,
        new ModelSpec("y", null, Map.of("g", "1.5"), null, Set.of()));
    assertEquals(List.of("(Intercept)", "g2.5", "g10"), d.terms());
  }

  @Test
  void aDecimalCommaNeedsAnotherDelimiter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CsvFormat(',', true, ',', StandardCharsets.UTF_8));
    assertEquals("--decimal ',' and the delimiter ',' are the same character; with a decimal comma the fields"
        + " are separated by ';' (add -d ';')", e.getMessage());
  }

  // ---- encodings

  @Test
  void latin1AndWindows1252AreDecodedWhenNamed() {
    byte[] latin1 = "x,ville,y\n1,Orl\u00e9ans,0\n2,Paris,1\n3,Orl\u00e9ans,1\n4,Paris,0\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    DesignMatrix d = load(latin1, new CsvFormat(',', false, '.', StandardCharsets.ISO_8859_1), ModelSpec.defaults());
    assertEquals(List.of("Orl\u00e9ans", "Paris"), d.predictors().get(1).levels());
    byte[] cp1252 = "x,g,y\n1,\u201cb\u201d,0\n2,\u20ac,1\n3,\u201cb\u201d,1\n"
        .getBytes(Charset.forName("windows-1252"));
    DesignMatrix e = load(cp1252, new CsvFormat(',', false, '.', Charset.forName("windows-1252")),
        ModelSpec.defaults());
    assertEquals(List.of("\u201cb\u201d", "\u20ac"), e.predictors().get(1).levels());
  }

  @Test
  void aBadByteFarIntoTheFileIsReportedOnItsLineInOnePass() {
    StringBuilder sb = new StringBuilder("x,g,y\n");
    for (int i = 0; i < 30_000; i++) { // well past the decoder's 64 KB buffers
      sb.append(i).append(",a,").append(i % 2).append('\n');
    }
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 6];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(new byte[] {'9', ',', (byte) 0xE9, ',', '1', '\n'}, 0, bytes, head.length, 6);
    assertError(Kind.BAD_INPUT, () -> load(bytes, CsvFormat.DEFAULT, ModelSpec.defaults()),
        NAME + ":30002: not valid UTF-8 text (byte 0xE9); the file may be Latin-1 or Windows-1252: add"
            + " --encoding windows-1252 (or --encoding ISO-8859-1), or save it as UTF-8");
  }

  @Test
  void aByteWindows1252LacksIsAnError() {
    byte[] bytes = {'x', ',', 'y', '\n', '1', ',', '0', '\n', (byte) 0x81, ',', '1', '\n'};
    assertError(Kind.BAD_INPUT,
        () -> load(bytes, new CsvFormat(',', false, '.', Charset.forName("windows-1252")), ModelSpec.defaults()),
        NAME + ":3: not valid windows-1252 text (byte 0x81); is --encoding windows-1252 the file's encoding?");
  }

  // ---- Excel's sep= line

  @Test
  void aSepLineIsSkippedAndObeyed() {
    for (String sep : List.of("sep=;\n", "sep=;\r\n", "SEP=;\n", "\"sep=;\"\n", "sep=;;;\n", "\uFEFFsep=;\n")) {
      DesignMatrix d = load(sep + "x;y\n1;0\n2;1\n3;0\n");
      assertArrayEquals(new double[] {1, 2, 3}, col(d, 1), sep);
      assertArrayEquals(new int[] {3, 4, 5}, d.lines(), "line numbers count the sep= line: " + sep);
    }
    assertArrayEquals(new double[] {1, 2}, col(load("sep=\t\nx\ty\n1\t0\n2\t1\n"), 1));
    // the lines after it are numbered as in the file
    assertError(Kind.BAD_INPUT, () -> load("sep=;\nx;y\n1;0\n2\n"),
        NAME + ":4: expected 2 fields (as in the header) but found 1");
  }

  @Test
  void aSepLineThatContradictsTheOptionsIsAnError() {
    assertError(Kind.USAGE, () -> load("sep=;\nx;y\n1;0\n", CsvFormat.delimitedBy(','), ModelSpec.defaults()),
        NAME + ":1: the first line, \"sep=;\", says the delimiter is ';' but -d gives ','; leave out -d");
    assertEquals(1, load("sep=;\nx;y\n1;0\n2;1\n", CsvFormat.delimitedBy(';'), ModelSpec.defaults()).n() - 1);
    assertError(Kind.BAD_INPUT, () -> load("sep=,\nx;y\n1;0\n", EU, ModelSpec.defaults()),
        NAME + ":1: the first line, \"sep=,\", names ',' as the delimiter, which cannot be the decimal mark too");
  }

  // ---- trailing delimiters

  @Test
  void aHeaderEndingInDelimitersHasNoUnnamedColumns() {
    DesignMatrix d = load("x,y,,\n1,0,,\n2,1\n3,0,\n4,1,,\n");
    assertEquals(List.of("(Intercept)", "x"), d.terms()); // y, the last named column, is the outcome
    assertEquals(4, d.n());
    assertArrayEquals(new double[] {0, 1, 0, 1}, d.y());
  }

  @Test
  void aValueInAnUnnamedColumnIsAnError() {
    assertError(Kind.BAD_INPUT, () -> load("x,y,\n1,0,\n2,1,7\n"),
        NAME + ":3: column 3 has no name in the header (line 1 ends with a delimiter) but holds \"7\" here;"
            + " name the column in the header, or remove the value");
    assertError(Kind.BAD_INPUT, () -> load("x,,y\n1,2,0\n"), NAME + ":1: column 2 of the header has an empty name");
    assertError(Kind.BAD_INPUT, () -> load("x,y,,\n1,0\n2\n"),
        NAME + ":3: expected 2 to 4 fields (as in the header, which ends with delimiters) but found 1");
  }

  @Test
  void streamingRowsDropTheEmptyTrailingFields() {
    try (StreamingRows rows = StreamingRows.open(CsvInput.file(TestCsv.write(dir, "a,b,\n1,2,\n3,4\n5,6,7\n"), NAME),
        CsvFormat.DEFAULT)) {
      assertEquals(List.of("a", "b"), rows.header());
      assertArrayEquals(new String[] {"1", "2"}, rows.next().fields());
      assertArrayEquals(new String[] {"3", "4"}, rows.next().fields());
      assertArrayEquals(new String[] {"5", "6", "7"}, rows.next().fields()); // the caller says what is wrong
      assertNull(rows.next());
    }
  }

  // ---- standard input

  @Test
  void aStreamReadsAsAFileOnceAndIsNamedStdin() {
    CsvInput in = CsvInput.stdin(new ByteArrayInputStream("sep=;\nx;y\n1,5;0\n2;1\n".getBytes(StandardCharsets.UTF_8)));
    DesignMatrix d = DesignMatrixLoader.load(in, EU, ModelSpec.defaults());
    assertEquals("<stdin>", d.file());
    assertArrayEquals(new double[] {1.5, 2}, col(d, 1));
    assertThrows(IllegalStateException.class,
        () -> DesignMatrixLoader.load(in, CsvFormat.DEFAULT, ModelSpec.defaults()));
    DataException e = assertThrows(DataException.class, () -> DesignMatrixLoader.load(
        CsvInput.stdin(new ByteArrayInputStream(new byte[] {0x1F, (byte) 0x8B, 8, 0})), CsvFormat.DEFAULT,
        ModelSpec.defaults()));
    assertEquals("<stdin>: is gzip-compressed; decompress it first (gunzip)", e.getMessage());
  }

  // ---- empty fields

  @Test
  void emptyFieldsOfATextColumnAreCountedAndCanBeALevel() {
    String csv = "x,g,y\n1,b,0\n2,,1\n3,a,0\n4,,1\n5,NA,0\n6,b,1\n7,a,1\n";
    DesignMatrix d = load(csv);
    assertEquals(Map.of("g", 3), d.droppedByColumn());
    assertEquals(Map.of("g", 2), d.notes().emptyAsMissing()); // NA is not an empty field
    DesignMatrix e = load(csv, CsvFormat.DEFAULT, ModelSpec.defaults().withEmptyLevel(true));
    assertEquals(6, e.n()); // the NA row is still dropped
    assertEquals(List.of("(empty)", "a", "b"), e.predictors().get(1).levels()); // first, as R sorts ""
    assertEquals(List.of("(Intercept)", "x", "ga", "gb"), e.terms());
    assertEquals(Map.of(), e.notes().emptyAsMissing());
    DesignMatrix f = load(csv, CsvFormat.DEFAULT,
        new ModelSpec(null, null, Map.of("g", "a"), null, Set.of()).withEmptyLevel(true));
    assertEquals(List.of("(Intercept)", "x", "g(empty)", "gb"), f.terms());
  }

  @Test
  void emptyFieldsOfANumberColumnStayMissingAsInR() {
    String csv = "x,g,y\n1,1,0\n2,,1\n3,2,0\n4,2,1\n5,1,1\n";
    for (Map<String, String> factors : List.of(Map.<String, String>of(), Map.of("g", ""))) {
      DesignMatrix d = load(csv, CsvFormat.DEFAULT,
          new ModelSpec(null, null, factors, null, Set.of()).withEmptyLevel(true));
      assertEquals(4, d.n(), factors.toString());
      assertEquals(Map.of(), d.notes().emptyAsMissing());
    }
  }

  @Test
  void theEmptyLevelsNameMayNotBeTakenAlready() {
    assertError(Kind.BAD_INPUT,
        () -> load("g,y\na,0\n(empty),1\n,0\nb,1\n", CsvFormat.DEFAULT, ModelSpec.defaults().withEmptyLevel(true)),
        NAME + ":3: column \"g\" has the value \"(empty)\", which is how --empty-level names an empty field");
  }

  // ---- identifiers

  @Test
  void distinctWholeNumbersInMoreThan20RowsLookLikeAnIdentifier() {
    // sparse spans more than 16 values a row (checked by sorting), the others by a bit per value
    StringBuilder sb = new StringBuilder("id,neg,step,frac,dup,sparse,sparsedup,y\n");
    for (int i = 0; i < 21; i++) {
      sb.append(50 - 3 * i).append(',').append(-i).append(',').append(2 * i).append(',').append(i + 0.5)
          .append(',').append(i == 20 ? 0 : i).append(',').append(1000L * i * i).append(',')
          .append(i == 20 ? 0 : 1000L * i * i).append(',').append(i % 2).append('\n');
    }
    assertEquals(List.of("id", "neg", "step", "sparse"), load(sb.toString()).notes().identifierLike());
  }

  // ---- counts without --trials

  @Test
  void countsWithoutTrialsNameTheColumnsThatCouldHoldThem() {
    String csv = "dose,n,m,w,dead\n1,20,30,1.5,2\n2,20,30,2,5\n3,20,30,2,9\n4,20,12,3,14\n5,20,30,4,18\n";
    DataException e = assertError(Kind.BAD_INPUT, () -> load(csv),
        NAME + ": outcome \"dead\" has 5 values after dropping missing rows");
    assertEquals(true, e.getMessage().endsWith("If \"dead\" counts successes out of the trials in column \"n\""
        + " (grouped binomial data), add --trials n"), e.getMessage()); // m is below dead on line 5, w a fraction
    DataException two = assertError(Kind.BAD_INPUT,
        () -> load("n,k,y\n10,10,3\n10,12,5\n10,20,3\n", CsvFormat.DEFAULT, spec("y", null)),
        NAME + ": outcome \"y\" must be coded 0/1 but its values are 3 and 5");
    assertEquals(true, two.getMessage().endsWith("add --trials n (other columns that could hold the trials: k)"),
        two.getMessage());
    DataException none = assertError(Kind.BAD_INPUT, () -> load("x,y\n1,0\n0,1\n3,2\n"),
        NAME + ": outcome \"y\" has 3 values");
    assertEquals(true, none.getMessage().endsWith("(0/1, TRUE/FALSE or two labels)"), none.getMessage());
  }

  // ---- names

  @Test
  void aMisspeltColumnIsMatchedByCaseOrASmallEdit() {
    List<String> names = List.of("y", "age", "region", "income", "Cigs");
    assertEquals("y", Names.closest("Y", names));
    assertEquals("Cigs", Names.closest("cigs", names));
    assertEquals("region", Names.closest("regoin", names)); // a transposition is two edits
    assertEquals("income", Names.closest("incme", names));
    assertEquals("age", Names.closest("ages", names));
    assertNull(Names.closest("x", names)); // one or two characters: case only
    assertNull(Names.closest("sex", names));
    assertNull(Names.closest("weight", names));
    assertEquals(2, Names.distance("regoin", "region", 10));
    assertEquals(3, Names.distance("kitten", "sitting", 10));
  }
}
