package logitlab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;

/**
 * The built-in two-dimensional data sets of {@code mlp}, as the design of a CSV would be: columns
 * {@code (Intercept)}, {@code x1}, {@code x2}, outcome {@code y} (0/1). Half the rows (n/2, rounded
 * down) have y = 0, the rest y = 1; the points are drawn from the seed, then each coordinate gets
 * normal noise with sd {@code noise}.
 * <pre>
 * xor      |x1|, |x2| uniform on [0.2, 1] (a margin of 0.2 around the axes), a quarter of the rows in
 *          each quadrant, y = [x1 x2 &gt; 0]: the classes sit in opposite quadrants (TensorFlow
 *          Playground's "exclusive or")
 * circles  y = 1 on the circle of radius 0.5, y = 0 on the circle of radius 1 (angle uniform),
 *          as scikit-learn's make_circles(factor = 0.5)
 * moons    y = 0 on (cos t, sin t), y = 1 on (1 - cos t, 1/2 - sin t), t uniform on [0, pi], as
 *          scikit-learn's make_moons
 * spiral   two interleaved spirals, r = i / m, angle 1.75 * 2 pi r (+ pi for y = 1), i = 0 .. m-1,
 *          as TensorFlow Playground's spiral
 * </pre>
 * None of them can be separated by a straight line: a linear classifier gets about half right on
 * xor, circles and spiral, and about 85 % on moons.
 */
public final class Datasets {
  private Datasets() {}

  /** The names, in the order the help lists them. */
  public static final List<String> NAMES = List.of("xor", "circles", "moons", "spiral");

  /** Whether {@code name} is a built-in data set. */
  public static boolean isBuiltIn(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Makes a data set.
   *
   * @param name xor, circles, moons or spiral
   * @param n number of rows, 4 to 1,000,000
   * @param noise sd of the normal noise added to each coordinate, 0 to 10
   * @param seed seeds the points and the noise
   */
  public static DesignMatrix make(String name, int n, double noise, long seed) {
    String kind = name.toLowerCase(Locale.ROOT);
    if (!isBuiltIn(kind)) {
      throw new IllegalArgumentException("no built-in data set \"" + name + "\"; there are "
          + String.join(", ", NAMES));
    }
    Checks.range("--n", n, 4, 1_000_000);
    if (!(noise >= 0 && noise <= 10)) {
      throw new IllegalArgumentException("--noise must be between 0 and 10, not " + noise);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n * 3];
    double[] y = new double[n];
    int zeros = n / 2;
    for (int i = 0; i < n; i++) {
      int label = i < zeros ? 0 : 1;
      double[] pt = switch (kind) {
        case "xor" -> xor(label, i % 2 == 0, rng);
        case "circles" -> circle(label, rng);
        case "moons" -> moon(label, rng);
        default -> spiral(label, label == 0 ? i : i - zeros, label == 0 ? zeros : n - zeros);
      };
      double[] e = logitlab.fit.NeuronFitter.randomWeights(2, noise, rng);
      x[i * 3] = 1;
      x[i * 3 + 1] = pt[0] + e[0];
      x[i * 3 + 2] = pt[1] + e[1];
      y[i] = label;
    }
    int[] lines = new int[n];
    Arrays.setAll(lines, i -> i + 2);
    List<DesignMatrix.Predictor> predictors = List.of(
        new DesignMatrix.Predictor("x1", false, 1, mean(x, 1, n), List.of()),
        new DesignMatrix.Predictor("x2", false, 2, mean(x, 2, n), List.of()));
    return new DesignMatrix(kind, n, 3, x, y, lines, List.of("(Intercept)", "x1", "x2"), predictors,
        new DesignMatrix.Outcome("y", "1", "0"), n, 0, Map.of());
  }

  private static double[] xor(int label, boolean firstPositive, SplittableRandom rng) {
    double a = 0.2 + 0.8 * rng.nextDouble();
    double b = 0.2 + 0.8 * rng.nextDouble();
    // y = 1: same signs (quadrants 1 and 3); y = 0: opposite signs; alternating, so that each
    // quadrant holds a quarter of the rows
    double sa = firstPositive ? 1 : -1;
    double sb = label == 1 ? sa : -sa;
    return new double[] {sa * a, sb * b};
  }

  private static double[] circle(int label, SplittableRandom rng) {
    double t = 2 * Math.PI * rng.nextDouble();
    double r = label == 1 ? 0.5 : 1;
    return new double[] {r * Math.cos(t), r * Math.sin(t)};
  }

  private static double[] moon(int label, SplittableRandom rng) {
    double t = Math.PI * rng.nextDouble();
    return label == 0 ? new double[] {Math.cos(t), Math.sin(t)} : new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
  }

  private static double[] spiral(int label, int i, int m) {
    double r = (double) i / m;
    double t = 1.75 * 2 * Math.PI * r + (label == 1 ? Math.PI : 0);
    return new double[] {r * Math.sin(t), r * Math.cos(t)};
  }

  private static double mean(double[] x, int j, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i * 3 + j];
    }
    return s / n;
  }
}
