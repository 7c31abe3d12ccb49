package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte readers of numbers ({@link Numbers#parseDecimal}, and the chunk parser's one-pass
 * reader) against their oracle: for every text they must say "not a number" exactly when {@link
 * Numbers#looksNumeric(String, char)} does, and otherwise give the bits {@link Double#parseDouble}
 * gives, whether a fast path read the number or declined it. Property test over a fixed seed:
 * random numbers of every shape (up to 25 digits, exponents from -400 to 400, leading and trailing
 * zeros, signs, both decimal marks), random strings near the grammar (a stray letter, two marks, a
 * lone sign or exponent), and the edges of the fast path and of the double range.
 */
class FastDecimalTest {
  private static final int RANDOM_CASES = 300_000;

  /** Texts at the edges: 2^53 and its neighbours, 10^22 and 10^23, subnormals, the largest double. */
  private static final String[] EDGES = {
    "0", "-0", "+0", "0.0", "-0.0", "00000", ".0", "0.", "-.0e5", "0e999", "-0e-999", "0e99999999999",
    "1", "-1", "+1", "1.", ".1", "-.1", "9007199254740992", "9007199254740993", "9007199254740991",
    "-9007199254740993", "900719925474099.3", "9.007199254740993e15", "18014398509481985",
    "1e22", "1e23", "1e-22", "1e-23", "9e22", "9007199254740991e22", "9007199254740991e-22",
    "1e37", "1e38", "123456789e29", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "2.2250738585072014e-308", "2.2250738585072011e-308", "1.7976931348623157e308",
    "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309", "1e-400",
    "123456789012345678", "1234567890123456789", "12345678901234567890", "0.1", "0.2", "0.3",
    "3.141592653589793", "2.718281828459045", "0.30000000000000004", "1.0000000000000002",
    "0.000001", "1e-6", "100000000000000000000000", "99999999999999999999e-20",
    "0.0000000000000000000000000000001", "000000000000000000000000001.5", "1.50000000000000000000",
    "1e+5", "1E-5", "1e05", "1e0000000000000000000001", "9999999999999999e-16",
    "", "+", "-", ".", "+.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "1,5", "1_000", "0x10", "1d",
    "1f", "NaN", "Infinity", "-Infinity", "1 ", " 1", "1e5e5", "--1", "+-1", "1-", "١"
  };

  @ParameterizedTest
  @ValueSource(chars = {'.', ','})
  void agreesWithParseDoubleOnTheEdges(char decimal) {
    for (String s : EDGES) {
      check(s, decimal);
      check(s.replace('.', decimal), decimal);
    }
  }

  @ParameterizedTest
  @ValueSource(chars = {'.', ','})
  void agreesWithParseDoubleOnRandomNumbers(char decimal) {
    SplittableRandom rng = new SplittableRandom(20261130L + decimal);
    int fast = 0;
    for (int k = 0; k < RANDOM_CASES; k++) {
      String s = randomNumber(rng, decimal);
      check(s, decimal);
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      if (Numbers.fastDecimal(b, 0, b.length, decimal) != Numbers.DECLINED) {
        fast++;
      }
    }
    // the generator makes mostly short numbers with small exponents: most take the fast path
    assertTrue(fast > RANDOM_CASES / 2, "fast path taken " + fast + " times");
  }

  @ParameterizedTest
  @ValueSource(chars = {'.', ','})
  void agreesWithLooksNumericOnRandomNearNumbers(char decimal) {
    SplittableRandom rng = new SplittableRandom(77 + decimal);
    String alphabet = "0123456789+-.,eE x";
    for (int k = 0; k < RANDOM_CASES; k++) {
      int n = 1 + rng.nextInt(8);
      StringBuilder sb = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      check(sb.toString(), decimal);
    }
  }

  /** Typical CSV numbers (up to 15 significant digits, |exponent| up to 22) never leave the fast path. */
  @ParameterizedTest
  @ValueSource(chars = {'.', ','})
  void shortNumbersTakeTheFastPath(char decimal) {
    SplittableRandom rng = new SplittableRandom(5);
    for (int k = 0; k < RANDOM_CASES / 10; k++) {
      long m = rng.nextLong(1_000_000_000_000_000L);
      int point = rng.nextInt(16);
      String digits = Long.toString(m);
      String s = point >= digits.length() ? digits
          : digits.substring(0, digits.length() - point) + decimal + digits.substring(digits.length() - point);
      if (rng.nextBoolean()) {
        s += "e" + (rng.nextInt(15) - 7);
      }
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      assertNotEquals(Numbers.DECLINED, Numbers.fastDecimal(b, 0, b.length, decimal), s);
      check(s, decimal);
    }
  }

  /**
   * The chunk parser reads most numbers in one pass with its own copy of the fast path ({@code
   * quickNumber}); every field it calls a number must have parseDouble's bits, and every other field
   * must be text or out of range.
   */
  @ParameterizedTest
  @ValueSource(chars = {'.', ','})
  void theChunkParserReadsNumbersAsParseDoubleDoes(char decimal) {
    SplittableRandom rng = new SplittableRandom(31 + decimal);
    int n = RANDOM_CASES;
    String[] texts = new String[n];
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < n; k++) {
      texts[k] = k % 2 == 0 ? randomNumber(rng, decimal) : shortNumber(rng, decimal);
      sb.append(texts[k]).append('\n');
    }
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    Column column = new Column("f", "x", java.util.Set.of(), true, 1000, decimal);
    CsvFormat format = decimal == '.' ? CsvFormat.DEFAULT : new CsvFormat(';', true, ',', StandardCharsets.UTF_8);
    ChunkParser.Layout layout = ChunkParser.Layout.of(format, java.util.List.of("x"), 1, new Column[] {column});
    ChunkParser.Chunk chunk = ChunkParser.parse(b, 0, b.length, layout);
    assertEquals(n, chunk.rows);
    int numbers = 0;
    for (int k = 0; k < n; k++) {
      String s = texts[k];
      if (chunk.tags[0][k] == ChunkParser.NUMBER) {
        numbers++;
        double expected = Double.parseDouble(Numbers.canonical(s, decimal));
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(chunk.numbers[0][k]), s);
      } else {
        assertTrue(!Numbers.looksNumeric(s, decimal)
            || Double.isInfinite(Double.parseDouble(Numbers.canonical(s, decimal))), s);
      }
    }
    assertTrue(numbers > n / 2, numbers + " numbers");
  }

  /** Up to 18 digits, a mark anywhere, no exponent: the shape the chunk parser reads in one pass. */
  private static String shortNumber(SplittableRandom rng, char decimal) {
    int digits = 1 + rng.nextInt(18);
    StringBuilder sb = new StringBuilder(rng.nextInt(3) == 0 ? "-" : "");
    int point = rng.nextInt(digits + 1);
    for (int i = 0; i < digits; i++) {
      if (i == point) {
        sb.append(decimal);
      }
      sb.append((char) ('0' + rng.nextInt(10)));
    }
    return sb.toString();
  }

  private static String randomNumber(SplittableRandom rng, char decimal) {
    StringBuilder sb = new StringBuilder();
    switch (rng.nextInt(3)) {
      case 0 -> sb.append('-');
      case 1 -> {
        if (rng.nextInt(4) == 0) {
          sb.append('+');
        }
      }
      default -> { }
    }
    int leadingZeros = rng.nextInt(5) == 0 ? rng.nextInt(4) : 0;
    sb.append("0".repeat(leadingZeros));
    int intDigits = rng.nextInt(4) == 0 ? rng.nextInt(26) : rng.nextInt(8);
    for (int i = 0; i < intDigits; i++) {
      sb.append((char) ('0' + rng.nextInt(10)));
    }
    int fracDigits = -1;
    if (rng.nextInt(3) > 0) {
      fracDigits = rng.nextInt(4) == 0 ? rng.nextInt(26) : rng.nextInt(10);
      sb.append(decimal);
      for (int i = 0; i < fracDigits; i++) {
        sb.append((char) ('0' + rng.nextInt(10)));
      }
      if (rng.nextInt(6) == 0) {
        sb.append("0".repeat(rng.nextInt(20))); // trailing zeros
      }
    }
    if (leadingZeros + intDigits + Math.max(fracDigits, 0) == 0) {
      sb.append('7');
    }
    if (rng.nextInt(3) == 0) {
      sb.append(rng.nextBoolean() ? 'e' : 'E');
      int r = rng.nextInt(3);
      if (r == 0) {
        sb.append('-');
      } else if (r == 1 && rng.nextBoolean()) {
        sb.append('+');
      }
      int exp = rng.nextInt(4) == 0 ? rng.nextInt(400) : rng.nextInt(40);
      sb.append(exp);
    }
    return sb.toString();
  }

  private static void check(String s, char decimal) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    double got = Numbers.parseDecimal(b, 0, b.length, decimal);
    boolean numeric = Numbers.looksNumeric(s, decimal);
    if (!numeric) {
      assertTrue(Double.isNaN(got), () -> "\"" + s + "\" is not a number but read as " + got);
      return;
    }
    double expected = Double.parseDouble(Numbers.canonical(s, decimal));
    if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(expected)) {
      fail("\"" + s + "\" (decimal " + decimal + "): " + got + ", parseDouble gives " + expected);
    }
    double fast = Numbers.fastDecimal(b, 0, b.length, decimal);
    if (fast != Numbers.DECLINED) {
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fast), s);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", ".", "e5", "1e", "1.2.3", "0x10", "1d", "NaN", "Infinity", "1 "})
  void malformedNumbersAreText(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertTrue(Double.isNaN(Numbers.parseDecimal(b, 0, b.length, '.')), s);
  }
}
