package logitlab.fit;

import logitlab.data.DesignMatrix;

/** eta = X beta over the design matrix, with aliased (NaN) coefficients taken as 0, as R's predict. */
final class LinearPredictor {
  private LinearPredictor() {}

  static double[] of(DesignMatrix d, double[] beta) {
    int n = d.n();
    int p = d.p();
    double[] x = d.x();
    double[] b = zeroNaN(beta);
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += x[off + j] * b[j];
      }
      eta[i] = s;
    }
    return eta;
  }

  static double[] zeroNaN(double[] beta) {
    double[] b = beta.clone();
    for (int j = 0; j < b.length; j++) {
      if (Double.isNaN(b[j])) {
        b[j] = 0;
      }
    }
    return b;
  }
}
