package logitlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.data.PointBuilder;
import logitlab.model.Activation;
import logitlab.model.Comparison;
import logitlab.model.Dense;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.Scorer;

/**
 * The numbers behind a report's plots, computed from the fits so that the plotting code only draws.
 *
 * <ol>
 *   <li>{@link FitCurves}: the three models' P(y = 1) along one numeric predictor over its range in
 *       the data, the others held at their mean or reference level ({@link PointBuilder}), with the
 *       data's 0/1 outcomes jittered (by up to 0.04 vertically and 0.6 % of the range sideways) by a
 *       seeded generator, so that the plot is the same on every run;
 *   <li>{@link Training}: the neuron's loss by epoch, and for each term the relative distance of its
 *       weight from the GLM's coefficient, |a w_j - beta_j| / max(1, |beta_j|), from the training
 *       history ({@link NeuronFit#history()});
 *   <li>{@link Agreement}: each row's fitted probability under the linear model and the neuron against
 *       the GLM's;
 *   <li>{@link Calibration}: for each model, the rows in ten groups of equal size by fitted value, with
 *       the mean fitted value and the observed share of events in each.
 * </ol>
 *
 * Scatter plots of more than {@link #MAX_POINTS} rows show a seeded random sample of that many.
 *
 * @param fit curves along the plotted predictor; null when the model has no numeric predictor
 * @param training the neuron's training; null when it kept no history
 * @param agreement fitted values against each other
 * @param calibration calibration groups
 * @param notes why a plot is missing ({@code report} words each)
 */
public record PlotData(
    FitCurves fit, Training training, Agreement agreement, Calibration calibration, List<Missing> notes) {

  /** The most rows a scatter plot shows; more are sampled. */
  public static final int MAX_POINTS = 2000;

  /** Points along the plotted predictor. */
  static final int GRID = 201;

  /** Half the height of the vertical jitter of the 0/1 points. */
  static final double JITTER = 0.04;

  /** Half the width of the sideways jitter, as a share of the predictor's range. */
  static final double X_JITTER = 0.006;

  /** Calibration groups. */
  static final int BINS = 10;

  public PlotData {
    notes = List.copyOf(notes);
  }

  /**
   * The curves of plot 1.
   *
   * @param column the predictor along the x axis
   * @param heldAt the other predictors and the values they are held at ({@code age = 52.02 (mean)})
   * @param grid values of the predictor, from its smallest to its largest
   * @param linear the linear model at each grid value
   * @param logistic the GLM at each grid value
   * @param neuron the neuron at each grid value
   * @param x the predictor's value in each plotted row, jittered
   * @param y each plotted row's outcome (0/1, or the share of successes), jittered
   * @param rows rows in the data
   */
  public record FitCurves(String column, List<String> heldAt, double[] grid, double[] linear,
      double[] logistic, double[] neuron, double[] x, double[] y, int rows) {}

  /**
   * The neuron's training (plot 2).
   *
   * @param epochs epoch of each history entry
   * @param loss the mean loss at each entry
   * @param lossName the loss minimised ({@code cross-entropy})
   * @param glmLoss the same mean loss at the GLM's coefficients (the neuron's weights a w = beta), the
   *     floor the cross-entropy training approaches
   * @param terms the terms with a weight (those left out of the neuron are not shown)
   * @param distance per term, per entry: |a w_j - beta_j| / max(1, |beta_j|)
   */
  public record Training(int[] epochs, double[] loss, String lossName, double glmLoss, List<String> terms,
      double[][] distance) {}

  /**
   * Fitted probabilities of each plotted row (plot 3).
   *
   * @param logistic the GLM's
   * @param linear the linear model's
   * @param neuron the neuron's
   * @param rows rows in the data
   */
  public record Agreement(double[] logistic, double[] linear, double[] neuron, int rows) {}

  /**
   * Calibration groups (plot 3b).
   *
   * @param models model names
   * @param meanFitted per model, per group: the mean fitted value
   * @param observed per model, per group: the (weighted) share of events
   */
  public record Calibration(List<String> models, double[][] meanFitted, double[][] observed) {}

  /** A plot that the data do not allow. */
  public enum Missing {
    /** No numeric predictor: no fitted curve against one. */
    NO_NUMERIC_PREDICTOR,
    /** The neuron kept no training history: no training plot. */
    NO_TRAINING_HISTORY
  }

  /**
   * Computes the plot data.
   *
   * @param d the design matrix the models were fitted to
   * @param c the fits
   * @param plotX the predictor for plot 1, or null for the first numeric predictor
   * @param seed seed of the jitter and of the sampling
   * @throws IllegalArgumentException when {@code plotX} is not a numeric predictor of the model
   */
  public static PlotData of(DesignMatrix d, Comparison c, String plotX, long seed) {
    List<Missing> notes = new ArrayList<>();
    DesignMatrix.Predictor along = predictor(d, plotX);
    int[] sample = sample(d.n(), seed);
    FitCurves fit = null;
    if (along != null) {
      fit = curves(d, c, along, sample, new SplittableRandom(seed ^ 0x6a09e667f3bcc909L));
    } else {
      notes.add(Missing.NO_NUMERIC_PREDICTOR);
    }
    Training training = training(d, c);
    if (training == null) {
      notes.add(Missing.NO_TRAINING_HISTORY);
    }
    Agreement agreement = new Agreement(pick(values(d, c.logistic().fitted()), sample),
        pick(values(d, c.linear().fitted()), sample), pick(values(d, c.neuron().fitted()), sample), d.n());
    Calibration calibration = calibration(d, c);
    return new PlotData(fit, training, agreement, calibration, notes);
  }

  /**
   * The column asked for the x axis is not a numeric predictor of the model, as data for the
   * caller to word.
   */
  public static final class UnusablePredictor extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean categorical;
    private final List<String> numeric;

    /**
     * @param name the column asked for
     * @param categorical whether it is a categorical predictor (else it is not a predictor)
     * @param numeric the numeric predictors of the model (empty for a categorical one)
     */
    UnusablePredictor(String name, boolean categorical, List<String> numeric) {
      super("plotX=" + name); // worded by the CLI
      this.name = name;
      this.categorical = categorical;
      this.numeric = List.copyOf(numeric);
    }

    public String name() {
      return name;
    }

    public boolean categorical() {
      return categorical;
    }

    public List<String> numeric() {
      return numeric;
    }
  }

  /** The predictor named (it must be numeric), or the first numeric one, or null if there is none. */
  static DesignMatrix.Predictor predictor(DesignMatrix d, String name) {
    if (name != null) {
      for (DesignMatrix.Predictor p : d.predictors()) {
        if (p.column().equals(name)) {
          if (p.categorical()) {
            throw new UnusablePredictor(name, true, List.of());
          }
          return p;
        }
      }
      List<String> numeric = d.predictors().stream().filter(p -> !p.categorical())
          .map(DesignMatrix.Predictor::column).toList();
      throw new UnusablePredictor(name, false, numeric);
    }
    for (DesignMatrix.Predictor p : d.predictors()) {
      if (!p.categorical()) {
        return p;
      }
    }
    return null;
  }

  /** Row indices to plot: all rows, or a seeded sample of {@link #MAX_POINTS}, in row order. */
  static int[] sample(int n, long seed) {
    if (n <= MAX_POINTS) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    // Selection sampling (Knuth, TAOCP vol. 2, 3.4.2, Algorithm S): each row kept with the right
    // conditional probability, in one pass, in row order.
    SplittableRandom r = new SplittableRandom(seed);
    int[] out = new int[MAX_POINTS];
    int kept = 0;
    for (int i = 0; i < n && kept < MAX_POINTS; i++) {
      if ((n - i) * r.nextDouble() < MAX_POINTS - kept) {
        out[kept++] = i;
      }
    }
    return out;
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = v[rows[k]];
    }
    return out;
  }

  private static FitCurves curves(DesignMatrix d, Comparison c, DesignMatrix.Predictor along, int[] sample,
      SplittableRandom jitter) {
    int j = along.firstTerm();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < d.n(); i++) {
      min = Math.min(min, d.get(i, j));
      max = Math.max(max, d.get(i, j));
    }
    // The curves span the data (beyond it the other predictors' values could be impossible, such as
    // a negative count); a column with one value gets a small interval around it.
    double pad = max > min ? 0 : Math.max(1, Math.abs(min)) * 0.5;
    double lo = min - pad;
    double hi = max + pad;
    double sideways = X_JITTER * (hi - lo);
    Scorer s = new Scorer(c);
    double[] grid = new double[GRID];
    double[] lin = new double[GRID];
    double[] log = new double[GRID];
    double[] neu = new double[GRID];
    List<String> heldAt = List.of();
    for (int k = 0; k < GRID; k++) {
      grid[k] = k == GRID - 1 ? hi : lo + (hi - lo) * k / (GRID - 1);
      PointBuilder.Point pt = PointBuilder.build(d, Map.of(along.column(), Double.toString(grid[k])));
      double[] row = pt.row();
      lin[k] = s.linear(row);
      log[k] = s.logistic(row);
      neu[k] = s.neuron(row);
      heldAt = pt.defaulted();
    }
    double[] x = new double[sample.length];
    double[] y = new double[sample.length];
    double[] outcome = d.y();
    for (int k = 0; k < sample.length; k++) {
      int i = sample[k];
      x[k] = d.get(i, j) + (2 * jitter.nextDouble() - 1) * sideways;
      y[k] = outcome[i] + (2 * jitter.nextDouble() - 1) * JITTER;
    }
    return new FitCurves(along.column(), heldAt, grid, lin, log, neu, x, y, d.n());
  }

  private static Training training(DesignMatrix d, Comparison c) {
    NeuronFit n = c.neuron();
    List<NeuronFit.Snapshot> history = n.history();
    if (history.isEmpty()) {
      return null;
    }
    double a = n.settings().activation().logitScale();
    double[] beta = c.logistic().estimates();
    List<Integer> cols = new ArrayList<>();
    double[] last = history.get(history.size() - 1).weights();
    for (int j = 0; j < beta.length; j++) {
      if (!Double.isNaN(beta[j]) && !Double.isNaN(last[j])) {
        cols.add(j);
      }
    }
    int m = history.size();
    int[] epochs = new int[m];
    double[] loss = new double[m];
    double[][] distance = new double[cols.size()][m];
    for (int t = 0; t < m; t++) {
      NeuronFit.Snapshot s = history.get(t);
      epochs[t] = s.epoch();
      loss[t] = s.loss();
      double[] w = s.weights();
      for (int k = 0; k < cols.size(); k++) {
        int j = cols.get(k);
        distance[k][t] = Math.abs(a * w[j] - beta[j]) / Math.max(1, Math.abs(beta[j]));
      }
    }
    List<String> terms = cols.stream().map(j -> c.input().terms().get(j)).toList();
    Loss lossFunction = n.settings().lossFunction();
    return new Training(epochs, loss, lossFunction.cliName(), glmLoss(d, beta, lossFunction,
        n.settings().activation()), terms, distance);
  }

  /**
   * The neuron's mean loss at weights beta / a, where the GLM's coefficients put it: sum_i w_i l_i /
   * sum_i w_i with the prior weights w_i (1 for plain 0/1 data), as the neuron weighs its rows.
   */
  private static double glmLoss(DesignMatrix d, double[] beta, Loss loss, Activation act) {
    double a = act.logitScale();
    double[] y = d.y();
    double[] w = d.weights();
    double sum = 0;
    double total = 0;
    double[] x = d.x();
    for (int i = 0; i < d.n(); i++) {
      double eta = Dense.linearPredictor(x, i * d.p(), beta);
      sum += w[i] * loss.value(y[i], eta / a, act);
      total += w[i];
    }
    return sum / total;
  }

  /** A fit's values at every row of the design (the plots are made of small designs). */
  private static double[] values(DesignMatrix d, logitlab.model.Fitted f) {
    return d.rows().collect(b -> f.of(b.x(), b.rows()));
  }

  private static Calibration calibration(DesignMatrix d, Comparison c) {
    List<String> models = List.of("linear", "logistic", "neuron");
    double[][] fitted = {values(d, c.linear().fitted()), values(d, c.logistic().fitted()),
      values(d, c.neuron().fitted())};
    int n = d.n();
    int bins = Math.min(BINS, n);
    double[] y = d.y();
    double[] w = d.weights();
    double[][] mean = new double[3][bins];
    double[][] observed = new double[3][bins];
    for (int m = 0; m < 3; m++) {
      double[] f = fitted[m];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (p, q) -> Double.compare(f[p], f[q]));
      for (int b = 0; b < bins; b++) {
        int from = (int) ((long) b * n / bins);
        int to = (int) ((long) (b + 1) * n / bins);
        double sw = 0;
        double sf = 0;
        double sy = 0;
        for (int k = from; k < to; k++) {
          int i = order[k];
          sw += w[i];
          sf += w[i] * f[i];
          sy += w[i] * y[i];
        }
        mean[m][b] = sw > 0 ? sf / sw : Double.NaN;
        observed[m][b] = sw > 0 ? sy / sw : Double.NaN;
      }
    }
    return new Calibration(models, mean, observed);
  }
}
