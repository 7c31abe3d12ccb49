package logitlab.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import logitlab.report.Escape;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;

/**
 * The inline-SVG writer: a chart or an SVG document as an {@code <svg>} element to place in an HTML
 * page beside others. Deterministic: the same document gives the same element.
 */
final class Svg {
  private Svg() {}

  private static final Pattern PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*(<!DOCTYPE[^>]*>\\s*)?");
  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");
  private static final Pattern REF = Pattern.compile("url\\(#([^)]+)\\)");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");
  private static final Pattern SIZE = Pattern.compile("<svg([^>]*?) height=\"[^\"]*\"([^>]*?) width=\"[^\"]*\"");

  /**
   * The chart as an SVG element to place in HTML: no XML prolog or DOCTYPE (which would need a DTD
   * from the network), ids prefixed with the figure's id (several SVGs share one document), a title
   * for screen readers, and a size that scales with the page.
   */
  static String svg(XYChart chart, String id, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartEncoder.saveChart(chart, out, "svg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inline(out.toString(StandardCharsets.UTF_8), id, title);
  }

  /**
   * An SVG document as an element to place in HTML (see {@link #svg}): the prolog dropped, ids
   * prefixed with {@code id}, a title, a size that scales with the page, coordinates rounded.
   */
  static String inline(String document, String id, String title) {
    String s = PROLOG.matcher(document).replaceFirst("");
    s = replaceAll(ID, s, m -> "id=\"" + id + "-" + m.group(1) + "\"");
    s = replaceAll(REF, s, m -> "url(#" + id + "-" + m.group(1) + ")");
    s = SIZE.matcher(s).replaceFirst("<svg$1$2 class=\"plot\" role=\"img\"");
    s = replaceAll(DECIMAL, s, m -> round(m.group()));
    int close = s.indexOf('>', s.indexOf("<svg"));
    s = s.substring(0, close + 1) + "\n  <title>" + Escape.html(title) + "</title>" + s.substring(close + 1);
    return s.strip();
  }

  /** A coordinate with two decimals (a hundredth of a pixel): the SVG is a third of the size. */
  private static String round(String number) {
    String r = new java.math.BigDecimal(number).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
    return r.equals("-0") ? "0" : r;
  }

  private static String replaceAll(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder(s.length() + 256);
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
