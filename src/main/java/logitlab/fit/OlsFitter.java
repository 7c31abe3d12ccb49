package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.model.Coefficient;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.OutOfRange;

/**
 * The linear probability model by ordinary least squares, as R's {@code lm(y ~ ...)}.
 * <pre>
 * beta = argmin ||y - X beta||^2,  solved by QR (X = QR, R beta = Q'y)
 * sigma^2 = RSS / (n - rank),  Var(beta) = sigma^2 (R'R)^-1
 * t_j = beta_j / se_j,  p_j = 2 P(T_{n-rank} &gt; |t_j|),  R^2 = 1 - RSS / sum (y - ybar)^2
 * </pre>
 * Aliased columns (tolerance 1e-7, as {@code lm}) get NA coefficients. See {@link StreamingQr}.
 */
public final class OlsFitter {
  /** lm's tolerance for the rank-revealing QR. */
  public static final double TOL = 1e-7;

  private OlsFitter() {}

  public static LinearProbabilityFit fit(DesignMatrix d) {
    Preconditions.check(d);
    int n = d.n();
    int p = d.p();
    double[] x = d.x();
    double[] y = d.y();
    StreamingQr qr = new StreamingQr(p);
    for (int i = 0; i < n; i++) {
      qr.add(x, i * p, 1.0, y[i]);
    }
    StreamingQr.Solution s = qr.solve(TOL);
    double[] fitted = LinearPredictor.of(d, s.beta());
    double ybar = 0;
    for (double v : y) {
      ybar += v;
    }
    ybar /= n;
    double tss = 0;
    double rss = 0;
    for (int i = 0; i < n; i++) {
      tss += (y[i] - ybar) * (y[i] - ybar);
      rss += (y[i] - fitted[i]) * (y[i] - fitted[i]);
    }
    int df = n - s.rank();
    double sigma2 = df > 0 ? rss / df : Double.NaN;
    List<Coefficient> coefs = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      String term = d.terms().get(j);
      if (s.aliased()[j]) {
        coefs.add(Coefficient.aliased(term));
        continue;
      }
      double se = Math.sqrt(sigma2 * s.unscaledCovariance()[j][j]);
      double t = s.beta()[j] / se;
      coefs.add(new Coefficient(term, s.beta()[j], se, t, Inference.studentTwoSided(t, df)));
    }
    double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
    return new LinearProbabilityFit(
        coefs, r2, Math.sqrt(sigma2), s.rank(), df, fitted, OutOfRange.of(fitted, d.lines()));
  }
}
