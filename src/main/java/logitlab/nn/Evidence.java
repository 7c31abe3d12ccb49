package logitlab.nn;

import java.util.List;
import logitlab.model.ActivationFunction;

/**
 * What a run shows about one of the claims of the material, as numbers and a verdict: whether the
 * numbers bear the claim out. {@code logitlab.report} words it. The claims:
 * <ol>
 *   <li>A net with no hidden layer, or with only linear activations, is a linear classifier: it
 *       cannot separate XOR-like data.
 *   <li>One hidden layer with at least two units and a non-linear activation can.
 *   <li>Each sigmoid unit is a logistic regression of its layer's inputs.
 *   <li>More hidden units fit more non-linear boundaries and, past some size, overfit.
 *   <li>The sigmoid saturates and its gradient vanishes through layers; its outputs are not centred.
 *   <li>tanh is zero-centred and trains faster than the sigmoid, but still saturates.
 *   <li>ReLU does not saturate for z &gt; 0 and converges faster, but its units can die, more often with
 *       a large learning rate; a smaller rate or leaky ReLU prevents it.
 * </ol>
 */
public sealed interface Evidence {
  /** The claim's number, 1 to 7. */
  int claim();

  /** Whether the numbers bear the claim out. */
  boolean shown();

  /** Test accuracy at most this far above the majority share counts as near chance. */
  double NEAR_CHANCE = 0.1;
  /** Test accuracy that counts as separating the classes. */
  double SEPARATES = 0.95;
  /** Largest relative difference that counts as the same weights. */
  double SAME_WEIGHTS = 1e-6;

  /**
   * Claim 1 on a built-in non-linear data set: a linear net (no hidden layer, or identity units)
   * does not separate it.
   *
   * @param dataset the data set's name
   * @param identityLayers the net's hidden layers when it has identity units, else empty
   * @param testAccuracy its accuracy on the test rows (or the training rows without a test set)
   * @param majorityShare the share of the larger class there: the accuracy of always guessing it
   */
  record LinearOnNonlinearData(boolean shown, String dataset, int[] identityLayers, double testAccuracy,
      double majorityShare) implements Evidence {
    @Override
    public int claim() {
      return 1;
    }

    /** Whether the accuracy is within {@link #NEAR_CHANCE} of guessing the larger class. */
    public boolean nearChance() {
      return testAccuracy <= majorityShare + NEAR_CHANCE;
    }
  }

  /**
   * Claim 1 on any data: identity hidden layers reach the loss of no hidden layer (the logistic
   * GLM's minimum on the same training rows), and no lower.
   *
   * @param hidden the identity net's layers
   * @param trainLoss its training loss
   * @param linearLoss the GLM's (the least loss a linear model can reach there)
   */
  record IdentityIsLinear(boolean shown, int[] hidden, double trainLoss, double linearLoss) implements Evidence {
    @Override
    public int claim() {
      return 1;
    }
  }

  /**
   * Claim 2 on a built-in non-linear data set: a hidden layer of at least two non-linear units
   * separates it where the linear model does not.
   *
   * @param hidden the layers
   * @param activation their activation
   * @param testAccuracy the net's test accuracy
   * @param linearTestAccuracy the logistic GLM's on the same split
   */
  record HiddenLayerSeparates(boolean shown, int[] hidden, ActivationFunction activation, double testAccuracy,
      double linearTestAccuracy) implements Evidence {
    @Override
    public int claim() {
      return 2;
    }
  }

  /**
   * Claim 3: a sigmoid unit's weights are those of the logistic regression of its output on its
   * inputs. For a net without hidden layer the unit is the output and the regression is the
   * logistic GLM of the outcome on the training rows; for sigmoid hidden units, the IRLS fit of each
   * first-layer unit's outputs (as proportions) on the inputs.
   *
   * @param units the units checked
   * @param outputUnit whether the unit is the output of a net without hidden layer
   * @param maxDifference the largest max_j |w_j - beta_j| / max(1, |beta_j|) over the units
   */
  record UnitIsLogisticRegression(boolean shown, int units, boolean outputUnit, double maxDifference)
      implements Evidence {
    @Override
    public int claim() {
      return 3;
    }
  }

  /**
   * Claim 4 from {@code --sweep hidden}: training loss falls with the number of units while the
   * test loss has its minimum at a smaller size and rises after it.
   *
   * @param sizes the units per hidden layer, in sweep order
   * @param trainLoss training loss per size
   * @param testLoss test loss per size
   * @param best index of the size with the least test loss
   */
  record Overfitting(boolean shown, int[] sizes, double[] trainLoss, double[] testLoss, int best)
      implements Evidence {
    @Override
    public int claim() {
      return 4;
    }
  }

  /**
   * Claims 5, 6 and 7 from {@code --sweep activation}: epochs to the target loss with the same
   * data, seed and settings.
   *
   * @param claim 5 (sigmoid slower than tanh), 6 (tanh faster than sigmoid, still saturating) or 7
   *     (relu fastest, no exponential)
   * @param target the target training loss
   * @param runs the activations compared, in sweep order
   */
  record ActivationSpeed(int claim, boolean shown, double target, List<SpeedRun> runs) implements Evidence {
    public ActivationSpeed {
      runs = List.copyOf(runs);
    }

    /** The run of an activation, or null. */
    public SpeedRun of(ActivationFunction f) {
      return runs.stream().filter(r -> r.activation() == f).findFirst().orElse(null);
    }
  }

  /**
   * One activation's numbers in {@link ActivationSpeed}.
   *
   * @param epochsToTarget first epoch with training loss at or below the target; -1 if never
   * @param meanActivation mean hidden output over the training rows and units at the end
   * @param saturatedFraction share of hidden outputs with f'(z) &lt; 0.01 at the end
   * @param expPerEpoch exponentials one epoch computes in the hidden layers (0 for ReLU)
   */
  record SpeedRun(ActivationFunction activation, int epochsToTarget, double meanActivation, double saturatedFraction,
      long expPerEpoch) {}

  /**
   * Claim 7 from {@code --sweep learning-rate}: the share of dead ReLU units grows with the learning
   * rate; leaky ReLU units cannot die (their f' is at least the slope), and the leaky net keeps
   * learning where the ReLU net lost its units.
   *
   * @param learningRates the rates, in sweep order
   * @param reluDead dead share of the ReLU units per rate
   * @param leakyDead dead share of the leaky units per rate (0: they cannot die)
   * @param leakyInactive share of the leaky units with z &lt;= 0 on every row per rate (they still
   *     learn through the slope)
   * @param reluLoss the ReLU net's training loss per rate
   * @param leakyLoss the leaky net's training loss per rate
   * @param worst index of the rate with the most dead ReLU units
   */
  record DyingUnits(boolean shown, double[] learningRates, double[] reluDead, double[] leakyDead,
      double[] leakyInactive, double[] reluLoss, double[] leakyLoss, int worst) implements Evidence {
    @Override
    public int claim() {
      return 7;
    }
  }

  /**
   * Claims 5 (sigmoid), 6 (tanh) and 7 (ReLU) from {@code logitlab vanishing}.
   *
   * @param claim the claim on this activation
   * @param activation the activation
   * @param factorPerLayer the gradient norm's change per layer towards the input
   * @param firstNorm ||dJ/dW_1||, next to the input
   * @param lastNorm ||dJ/dW_L||, the last hidden layer
   * @param meanDerivative mean f'(z) over the hidden layers
   * @param maxSaturated the largest saturated share of a hidden layer
   */
  record GradientDecay(int claim, boolean shown, ActivationFunction activation, double factorPerLayer,
      double firstNorm, double lastNorm, double meanDerivative, double maxSaturated) implements Evidence {}

  /** A factor per layer at most this shows a vanishing gradient. */
  double VANISHES = 0.5;
  /** A hidden layer with at least this share saturated shows saturation. */
  double SATURATES = 0.05;

  /**
   * What {@code vanishing} shows: sigmoid (claim 5) when the gradient shrinks by at least
   * {@link #VANISHES} per layer; tanh (claim 6, still saturates) when some hidden layer has at
   * least {@link #SATURATES} of its outputs saturated; relu and leaky-relu (claim 7) when the factor
   * lies between 0.5 and 2. Null for identity or a single hidden layer.
   */
  static GradientDecay gradientDecay(ActivationFunction f, List<Vanishing.Layer> layers, double factor, int depth) {
    if (depth < 2) {
      return null;
    }
    double mean = 0;
    double maxSat = 0;
    for (int l = 0; l < depth; l++) {
      mean += layers.get(l).meanDerivative();
      maxSat = Math.max(maxSat, layers.get(l).saturatedFraction());
    }
    mean /= depth;
    double first = layers.get(0).gradientNorm();
    double last = layers.get(depth - 1).gradientNorm();
    return switch (f) {
      case SIGMOID -> new GradientDecay(5, factor <= VANISHES, f, factor, first, last, mean, maxSat);
      case TANH -> new GradientDecay(6, maxSat >= SATURATES, f, factor, first, last, mean, maxSat);
      case RELU, LEAKY_RELU -> new GradientDecay(7, factor >= VANISHES && factor <= 1 / VANISHES, f, factor, first,
          last, mean, maxSat);
      default -> null;
    };
  }
}
