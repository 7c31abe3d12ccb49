package logitlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import logitlab.nn.ActivationCurves;
import logitlab.nn.Vanishing;
import logitlab.nn.VanishingOptions;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of {@code activations} and {@code vanishing}, and what they share with {@code mlp}'s
 * ({@link MlpPlots}): size, colours, helpers.
 */
public final class NnPlots {
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

  /** The plot of {@code activations}: the functions above, their derivatives below. */
  public static Plot activations(ActivationCurves c) {
    XYChart values = chart("Activation functions", "x", "f(x)");
    XYChart derivs = chart("Their derivatives", "x", "f'(x)");
    double[] x = c.x();
    double lo = -1.2;
    double hi = 1.2;
    for (ActivationCurves.Curve k : c.curves()) {
      for (double v : k.value()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    values.getStyler().setYAxisMin(Math.max(lo, -3));
    values.getStyler().setYAxisMax(Math.min(hi, 3));
    values.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    derivs.getStyler().setYAxisMin(-0.05);
    derivs.getStyler().setYAxisMax(1.1);
    derivs.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    for (XYChart ch : List.of(values, derivs)) {
      ch.getStyler().setXAxisMin(x[0]);
      ch.getStyler().setXAxisMax(x[x.length - 1]);
    }
    for (ActivationCurves.Curve cv : c.curves()) {
      Color color = color(cv.function().ordinal());
      // relu, leaky-relu and identity coincide for x > 0: the earlier ones are drawn broader, underneath
      float width = switch (cv.function()) {
        case RELU -> 7f;
        case LEAKY_RELU -> 4f;
        default -> 2f;
      };
      Plots.line(values, cv.function().cliName(), x, clip(cv.value(), -3.5, 3.5), color, SOLID,
          width);
      Plots.line(derivs, cv.function().cliName() + "'", x, cv.derivative(), color, SOLID, width);
    }
    String caption = "Top: each function on the grid (values outside [-3, 3] are cut off; where relu, "
        + "leaky-relu and identity coincide, for x > 0, the broader line lies underneath). Bottom: each "
        + "derivative, the factor by which backpropagation multiplies a gradient at the unit. The sigmoid's "
        + "derivative peaks at 0.25 and tanh's at 1; both fall towards 0 away from x = 0 (saturation). ReLU's is 1 "
        + "for x > 0 and 0 below; leaky ReLU keeps a small slope there; the step's is 0 everywhere.";
    return new Plot("functions", "Activation functions and their derivatives", caption, List.of(values, derivs));
  }

  /** The plot of {@code vanishing}: gradient norm by layer on a log scale; below, the saturated share and mean f'. */
  public static Plot vanishing(Vanishing.Result r) {
    VanishingOptions o = r.options();
    List<Vanishing.Layer> ls = r.layers();
    double[] layer = new double[ls.size()];
    double[] norm = new double[ls.size()];
    double[] sat = new double[ls.size()];
    double[] deriv = new double[ls.size()];
    for (int k = 0; k < ls.size(); k++) {
      layer[k] = ls.get(k).layer();
      norm[k] = Math.max(ls.get(k).gradientNorm(), 1e-300);
      sat[k] = ls.get(k).saturatedFraction();
      deriv[k] = ls.get(k).meanDerivative();
    }
    String f = o.activation().cliName();
    XYChart top = chart("Gradient norm by layer (" + f + ", " + r.init().cliName() + " init)",
        "layer (1 = next to the input; " + ls.size() + " = output)", "||dJ/dW||  (log scale)");
    top.getStyler().setYAxisLogarithmic(true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double v : norm) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // at least three decades, so that a gradient that keeps its size looks flat beside one that vanishes
    top.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(lo, hi / 1000)))));
    top.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
    top.getStyler().setYAxisTickLabelsFormattingFunction(Plots::powerOfTen);
    top.getStyler().setXAxisDecimalPattern("0");
    top.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    XYSeries s = Plots.line(top, "gradient norm of the layer's weights", layer, norm, color(0),
        SOLID, 2f);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color(0));
    XYChart bottom = chart("Saturation by layer", "layer", "share / mean");
    bottom.getStyler().setYAxisMin(0.0);
    bottom.getStyler().setYAxisMax(1.05);
    bottom.getStyler().setXAxisDecimalPattern("0");
    bottom.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    XYSeries a = Plots.line(bottom, "share of outputs with f'(z) < 0.01", layer, sat, color(1),
        SOLID, 2f);
    a.setMarker(SeriesMarkers.SQUARE);
    a.setMarkerColor(color(1));
    XYSeries b = Plots.line(bottom, "mean f'(z)", layer, deriv, color(2), SOLID, 2f);
    b.setMarker(SeriesMarkers.DIAMOND);
    b.setMarkerColor(color(2));
    String caption = "Top: the norm of the loss's gradient with respect to each layer's weights, after one "
        + "backward pass at the initial weights, on a log scale; a straight falling line towards layer 1 is a "
        + "gradient that shrinks by the same factor at every layer (vanishing); the axis spans at least three "
        + "decades, so a flat line is a gradient that keeps its size. Bottom: for each layer the share of "
        + "its outputs on the batch where f'(z) < 0.01 (saturated, or for ReLU inactive) and the mean f'(z), the "
        + "factor each layer multiplies the gradient by (the sigmoid's is at most 0.25).";
    return new Plot("gradients", "Gradient norm by layer", caption, List.of(top, bottom));
  }
}
