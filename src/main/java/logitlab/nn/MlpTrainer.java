package logitlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import logitlab.data.DesignMatrix;
import logitlab.fit.IrlsFitter;
import logitlab.fit.NeuronFitter;
import logitlab.fit.NeuronOptions;
import logitlab.fit.UpdateRules;
import logitlab.model.Activation;
import logitlab.model.Dense;
import logitlab.model.Logistic;
import logitlab.model.LogisticFit;
import logitlab.model.Loss;
import logitlab.model.NeuronFit;
import logitlab.model.Optimizer;

/**
 * Trains one net on a split's training rows with the neuron's optimizers ({@link UpdateRules}) and
 * measures it on both parts.
 * <pre>
 * theta_0: weights from --init (seeded), biases 0
 * each epoch: J and grad J at the optimizer's point (full batch, {@link MlpObjective}), then one
 * epoch of the update rule (full batch, or shuffled batches for sgd and minibatch; a constant step)
 * stop: ||grad J|| &lt; tolerance, the epoch limit, or divergence: J or its gradient not finite (the
 * weights overflowed). A run that ends with J above J_0 + max(1, J_0) has diverged too (it blew up
 * without overflowing). After divergence the weights of the lowest J seen are reported.
 * </pre>
 * A net without hidden layer and without penalty is the one neuron: it is trained by
 * {@link NeuronFitter} (standardised inputs, the automatic step 1/L of the Lipschitz bound for the
 * gradient methods), so that it reaches the logistic GLM as {@code compare}'s neuron does. The
 * random numbers come from the seed alone, split into one stream for the rows' split, one for the
 * initial weights and one for the shuffling, so runs that differ in one setting start alike.
 */
public final class MlpTrainer {
  private MlpTrainer() {}

  /**
   * The automatic step size of a net with hidden layers (or an L2 penalty): there is no Lipschitz
   * bound to take it from, so it is a fixed value per optimizer that trains the built-in data sets
   * (standardised inputs, Xavier or He weights) without diverging: adam 0.01 (Kingma and Ba's
   * 0.001 is slow for full batches), gd 0.5, momentum and nesterov 0.05 (their steps add up to
   * about 10 times the rate), sgd 0.01 and minibatch 0.05. preconditioned trains the one neuron only
   * (its step 1 is in its metric; {@link MlpOptions} refuses it with hidden layers).
   */
  public static double autoLearningRate(Optimizer o) {
    return switch (o) {
      case PRECONDITIONED -> 1;
      case ADAM -> 0.01;
      case GD -> 0.5;
      case MOMENTUM, NESTEROV -> 0.05;
      case SGD -> 0.01;
      case MINIBATCH -> 0.05;
    };
  }

  /** The random streams of a run, from the seed: split, initial weights, shuffling. */
  static SplittableRandom[] streams(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    return new SplittableRandom[] {root.split(), root.split(), root.split()};
  }

  /** Trains and measures one net. */
  public static MlpRun train(Split split, MlpOptions o) {
    if (o.hidden().length == 0 && o.l2() == 0) {
      return neuron(split, o);
    }
    Network net = new Network(split.inputs(), o.hidden(), o.activation(), o.slope());
    DesignMatrix tr = split.train();
    MlpObjective f = new MlpObjective(net, split.standardize(tr), tr.y(), tr.weights(), o.l2());
    MlpObjective test = split.test() == null ? null
        : new MlpObjective(net, split.standardize(split.test()), split.test().y(), split.test().weights(), 0);
    SplittableRandom[] rng = streams(o.seed());
    double[] theta0 = net.initialWeights(o.init(), rng[1]);
    double lr = Double.isNaN(o.learningRate()) ? autoLearningRate(o.optimizer()) : o.learningRate();
    UpdateRules.UpdateRule rule = UpdateRules.create(o.optimizer(), theta0, lr, 0, f,
        Math.min(o.rowsPerStep(), tr.n()), rng[2]);
    double[] grad = new double[net.parameters()];
    CurveRecorder curve = new CurveRecorder();
    MlpRun.Stop stop = MlpRun.Stop.EPOCHS;
    double bestJ = Double.POSITIVE_INFINITY;
    double[] best = theta0.clone();
    int bestEpoch = 0;
    int toTarget = -1;
    int epoch = 0;
    double j0 = Double.NaN;
    long start = System.nanoTime();
    while (true) {
      double[] theta = rule.point();
      double j = f.lossAndGradient(theta, grad);
      double ce = f.lastCrossEntropy();
      double gnorm = Dense.norm(grad);
      if (epoch == 0) {
        j0 = j;
      }
      if (!Double.isFinite(j) || !Double.isFinite(gnorm)) {
        stop = MlpRun.Stop.DIVERGED;
        break;
      }
      if (toTarget < 0 && ce <= o.targetLoss()) {
        toTarget = epoch;
      }
      if (curve.wants(epoch)) {
        curve.add(epoch, ce, test == null ? Double.NaN : test.lossAndAccuracy(theta)[0]);
      }
      if (j <= bestJ) {
        bestJ = j;
        System.arraycopy(theta, 0, best, 0, theta.length);
        bestEpoch = epoch;
      }
      if (gnorm < o.tolerance()) {
        stop = MlpRun.Stop.CONVERGED;
        break;
      }
      if (epoch >= o.epochs()) {
        break;
      }
      rule.epoch(grad, j, epoch);
      epoch++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (stop != MlpRun.Stop.DIVERGED && f.lossAndGradient(rule.point(), grad) > j0 + Math.max(1, j0)) {
      stop = MlpRun.Stop.DIVERGED; // blown up without overflowing: far worse than where it started
    }
    double[] theta = stop == MlpRun.Stop.DIVERGED ? best : rule.point().clone();
    double[] trainLa = f.lossAndAccuracy(theta);
    double[] testLa = test == null ? new double[] {Double.NaN, Double.NaN} : test.lossAndAccuracy(theta);
    MlpObjective.UnitStats units = net.hiddenLayers() == 0 ? null : f.unitStats(theta);
    MlpRun.Curve c = curve.finish(stop == MlpRun.Stop.DIVERGED ? bestEpoch : epoch, trainLa[0], testLa[0]);
    List<MlpRun.Term> coefficients = net.hiddenLayers() == 0 ? originalScale(split, theta) : List.of();
    int hiddenUnits = 0;
    for (int h : o.hidden()) {
      hiddenUnits += h;
    }
    long exp = o.activation().needsExp() ? (long) tr.n() * hiddenUnits : 0;
    double[] thetaFinal = theta;
    MlpRun.Model model = x -> Logistic.sigmoid(net.forward(thetaFinal, split.standardize(x), 0, net.pass()));
    return new MlpRun(o, lr, trainLa[0], testLa[0], trainLa[1], testLa[1],
        units == null ? new double[0] : units.dead(), units == null ? new double[0] : units.inactive(),
        units == null ? Double.NaN : units.meanActivation(),
        units == null ? Double.NaN : units.saturated(), epoch, stop, stop == MlpRun.Stop.DIVERGED ? bestEpoch : epoch,
        o.timing() ? seconds / Math.max(1, epoch) : Double.NaN, toTarget, exp, c, coefficients, model, theta);
  }

  /** The first hidden layer's outputs on the training rows, and the net's first-layer weights. */
  static double[] firstLayerOutputs(Split split, MlpOptions o, double[] theta) {
    Network net = new Network(split.inputs(), o.hidden(), o.activation(), o.slope());
    DesignMatrix tr = split.train();
    return new MlpObjective(net, split.standardize(tr), tr.y(), tr.weights(), 0).firstLayerOutputs(theta);
  }

  /** A net without hidden layer and penalty: the one neuron, trained by {@link NeuronFitter}. */
  private static MlpRun neuron(Split split, MlpOptions o) {
    DesignMatrix tr = split.train();
    LogisticFit glm = IrlsFitter.fit(tr);
    NeuronOptions no = new NeuronOptions(o.optimizer(), o.learningRate(),
        o.optimizer() == Optimizer.MINIBATCH ? o.batchSize() : 0, o.epochs(), o.tolerance(), o.seed(), true, "zeros",
        Loss.CROSS_ENTROPY, Activation.SIGMOID, null);
    long start = System.nanoTime();
    NeuronFit nf = NeuronFitter.fit(tr, no, glm.aliasedMask(), glm.estimates());
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] w = nf.weights();
    CurveRecorder curve = new CurveRecorder();
    int toTarget = -1;
    for (NeuronFit.Snapshot s : nf.history()) {
      if (toTarget < 0 && s.loss() <= o.targetLoss()) {
        toTarget = s.epoch();
      }
      curve.add(s.epoch(), s.loss(), split.test() == null ? Double.NaN : lossAndAccuracy(split.test(), s.weights())[0]);
    }
    double[] trainLa = lossAndAccuracy(tr, w);
    double[] testLa = split.test() == null ? new double[] {Double.NaN, Double.NaN} : lossAndAccuracy(split.test(), w);
    MlpRun.Stop stop = switch (nf.stopReason()) {
      case TOLERANCE -> MlpRun.Stop.CONVERGED;
      case DIVERGENCE -> MlpRun.Stop.DIVERGED;
      default -> MlpRun.Stop.EPOCHS;
    };
    List<MlpRun.Term> terms = new ArrayList<>();
    for (int j = 0; j < w.length; j++) {
      terms.add(new MlpRun.Term(tr.terms().get(j), w[j]));
    }
    MlpRun.Model model = x -> {
      double z = w[0];
      for (int j = 1; j < w.length; j++) {
        z += Double.isNaN(w[j]) ? 0 : w[j] * x[j - 1];
      }
      return Logistic.sigmoid(z);
    };
    return new MlpRun(o, nf.learningRate(), trainLa[0], testLa[0], trainLa[1], testLa[1], new double[0], new double[0],
        Double.NaN,
        Double.NaN, nf.epochs(), stop, nf.epochs(), o.timing() ? seconds / Math.max(1, nf.epochs()) : Double.NaN,
        toTarget, 0, curve.finish(nf.epochs(), trainLa[0], testLa[0]), terms, model, new double[0]);
  }

  /**
   * The mean cross-entropy and accuracy of the logistic model with coefficients w (original scale,
   * NaN for a term left out) on a design's rows.
   */
  static double[] lossAndAccuracy(DesignMatrix d, double[] w) {
    double l = 0;
    double right = 0;
    double total = 0;
    double[] x = d.x();
    for (int i = 0; i < d.n(); i++) {
      double z = Dense.linearPredictor(x, i * d.p(), w);
      double a = d.weight(i);
      double y = d.y(i);
      l += a * Logistic.crossEntropy(y, z);
      right += a * (z > 0 ? y : 1 - y);
      total += a;
    }
    return new double[] {l / total, right / total};
  }

  /** A no-hidden-layer net's weights (on standardised inputs) as logistic coefficients on the original scale. */
  private static List<MlpRun.Term> originalScale(Split split, double[] theta) {
    int q = split.inputs();
    double[] w = split.toOriginal(java.util.Arrays.copyOf(theta, q), theta[q]);
    List<MlpRun.Term> out = new ArrayList<>();
    for (int j = 0; j <= q; j++) {
      out.add(new MlpRun.Term(split.all().terms().get(j), w[j]));
    }
    return out;
  }

}
