package logitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;

/** What the plots of {@code activations}, {@code vanishing} and {@code mlp} share: size, colours, helpers. */
final class NnPlots {
  private NnPlots() {}

  static final BasicStroke SOLID = SeriesLines.SOLID;
  /** Okabe and Ito's colour-blind-safe palette (as {@link Plots}). */
  private static final Color[] PALETTE = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
    new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(240, 228, 66),
  };

  /** The k-th colour of the palette. */
  static Color color(int k) {
    return PALETTE[k % PALETTE.length];
  }

  /** A chart in {@link Plots}' style, 720 x 400. */
  static XYChart chart(String title, String x, String y) {
    XYChart c = Plots.chart(title, x, y);
    c.getStyler().setPlotContentSize(0.92);
    return c;
  }

  /** The values with those outside [lo, hi] replaced by the nearest end (so a line leaves the plot). */
  static double[] clip(double[] v, double lo, double hi) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(lo, Math.min(hi, out[i]));
    }
    return out;
  }
}
