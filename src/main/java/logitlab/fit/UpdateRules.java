package logitlab.fit;

import java.util.SplittableRandom;
import logitlab.model.Optimizer;

/**
 * The optimizers' update rules. Each keeps its own state and advances the weights theta by one
 * epoch at a time; the fitter measures J and grad J at {@link UpdateRule#point()} before every
 * epoch, for the stopping rule, the history and divergence. The one neuron ({@link NeuronFitter})
 * and the multi-layer nets of {@code logitlab.nn} share them.
 */
public final class UpdateRules {
  private UpdateRules() {}

  /** One optimizer's state. */
  public interface UpdateRule {
    /** The current weights: where J and its gradient are measured, and what is reported. */
    double[] point();

    /**
     * Advances by one epoch.
     *
     * @param gradient grad J at {@link #point()}, full batch
     * @param loss J at {@link #point()}
     * @param epoch the number of epochs completed before this one (0, 1, ...)
     */
    void epoch(double[] gradient, double loss, int epoch);
  }

  /**
   * The optimizer's rule, starting at theta0.
   *
   * @param mu the decay constant of the stochastic optimizers' step (see {@link Stochastic}); 0 for a
   *     constant step
   * @param f the objective whose batch gradients the stochastic optimizers follow
   * @param rowsPerStep rows per step of the stochastic optimizers (1 for sgd)
   * @param rng shuffles the rows of the stochastic optimizers
   */
  public static UpdateRule create(Optimizer o, double[] theta0, double lr, double mu, BatchObjective f,
      int rowsPerStep, SplittableRandom rng) {
    return switch (o) {
      case GD -> new GradientDescent(theta0, lr);
      case MOMENTUM -> new HeavyBall(theta0, lr, HeavyBall.BETA);
      case NESTEROV -> new Nesterov(theta0, lr);
      case ADAM -> new Adam(theta0, lr);
      case SGD, MINIBATCH -> new Stochastic(theta0, lr, mu, f, rowsPerStep, rng);
      case PRECONDITIONED -> throw new IllegalArgumentException(
          "the preconditioned optimizer needs the design's metric: use UpdateRules.preconditioned");
    };
  }

  /**
   * The {@code preconditioned} rule ({@link Preconditioned}), starting at theta0.
   *
   * @param h the initial step in the metric (1: the Newton step at the intercept-only fit)
   * @param gram the Gram matrix G of the trained inputs
   * @param curvature c0, the loss's mean curvature at the intercept-only fit
   * @param logitScale a, the activation's logit scale (u = a z)
   * @param momentum whether to accelerate (for a convex loss; without it the rule is preconditioned
   *     gradient descent)
   */
  public static UpdateRule preconditioned(double[] theta0, double h, Gram gram, double curvature, double logitScale,
      boolean momentum) {
    return new Preconditioned(theta0, h, gram, curvature, logitScale, momentum);
  }

  /**
   * Gradient descent with a fixed step.
   * <pre>
   * theta := theta - lr grad J(theta)
   * </pre>
   * With lr = 1/L and an L-Lipschitz gradient, J falls at every step by at least
   * ||grad J||^2 / (2L); on a strongly convex J the error shrinks linearly. Cauchy (1847); Nesterov,
   * Introductory Lectures on Convex Optimization (2004), 2.1.5.
   */
  static final class GradientDescent implements UpdateRule {
    private final double[] theta;
    private final double lr;

    GradientDescent(double[] theta0, double lr) {
      this.theta = theta0.clone();
      this.lr = lr;
    }

    @Override
    public double[] point() {
      return theta;
    }

    @Override
    public void epoch(double[] g, double loss, int epoch) {
      for (int k = 0; k < theta.length; k++) {
        theta[k] -= lr * g[k];
      }
    }
  }

  /**
   * Polyak's heavy ball: gradient descent plus a fraction beta of the previous step.
   * <pre>
   * v := beta v - lr grad J(theta),   theta := theta + v        (beta = 0.9)
   * i.e. theta_{k+1} = theta_k - lr grad J(theta_k) + beta (theta_k - theta_{k-1})
   * </pre>
   * The step accumulates along directions where the gradient keeps its sign, which helps on
   * ill-conditioned problems (long narrow valleys); on a well-conditioned one it overshoots and
   * oscillates. B. T. Polyak, "Some methods of speeding up the convergence of iteration methods",
   * USSR Comput. Math. Math. Phys. 4(5), 1964, 1-17.
   */
  static final class HeavyBall implements UpdateRule {
    static final double BETA = 0.9;
    private final double[] theta;
    private final double[] v;
    private final double lr;
    private final double beta;

    HeavyBall(double[] theta0, double lr, double beta) {
      this.theta = theta0.clone();
      this.v = new double[theta0.length];
      this.lr = lr;
      this.beta = beta;
    }

    @Override
    public double[] point() {
      return theta;
    }

    @Override
    public void epoch(double[] g, double loss, int epoch) {
      for (int k = 0; k < theta.length; k++) {
        v[k] = beta * v[k] - lr * g[k];
        theta[k] += v[k];
      }
    }
  }

  /**
   * Nesterov's accelerated gradient with gradient-based adaptive restart.
   * <pre>
   * x_{k+1} = y_k - lr grad J(y_k)
   * t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2,   t_0 = 1
   * y_{k+1} = x_{k+1} + ((t_k - 1) / t_{k+1}) (x_{k+1} - x_k)
   * restart (t := 1, y_{k+1} := x_{k+1}) when grad J(y_k)' (x_{k+1} - x_k) &gt; 0
   * </pre>
   * J and its gradient are measured at y_k, the point reported. With lr = 1/L the error in J falls
   * as O(1/k^2) (Y. Nesterov, "A method of solving a convex programming problem with convergence
   * rate O(1/k^2)", Soviet Math. Dokl. 27, 1983; Introductory Lectures on Convex Optimization,
   * 2004, 2.2). The restart, when the momentum points uphill, recovers linear convergence on a
   * strongly convex J without knowing its curvature: B. O'Donoghue and E. Candès, "Adaptive restart
   * for accelerated gradient schemes", Found. Comput. Math. 15, 2015, 715-732.
   */
  static final class Nesterov implements UpdateRule {
    private final double[] x;
    private final double[] y;
    private final double[] xNew;
    private final double lr;
    private double t = 1;

    Nesterov(double[] theta0, double lr) {
      this.x = theta0.clone();
      this.y = theta0.clone();
      this.xNew = new double[theta0.length];
      this.lr = lr;
    }

    @Override
    public double[] point() {
      return y;
    }

    @Override
    public void epoch(double[] g, double loss, int epoch) {
      double uphill = 0;
      for (int k = 0; k < y.length; k++) {
        xNew[k] = y[k] - lr * g[k];
        uphill += g[k] * (xNew[k] - x[k]);
      }
      double c;
      if (uphill > 0) {
        t = 1;
        c = 0;
      } else {
        double tNew = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
        c = (t - 1) / tNew;
        t = tNew;
      }
      for (int k = 0; k < y.length; k++) {
        y[k] = xNew[k] + c * (xNew[k] - x[k]);
        x[k] = xNew[k];
      }
    }
  }

  /**
   * Nesterov's accelerated gradient in a fixed metric, with a safeguard: {@code preconditioned}.
   * <pre>
   * G  = S'AS / sum(a)                the Gram matrix of the trained inputs s_i, fixed
   * c0 = a^2 ybar (1 - ybar)          the loss's mean curvature at the intercept-only fit
   *                                   ({@link logitlab.model.Loss#curvatureAtMean}; squared error:
   *                                   a^2 (ybar (1 - ybar))^2)
   * M  = c0 G                         the metric
   * d_k = -h M^+ grad J(y_k)          (M^+ = G^+ / c0, G^+ the pseudo-inverse of {@link Gram})
   *       scaled down to a ||d_k||_G = 1 if longer     (||d||_G: the RMS change of z over the rows)
   * x_{k+1} = y_k + d_k
   * t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2,   y_{k+1} = x_{k+1} + ((t_k - 1) / t_{k+1}) (x_{k+1} - x_k)
   * restart (t := 1, no momentum) when grad J(y_k)' (x_{k+1} - x_k) &gt; 0
   * safeguard: when J rose, J(y_{k+1}) &gt; J(y_k) (where the two agree to rounding: when
   *            (grad J(y_k) + grad J(y_{k+1}))' (y_{k+1} - y_k) &gt; 0), y_{k+1} is rejected: back
   *            to y_k and x_k, restart, and if the rejected move had no momentum, h := h / 2 for good
   * </pre>
   * It is gradient descent on J, only measured in another norm: with d = -h M^+ g it is steepest
   * descent for the quadratic norm ||.||_M, the same as plain gradient descent after the change of
   * coordinates theta~ = M^(1/2) theta, which whitens the inputs (S. Boyd and L. Vandenberghe,
   * Convex Optimization, 2004, 9.4.1 and 9.4.4: the method is fast when M is close to the Hessian
   * at the optimum). The metric is computed once; IRLS would recompute S'WS every iteration.
   *
   * <p>Why this metric. The Hessian of the cross-entropy is S'WS / sum(a) with W = diag(a_i p_i
   * (1 - p_i)), and p_i (1 - p_i) &lt;= 1/4, so M = G / 4 bounds it: with h = 1 that is
   * Böhning and Lindsay's monotone quadratic bound algorithm (D. Böhning and B. G. Lindsay,
   * "Monotonicity of quadratic-approximation algorithms", Ann. Inst. Statist. Math. 40, 1988,
   * 641-663; D. Böhning, "Multinomial logistic regression algorithm", ibid. 44, 1992, 197-200).
   * The bound is tight only where p is near 1/2. With rare events p_i (1 - p_i) is about
   * ybar (1 - ybar) on most rows (0.001 at 0.1 % events), 250 times less than 1/4, and the bound's
   * steps are 250 times too short. At the intercept-only fit every p_i equals ybar, so there the
   * Hessian is exactly c0 G = M: the first step from there is Newton's. Further on the curvature
   * differs from c0 by the spread of p_i (1 - p_i) over the rows, a small factor, which Nesterov's
   * momentum absorbs (Y. Nesterov, Introductory Lectures on Convex Optimization, 2004, 2.2; the
   * gradient restart of B. O'Donoghue and E. Candès, Found. Comput. Math. 15, 2015, 715-732), and
   * the ill-conditioning of G itself (dummies of rare levels, raw offsets) is gone from the
   * metric.
   *
   * <p>The safeguards. Far from the intercept-only fit (a zero start with rare events puts every
   * p at 1/2) M^+ g can be hundreds of logits long; the cap to an RMS change of 1 in the linear
   * predictor u = a z keeps each step in the region where the quadratic model holds, as gradient
   * clipping does (R. Pascanu, T. Mikolov and Y. Bengio, "On the difficulty of training recurrent
   * neural networks", ICML 2013), here in the metric. Where the curvature exceeds c0 / h, a step
   * can raise J; the rise is rejected and, if it came from the gradient step itself, the step
   * halved, as in backtracking (L. Armijo, Pacific J. Math. 16, 1966, 1-3) and in the monotone
   * variant of accelerated gradient (A. Beck and M. Teboulle, IEEE Trans. Image Process. 18, 2009,
   * 2419-2434). Each point J is measured at costs one epoch, a rejected one too. The weights
   * accepted are those of a loss that never rises.
   *
   * <p>Momentum is for a convex loss, the cross-entropy. The squared error of a sigmoid is not convex:
   * from a saturated start the momentum can carry the weights over a ridge onto a plateau of
   * saturated rows, where the gradient vanishes far from the optimum (on {@code challenger.csv}
   * with {@code --init 5} 26 from the GLM where gradient descent ends 0.28 away). With the squared
   * loss the rule is therefore preconditioned gradient descent, d_k from x_k = y_k.
   */
  static final class Preconditioned implements UpdateRule {
    /** Largest RMS change of the linear predictor u = a z per gradient step. */
    static final double CAP = 1;
    /** A change of J smaller than this, relative to max(1, |J|), is within rounding. */
    static final double ROUNDING = 1e-12;
    private final double[] x;
    private final double[] y;
    private final double[] xNew;
    private final double[] d;
    private final double[] yAccepted;
    private final double[] xAccepted;
    private final double[] gAccepted;
    private final Gram gram;
    private final double curvature;
    private final double logitScale;
    private final boolean momentum;
    private double h;
    private double t = 1;
    private double jAccepted = Double.POSITIVE_INFINITY;
    private boolean plainStep = true;

    Preconditioned(double[] theta0, double h, Gram gram, double curvature, double logitScale, boolean momentum) {
      this.x = theta0.clone();
      this.y = theta0.clone();
      int q = theta0.length;
      this.xNew = new double[q];
      this.d = new double[q];
      this.yAccepted = new double[q];
      this.xAccepted = new double[q];
      this.gAccepted = new double[q];
      this.gram = gram;
      this.curvature = curvature;
      this.logitScale = logitScale;
      this.momentum = momentum;
      this.h = h;
    }

    @Override
    public double[] point() {
      return y;
    }

    /** The step h in the metric now (halved once for each rise of the loss after a plain step). */
    double step() {
      return h;
    }

    @Override
    public void epoch(double[] g, double loss, int epoch) {
      boolean restart;
      if (rose(g, loss)) {
        if (plainStep) {
          h /= 2;
        }
        System.arraycopy(yAccepted, 0, y, 0, y.length);
        System.arraycopy(xAccepted, 0, x, 0, x.length);
        g = gAccepted;
        restart = true;
      } else {
        System.arraycopy(y, 0, yAccepted, 0, y.length);
        System.arraycopy(x, 0, xAccepted, 0, x.length);
        System.arraycopy(g, 0, gAccepted, 0, g.length);
        jAccepted = loss;
        restart = false;
      }
      // d = -min(h, CAP / (a ||M^+ g||_G)) M^+ g: the cap applied before h multiplies, so that no
      // step size overflows
      gram.solve(g, d);
      double rms = logitScale * gram.norm(d) / curvature;
      double scale = -Math.min(h, rms > 0 ? CAP / rms : h) / curvature;
      for (int k = 0; k < d.length; k++) {
        d[k] *= scale;
      }
      double uphill = 0;
      for (int k = 0; k < y.length; k++) {
        xNew[k] = y[k] + d[k];
        uphill += g[k] * (xNew[k] - x[k]);
      }
      double c;
      if (restart || uphill > 0 || !momentum) {
        t = 1;
        c = 0;
      } else {
        double tNew = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
        c = (t - 1) / tNew;
        t = tNew;
      }
      plainStep = c == 0;
      for (int k = 0; k < y.length; k++) {
        y[k] = xNew[k] + c * (xNew[k] - x[k]);
        x[k] = xNew[k];
      }
    }

    /**
     * Whether J rose from the accepted point y_a to y: J(y) - J(y_a) beyond rounding (relative
     * {@value #ROUNDING}), or, where the difference is within rounding, the trapezoid estimate of it,
     * (grad J(y_a) + grad J(y))' (y - y_a) / 2, above 0. Near the optimum J changes by the square of
     * the distance, so a difference of rounding size hides steps of 1e-6; the trapezoid, exact for a
     * quadratic, still tells.
     */
    private boolean rose(double[] g, double loss) {
      if (Double.isInfinite(jAccepted)) {
        return false;
      }
      double band = ROUNDING * Math.max(1, Math.abs(jAccepted));
      if (!(loss <= jAccepted + band)) {
        return true;
      }
      if (loss < jAccepted - band) {
        return false;
      }
      double slope = 0;
      for (int k = 0; k < y.length; k++) {
        slope += (gAccepted[k] + g[k]) * (y[k] - yAccepted[k]);
      }
      return slope > 0;
    }
  }

  /**
   * Adam, on the full batch.
   * <pre>
   * m := b1 m + (1 - b1) g,      v := b2 v + (1 - b2) g^2        (elementwise)
   * m^ = m / (1 - b1^t),         v^ = v / (1 - b2^t)
   * theta := theta - lr m^ / (sqrt(v^) + eps)       b1 = 0.9, b2 = 0.999, eps = 1e-8
   * </pre>
   * Each weight moves about lr per step whatever the scale of its gradient, so Adam copes with
   * badly scaled inputs but, with a fixed lr, ends in a small oscillation around the optimum
   * rather than converging to machine precision. D. P. Kingma and J. Ba, "Adam: a method for
   * stochastic optimization", ICLR 2015, Algorithm 1.
   */
  static final class Adam implements UpdateRule {
    static final double B1 = 0.9;
    static final double B2 = 0.999;
    static final double EPS = 1e-8;
    private final double[] theta;
    private final double[] m;
    private final double[] v;
    private final double lr;
    private double b1t = 1;
    private double b2t = 1;

    Adam(double[] theta0, double lr) {
      this.theta = theta0.clone();
      this.m = new double[theta0.length];
      this.v = new double[theta0.length];
      this.lr = lr;
    }

    @Override
    public double[] point() {
      return theta;
    }

    @Override
    public void epoch(double[] g, double loss, int epoch) {
      b1t *= B1;
      b2t *= B2;
      for (int k = 0; k < theta.length; k++) {
        m[k] = B1 * m[k] + (1 - B1) * g[k];
        v[k] = B2 * v[k] + (1 - B2) * g[k] * g[k];
        double mHat = m[k] / (1 - b1t);
        double vHat = v[k] / (1 - b2t);
        theta[k] -= lr * mHat / (Math.sqrt(vHat) + EPS);
      }
    }
  }

  /**
   * Stochastic gradient descent on shuffled batches of b rows (b = 1: plain SGD).
   * <pre>
   * each epoch: shuffle the rows (Fisher-Yates, seeded), then for each batch B of b rows, step t:
   *   theta := theta - lr_t (1/b) sum_{i in B} grad l_i(theta),    lr_t = lr / (1 + lr mu t)
   * </pre>
   * Each step follows a noisy estimate of grad J. With a fixed step the weights end in a cloud
   * around the optimum whose size grows with the step and shrinks with b; the decaying step
   * (Robbins and Monro 1951: sum lr_t = infinity, sum lr_t^2 &lt; infinity) shrinks the cloud, but
   * only as O(1/t), and only if mu is not much larger than J's true curvature at the optimum. Here
   * mu = c lambda_min(S'S/n) / 4 with c the loss's curvature bound: a quarter of the smallest
   * curvature of J where every p = 1/2, a cautious guess. Bottou, "Stochastic gradient descent
   * tricks", in Neural Networks: Tricks of the Trade, 2nd ed., 2012 (lr_t = lr / (1 + lr
   * lambda t) with lambda the strong convexity); H. Robbins and S. Monro, "A stochastic approximation
   * method", Ann. Math. Statist. 22, 1951, 400-407.
   */
  static final class Stochastic implements UpdateRule {
    private final double[] theta;
    private final double lr;
    private final double mu;
    private final BatchObjective f;
    private final int b;
    private final SplittableRandom rng;
    private final int[] order;
    private final double[] g;
    private final double[] s;
    private long t;

    Stochastic(double[] theta0, double lr, double mu, BatchObjective f, int b, SplittableRandom rng) {
      this.theta = theta0.clone();
      this.lr = lr;
      this.mu = mu;
      this.f = f;
      int n = f.rows();
      this.b = Math.max(1, Math.min(b, n));
      this.rng = rng;
      this.order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      this.g = new double[theta0.length];
      this.s = new double[theta0.length];
    }

    @Override
    public double[] point() {
      return theta;
    }

    @Override
    public void epoch(double[] fullGradient, double loss, int epoch) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int from = 0; from < order.length; from += b) {
        int to = Math.min(from + b, order.length);
        f.batchGradient(theta, order, from, to, g, s);
        double step = lr / (1 + lr * mu * t);
        t++;
        for (int k = 0; k < theta.length; k++) {
          theta[k] -= step * g[k];
        }
      }
    }
  }
}
