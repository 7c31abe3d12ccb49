package logitlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.ActivationFunction;
import logitlab.model.Fmt;
import logitlab.nn.Mlp;
import logitlab.nn.MlpRun;
import logitlab.report.MlpReport;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of {@code logitlab mlp}: for one run the decision boundary over the data (two numeric
 * predictors) and the loss by epoch; for a sweep, the sweep's curves. Everything plotted is
 * computed from the result; nothing random is drawn here.
 */
public final class MlpPlots {
  private MlpPlots() {}

  /** Grid cells per side of the shaded regions. */
  static final int REGION_GRID = 50;
  /** Grid cells per side of the contour p = 0.5. */
  static final int CONTOUR_GRID = 150;
  /** The most data points drawn (every k-th row beyond). */
  static final int MAX_POINTS = 2000;

  private static final Color EVENT = new Color(0, 114, 178);
  private static final Color NON_EVENT = new Color(213, 94, 0);
  private static final Color EVENT_REGION = new Color(206, 226, 242);
  private static final Color NON_EVENT_REGION = new Color(246, 222, 204);
  private static final Color BOUNDARY = new Color(40, 40, 40);

  /** The plots, the one {@code --plot} draws first: the boundary (or the loss curve), or the sweep's. */
  public static List<Plot> plots(Mlp.Result r) {
    List<Plot> out = new ArrayList<>();
    if (r.sweep() != null) {
      out.add(switch (r.sweep().parameter()) {
        case HIDDEN -> hiddenSweep(r);
        case ACTIVATION -> activationSweep(r);
        case LEARNING_RATE -> learningRateSweep(r);
      });
      return out;
    }
    if (twoNumericInputs(r.data())) {
      out.add(boundary(r));
    }
    out.add(lossCurve(r));
    return out;
  }

  /** Whether the data have exactly two predictors, both numeric: a boundary can be drawn. */
  public static boolean twoNumericInputs(DesignMatrix d) {
    return d.p() == 3 && d.predictors().size() == 2 && !d.predictors().get(0).categorical()
        && !d.predictors().get(1).categorical();
  }

  /** The decision regions, the boundary p = 0.5 and the data, over the two predictors. */
  static Plot boundary(Mlp.Result r) {
    DesignMatrix d = r.data();
    MlpRun run = r.runs().get(0);
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < d.n(); i++) {
      for (int j = 0; j < 2; j++) {
        lo[j] = Math.min(lo[j], d.get(i, j + 1));
        hi[j] = Math.max(hi[j], d.get(i, j + 1));
      }
    }
    for (int j = 0; j < 2; j++) {
      double pad = hi[j] > lo[j] ? 0.05 * (hi[j] - lo[j]) : 1;
      lo[j] -= pad;
      hi[j] += pad;
    }
    String x1 = d.terms().get(1);
    String x2 = d.terms().get(2);
    XYChart c = NnPlots.chart("Decision boundary: " + MlpReport.label(run), x1, x2);
    c.getStyler().setXAxisMin(lo[0]);
    c.getStyler().setXAxisMax(hi[0]);
    c.getStyler().setYAxisMin(lo[1]);
    c.getStyler().setYAxisMax(hi[1]);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    // the regions: a grid of squares in light colours
    List<double[]> in = new ArrayList<>();
    List<double[]> out = new ArrayList<>();
    for (int a = 0; a < REGION_GRID; a++) {
      for (int b = 0; b < REGION_GRID; b++) {
        double u = lo[0] + (a + 0.5) * (hi[0] - lo[0]) / REGION_GRID;
        double v = lo[1] + (b + 0.5) * (hi[1] - lo[1]) / REGION_GRID;
        (run.model().probability(new double[] {u, v}) > 0.5 ? in : out).add(new double[] {u, v});
      }
    }
    squares(c, "predicted " + d.outcome().column() + " = " + d.outcome().event(), in, EVENT_REGION);
    squares(c, "predicted " + d.outcome().column() + " = " + d.outcome().nonEvent(), out, NON_EVENT_REGION);
    double[][] contour = contour(run.model(), lo, hi);
    if (contour[0].length > 0) {
      XYSeries s = Plots.line(c, "p = 0.5", contour[0], contour[1], BOUNDARY, NnPlots.SOLID, 2f);
      s.setShowInLegend(true);
    }
    int step = Math.max(1, (d.n() + MAX_POINTS - 1) / MAX_POINTS);
    List<double[]> ev = new ArrayList<>();
    List<double[]> non = new ArrayList<>();
    for (int i = 0; i < d.n(); i += step) {
      (d.y(i) >= 0.5 ? ev : non).add(new double[] {d.get(i, 1), d.get(i, 2)});
    }
    points(c, d.outcome().column() + " = " + d.outcome().event(), ev, EVENT, SeriesMarkers.CIRCLE);
    points(c, d.outcome().column() + " = " + d.outcome().nonEvent(), non, NON_EVENT, SeriesMarkers.DIAMOND);
    String caption = "The plane of the two predictors, shaded where the net predicts " + d.outcome().column() + " = "
        + d.outcome().event() + " (blue, p > 0.5) or not (orange), with the boundary p = 0.5 as a dark line and every "
        + "row as a point (circles " + d.outcome().event() + ", diamonds " + d.outcome().nonEvent() + "; training and "
        + "test rows alike" + (step > 1 ? "; every " + step + "th row shown" : "") + "). "
        + (run.options().hidden().length == 0 || run.options().activation().linear()
            ? "A net with no hidden layer or with only identity units draws a straight line."
            : "Hidden units with a non-linear activation let the boundary bend.");
    return new Plot("boundary", "Decision boundary over the data", caption, List.of(c));
  }

  private static void squares(XYChart c, String name, List<double[]> pts, Color color) {
    if (pts.isEmpty()) {
      return;
    }
    XYSeries s = c.addSeries(name, col(pts, 0), col(pts, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(new Cell());
    s.setMarkerColor(color);
  }

  /**
   * A grid cell of the shaded regions: a rectangle a little larger than 1/{@value #REGION_GRID} of the
   * plot area (about 640 x 320 pixels in a 720 x 450 chart), whatever the chart's marker size, so
   * that neighbouring cells overlap and leave no gaps.
   */
  private static final class Cell extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      double w = 14;
      double h = 8;
      g.fill(new Rectangle2D.Double(x - w / 2, y - h / 2, w, h));
    }
  }

  private static void points(XYChart c, String name, List<double[]> pts, Color color, Marker marker) {
    if (pts.isEmpty()) {
      return;
    }
    XYSeries s = c.addSeries(name, col(pts, 0), col(pts, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(color);
    c.getStyler().setMarkerSize(6);
  }

  private static double[] col(List<double[]> pts, int k) {
    double[] v = new double[pts.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = pts.get(i)[k];
    }
    return v;
  }

  /**
   * The contour p = 0.5 by marching squares on a {@value #CONTOUR_GRID}-cell grid: in each cell whose
   * corners' p - 0.5 change sign, the crossing points on its edges, found by linear interpolation,
   * joined in pairs; the segments as one series broken by NaN.
   */
  static double[][] contour(MlpRun.Model m, double[] lo, double[] hi) {
    int g = CONTOUR_GRID;
    double[][] v = new double[g + 1][g + 1];
    double dx = (hi[0] - lo[0]) / g;
    double dy = (hi[1] - lo[1]) / g;
    for (int a = 0; a <= g; a++) {
      for (int b = 0; b <= g; b++) {
        v[a][b] = m.probability(new double[] {lo[0] + a * dx, lo[1] + b * dy}) - 0.5;
      }
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int a = 0; a < g; a++) {
      for (int b = 0; b < g; b++) {
        double[] c = {v[a][b], v[a + 1][b], v[a + 1][b + 1], v[a][b + 1]};
        double[][] corner = {{a, b}, {a + 1, b}, {a + 1, b + 1}, {a, b + 1}};
        List<double[]> cross = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
          double p = c[e];
          double q = c[(e + 1) % 4];
          if ((p > 0) != (q > 0)) {
            double t = p / (p - q);
            double[] s = corner[e];
            double[] u = corner[(e + 1) % 4];
            cross.add(new double[] {lo[0] + (s[0] + t * (u[0] - s[0])) * dx, lo[1] + (s[1] + t * (u[1] - s[1])) * dy});
          }
        }
        for (int k = 0; k + 1 < cross.size(); k += 2) {
          xs.add(cross.get(k)[0]);
          ys.add(cross.get(k)[1]);
          xs.add(cross.get(k + 1)[0]);
          ys.add(cross.get(k + 1)[1]);
          xs.add(Double.NaN);
          ys.add(Double.NaN);
        }
      }
    }
    return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray()};
  }

  /** Training and test loss by epoch, with the GLM's training loss for reference. */
  static Plot lossCurve(Mlp.Result r) {
    MlpRun run = r.runs().get(0);
    MlpRun.Curve cv = run.curve();
    double[] e = toDouble(cv.epochs());
    XYChart c = NnPlots.chart("Loss by epoch: " + MlpReport.label(run), "epoch", "mean cross-entropy  (log scale)");
    logY(c, concat(cv.train(), cv.test(), r.linear() == null ? new double[0] : new double[] {r.linear().trainLoss()}));
    c.getStyler().setXAxisDecimalPattern("0");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    double[] ends = {e[0], e[e.length - 1] > e[0] ? e[e.length - 1] : e[0] + 1};
    if (r.linear() != null) {
      Plots.line(c, "logistic GLM, training rows", ends, new double[] {r.linear().trainLoss(), r.linear().trainLoss()},
          new Color(150, 205, 238), NnPlots.SOLID, 5f);
    }
    Plots.line(c, "training loss", e, positive(cv.train()), EVENT, NnPlots.SOLID, 2f);
    if (r.testRows() > 0) {
      Plots.line(c, "test loss", e, positive(cv.test()), NON_EVENT, NnPlots.SOLID, 2f);
    }
    String caption = "The net's mean cross-entropy on the training rows and on the held-out test rows at each epoch "
        + "(log scale), and the logistic GLM's on the training rows (the broad band): the least a linear model can "
        + "reach there. A net that goes below the band has learnt a non-linear boundary; a test loss that turns up "
        + "while the training loss keeps falling is overfitting.";
    return new Plot("loss", "Loss by epoch", caption, List.of(c));
  }

  /** Training and test loss against the number of hidden units. */
  static Plot hiddenSweep(Mlp.Result r) {
    int k = r.runs().size();
    double[] units = new double[k];
    double[] train = new double[k];
    double[] test = new double[k];
    boolean zero = false;
    for (int i = 0; i < k; i++) {
      int[] h = r.runs().get(i).options().hidden();
      units[i] = h.length == 0 ? 0 : h[0];
      zero |= h.length == 0;
      train[i] = r.runs().get(i).trainLoss();
      test[i] = r.runs().get(i).testLoss();
    }
    XYChart c = NnPlots.chart("Loss against hidden units", "units per hidden layer" + (zero ? "" : "  (log scale)"),
        "mean cross-entropy  (log scale)");
    c.getStyler().setXAxisLogarithmic(!zero);
    c.getStyler().setXAxisDecimalPattern("0");
    logY(c, concat(train, test, new double[0]));
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    marked(Plots.line(c, "training loss", units, positive(train), EVENT, NnPlots.SOLID, 2f), EVENT,
        SeriesMarkers.CIRCLE);
    marked(Plots.line(c, "test loss", units, positive(test), NON_EVENT, NnPlots.SOLID, 2f), NON_EVENT,
        SeriesMarkers.SQUARE);
    String caption = "Each net's mean cross-entropy on the training rows and on the test rows after training, against "
        + "its number of hidden units (same data, split, seed and epochs). More units fit the training rows ever "
        + "better; where the test loss turns up while the training loss keeps falling, the larger nets overfit.";
    return new Plot("sweep-hidden", "Loss against the number of hidden units", caption, List.of(c));
  }

  /** Training loss by epoch for each activation, with the target loss. */
  static Plot activationSweep(Mlp.Result r) {
    XYChart c = NnPlots.chart("Training loss by epoch, by activation", "epoch", "mean cross-entropy  (log scale)");
    List<double[]> all = new ArrayList<>();
    for (MlpRun run : r.runs()) {
      all.add(run.curve().train());
    }
    all.add(new double[] {r.options().targetLoss()});
    logY(c, concat(all.toArray(new double[0][])));
    c.getStyler().setXAxisDecimalPattern("0");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    int last = 1;
    for (MlpRun run : r.runs()) {
      int[] e = run.curve().epochs();
      last = Math.max(last, e[e.length - 1]);
    }
    Plots.line(c, "target " + Fmt.sig(r.options().targetLoss(), 3), new double[] {0, last},
        new double[] {r.options().targetLoss(), r.options().targetLoss()}, new Color(120, 120, 120), NnPlots.SOLID, 1f);
    for (MlpRun run : r.runs()) {
      ActivationFunction f = run.options().activation();
      Plots.line(c, f.cliName() + (run.epochsToTarget() >= 0 ? " (" + run.epochsToTarget() + " epochs)" : " (never)"),
          toDouble(run.curve().epochs()), positive(run.curve().train()), NnPlots.color(f.ordinal()), NnPlots.SOLID,
          f == ActivationFunction.RELU ? 5f : 2f);
    }
    String caption = "The training loss by epoch of the same net with each activation (same data, split, seed and "
        + "settings; log scale), and the target loss (the grey line): the legend gives the epoch each reached it "
        + "(relu is the broad line, under leaky-relu where they coincide). "
        + "The material expects tanh to beat the sigmoid (zero-centred outputs, a derivative up to 1 rather than "
        + "0.25) and ReLU to be fastest.";
    return new Plot("sweep-activation", "Training loss by activation", caption, List.of(c));
  }

  /** Dead and inactive units against the learning rate, relu beside leaky-relu, and the training loss. */
  static Plot learningRateSweep(Mlp.Result r) {
    List<MlpRun> runs = r.runs();
    boolean pairs = runs.size() >= 2 && runs.get(0).options().activation() == ActivationFunction.RELU
        && runs.get(1).options().activation() == ActivationFunction.LEAKY_RELU;
    int k = pairs ? runs.size() / 2 : runs.size();
    int stride = pairs ? 2 : 1;
    double[] lr = new double[k];
    double[][] acc = new double[stride][k];
    boolean test = r.testRows() > 0;
    double[][] dead = new double[3][k];
    for (int i = 0; i < k; i++) {
      lr[i] = runs.get(stride * i).learningRate();
      for (int a = 0; a < stride; a++) {
        MlpRun run = runs.get(stride * i + a);
        acc[a][i] = test ? run.testAccuracy() : run.trainAccuracy();
      }
      if (pairs) {
        dead[0][i] = runs.get(2 * i).deadOverall();
        dead[1][i] = runs.get(2 * i + 1).deadOverall();
        dead[2][i] = runs.get(2 * i + 1).inactiveOverall();
      }
    }
    List<XYChart> charts = new ArrayList<>();
    if (pairs) {
      XYChart top = NnPlots.chart("Dead units against the learning rate", "learning rate  (log scale)",
          "share of hidden units");
      top.getStyler().setXAxisLogarithmic(true);
      top.getStyler().setXAxisTickLabelsFormattingFunction(Plots::powerOfTen);
      top.getStyler().setYAxisMin(0.0);
      top.getStyler().setYAxisMax(1.05);
      top.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
      marked(Plots.line(top, "relu: dead", lr, dead[0], NnPlots.color(2), NnPlots.SOLID, 2.5f), NnPlots.color(2),
          SeriesMarkers.CIRCLE);
      marked(Plots.line(top, "leaky-relu: dead (never: f' >= slope)", lr, dead[1], NnPlots.color(3), NnPlots.SOLID,
          2.5f),
          NnPlots.color(3), SeriesMarkers.SQUARE);
      marked(Plots.line(top, "leaky-relu: z <= 0 on every row, still learning", lr, dead[2], NnPlots.color(4),
          NnPlots.SOLID, 1.5f), NnPlots.color(4), SeriesMarkers.DIAMOND);
      charts.add(top);
    }
    String which = test ? "test" : "training";
    XYChart bottom = NnPlots.chart("Accuracy against the learning rate", "learning rate  (log scale)",
        which + " accuracy");
    bottom.getStyler().setXAxisLogarithmic(true);
    bottom.getStyler().setXAxisTickLabelsFormattingFunction(Plots::powerOfTen);
    bottom.getStyler().setYAxisMin(0.0);
    bottom.getStyler().setYAxisMax(1.05);
    bottom.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    for (int a = 0; a < stride; a++) {
      ActivationFunction f = runs.get(a).options().activation();
      marked(Plots.line(bottom, f.cliName(), lr, acc[a], NnPlots.color(f.ordinal()), NnPlots.SOLID, 2f),
          NnPlots.color(f.ordinal()), a == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
    }
    charts.add(bottom);
    String caption = (pairs ? "Top: at each learning rate, the share of the ReLU net's hidden units that are dead "
        + "(z <= 0 on every training row: output 0 and no gradient, for good), the leaky ReLU net's (none can die) "
        + "and the share of its units in the negative region on every row, which still learn through the slope. "
        + "Bottom: " : "") + "the " + which + " accuracy after training at each learning rate (same data, split, "
        + "seed and epochs; log scale of rates). Large steps throw ReLU units into the region where they never fire "
        + "again and the net loses accuracy; the leaky net keeps learning.";
    return new Plot("sweep-learning-rate", "Dead units and accuracy against the learning rate", caption, charts);
  }

  private static void marked(XYSeries s, Color color, Marker marker) {
    s.setMarker(marker);
    s.setMarkerColor(color);
  }

  /** A log y axis over the values given (at least one decade). */
  private static void logY(XYChart c, double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi > 0)) {
      lo = 0.01;
      hi = 1;
    }
    lo = Math.max(lo, 1e-12);
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
    c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9)));
    c.getStyler().setYAxisTickLabelsFormattingFunction(Plots::powerOfTen);
  }

  /** Values with those at or below 0 raised to 1e-12, for a log axis. */
  private static double[] positive(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.isNaN(out[i]) ? Double.NaN : Math.max(out[i], 1e-12);
    }
    return out;
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  private static double[] toDouble(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
