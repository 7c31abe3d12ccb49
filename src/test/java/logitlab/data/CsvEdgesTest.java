package logitlab.data;

import static logitlab.data.TestCsv.NAME;
import static logitlab.data.TestCsv.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import logitlab.data.DataException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader at the edges of its rules (issue 11: each found by a mutant that no test
 * noticed): the shortest files that are recognisably not CSV, a {@code sep=} line at its length
 * limit and after it the line numbers of every message, header lines that cannot be a header, an
 * I/O error in the middle of a stream, and no file left open after a read, failed or not.
 */
class CsvEdgesTest {
  @TempDir Path dir;

  private DesignMatrix load(byte[] content, CsvFormat format) {
    return DesignMatrixLoader.load(CsvInput.file(TestCsv.writeBytes(dir, content), NAME), format, ModelSpec.defaults());
  }

  private DesignMatrix load(String content) {
    return load(content.getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT);
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  // ---- files that are not text CSV, from their first bytes

  @Test
  void theShortestFilesThatAreNotCsvAreRecognised() {
    assertError(Kind.BAD_INPUT, () -> load(bytes(0xFF, 0xFE), CsvFormat.DEFAULT),
        NAME + ": is UTF-16 text (it starts with a UTF-16 byte-order mark)");
    assertError(Kind.BAD_INPUT, () -> load(bytes(0xFE, 0xFF), CsvFormat.DEFAULT),
        NAME + ": is UTF-16 text (it starts with a UTF-16 byte-order mark)");
    assertError(Kind.BAD_INPUT, () -> load(bytes(0x1F, 0x8B), CsvFormat.DEFAULT),
        NAME + ": is gzip-compressed; decompress it first (gunzip)");
    assertError(Kind.BAD_INPUT, () -> load(bytes('P', 'K', 3, 4), CsvFormat.DEFAULT),
        NAME + ": is a ZIP archive (an .xlsx or .ods workbook?); export the sheet as CSV");
    assertError(Kind.BAD_INPUT, () -> load(bytes('%', 'P', 'D', 'F'), CsvFormat.DEFAULT),
        NAME + ": is a PDF document, not a CSV file");
  }

  @Test
  void aByte0xFeSecondIsLatin1TextNotAByteOrderMark() {
    // "x\xFE" is x followed by the Latin-1 letter thorn: only FF FE or FE FF at the start is a mark
    CsvFormat latin1 = new CsvFormat(',', false, '.', StandardCharsets.ISO_8859_1);
    DesignMatrix d = load(bytes('x', 0xFE, ',', 'y', '\n', '1', ',', '0', '\n', '2', ',', '1', '\n'), latin1);
    assertEquals(List.of("(Intercept)", "x\u00FE"), d.terms());
  }

  // ---- sep= lines

  @Test
  void aSepLineMayBeSixtyFourCharactersLongButNoLonger() {
    String longest = "sep=" + ";".repeat(60); // 64 characters
    DesignMatrix d = load(longest + "\nx;y\n1;0\n2;1\n");
    assertArrayEquals(new int[] {3, 4}, d.lines());
    String tooLong = "sep=" + ";".repeat(61);
    assertError(Kind.BAD_INPUT, () -> load(tooLong + "\nx;y\n1;0\n2;1\n"),
        NAME + ":1: \"sep=;;;", "... (65 characters)\" looks like a spreadsheet \"sep=\" line");
  }

  @Test
  void aSepLineWithMoreThanTheDelimiterIsNotOne() {
    assertError(Kind.BAD_INPUT, () -> load("sep=;x\nx;y\n1;0\n"),
        NAME + ":1: \"sep=;x\" looks like a spreadsheet \"sep=\" line, which is read as the delimiter only as the"
            + " first line of the file");
    // with the default delimiter the line is two fields, "sep=" and "x"
    assertError(Kind.BAD_INPUT, () -> load("sep=,x\nx,y\n1,0\n"), NAME + ":1: \"sep=,x\" looks like a spreadsheet");
    // after a blank line it is the header, two fields "sep=" and ""
    assertError(Kind.BAD_INPUT, () -> load("\nsep=,\nx,y\n1,0\n"), NAME + ":2: \"sep=,\" looks like a spreadsheet");
  }

  @Test
  void aSepLineEndedByACarriageReturnAlone() {
    DesignMatrix d = load("sep=;\rx;y\r1;0\r2;1\r");
    assertEquals(List.of("(Intercept)", "x"), d.terms());
    assertArrayEquals(new double[] {0, 1}, d.y(), 0);
  }

  @Test
  void messagesAfterASepLineCountIt() {
    assertError(Kind.BAD_INPUT, () -> load("sep=;\nx;y\n"), NAME + ": no data rows after the header (line 2)");
    assertError(Kind.BAD_INPUT, () -> load("sep=;\nx;y\n1;0\n\"2\n3\";1;5\n"),
        NAME + ":4: expected 2 fields (as in the header) but found 3 (the row runs from line 4 to line 5:"
            + " is a quote (\") unbalanced?)");
    String longRow = "a".repeat(CsvTable.MAX_RECORD_CHARS + (1 << 17) + 10);
    assertError(Kind.BAD_INPUT, () -> load("sep=;\n" + longRow + "\n1\n"),
        NAME + ":2: a row longer than " + CsvTable.MAX_RECORD_CHARS + " characters");
    assertError(Kind.BAD_INPUT, () -> load("sep=;\nx;y\n1;0\n" + longRow + "\n"),
        NAME + ":4: a row longer than " + CsvTable.MAX_RECORD_CHARS + " characters");
  }

  @Test
  void aRowOnOneLineWithTheWrongWidthHasNoSpanHint() {
    DataException e = assertError(Kind.BAD_INPUT, () -> load("a,b,y\n1,2,0\n1,2,3,1\n"),
        NAME + ":3: expected 3 fields (as in the header) but found 4");
    assertEquals(NAME + ":3: expected 3 fields (as in the header) but found 4", e.getMessage());
  }

  // ---- header lines

  @Test
  void aOneColumnHeaderStartingWithAnotherDelimiter() {
    assertError(Kind.BAD_INPUT, () -> load(";x;y\n;1;0\n"),
        NAME + ":1: the header has one column, \";x;y\", which contains ';': is that the delimiter? (add -d ';')");
  }

  @Test
  void aHeaderOfOnlyDelimitersHasAnEmptyFirstName() {
    assertError(Kind.BAD_INPUT, () -> load(",\n1,0\n"), NAME + ":1: column 1 of the header has an empty name");
  }

  @Test
  void aDoubledByteOrderMarkIsDroppedToo() {
    DesignMatrix d = load("\uFEFF\uFEFFx,y\n1,0\n2,1\n");
    assertEquals(List.of("(Intercept)", "x"), d.terms());
  }

  // ---- I/O errors on a stream

  /** A stream that gives {@code text}, then fails with {@code error}. */
  private static InputStream failingAfter(String text, IOException error) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private final ByteArrayInputStream in = new ByteArrayInputStream(b);

      @Override
      public int read() throws IOException {
        int c = in.read();
        if (c < 0) {
          throw error;
        }
        return c;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
          throw error;
        }
        return n;
      }
    };
  }

  @Test
  void anIoErrorMidStreamIsOneLineNamingTheInput() {
    DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
        () -> DesignMatrixLoader.load(CsvInput.stdin(failingAfter("x,y\n1,0\n2,1\n", new IOException("disk\n  failed"))),
            CsvFormat.DEFAULT, ModelSpec.defaults()));
    assertEquals(Kind.BAD_INPUT, e.kind());
    assertEquals("<stdin>: cannot read the file: disk failed", e.getMessage());
    DataException quiet = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
        () -> DesignMatrixLoader.load(CsvInput.stdin(failingAfter("x,y\n1,0\n", new IOException())),
            CsvFormat.DEFAULT, ModelSpec.defaults()));
    assertEquals("<stdin>: cannot read the file: IOException", quiet.getMessage());
  }

  // ---- no file left open

  private static long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /**
   * Reads that succeed, fail on the first bytes, fail in the header's decoding, or fail on a later
   * row each close the file: a batch of thousands of files must not run out of file handles. (Linux:
   * the open files are counted in /proc/self/fd.)
   */
  @Test
  void everyReadClosesItsFile() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
    Path good = TestCsv.write(dir, "x,y\n1,0\n2,1\n");
    Path gzip = TestCsv.writeBytes(dir, bytes(0x1F, 0x8B, 8, 0));
    Path badHeader = TestCsv.writeBytes(dir, bytes('x', 0xFF, ',', 'y', '\n', '1', ',', '0', '\n'));
    Path ragged = TestCsv.write(dir, "x,y\n1,0\n1,2,3\n");
    for (Path f : List.of(good, gzip, badHeader, ragged)) {
      long before = openFiles();
      for (int k = 0; k < 30; k++) {
        try {
          DesignMatrixLoader.load(CsvInput.file(f, NAME), CsvFormat.DEFAULT, ModelSpec.defaults());
        } catch (DataException expected) {
          assertFalse(expected.getMessage().isEmpty());
        }
      }
      long after = openFiles();
      // 30 reads: a leak would leave 30 more open (a few may come and go with the JVM's own work)
      assertEquals(true, after - before < 10, f.getFileName() + ": " + before + " open before, " + after + " after");
    }
  }

  // ---- long input

  @Test
  void aLongFileWithAByteOrderMarkAndARowJustUnderTheLimitAreRead() {
    StringBuilder csv = new StringBuilder("\uFEFFx,y\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i).append(',').append(i % 2).append('\n');
    }
    DesignMatrix d = load(csv.toString());
    assertEquals(20_000, d.n());
    assertEquals(List.of("(Intercept)", "x"), d.terms());
    // a record of almost MAX_RECORD_CHARS characters (a long unused text field) must pass
    String wide = "t,x,y\n" + "a".repeat(CsvTable.MAX_RECORD_CHARS - 100) + ",1,0\nb,2,1\n";
    DesignMatrix w = DesignMatrixLoader.load(CsvInput.file(TestCsv.write(dir, wide), NAME), CsvFormat.DEFAULT,
        TestCsv.spec("y", List.of("x")));
    assertEquals(2, w.n());
  }

  @Test
  void streamingRowsGiveTheSepLinesFormatAndTheFilesPath() {
    Path f = TestCsv.write(dir, "sep=;\nx;y\n1;0\n");
    CsvInput in = CsvInput.file(f, NAME);
    assertEquals(f, in.path());
    assertEquals(null, CsvInput.stdin(new ByteArrayInputStream(new byte[0])).path());
    try (StreamingRows rows = StreamingRows.open(in, CsvFormat.DEFAULT)) {
      assertEquals(';', rows.format().delimiter());
      assertEquals(List.of("x", "y"), rows.header());
      StreamingRows.Row r = rows.next();
      assertEquals(3, r.line());
      assertArrayEquals(new String[] {"1", "0"}, r.fields());
      assertEquals(null, rows.next());
    }
  }

  @Test
  void closingStreamingRowsClosesTheFile() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
    Path f = TestCsv.write(dir, "x,y\n1,0\n");
    long before = openFiles();
    for (int k = 0; k < 30; k++) {
      try (StreamingRows rows = StreamingRows.open(CsvInput.file(f, NAME), CsvFormat.DEFAULT)) {
        assertEquals(List.of("x", "y"), rows.header());
      }
    }
    long after = openFiles();
    assertEquals(true, after - before < 10, before + " open before, " + after + " after");
  }
}
