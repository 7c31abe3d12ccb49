package logitlab.nn;

import java.util.ArrayList;
import java.util.List;
import logitlab.model.ActivationFunction;
import logitlab.model.Fmt;
import logitlab.model.Logistic;

/**
 * The activation functions' values and derivatives on a grid, their properties, and the identity
 * tanh(x) = 2 sigma(2x) - 1 checked on the grid.
 * <pre>
 * x_k = from + k step,  k = 0 .. K with K = floor((to - from) / step + 1e-9)   (no drift from
 *                                                                            repeated addition)
 * tanh(x) = (e^x - e^-x) / (e^x + e^-x) = (1 - e^-2x) / (1 + e^-2x) = 2 / (1 + e^-2x) - 1 = 2 sigma(2x) - 1
 * </pre>
 * (Goodfellow, Bengio and Courville, Deep Learning, 2016, 6.3.2.)
 *
 * @param from the first x
 * @param to the last x (reached when it lies on the grid)
 * @param step the spacing
 * @param slope the leaky ReLU's slope
 * @param x the grid
 * @param curves one per function, in the order asked
 * @param tanhIdentityError max over the grid of |tanh(x) - (2 sigma(2x) - 1)|
 */
public record ActivationCurves(double from, double to, double step, double slope, double[] x, List<Curve> curves,
    double tanhIdentityError) {
  /** The most grid points. */
  public static final int MAX_POINTS = 100_001;

  public ActivationCurves {
    x = x.clone();
    curves = List.copyOf(curves);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * One function on the grid.
   *
   * @param function the function
   * @param value f(x_k)
   * @param derivative f'(x_k)
   * @param properties its properties
   */
  public record Curve(ActivationFunction function, double[] value, double[] derivative,
      ActivationFunction.Properties properties) {
    public Curve {
      value = value.clone();
      derivative = derivative.clone();
    }

    @Override
    public double[] value() {
      return value.clone();
    }

    @Override
    public double[] derivative() {
      return derivative.clone();
    }
  }

  /**
   * Computes the grid.
   *
   * @throws IllegalArgumentException for a grid that is empty, not finite or has more than
   *     {@value #MAX_POINTS} points, or a slope outside (0, 1)
   */
  public static ActivationCurves of(double from, double to, double step, double slope,
      List<ActivationFunction> functions) {
    if (!Double.isFinite(from) || !Double.isFinite(to) || Math.abs(from) > 1e6 || Math.abs(to) > 1e6) {
      throw new IllegalArgumentException("--from and --to must be numbers between -1e6 and 1e6");
    }
    if (!(to > from)) {
      throw new IllegalArgumentException("--to (" + to + ") must be larger than --from (" + from + ")");
    }
    if (!(step > 0 && Double.isFinite(step))) {
      throw new IllegalArgumentException("--step must be a positive number, not " + step);
    }
    Checks.slope(slope);
    if (functions.isEmpty()) {
      throw new IllegalArgumentException("no activation function to show");
    }
    double k = Math.floor((to - from) / step + 1e-9);
    if (k + 1 > MAX_POINTS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "--from %s --to %s --step %s gives %.0f points, more than %d; use a larger --step", Fmt.plain(from),
          Fmt.plain(to), Fmt.plain(step), k + 1, MAX_POINTS));
    }
    int n = (int) k + 1;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = from + i * step;
    }
    List<Curve> curves = new ArrayList<>();
    for (ActivationFunction f : functions) {
      double[] v = new double[n];
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = f.value(x[i], slope);
        d[i] = f.derivative(x[i], v[i], slope);
      }
      curves.add(new Curve(f, v, d, f.properties(slope)));
    }
    double err = 0;
    for (double xi : x) {
      err = Math.max(err, Math.abs(Math.tanh(xi) - (2 * Logistic.sigmoid(2 * xi) - 1)));
    }
    return new ActivationCurves(from, to, step, slope, x, curves, err);
  }
}
