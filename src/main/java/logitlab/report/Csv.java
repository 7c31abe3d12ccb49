package logitlab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import logitlab.data.Numbers;

/**
 * Writing CSV that opens safely in a spreadsheet and reads back exactly in R or pandas.
 *
 * <ul>
 *   <li><b>Quoting</b> as RFC 4180: a cell holding the delimiter, a quote or a line break is put in
 *       double quotes, with its quotes doubled. Lines end in LF.
 *   <li><b>Formula injection</b> (OWASP "CSV injection"): a text cell that begins with {@code =},
 *       {@code +}, {@code -}, {@code @}, a tab or a carriage return and is not a number would be run
 *       as a formula by Excel, LibreOffice or Google Sheets ({@code =HYPERLINK(...)}); it is written
 *       with a leading apostrophe, which the spreadsheet shows as text. Numbers ({@code -0.5}) are
 *       left alone.
 *   <li><b>Numbers</b> ({@link #number}): 12 significant digits, no locale, {@code NA} for a value
 *       that is not defined, {@code Inf}/{@code -Inf} for infinite ones, as R writes them.
 * </ul>
 */
public final class Csv {
  /** Significant digits of {@link #number}. */
  static final int DIGITS = 12;

  private Csv() {}

  /** A text cell: neutralised against formula injection, then quoted if needed. */
  public static String text(String s) {
    return quote(neutralise(s));
  }

  /** A text cell of a file whose fields are separated by {@code delimiter}. */
  public static String text(String s, char delimiter) {
    return quote(neutralise(s), delimiter);
  }

  /** A number cell: see the class comment. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros();
    double a = Math.abs(v);
    if (a >= 1e-5 && a < 1e15) {
      return b.toPlainString();
    }
    String digits = b.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - b.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "") + mantissa + "e" + exponent;
  }

  /** An integer cell. */
  public static String number(long v) {
    return Long.toString(v);
  }

  /** A boolean cell as R writes it. */
  public static String bool(boolean b) {
    return b ? "TRUE" : "FALSE";
  }

  /** Cells (already made with {@link #text} or {@link #number}) joined into one line with LF. */
  public static String line(List<String> cells) {
    return String.join(",", cells) + "\n";
  }

  /** Cells joined into one line with LF. */
  public static String line(String... cells) {
    return String.join(",", cells) + "\n";
  }

  /**
   * {@code s} with a leading apostrophe when a spreadsheet would take it for a formula: it begins
   * with {@code = + - @}, a tab or a CR, and is not a number.
   */
  public static String neutralise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !isNumber(s) ? "'" + s : s;
  }

  /** {@code s} in double quotes (quotes doubled) when it holds a comma, a quote or a line break. */
  static String quote(String s) {
    return quote(s, ',');
  }

  /** {@code s} in double quotes (quotes doubled) when it holds the delimiter, a quote or a line break. */
  public static String quote(String s, char delimiter) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return "\"" + s.replace("\"", "\"\"") + "\"";
      }
    }
    return s;
  }

  /**
   * Whether {@code s} is a decimal number as logitlab reads one ({@code [+-] digits [. digits]
   * [(e|E) [+-] digits]}): such a cell is written as it is, even when it starts with {@code -} or
   * {@code +}.
   */
  static boolean isNumber(String s) {
    return Numbers.looksNumeric(s);
  }

}
