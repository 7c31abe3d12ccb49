package logitlab.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading and printing numbers the way a CSV user means them.
 *
 * <p>{@link Double#parseDouble} accepts more than a spreadsheet user would call a number: hex floats
 * ({@code 0x1p3}), type suffixes ({@code 1d}, {@code 2f}), {@code Infinity} and {@code NaN}. Here a
 * number is only {@code [+-] digits [. digits] [(e|E) [+-] digits]} with at least one digit in the
 * mantissa ({@code .5} and {@code 5.} are fine); anything else is text.
 */
public final class Numbers {

  private Numbers() {}

  /**
   * Whether {@code s} (already trimmed) is written as a decimal number. Says nothing about range:
   * {@code 1e999} is a number that does not fit a double.
   */
  public static boolean looksNumeric(String s) {
    return looksNumeric(s, '.');
  }

  /**
   * Whether {@code s} (already trimmed) is written as a decimal number with this decimal mark:
   * {@code '.'} ({@code 1.5}) or {@code ','} ({@code 1,5}, as a European spreadsheet writes it and
   * R's {@code read.csv2} reads it). With {@code ','}, {@code 1.5} is not a number.
   */
  static boolean looksNumeric(String s, char decimal) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == decimal) {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  /**
   * The value of a trimmed string: a finite double, {@link Double#NaN} when the text is not a
   * number, or an infinity when it is a number too large for a double ({@code 1e999}).
   */
  static double parse(String s) {
    return looksNumeric(s) ? Double.parseDouble(s) : Double.NaN;
  }

  /** Digits with grouping or decimal marks other than one '.': {@code 1,5}, {@code 1 234}, {@code 1.234.567}. */
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d[\\d.,' \u00A0\u202F]*\\d");

  private static final Pattern DOT_THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3}){2,}");

  /**
   * Whether {@code s} (trimmed, and not {@link #looksNumeric}) looks like a number written for a
   * spreadsheet locale: a decimal comma ({@code 1,5}), thousands separators ({@code 1,234},
   * {@code 1 234}, {@code 1'234}, {@code 1.234.567}) or both ({@code 1.234,5}). R would silently read
   * such a column as a factor; logitlab refuses it instead.
   */
  static boolean looksLocalised(String s) {
    return looksLocalised(s, '.');
  }

  /**
   * {@link #looksLocalised(String)} for numbers with this decimal mark: with {@code ','}, a number
   * with a point ({@code 1.5}, {@code 1.234,5}) or grouping spaces or apostrophes.
   */
  static boolean looksLocalised(String s, char decimal) {
    if (!GROUPED.matcher(s).matches()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == (decimal == '.' ? ',' : '.') || c == '\'' || c == ' ' || c == '\u00A0' || c == '\u202F') {
        return true;
      }
    }
    return decimal == '.' && DOT_THOUSANDS.matcher(s).matches();
  }

  /**
   * A number written with this decimal mark ({@link #looksNumeric(String, char)}) in the form
   * {@link Double#parseDouble} reads: {@code 1,5} becomes {@code 1.5}; anything else is returned as
   * it is.
   */
  static String canonical(String s, char decimal) {
    return decimal != '.' && looksNumeric(s, decimal) ? s.replace(decimal, '.') : s;
  }

  /**
   * Whether {@code s} (trimmed) is a spelling of a non-finite number: {@code NaN}, {@code Inf},
   * {@code -Infinity}, in any case.
   */
  static boolean isNonFiniteWord(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    if (t.startsWith("+") || t.startsWith("-")) {
      t = t.substring(1);
    }
    return t.equals("nan") || t.equals("inf") || t.equals("infinity");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A short human form of a value for messages and labels: 4 significant digits, no trailing zeros,
   * no exponent for ordinary magnitudes ({@code 41.29}, {@code 0.5}, {@code 1200}).
   */
  static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    double abs = Math.abs(v);
    return abs >= 1e-4 && abs < 1e9 ? d.toPlainString() : d.toString();
  }
}
