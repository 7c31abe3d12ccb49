package logitlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.Comparison;
import logitlab.report.Prose;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart from {@link PlotData} (which holds every number; nothing is
 * computed here): as SVG elements to inline in HTML, or as PNG bytes for files beside a Markdown
 * report. Output is deterministic: the same data and the same installed fonts give the same bytes.
 *
 * <ol>
 *   <li>{@code fit}: the data (0/1, jittered) and the three fitted curves along one predictor, with
 *       the lines y = 0 and y = 1, so the straight line's escape from [0, 1] shows;
 *   <li>{@code loss} and {@code weights}: the neuron's loss by epoch, and each weight's distance from
 *       the GLM's coefficient on a log scale;
 *   <li>{@code agreement} and {@code calibration}: the linear model's and the neuron's fitted
 *       probabilities against the GLM's, and each model's mean fitted value against the observed
 *       share of events in ten groups.
 * </ol>
 *
 * Drawing needs fonts (Debian: {@code fonts-dejavu-core} and {@code fontconfig}); without them
 * {@link #draw} returns no figures and a note that says so, and the report is written without plots.
 */
public final class Plots {
  /** Plot width and height in pixels. */
  static final int WIDTH = 720;

  static final int HEIGHT = 450;

  private static final Color LINEAR = new Color(213, 94, 0);
  private static final Color LOGISTIC = new Color(0, 114, 178);
  // opaque: XChart strokes a line segment by segment, and overlapping translucent joints would show
  private static final Color LOGISTIC_BAND = new Color(150, 205, 238);
  private static final Color NEURON = new Color(0, 158, 115);
  private static final Color DATA = new Color(90, 90, 90, 110);
  private static final Color GUIDE = new Color(60, 60, 60);
  private static final Color[] TERM_COLORS = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
    new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(240, 228, 66),
  };

  /** How a figure is to be encoded. */
  public enum Format {
    /** An SVG element for inline HTML. */
    SVG,
    /** PNG bytes. */
    PNG
  }

  /**
   * Drawn figures, and notes on figures that could not be drawn.
   *
   * @param figures the figures, in report order, each with its encoding
   * @param notes why a figure is missing
   */
  public record Drawn(List<Drawing> figures, List<String> notes) {
    public Drawn {
      figures = List.copyOf(figures);
      notes = List.copyOf(notes);
    }
  }

  /**
   * One drawn figure.
   *
   * @param id its name ({@code fit}, {@code loss}, ...)
   * @param title the heading
   * @param caption what it shows
   * @param svg the SVG element (for {@link Format#SVG}), else null
   * @param png the PNG bytes (for {@link Format#PNG}), else null
   */
  public record Drawing(String id, String title, String caption, String svg, byte[] png) {}

  private Plots() {}

  /** Draws every plot the data allow. */
  public static Drawn draw(Comparison c, PlotData data, Format format) {
    List<String> notes = new ArrayList<>();
    for (PlotData.Missing m : data.notes()) {
      notes.add(switch (m) {
        case NO_NUMERIC_PREDICTOR -> "The model has no numeric predictor, so there is no curve to plot against one.";
        case NO_TRAINING_HISTORY -> "The neuron kept no training history, so its training is not plotted.";
      });
    }
    List<Drawing> out = new ArrayList<>();
    try {
      List<Chart> charts = charts(c, data);
      for (Chart ch : charts) {
        out.add(format == Format.SVG
            ? new Drawing(ch.id, ch.title, ch.caption, Svg.svg(ch.chart, ch.id, ch.title), null)
            : new Drawing(ch.id, ch.title, ch.caption, null, png(ch.chart)));
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // Java2D without fonts (no fontconfig, no font files) fails with an Error or an exception
      // deep in sun.font; the tables are still worth having.
      out.clear();
      notes.add("The plots could not be drawn (" + e.getClass().getSimpleName()
          + (e.getMessage() != null ? ": " + e.getMessage() : "")
          + "). Java needs fonts to draw them: on Debian or Ubuntu, apt-get install fonts-dejavu-core"
          + " fontconfig.");
    }
    return new Drawn(out, notes);
  }

  /** Whether this Java can draw plots (it has fonts); tests that need drawing are skipped otherwise. */
  public static boolean available() {
    try {
      XYChart chart = new XYChartBuilder().width(40).height(30).title("x").build();
      chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
      ChartEncoder.getBytes(chart, "png");
      return true;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error | IOException e) {
      return false;
    }
  }

  private record Chart(String id, String title, String caption, XYChart chart) {}

  private static List<Chart> charts(Comparison c, PlotData data) {
    List<Chart> charts = new ArrayList<>();
    String neuronName = Prose.neuronHeader(c.neuron());
    if (data.fit() != null) {
      charts.add(fit(c, data.fit(), neuronName));
    }
    if (data.training() != null) {
      charts.add(loss(data.training()));
      charts.add(weights(data.training()));
    }
    String notTheGlm = Prose.neuronNotTheGlm(c);
    charts.add(agreement(data.agreement(), neuronName, notTheGlm));
    charts.add(calibration(data.calibration(), neuronName, notTheGlm));
    return charts;
  }

  private static Chart fit(Comparison c, PlotData.FitCurves f, String neuronName) {
    String y = "P(" + c.input().outcome() + " = " + c.input().event() + ")";
    XYChart chart = chart("The data and the three fitted curves", f.column(), y);
    double lo = Math.min(-0.1, min(f.linear()) - 0.05);
    double hi = Math.max(1.1, max(f.linear()) + 0.05);
    XYStyler st = chart.getStyler();
    st.setYAxisMin(lo);
    st.setYAxisMax(hi);
    st.setXAxisMin(f.grid()[0]);
    st.setXAxisMax(f.grid()[f.grid().length - 1]);
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    double[] ends = {f.grid()[0], f.grid()[f.grid().length - 1]};
    guide(chart, "y = 0", ends, new double[] {0, 0});
    guide(chart, "y = 1", ends, new double[] {1, 1});
    scatter(chart, "data (jittered)", f.x(), f.y(), DATA, 4);
    line(chart, "linear (OLS)", f.grid(), f.linear(), LINEAR, SeriesLines.SOLID, 2.5f);
    line(chart, "logistic (GLM)", f.grid(), f.logistic(), LOGISTIC_BAND, SeriesLines.SOLID, 7f);
    line(chart, neuronName, f.grid(), f.neuron(), NEURON, SeriesLines.SOLID, 1.5f);
    String held = f.heldAt().isEmpty() ? "" : " Other predictors held at " + String.join(", ", f.heldAt()) + ".";
    String shown = f.x().length < f.rows()
        ? " " + f.x().length + " of the " + f.rows() + " rows are shown, chosen at random (--seed)." : "";
    String caption = "Each row's outcome (0 or 1, jittered a little so that the points do not hide each "
        + "other) against " + f.column() + ", with the three models' P(" + c.input().outcome() + " = "
        + c.input().event() + ") along it." + held + " The straight line of the linear model is bound to "
        + "cross the lines y = 0 and y = 1 somewhere; the logistic curve bends to stay inside. "
        + (Prose.neuronNotTheGlm(c) == null
            ? "The neuron's curve (the thin line) runs inside the GLM's (the broad band): it is the same model."
            : "The neuron's curve (the thin line) is where its training stopped (" + c.neuron().stopReason().jsonName()
                + "), which is not the GLM's (the broad band).")
        + shown;
    return new Chart("fit", "The data and the fitted curves against " + f.column(), caption, chart);
  }

  private static Chart loss(PlotData.Training t) {
    XYChart chart = epochChart("The neuron's training loss", "mean " + t.lossName() + " loss");
    double[] epochs = toDouble(t.epochs());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    double[] ends = {epochs[0], epochs[epochs.length - 1] == epochs[0] ? epochs[0] + 1 : epochs[epochs.length - 1]};
    double top = max(t.loss());
    if (Double.isFinite(t.glmLoss()) && top > t.glmLoss()) {
      chart.getStyler().setYAxisMin(t.glmLoss() - 0.05 * (top - t.glmLoss()));
    }
    chart.getStyler().setYAxisDecimalPattern("0.0###");
    // the reference first: the neuron's loss is drawn over it
    XYSeries glm = line(chart, "at the GLM's coefficients", ends, new double[] {t.glmLoss(), t.glmLoss()},
        LOGISTIC_BAND, SeriesLines.SOLID, 5f);
    glm.setShowInLegend(true);
    line(chart, "neuron's loss", epochs, t.loss(), NEURON, SeriesLines.SOLID, 2.5f);
    boolean likelihood = t.lossName().equals("cross-entropy");
    String caption = "The mean " + t.lossName() + " loss of the neuron at each recorded epoch, and (the broad "
        + "band) the same loss at the GLM's coefficients. " + (likelihood
            ? "The cross-entropy is the GLM's negative log-likelihood, which the GLM's coefficients minimise: "
                + "the neuron's loss falls to that line."
            : "The GLM's coefficients do not minimise the " + t.lossName() + " loss, so the neuron's loss can "
                + "end below that line.");
    return new Chart("loss", "The neuron's loss by epoch", caption, chart);
  }

  private static Chart weights(PlotData.Training t) {
    XYChart chart = epochChart("The neuron's weights approaching the GLM's coefficients",
        "|a w - beta| / max(1, |beta|)  (log scale)");
    XYStyler st = chart.getStyler();
    st.setYAxisLogarithmic(true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double[] d : t.distance()) {
      lo = Math.min(lo, Math.max(min(d), 1e-16));
      hi = Math.max(hi, max(d));
    }
    // decade ticks only when there are several decades to label
    st.setYAxisLogarithmicDecadeOnly(hi / lo >= 100);
    st.setYAxisTickLabelsFormattingFunction(Plots::powerOfTen);
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    double[] epochs = toDouble(t.epochs());
    double floor = 1e-16;
    for (int k = 0; k < t.terms().size(); k++) {
      double[] d = t.distance()[k].clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.max(d[i], floor);
      }
      line(chart, t.terms().get(k), epochs, d, TERM_COLORS[k % TERM_COLORS.length], SeriesLines.SOLID, 2f);
    }
    String caption = "For each term, how far the neuron's weight (as a logistic coefficient, a w) is from "
        + "the GLM's estimate beta, relative to max(1, |beta|), on a log scale. " + (t.lossName().equals(
            "cross-entropy")
            ? "Near the optimum gradient descent closes the gap by about the same factor every epoch: a "
                + "straight line falling on this scale. Where the GLM's estimates are infinite (separation) the "
                + "gap never closes."
            : "With the " + t.lossName() + " loss the neuron aims at another optimum: the distances level "
                + "off above 0.");
    return new Chart("weights", "The neuron's weights approaching the GLM's", caption, chart);
  }

  /** @param notTheGlm why the neuron's probabilities need not be the GLM's, or null when they are */
  private static Chart agreement(PlotData.Agreement a, String neuronName, String notTheGlm) {
    XYChart chart = chart("Fitted probabilities against the GLM's", "logistic (GLM) fitted probability",
        "fitted probability");
    double lo = Math.min(-0.1, min(a.linear()) - 0.05);
    double hi = Math.max(1.1, max(a.linear()) + 0.05);
    XYStyler st = chart.getStyler();
    st.setYAxisMin(lo);
    st.setYAxisMax(hi);
    st.setXAxisMin(0.0);
    st.setXAxisMax(1.0);
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    guide(chart, "y = 0", new double[] {0, 1}, new double[] {0, 0});
    guide(chart, "y = 1", new double[] {0, 1}, new double[] {1, 1});
    XYSeries diag = line(chart, "same as the GLM (y = x)", new double[] {0, 1}, new double[] {0, 1}, GUIDE,
        SeriesLines.SOLID, 1f);
    diag.setShowInLegend(true);
    scatter(chart, "linear (OLS)", a.logistic(), a.linear(), withAlpha(LINEAR, 150), 5);
    scatter(chart, neuronName, a.logistic(), a.neuron(), withAlpha(NEURON, 200), 3);
    String shown = a.logistic().length < a.rows()
        ? " " + a.logistic().length + " of the " + a.rows() + " rows are shown, chosen at random (--seed)." : "";
    String caption = "Each row's fitted probability under the linear model and the neuron, against the GLM's. "
        + (notTheGlm == null ? "The neuron's points lie on the diagonal: it is the same model. "
            : "The neuron's points need not lie on the diagonal: " + notTheGlm + ". ")
        + "The linear model's points bend around the diagonal, and leave [0, 1] where its fitted values do."
        + shown;
    return new Chart("agreement", "The three models' fitted probabilities against each other", caption, chart);
  }

  /** @param notTheGlm why the neuron's probabilities need not be the GLM's, or null when they are */
  private static Chart calibration(PlotData.Calibration cal, String neuronName, String notTheGlm) {
    XYChart chart = chart("Calibration", "mean fitted probability in the group", "observed share of events");
    XYStyler st = chart.getStyler();
    double lo = -0.05;
    double hi = 1.05;
    for (double[] m : cal.meanFitted()) {
      lo = Math.min(lo, min(m) - 0.05);
      hi = Math.max(hi, max(m) + 0.05);
    }
    st.setXAxisMin(lo);
    st.setXAxisMax(hi);
    st.setYAxisMin(-0.05);
    st.setYAxisMax(1.05);
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    XYSeries diag = line(chart, "perfect calibration (y = x)", new double[] {0, 1}, new double[] {0, 1}, GUIDE,
        SeriesLines.SOLID, 1f);
    diag.setShowInLegend(true);
    Color[] colors = {LINEAR, LOGISTIC_BAND, NEURON};
    String[] names = {"linear (OLS)", "logistic (GLM)", neuronName};
    float[] widths = {2f, 7f, 1.5f};
    org.knowm.xchart.style.markers.Marker[] markers = {SeriesMarkers.SQUARE, SeriesMarkers.CIRCLE,
        SeriesMarkers.DIAMOND};
    chart.getStyler().setMarkerSize(7);
    for (int m = 0; m < 3; m++) {
      XYSeries s = line(chart, names[m], cal.meanFitted()[m], cal.observed()[m], colors[m], SeriesLines.SOLID,
          widths[m]);
      s.setMarker(markers[m]);
      s.setMarkerColor(m == 1 ? LOGISTIC : colors[m]);
    }
    String caption = "For each model the rows are sorted by fitted value and cut into " + cal.meanFitted()[0].length
        + " groups of equal size; each point is a group's mean fitted value against the share of events in "
        + "it. A well-calibrated model lies on the diagonal. "
        + (notTheGlm == null ? "The neuron's points (diamonds) sit on the GLM's (circles); "
            : "The neuron's points (diamonds) need not sit on the GLM's (circles): " + notTheGlm + "; ")
        + "where the linear model's fitted values leave [0, 1], its groups lie left of 0 or right of 1.";
    return new Chart("calibration", "Calibration of the three models", caption, chart);
  }

  /** A chart whose x axis counts epochs: whole numbers, no exponent. */
  private static XYChart epochChart(String title, String y) {
    XYChart chart = chart(title, "epoch", y);
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  static XYChart chart(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
        .build();
    XYStyler st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderColor(new Color(180, 180, 180));
    st.setPlotGridLinesColor(new Color(230, 230, 230));
    // solid: a dashed stroke becomes one filled shape per dash in SVG, kilobytes per line
    st.setPlotGridLinesStroke(new BasicStroke(1f));
    st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
    st.setLegendBorderColor(new Color(200, 200, 200));
    st.setChartTitleBoxVisible(false);
    st.setLocale(Locale.ROOT);
    st.setAntiAlias(true);
    return chart;
  }

  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke,
      float width) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(width, stroke.getEndCap(), stroke.getLineJoin(), stroke.getMiterLimit(),
        stroke.getDashArray(), stroke.getDashPhase()));
    return s;
  }

  private static void guide(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = line(chart, name, x, y, GUIDE, SeriesLines.SOLID, 1f);
    s.setShowInLegend(false);
  }

  static void scatter(XYChart chart, String name, double[] x, double[] y, Color color, int size) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
    chart.getStyler().setMarkerSize(size);
  }

  /** A tick label on a log axis: {@code 1}, {@code 0.01}, {@code 1e-4}. */
  static String powerOfTen(Double v) {
    double e = Math.rint(Math.log10(v));
    if (Math.abs(v / Math.pow(10, e) - 1) > 1e-9) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    int k = (int) e;
    return k >= -2 && k <= 3 ? new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros()
        .toPlainString() : "1e" + k;
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static double[] toDouble(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        m = Math.min(m, x);
      }
    }
    return m == Double.POSITIVE_INFINITY ? 0 : m;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        m = Math.max(m, x);
      }
    }
    return m == Double.NEGATIVE_INFINITY ? 1 : m;
  }

  static byte[] png(XYChart chart) {
    try {
      return ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
