package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How numbers are read and shown in messages, and how lists of names are cut short. The expected
 * forms are the ones the README's messages show (4 significant digits, plain for ordinary
 * magnitudes); the boundaries of each rule are checked on both sides.
 */
class NumbersAndTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0 | 0", "-0.0 | 0", "41.2875 | 41.29", "0.5 | 0.5", "1200 | 1200", "-3.14159 | -3.142",
    "0.0001 | 0.0001", "0.00009999 | 0.00009999", "999999999 | 1000000000", "100000000 | 100000000",
    "1e9 | 1E+9", "1.5e-7 | 1.5E-7", "12345678 | 12350000", "-2e12 | -2E+12"})
  void formatShowsFourSignificantDigitsPlainForOrdinaryMagnitudes(double v, String expected) {
    // from 1e-4 up to 1e9 plain; beyond, BigDecimal's own form (plain down to 1e-6, then E)
    assertEquals(expected, Numbers.format(v));
  }

  @Test
  void formatOfNonFiniteValuesNamesThem() {
    assertEquals("NaN", Numbers.format(Double.NaN));
    assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
  }

  @Test
  void parseReadsOnlyDecimalNumbers() {
    assertEquals(-2.5, Numbers.parse("-2.5"));
    assertEquals(0.5, Numbers.parse(".5"));
    assertEquals(5, Numbers.parse("+5."));
    assertEquals(1200, Numbers.parse("1.2E3"));
    assertEquals(Double.POSITIVE_INFINITY, Numbers.parse("1e999"));
    for (String s : new String[] {"0x1F", "1d", "Infinity", "NaN", "1e", "e5", "-", ".", "1.2.3", "1e+", " 1", ""}) {
      assertTrue(Double.isNaN(Numbers.parse(s)), s);
    }
  }

  @Test
  void nonFiniteWordsInAnyCaseWithASign() {
    for (String s : new String[] {"NaN", "nan", "Inf", "-inf", "+Infinity", "-INFINITY"}) {
      assertTrue(Numbers.isNonFiniteWord(s), s);
    }
    for (String s : new String[] {"infinite", "na", "n/a", "--inf", "1"}) {
      assertFalse(Numbers.isNonFiniteWord(s), s);
    }
  }

  @Test
  void localisedNumbersNeedAGroupingMarkOrDottedThousands() {
    assertTrue(Numbers.looksLocalised("1.234.567"));
    assertTrue(Numbers.looksLocalised("-1.234.567"));
    assertTrue(Numbers.looksLocalised("1'234"));
    assertTrue(Numbers.looksLocalised("1\u00A0234"));
    assertTrue(Numbers.looksLocalised("1\u202F234"));
    assertFalse(Numbers.looksLocalised("1.234"), "a plain decimal");
    assertFalse(Numbers.looksLocalised("1234.567.8"), "not groups of three");
    assertFalse(Numbers.looksLocalised("1,"), "no digit after the mark");
    assertFalse(Numbers.looksLocalised("a,b"));
  }

  @Test
  void listsShowTwentyNamesThenTheCount() {
    List<String> names = new ArrayList<>();
    for (int k = 1; k <= Text.SHOWN_NAMES; k++) {
      names.add("c" + k);
    }
    String twenty = Text.list(names);
    assertTrue(twenty.startsWith("c1, c2, "), twenty);
    assertTrue(twenty.endsWith("c19, c20"), twenty);
    names.add("c21");
    assertEquals(twenty + ", ... (21 in all)", Text.list(names));
    assertEquals("a\\nb", Text.list(List.of("a\nb")));
    assertEquals("", Text.list(List.of()));
  }

  @Test
  void escapeCutsAfterSixtyCharactersAndNotBefore() {
    String sixty = "x".repeat(Text.SHOWN_CHARS);
    assertEquals(sixty, Text.escape(sixty));
    assertEquals(sixty + "... (61 characters)", Text.escape(sixty + "y"));
    assertEquals("\\r", Text.escape("\r"));
    assertEquals("\\u2029", Text.escape("\u2029"));
    assertEquals("\\uDE00x", Text.escape("\uDE00x"), "a lone low surrogate");
    assertEquals("\\uD83Dx", Text.escape("\uD83Dx"), "a high surrogate without its pair");
  }
}
