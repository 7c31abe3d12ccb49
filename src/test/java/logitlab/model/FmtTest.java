package logitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Fmt}, the one number formatter: fixed cases, and {@link Fmt#plain} and {@link Fmt#g}
 * against the definitions they replaced (the copies in nn/Init, nn/ActivationCurves,
 * fit/NeuronOptions, fit/Comparer and report/DiagnosticText) on seeded random values.
 */
class FmtTest {
  @ParameterizedTest
  @CsvSource({
    "3, 3", "-2, -2", "0, 0", "-0.0, 0", "0.1, 0.1", "2.5e-7, 0.00000025", "1e15, 1000000000000000",
    "123.456, 123.456", "NaN, NaN", "Infinity, Infinity"
  })
  void plainWritesANumberAsAUserWouldTypeIt(double v, String expected) {
    assertEquals(expected, Fmt.plain(v));
  }

  @ParameterizedTest
  @CsvSource({
    "12345, 1.235e+04", "0.5, 0.5", "100, 100", "0.000012345, 1.235e-05", "1.23456, 1.235", "9999.4, 9999",
    "-0.25, -0.25"
  })
  void gIsCsPercentGWithoutTrailingZeros(double v, String expected) {
    assertEquals(expected, Fmt.g(v, 4));
  }

  @ParameterizedTest
  @CsvSource({
    "0.000123456, 4, 0.0001235", "1234567, 3, 1230000", "12345678, 3, 1.23e+07", "0.5, 4, 0.5",
    "NaN, 4, NA", "-Infinity, 4, -Inf", "0, 4, 0"
  })
  void sigGivesSignificantDigits(double v, int digits, String expected) {
    assertEquals(expected, Fmt.sig(v, digits));
  }

  @Test
  void plainAndGAgreeWithTheCopiesTheyReplaced() {
    SplittableRandom rng = new SplittableRandom(20261129L);
    for (int k = 0; k < 20_000; k++) {
      double v = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-9, 12)) * rng.nextDouble();
      if (k % 4 == 0) {
        v = Math.rint(v);
      }
      String copy = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
      assertEquals(copy, Fmt.plain(v), "plain(" + v + ")");
      String g = String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
          .replaceAll("\\.$", "");
      assertEquals(g, Fmt.g(v, 4), "g(" + v + ")");
    }
  }
}
