package logitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cell neutralisation, quoting and number formatting of CSV; HTML and Markdown escaping. */
class CsvAndEscapeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "=1+1|'=1+1",
    "+cmd|'+cmd",
    "-2+3|'-2+3",
    "@SUM(A1)|'@SUM(A1)",
    "-5.25|-5.25",
    "+1e-3|+1e-3",
    "-|'-",
    "cigs|cigs",
    "a=b|a=b",
    "``|``",
  })
  void formulasAreNeutralisedNumbersAreNot(String in, String out) {
    assertEquals(out, Csv.neutralise(in));
  }

  @Test
  void tabAndCarriageReturnStartsAreNeutralisedAndQuoted() {
    assertEquals("'\tx", Csv.neutralise("\tx"));
    assertEquals("\"'\rx\"", Csv.text("\rx"));
    assertEquals("\"'=HYPERLINK(\"\"http://a\"\",\"\"b\"\")\"", Csv.text("=HYPERLINK(\"http://a\",\"b\")"));
    assertEquals("\"a,b\"", Csv.text("a,b"));
    assertEquals("\"line\nbreak\"", Csv.text("line\nbreak"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0.127004546301234, 0.127004546301",
    "-5.378920788442, -5.37892078844",
    "65.0, 65",
    "2.3722298557712e-35, 2.37222985577e-35",
    "1.0e20, 1e20",
    "0.00001, 0.00001",
    "0.000001, 1e-6",
    "-0.0, 0",
  })
  void numbersHaveTwelveSignificantDigitsAndNoLocale(double v, String expected) {
    assertEquals(expected, Csv.number(v));
  }

  @Test
  void specialValuesAreWrittenAsRWritesThem() {
    assertEquals("NA", Csv.number(Double.NaN));
    assertEquals("Inf", Csv.number(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", Csv.number(Double.NEGATIVE_INFINITY));
    assertEquals("TRUE", Csv.bool(true));
  }

  @Test
  void htmlEscapesMarkupAndKeepsTheDocumentWellFormed() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", Escape.html("<script>alert('x')</script>"));
    assertEquals("a &amp; &quot;b&quot;", Escape.html("a & \"b\""));
    assertEquals("a\\nb\\u0000c\\u0007", Escape.html("a\nb\u0000c\u0007"));
    assertEquals("\uD83D\uDE00 ok \\uD800", Escape.html("\uD83D\uDE00 ok \uD800"));
  }

  @Test
  void markdownCellsCannotBreakTheTableOrInjectMarkup() {
    assertEquals("a\\|b", Escape.markdown("a|b"));
    assertEquals("&lt;img src=x onerror=alert(1)&gt;", Escape.markdown("<img src=x onerror=alert(1)>"));
    assertEquals("\\[link\\](http://x)", Escape.markdown("[link](http://x)"));
    assertEquals("\\*\\*bold\\*\\* \\_x\\_ \\`code\\`", Escape.markdown("**bold** _x_ `code`"));
    assertEquals("two\\nlines", Escape.markdown("two\nlines"));
  }
}
