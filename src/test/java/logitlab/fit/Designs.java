package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import logitlab.data.DesignMatrix;

/** Builds small design matrices for fitter tests without going through CSV. */
final class Designs {
  private Designs() {}

  /** Intercept plus the given columns (named), outcome y; file lines 2..n+1. */
  static DesignMatrix of(List<String> names, double[][] columns, double[] y) {
    int n = y.length;
    int p = columns.length + 1;
    double[] x = new double[n * p];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      for (int j = 1; j < p; j++) {
        x[i * p + j] = columns[j - 1][i];
      }
      lines[i] = i + 2;
    }
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    terms.addAll(names);
    List<DesignMatrix.Predictor> preds = new ArrayList<>();
    for (int j = 1; j < p; j++) {
      double m = 0;
      for (double v : columns[j - 1]) {
        m += v;
      }
      preds.add(new DesignMatrix.Predictor(names.get(j - 1), false, j, m / n, List.of()));
    }
    return new DesignMatrix("test.csv", n, p, x, y.clone(), lines, terms, preds,
        new DesignMatrix.Outcome("y", "1", "0"), n, 0, Map.of());
  }

  /** Wikipedia's hours-studied vs exam-passed example (20 students). */
  static final double[] HOURS = {0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50, 2.75,
    3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50};
  static final double[] PASS = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};
}
