package logitlab.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
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

  /**
   * The value of the ASCII text {@code b[from, to)} (already trimmed) when it is a decimal number with
   * this decimal mark ({@link #looksNumeric(String, char)}): exactly the double {@link
   * Double#parseDouble} gives for it (an infinity when it is too large), or {@link Double#NaN} when
   * the text is not a number. Most numbers are read by {@link #fastDecimal} without a string; the
   * rest by {@link Double#parseDouble}.
   */
  static double parseDecimal(byte[] b, int from, int to, char decimal) {
    double v = fastDecimal(b, from, to, decimal);
    if (v != DECLINED) {
      return v; // a value, or NaN for text
    }
    String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    return Double.parseDouble(decimal == '.' ? s : s.replace(decimal, '.'));
  }

  /** {@link #fastDecimal}'s answer for a number it leaves to {@link Double#parseDouble}. */
  static final double DECLINED = Double.POSITIVE_INFINITY;

  /** 2^53: every integer up to it is a double. */
  private static final long EXACT_INTEGER = 1L << 53;

  /** 10^0 ... 10^22: the powers of ten that are doubles exactly. */
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Clinger's fast path for reading a decimal number: the text is the grammar of {@link
   * #looksNumeric(String, char)}, its value is m &times; 10^e with the integer m of its significant
   * digits. When m &le; 2^53 and |e| &le; 22, both m and 10^|e| are doubles exactly, so one IEEE
   * multiplication or division, which rounds correctly, gives the correctly rounded value of the
   * decimal: the double {@link Double#parseDouble} returns. (When e &gt; 22 but m &times; 10^(e - 22)
   * is still an integer &le; 2^53, that product times 10^22 is exact in the same way.)
   *
   * <p>W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990, section 5; the
   * same path opens {@code jdk.internal.math.FloatingDecimal.ASCIIToBinaryBuffer.doubleValue}.
   *
   * @return the value; {@link Double#NaN} when the text is not a number; {@link #DECLINED} when it
   *     is a number outside the fast path (more than 18 significant digits, m &gt; 2^53, or an
   *     exponent out of range), for {@link Double#parseDouble} to read
   */
  static double fastDecimal(byte[] b, int from, int to, char decimal) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int significant = 0;
    int digits = 0;
    int scale = 0; // value = m * 10^(scale + exponent)
    boolean declined = false;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      digits++;
      if (m != 0 || d != 0) {
        if (significant < 18) {
          m = 10 * m + d;
          significant++;
        } else {
          declined = true;
        }
      }
    }
    if (i < to && b[i] == decimal) {
      for (i++; i < to; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        digits++;
        if (m != 0 || d != 0) {
          if (significant < 18) {
            m = 10 * m + d;
            significant++;
          } else {
            declined = true;
          }
        }
        scale--;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        negativeExponent = b[i] == '-';
        i++;
      }
      int start = i;
      for (; i < to; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (exponent < 100_000) {
          exponent = 10 * exponent + d; // larger exponents are all out of the fast path
        }
      }
      if (i == start) {
        return Double.NaN;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (i != to) {
      return Double.NaN;
    }
    if (declined) {
      return DECLINED;
    }
    if (m == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (m > EXACT_INTEGER) {
      return DECLINED;
    }
    int e = scale + exponent;
    double v;
    if (e == 0) {
      v = m;
    } else if (e > 0 && e <= 22) {
      v = m * POW10[e];
    } else if (e < 0 && e >= -22) {
      v = m / POW10[-e];
    } else if (e > 22 && e <= 22 + 15) {
      long scaled = m;
      for (int k = 22; k < e && scaled <= EXACT_INTEGER; k++) {
        scaled *= 10;
      }
      if (scaled > EXACT_INTEGER) {
        return DECLINED;
      }
      v = scaled * POW10[22];
    } else {
      return DECLINED;
    }
    return negative ? -v : v;
  }

  /** The patterns of {@link #looksLocalised}, compiled when first needed (not by a file of numbers). */
  private static final class Localised {
    /** Digits with grouping or decimal marks other than one '.': {@code 1,5}, {@code 1 234}, {@code 1.234.567}. */
    static final Pattern GROUPED = Pattern.compile("[+-]?\\d[\\d.,' \u00A0\u202F]*\\d");

    static final Pattern DOT_THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3}){2,}");
  }

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
    if (!Localised.GROUPED.matcher(s).matches()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == (decimal == '.' ? ',' : '.') || c == '\'' || c == ' ' || c == '\u00A0' || c == '\u202F') {
        return true;
      }
    }
    return decimal == '.' && Localised.DOT_THOUSANDS.matcher(s).matches();
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
