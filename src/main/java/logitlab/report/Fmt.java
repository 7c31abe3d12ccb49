package logitlab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by the renderers: locale-independent, deterministic. */
public final class Fmt {
  private Fmt() {}

  /**
   * {@code sig} significant digits, plain notation for 1e-4 &lt;= |v| &lt; 1e7, scientific otherwise;
   * {@code NA} for NaN, as R prints a missing estimate.
   */
  public static String sig(double v, int sig) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e7) {
      BigDecimal b = new BigDecimal(v).round(new MathContext(sig));
      String s = b.toPlainString();
      return s.contains(".") ? stripZeros(s) : s;
    }
    return String.format(Locale.ROOT, "%." + (sig - 1) + "e", v).replaceFirst("\\.?0+e", "e");
  }

  private static String stripZeros(String s) {
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A count: an integer without decimals, a weighted (fractional) count with 4 significant digits. */
  static String count(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return sig(v, 4);
  }

  /** {@code digits} decimals, fixed. */
  static String fixed(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** R's format.pval style: {@code < 2e-16} below machine precision, else 3 significant digits. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p < 2.220446e-16) {
      return "< 2e-16";
    }
    return sig(p, 3);
  }

  /** R's significance stars: *** &lt; 0.001, ** &lt; 0.01, * &lt; 0.05, . &lt; 0.1. */
  static String stars(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
  }

  /** A probability as a percentage with one decimal. */
  static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * p);
  }
}
