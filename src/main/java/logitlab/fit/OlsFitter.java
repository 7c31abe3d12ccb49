package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.data.DesignMatrix;
import logitlab.data.RowBlocks;
import logitlab.model.Coefficient;
import logitlab.model.Dense;
import logitlab.model.FTest;
import logitlab.model.Fitted;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.OutOfRange;
import org.apache.commons.math3.special.Beta;

/**
 * The linear probability model by ordinary least squares, as R's {@code lm(y ~ ...)}.
 * <pre>
 * beta = argmin sum a_i (y_i - x_i'beta)^2,  solved by QR of sqrt(a) X  (a = prior weights,
 *        1 for 0/1 data; trials for grouped data, where y is the proportion: R's lm(weights = a))
 * sigma^2 = RSS / (n - k),  Var(beta) = sigma^2 (X'AX)^-1,  k = rank, n = rows with a &gt; 0
 * t_j = beta_j / se_j,  p_j = 2 P(T_{n-k} &gt; |t_j|),  R^2 = 1 - RSS / TSS
 * adjusted R^2 = 1 - (1 - R^2)(n - 1)/(n - k),  F = ((TSS - RSS)/(k - 1)) / (RSS/(n - k))
 * robust:  Var_HC(beta) = (X'X)^-1 X' diag(omega) X (X'X)^-1, with e the residuals, h_i the
 *          leverages: HC0 omega = e^2, HC1 = e^2 n/(n-k), HC2 = e^2/(1-h), HC3 = e^2/(1-h)^2
 * </pre>
 * Aliased columns (tolerance 1e-7, as {@code lm}) get NA coefficients. White (1980), Econometrica
 * 48:817; MacKinnon &amp; White (1985), J. Econometrics 29:305; R's {@code sandwich::vcovHC}.
 */
public final class OlsFitter {
  /** lm's tolerance for the rank-revealing QR. */
  public static final double TOL = 1e-7;

  /** The heteroskedasticity-consistent covariance estimators. */
  public enum Robust { HC0, HC1, HC2, HC3 }

  private OlsFitter() {}

  /** Classical standard errors only. */
  public static LinearProbabilityFit fit(DesignMatrix d) {
    return fit(d, null);
  }

  /** With robust standard errors of the given type as well, when {@code robust} is not null. */
  public static LinearProbabilityFit fit(DesignMatrix d, Robust robust) {
    Preconditions.check(d);
    int p = d.p();
    QrFactor.Solution s = d.rows().reduce(OlsFitter::blockFactor, QrFactor::merge).solve(TOL);
    Fitted fitted = Fitted.linear(s.beta());
    double ybar = d.weightedEvents() / d.totalWeight();
    double[] ss = d.rows().reduce(b -> {
      double[] y = b.y();
      double[] a = b.a();
      double[] fb = fitted.of(b.x(), b.rows());
      double tss = 0;
      double rss = 0;
      for (int i = 0; i < b.rows(); i++) {
        double f = fb[i];
        tss += a[i] * (y[i] - ybar) * (y[i] - ybar);
        rss += a[i] * (y[i] - f) * (y[i] - f);
      }
      return new double[] {tss, rss};
    }, IrlsFitter::add);
    double tss = ss[0];
    double rss = ss[1];
    int nobs = d.nobs();
    int k = s.rank();
    int df = nobs - k;
    double sigma2 = df > 0 ? rss / df : Double.NaN;
    double[][] xtxInv = s.unscaledCovariance();
    List<Coefficient> coefs = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      coefs.add(coefficient(d.terms().get(j), s.beta()[j], sigma2 * xtxInv[j][j], df));
    }
    List<Coefficient> robustCoefs = new ArrayList<>();
    if (robust != null) {
      double[][] v = sandwich(d, s, fitted, robust);
      for (int j = 0; j < p; j++) {
        robustCoefs.add(coefficient(d.terms().get(j), s.beta()[j], v[j][j], df));
      }
    }
    double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
    double adj = df > 0 ? 1 - (1 - r2) * (nobs - 1) / df : Double.NaN;
    FTest f;
    if (k > 1 && df > 0) {
      double stat = ((tss - rss) / (k - 1)) / (rss / df);
      // P(F > stat) = I_{df2/(df2 + df1 F)}(df2/2, df1/2)
      double pf = Beta.regularizedBeta(df / (df + (k - 1) * stat), df / 2.0, (k - 1) / 2.0);
      f = new FTest(stat, k - 1, df, pf);
    } else {
      f = new FTest(Double.NaN, k - 1, df, Double.NaN);
    }
    return new LinearProbabilityFit(coefs, robust == null ? null : robust.name(), robustCoefs, r2,
        adj, Math.sqrt(sigma2), f, k, df, fitted,
        d.rows().reduce(b -> OutOfRange.of(fitted.of(b.x(), b.rows()), b.lines()), OutOfRange::merge));
  }

  /** The {@link QrFactor} of a block's rows sqrt(a) [x | y] with a positive prior weight a. */
  private static QrFactor blockFactor(RowBlocks.Block b) {
    int p = b.x().length;
    int m = b.rows();
    double[] a = b.a();
    int[] good = new int[m];
    double[] sw = new double[m];
    int g = 0;
    for (int i = 0; i < m; i++) {
      if (a[i] > 0) {
        sw[g] = Math.sqrt(a[i]);
        good[g++] = i;
      }
    }
    double[][] s = QrFactor.scratch(p + 1, g);
    for (int k = 0; k < p; k++) {
      double[] xk = b.x()[k];
      for (int r = 0; r < g; r++) {
        s[k][r] = xk[good[r]] * sw[r];
      }
    }
    double[] y = b.y();
    for (int r = 0; r < g; r++) {
      s[p][r] = y[good[r]] * sw[r];
    }
    return QrFactor.ofBlock(s, g, p);
  }

  private static Coefficient coefficient(String term, double b, double var, int df) {
    if (Double.isNaN(b)) {
      return Coefficient.aliased(term);
    }
    double se = Math.sqrt(var);
    // A perfect fit (residuals exactly 0) gives se = 0 and an undefined t = b / 0: NA, never an
    // infinity in the output (R prints Inf or NaN here and warns of an "essentially perfect fit").
    double t = se > 0 ? b / se : Double.NaN;
    return new Coefficient(term, b, se, t, Double.isNaN(t) ? Double.NaN : Inference.studentTwoSided(t, df));
  }

  /**
   * The HC sandwich (X'AX)^-1 X'A^1/2 diag(omega) A^1/2 X (X'AX)^-1 over the estimable columns
   * ({@link Dense#sandwich}), with the working residuals sqrt(a) e and leverages
   * h = a x'(X'AX)^-1 x, as sandwich::vcovHC.
   */
  private static double[][] sandwich(DesignMatrix d, QrFactor.Solution s, Fitted fitted, Robust type) {
    int n = d.nobs();
    int p = d.p();
    int k = s.rank();
    double[][] a = s.unscaledCovariance(); // (X'X)^-1, NaN on aliased rows/columns
    int[] est = java.util.stream.IntStream.range(0, p).filter(j -> !s.aliased()[j]).toArray();
    int q = est.length;
    double[][] bread = new double[q][q]; // (X'X)^-1 over the estimable columns
    for (int u = 0; u < q; u++) {
      for (int v = 0; v < q; v++) {
        bread[u][v] = a[est[u]][est[v]];
      }
    }
    // the upper triangle of the meat X'A^1/2 diag(omega) A^1/2 X, row-major q x q, per block
    double[] upper = d.rows().reduce(b -> {
      double[] t = new double[q * q];
      double[] xi = new double[q];
      double[] fb = fitted.of(b.x(), b.rows());
      for (int i = 0; i < b.rows(); i++) {
        double sw = Math.sqrt(b.a()[i]);
        if (sw == 0) {
          continue;
        }
        for (int u = 0; u < q; u++) {
          xi[u] = sw * b.x()[est[u]][i];
        }
        double h = 0;
        for (int u = 0; u < q; u++) {
          h += xi[u] * Dense.dot(bread[u], xi, q);
        }
        double e = sw * (b.y()[i] - fb[i]);
        double omega = switch (type) {
          case HC0 -> e * e;
          case HC1 -> e * e * n / (double) (n - k);
          case HC2 -> e * e / (1 - h);
          case HC3 -> e * e / ((1 - h) * (1 - h));
        };
        for (int u = 0; u < q; u++) {
          for (int v = u; v < q; v++) {
            t[u * q + v] += omega * xi[u] * xi[v];
          }
        }
      }
      return t;
    }, IrlsFitter::add);
    double[][] meat = new double[q][q];
    for (int u = 0; u < q; u++) {
      for (int v = u; v < q; v++) {
        meat[u][v] = upper[u * q + v];
      }
    }
    for (int u = 0; u < q; u++) {
      for (int v = 0; v < u; v++) {
        meat[u][v] = meat[v][u];
      }
    }
    double[][] v = Dense.sandwich(bread, meat);
    double[][] out = new double[p][p];
    for (double[] r : out) {
      java.util.Arrays.fill(r, Double.NaN);
    }
    for (int u = 0; u < q; u++) {
      for (int w = 0; w < q; w++) {
        out[est[u]][est[w]] = v[u][w];
      }
    }
    return out;
  }
}
