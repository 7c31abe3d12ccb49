package logitlab.model;

/**
 * A fit's value at the used rows of its design: the fitted probabilities, or the linear model's
 * x'beta. It is computed from the fit's coefficients for the rows of one block at a time, whenever
 * a pass needs it (the classification tables, the plots), so that no vector of length n is kept
 * for it; each fitter gives the formula it fitted with (R's clamped {@code linkinv} for the GLM,
 * the neuron's activation), so the values are those the fit saw, to the last bit. Serializable
 * (as is what an implementation captures), so that a pass on an engine ({@link
 * logitlab.data.RowBlocks.Engine}) can compute it where the blocks live.
 */
@FunctionalInterface
public interface Fitted extends java.io.Serializable {
  /**
   * The values of m rows.
   *
   * @param x the rows' design columns: {@code x[j][i]} is column j of row i, i &lt; m
   */
  double[] of(double[][] x, int m);

  /**
   * x'beta with aliased (NaN) coefficients as 0, each row summed over j = 0 .. p-1 in order, as
   * {@link Dense#linearPredictor}.
   */
  static double[] linearPredictors(double[][] x, int m, double[] beta) {
    double[] s = new double[m];
    for (int j = 0; j < beta.length; j++) {
      if (!Double.isNaN(beta[j])) {
        double[] xj = x[j];
        double bj = beta[j];
        for (int i = 0; i < m; i++) {
          s[i] += xj[i] * bj;
        }
      }
    }
    return s;
  }

  /** The linear model's values x'beta ({@link #linearPredictors}). */
  static Fitted linear(double[] beta) {
    double[] b = beta.clone();
    return (x, m) -> linearPredictors(x, m, b);
  }
}
