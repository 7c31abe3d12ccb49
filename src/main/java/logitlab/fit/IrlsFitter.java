package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.model.Coefficient;
import logitlab.model.Logistic;
import logitlab.model.LogisticFit;

/**
 * Logistic regression by iteratively reweighted least squares (Fisher scoring), following R's
 * {@code glm.fit} (R 4.2, src/library/stats/R/glm.fit.R) with the step halving of the
 * {@code glm2} package (Marschner 2011, The R Journal 3(2)).
 * <pre>
 * start:     mu = (y + 0.5) / 2,  eta = logit(mu)
 * iterate:   w = mu (1 - mu),  z = eta + (y - mu) / w
 *            beta = argmin sum w (z - x'beta)^2          (weighted QR, tol min(1e-7, eps/1000))
 *            eta = X beta,  mu = sigma(eta),  dev = sum d(y, mu)
 *            if dev is not finite, or (glm2) rose since the last iteration: halve the step
 *            beta = (beta + beta_old) / 2 until it is not
 * stop when  |dev - dev_old| / (|dev| + 0.1) &lt; eps, at most maxit iterations
 * </pre>
 * As in R, mu is kept in [eps/(1+eps), 1/(1+eps)] and d mu / d eta &gt;= eps (eps = 2.2e-16), and
 * the covariance is (X'WX)^-1 from the last iteration's QR (dispersion 1). Hastie, Tibshirani &amp;
 * Friedman, The Elements of Statistical Learning, 2nd ed., 4.4.1; McCullagh &amp; Nelder,
 * Generalized Linear Models, 2nd ed., 2.5.
 */
public final class IrlsFitter {
  private static final double DBL_EPS = Math.ulp(1.0);
  private static final double THRESH = 30;

  private IrlsFitter() {}

  /** R's {@code binomial()$linkinv}: sigma(eta) with eta clamped to [-30, 30]. */
  static double linkinv(double eta) {
    double t = eta < -THRESH ? DBL_EPS : eta > THRESH ? 1 / DBL_EPS : Math.exp(eta);
    return t / (1 + t);
  }

  /** R's {@code binomial()$mu.eta}: d mu / d eta, at least eps. */
  static double muEta(double eta) {
    if (eta > THRESH || eta < -THRESH) {
      return DBL_EPS;
    }
    double e = Math.exp(eta);
    double op = 1 + e;
    return e / (op * op);
  }

  public static LogisticFit fit(DesignMatrix d, IrlsOptions opt) {
    Preconditions.check(d);
    int n = d.n();
    int p = d.p();
    double[] x = d.x();
    double[] y = d.y();
    double eps = opt.epsilon();
    double tol = Math.min(1e-7, eps / 1000);

    double[] eta = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      double m = (y[i] + 0.5) / 2;
      eta[i] = Logistic.logit(m);
      mu[i] = linkinv(eta[i]);
    }
    double devOld = deviance(y, mu);
    double[] coefOld = null;
    double[] coef = null;
    StreamingQr.Solution last = null;
    boolean converged = false;
    int iter = 0;
    int halvings = 0;
    double dev = devOld;
    for (iter = 1; iter <= opt.maxIterations(); iter++) {
      StreamingQr qr = new StreamingQr(p);
      for (int i = 0; i < n; i++) {
        double me = muEta(eta[i]);
        double var = mu[i] * (1 - mu[i]);
        double z = eta[i] + (y[i] - mu[i]) / me;
        double w = Math.sqrt(me * me / var);
        qr.add(x, i * p, w, z);
      }
      last = qr.solve(tol);
      double[] start = LinearPredictor.zeroNaN(last.beta());
      dev = update(d, start, eta, mu);
      if (!Double.isFinite(dev)) {
        if (coefOld == null) {
          throw new FitException(d.file() + ": no valid set of logistic coefficients found; the IRLS "
              + "start values give a non-finite deviance");
        }
        for (int h = 0; h < opt.maxIterations() && !Double.isFinite(dev); h++) {
          halve(start, coefOld);
          dev = update(d, start, eta, mu);
          halvings++;
        }
      }
      // glm2: halve the step while the deviance rises (not on the first iteration, as glm2)
      if (iter > 1 && coefOld != null) {
        for (int h = 0; h < opt.maxIterations() && (dev - devOld) / (0.1 + Math.abs(dev)) >= eps; h++) {
          halve(start, coefOld);
          dev = update(d, start, eta, mu);
          halvings++;
        }
      }
      coef = start;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < eps) {
        converged = true;
        break;
      }
      devOld = dev;
      coefOld = start.clone();
    }
    int iterations = Math.min(iter, opt.maxIterations());

    List<String> warnings = new ArrayList<>();
    if (!converged) {
      warnings.add(String.format(Locale.ROOT,
          "the logistic fit did not converge in %d iterations (deviance still changing by %.3g); "
              + "the estimates may be unreliable: the outcome may be (nearly) separated by the "
              + "predictors, or try --max-iterations", iterations, Math.abs(dev - devOld)));
    }
    if (halvings > 0) {
      warnings.add("the deviance rose during IRLS and the step was halved " + halvings
          + " time(s) (as R's glm2 does)");
    }
    double lo = 10 * DBL_EPS;
    int extreme = 0;
    for (double m : mu) {
      if (m > 1 - lo || m < lo) {
        extreme++;
      }
    }
    if (extreme > 0) {
      warnings.add("fitted probabilities numerically 0 or 1 occurred (" + extreme + " rows): the "
          + "outcome may be completely or quasi-completely separated by the predictors, and then the "
          + "estimates and standard errors are not meaningful");
    }

    List<Coefficient> coefs = new ArrayList<>(p);
    List<String> aliasedTerms = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      String term = d.terms().get(j);
      if (last.aliased()[j]) {
        coefs.add(Coefficient.aliased(term));
        aliasedTerms.add(term);
        continue;
      }
      double se = Math.sqrt(last.unscaledCovariance()[j][j]);
      double zstat = coef[j] / se;
      coefs.add(new Coefficient(term, coef[j], se, zstat, Inference.normalTwoSided(zstat)));
    }
    if (!aliasedTerms.isEmpty()) {
      warnings.add(aliasedTerms.size() + " coefficient(s) not defined because of singularities "
          + "(the column is an exact linear combination of others): " + String.join(", ", aliasedTerms));
    }
    double ybar = 0;
    for (double v : y) {
      ybar += v;
    }
    ybar /= n;
    double nullDev = 0;
    double logLik = 0;
    for (int i = 0; i < n; i++) {
      nullDev += Logistic.unitDeviance(y[i], ybar);
      logLik += logDensity(y[i], mu[i]);
    }
    int rank = last.rank();
    return new LogisticFit(coefs, nullDev, dev, n - 1, n - rank, -2 * logLik + 2 * rank, logLik,
        rank, iterations, converged, warnings, mu);
  }

  /** log P(Y = y) for a 0/1 outcome with probability mu, with 0 log 0 = 0. */
  private static double logDensity(double y, double mu) {
    return (y > 0 ? y * Math.log(mu) : 0) + (y < 1 ? (1 - y) * Math.log(1 - mu) : 0);
  }

  private static void halve(double[] start, double[] old) {
    for (int j = 0; j < start.length; j++) {
      start[j] = (start[j] + old[j]) / 2;
    }
  }

  /** Sets eta = X beta, mu = linkinv(eta) and returns the deviance. */
  private static double update(DesignMatrix d, double[] beta, double[] eta, double[] mu) {
    double[] e = LinearPredictor.of(d, beta);
    System.arraycopy(e, 0, eta, 0, e.length);
    for (int i = 0; i < mu.length; i++) {
      mu[i] = linkinv(eta[i]);
    }
    return deviance(d.y(), mu);
  }

  private static double deviance(double[] y, double[] mu) {
    double dev = 0;
    for (int i = 0; i < y.length; i++) {
      dev += Logistic.unitDeviance(y[i], mu[i]);
    }
    return dev;
  }
}
