package logitlab.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one number formatter: every number logitlab writes in words (reports, messages, labels) goes
 * through here, so that the same value reads the same everywhere. Locale-independent (a decimal point,
 * never a comma) and deterministic. Here, below fit, nn, report and plot, because all of them write
 * numbers: {@link #plain} for a value as a user would type it back (an option's value in a message or
 * a label), {@link #sig} and the others for results. The CSV cell ({@code report.Csv.number}) and
 * the plots' axis labels have formats of their own.
 */
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
  public static String count(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return sig(v, 4);
  }

  /** {@code digits} decimals, fixed. */
  public static String fixed(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** R's format.pval style: {@code < 2e-16} below machine precision, else 3 significant digits. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p < 2.220446e-16) {
      return "< 2e-16";
    }
    return sig(p, 3);
  }

  /** R's significance stars: *** &lt; 0.001, ** &lt; 0.01, * &lt; 0.05, . &lt; 0.1. */
  public static String stars(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
  }

  /** A probability as a percentage with one decimal. */
  public static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * p);
  }

  /**
   * A number as a user would type it: integers without ".0", others in the shortest form that reads
   * back as the same double ({@code 0.1}, {@code 2.5e-7} as {@code 0.00000025}); {@code NaN} and
   * {@code Infinity} as Java writes them.
   */
  public static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /**
   * C's {@code %.<digits>g} with the trailing zeros dropped: {@code digits} significant digits, plain
   * for 1e-4 &lt;= |v| &lt; 10^digits, else {@code 1.235e+04} (the neuron's notes and advice).
   */
  public static String g(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replace(".e", "e").replaceAll("\\.$", "");
  }
}
