package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static logitlab.data.TestCsv.col;
import static logitlab.data.TestCsv.load;
import static logitlab.data.TestCsv.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CSV text is read: encoding, line ends, quoting, delimiters, line numbers, file errors. */
class CsvFormatTest {
  @TempDir Path dir;

  @Test
  void byteOrderMarkIsStrippedFromTheFirstName() {
    DesignMatrix d = load(dir, "\uFEFFage,y\n30,0\n40,1\n", TestCsv.spec("y", List.of("age")));
    assertEquals(List.of("(Intercept)", "age"), d.terms());
  }

  @Test
  void crlfLineEnds() {
    DesignMatrix d = load(dir, "x,y\r\n1,0\r\n2,1\r\n3,0\r\n");
    assertEquals(3, d.n());
    assertArrayEquals(new int[] {2, 3, 4}, d.lines());
    assertArrayEquals(new double[] {1, 2, 3}, col(d, 1));
  }

  @Test
  void lastLineWithoutLineEnd() {
    assertEquals(2, load(dir, "x,y\n1,0\n2,1").n());
  }

  @Test
  void quotedFieldsWithCommasQuotesAndNewlinesKeepLineNumbersRight() {
    String csv =
        "name,g,y\n"
            + "\"Smith, J.\",a,0\n" // line 2
            + "\"two\nlines \"\"quoted\"\"\",b,1\n" // lines 3-4
            + "\"C:\\dir\\\",a,1\n" // line 5: backslashes are ordinary characters
            + "plain,b,0\n"; // line 6
    DesignMatrix d = load(dir, csv, TestCsv.spec("y", List.of("g")));
    assertArrayEquals(new int[] {2, 3, 5, 6}, d.lines());
    assertArrayEquals(new double[] {0, 1, 0, 1}, col(d, 1));
  }

  @Test
  void errorAfterAMultiLineFieldNamesTheRightLine() {
    String csv = "x,note,y\n1,\"a\nb\nc\",0\n2,ok,1\n3,bad\n";
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv, TestCsv.spec("y", List.of("x"))),
        NAME + ":6: expected 3 fields (as in the header) but found 2");
  }

  @Test
  void aLineBreakInAModelColumnIsTakenForAMissingQuote() {
    String csv = "x,g,y\n1,a,0\n2,\"b,1\n3,a,0\n4,b\",1\n5,a,0\n";
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv),
        NAME + ":3: column \"g\": the value \"b,1\\n3,a,0\\n4,b\" spans several lines: is a closing"
            + " quote (\") missing?");
  }

  @Test
  void aRowThatSwallowedLinesSaysWhereItRan() {
    String csv = "x,g,y\n1,a,0\n2,\"b,1\n3,a,0\n4,b\",1,7\n5,a,0\n";
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, csv),
        NAME + ":3: expected 3 fields (as in the header) but found 4 (the row runs from line 3 to"
            + " line 5: is a quote (\") unbalanced?)");
  }

  @Test
  void anUnclosedQuoteStopsAtTheMultilineLimit() {
    StringBuilder csv = new StringBuilder("x,g,y\n1,\"a,0\n");
    for (int i = 0; i < CsvTable.MULTILINE_LIMIT + 10; i++) {
      csv.append(i).append(",a,0\n");
    }
    assertError(Kind.BAD_INPUT, () -> load(dir, csv.toString()),
        NAME + ":2: a quoted field runs over more than 10000 lines; is a closing quote (\") missing?");
  }

  @Test
  void aRowLongerThanTheBoundFailsEarly() {
    StringBuilder csv = new StringBuilder("x,y\n1,0\n");
    csv.append("7".repeat(CsvTable.MAX_RECORD_CHARS + 200_000));
    assertError(Kind.BAD_INPUT, () -> load(dir, csv.toString()),
        NAME + ":3: a row longer than 1000000 characters");
    // just below the bound is fine (and then a value that is not a number)
    String ok = "x,g,y\n1,a,0\n2,b,1\n3," + "z".repeat(CsvTable.MAX_RECORD_CHARS - 100) + ",1\n";
    DesignMatrix d = load(dir, ok);
    assertEquals(3, d.n());
  }

  @Test
  void nulBytesAreRefusedWithTheirLine() {
    Path f = TestCsv.writeBytes(dir, "x,y\n1,0\n2,1\n3\0,0\n".getBytes(StandardCharsets.UTF_8));
    assertError(Kind.BAD_INPUT, () -> DesignMatrixLoader.load(f, NAME, ',', ModelSpec.defaults()),
        NAME + ":4: a NUL byte (0x00) in the text");
  }

  @Test
  void anErrorNearTheEndIsNeverTakenForTheEndOfTheFile() {
    // opencsv's reader check swallows I/O errors as end of file: a bad byte far down the file must
    // still be reported, not silently drop the rows after it.
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append(i).append(',').append(i % 2).append('\n');
    }
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(text, text.length + 4);
    System.arraycopy(new byte[] {'1', ',', (byte) 0xFF, '\n'}, 0, bytes, text.length, 4);
    Path f = TestCsv.writeBytes(dir, bytes);
    assertError(Kind.BAD_INPUT, () -> DesignMatrixLoader.load(f, NAME, ',', ModelSpec.defaults()),
        NAME + ":50002: not valid UTF-8 text (byte 0xFF)");
  }

  @Test
  void aByteOrderMarkAloneIsAnEmptyFile() {
    Path f = TestCsv.writeBytes(dir, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    assertError(Kind.BAD_INPUT, () -> DesignMatrixLoader.load(f, NAME, ',', ModelSpec.defaults()),
        NAME + ": the file is empty");
  }

  @Test
  void filesThatAreNotTextSayWhatTheyAre() {
    byte[][] heads = {
      {(byte) 0xFF, (byte) 0xFE, 'x', 0}, {0x1F, (byte) 0x8B, 8, 0}, {'P', 'K', 3, 4, 0},
      {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, {'%', 'P', 'D', 'F', '-'}
    };
    String[] says = {"is UTF-16 text", "is gzip-compressed", "is a ZIP archive", "is an Office document",
        "is a PDF document"};
    for (int k = 0; k < heads.length; k++) {
      Path f = TestCsv.writeBytes(dir, heads[k]);
      assertError(Kind.BAD_INPUT, () -> DesignMatrixLoader.load(f, NAME, ',', ModelSpec.defaults()),
          NAME + ": " + says[k]);
    }
  }

  @Test
  void aRepeatedHeaderIsCalledOut() {
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n1,0\n2,1\n x , y\n3,0\n"),
        NAME + ":4: the header row appears again as data (were files joined together?)");
  }

  @Test
  void aOneColumnHeaderHoldingAnotherDelimiterSuggestsIt() {
    assertError(Kind.BAD_INPUT, () -> load(dir, "x;y\n1;0\n2;1\n"),
        NAME + ":1: the header has one column, \"x;y\", which contains ';': is that the delimiter?"
            + " (add -d ';')");
    assertError(Kind.BAD_INPUT, () -> load(dir, "\nsep=;\nx;y\n1;0\n"),
        NAME + ":2: \"sep=;\" looks like a spreadsheet \"sep=\" line");
  }

  @Test
  void controlCharactersInMessagesAreEscaped() {
    assertError(Kind.USAGE, () -> load(dir, "\"a\tb\",y\n1,0\n", TestCsv.spec("nope", null)),
        NAME + ": no column \"nope\"; columns are: a\\tb, y");
  }

  @Test
  void blankLinesAreNotRows() {
    DesignMatrix d = load(dir, "x,y\n\n1,0\n   \n2,1\n\n");
    assertEquals(2, d.rowsRead());
    assertArrayEquals(new int[] {3, 5}, d.lines());
  }

  @Test
  void semicolonDelimiter() {
    Path f = write(dir, "x;g;y\n1,5;a;0\n2;b;1\n3;a;1\n");
    // "1,5" is one field (a decimal comma), and not a number: x mixes numbers and text.
    assertError(
        Kind.BAD_INPUT,
        () -> DesignMatrixLoader.load(f, NAME, ';', ModelSpec.defaults()),
        NAME + ":2: column \"x\": \"1,5\" is not a number");
    Path ok = write(dir, "x;g;y\n1.5;a;0\n2;b;1\n3;a;1\n");
    DesignMatrix d = DesignMatrixLoader.load(ok, NAME, ';', ModelSpec.defaults());
    assertEquals(List.of("(Intercept)", "x", "gb"), d.terms());
    assertArrayEquals(new double[] {1.5, 2, 3}, col(d, 1));
  }

  @Test
  void tabDelimiter() {
    Path f = write(dir, "x\tnote\ty\n1\ta, b\t0\n2\tc\t1\n");
    DesignMatrix d = DesignMatrixLoader.load(f, NAME, '\t', TestCsv.spec("y", List.of("x")));
    assertEquals(2, d.n());
  }

  @Test
  void raggedRowsAreRejected() {
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "a,b,y\n1,2,0\n1,2,3,1\n"),
        NAME + ":3: expected 3 fields (as in the header) but found 4");
    // also in columns the model does not use
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "a,b,y\n1,2,0\n1,1\n", TestCsv.spec("y", List.of("a"))),
        NAME + ":3: expected 3 fields (as in the header) but found 2");
  }

  @Test
  void emptyFile() {
    assertError(Kind.BAD_INPUT, () -> load(dir, ""), NAME + ": the file is empty");
    assertError(Kind.BAD_INPUT, () -> load(dir, "\n\n"), NAME + ": the file is empty");
  }

  @Test
  void headerOnly() {
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n"), NAME + ": no data rows after the header");
    assertError(Kind.BAD_INPUT, () -> load(dir, "x,y\n\n\n"), "no data rows");
  }

  @Test
  void duplicateColumnNames() {
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "age,x,age,y\n1,2,3,0\n"),
        NAME + ":1: duplicate column name \"age\"",
        "columns 1 and 3");
  }

  @Test
  void emptyColumnName() {
    assertError(
        Kind.BAD_INPUT, () -> load(dir, "age, ,y\n1,2,0\n"), NAME + ":1: column 2 of the header has an empty name");
  }

  @Test
  void invalidUtf8NamesTheLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("x,y\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 20_000; i++) { // past the reader's buffers
      out.write("1,0\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write("caf".getBytes(StandardCharsets.UTF_8));
    out.write(0xE9); // Latin-1 e-acute: not UTF-8
    out.write(",1\n".getBytes(StandardCharsets.UTF_8));
    Path f = TestCsv.writeBytes(dir, out.toByteArray());
    assertError(
        Kind.BAD_INPUT,
        () -> DesignMatrixLoader.load(f, NAME, ',', ModelSpec.defaults()),
        NAME + ":20002: not valid UTF-8");
  }

  @Test
  void validUtf8TextIsKept() {
    DesignMatrix d = load(dir, "ville,y\nZürich,0\nGenève,1\nZürich,1\n");
    assertEquals(List.of("(Intercept)", "villeZürich"), d.terms());
  }

  @Test
  void unterminatedQuote() {
    assertError(
        Kind.BAD_INPUT,
        () -> load(dir, "x,y\n1,0\n2,\"1\n3,0\n"),
        NAME + ":3: a quoted field is not closed");
  }

  @Test
  void missingFile() {
    assertError(
        Kind.BAD_INPUT,
        () -> DesignMatrixLoader.load(dir.resolve("nope.csv"), NAME, ',', ModelSpec.defaults()),
        NAME + ": no such file");
  }

  @Test
  void directory() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertError(
        Kind.BAD_INPUT,
        () -> DesignMatrixLoader.load(sub, NAME, ',', ModelSpec.defaults()),
        NAME + ": is a directory");
  }
}
