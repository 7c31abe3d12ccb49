package logitlab.nn;

import java.util.List;

/**
 * One trained net and what it did.
 *
 * @param options the settings
 * @param learningRate the step size used (the automatic one resolved)
 * @param trainLoss mean cross-entropy on the training rows (without the L2 penalty)
 * @param testLoss the same on the test rows; NaN without test rows
 * @param trainAccuracy share of training rows classified right at p = 1/2
 * @param testAccuracy the same on the test rows; NaN without test rows
 * @param deadFraction per hidden layer, the share of dead units: relu units with z &lt;= 0 on every
 *     training row (output 0 and gradient 0 for good); 0 for leaky-relu, whose gradient never
 *     vanishes; NaN for activations whose units do not die (sigmoid, tanh, identity); empty without
 *     hidden layer
 * @param inactiveFraction per hidden layer, the share of relu or leaky-relu units with z &lt;= 0 on
 *     every training row (for relu the dead ones); NaN for the others
 * @param meanActivation mean hidden output over the training rows and units; NaN without hidden layer
 * @param saturatedFraction share of hidden outputs with f'(z) &lt; 0.01; NaN without hidden layer
 * @param epochs passes over the training rows made
 * @param stop why training stopped
 * @param bestEpoch after divergence, the epoch of the weights reported (the lowest loss); else {@code epochs}
 * @param secondsPerEpoch wall time per epoch, NaN unless timing was asked for
 * @param epochsToTarget first epoch whose training loss was at most the target; -1 if none
 * @param expPerEpoch exponentials the hidden layers compute in one pass over the training rows
 * @param curve training and test loss by epoch
 * @param coefficients without hidden layer: the logistic coefficients on the original scale, by
 *     term (NaN for a term left out, as the GLM's aliased ones); else empty
 * @param model the trained net, for predictions
 * @param theta the net's weights on the standardised inputs (layer by layer, as {@link Network}
 *     lays them out); empty for a net without hidden layer trained as the one neuron
 */
public record MlpRun(MlpOptions options, double learningRate, double trainLoss, double testLoss,
    double trainAccuracy, double testAccuracy, double[] deadFraction, double[] inactiveFraction,
    double meanActivation, double saturatedFraction,
    int epochs, Stop stop, int bestEpoch, double secondsPerEpoch, int epochsToTarget, long expPerEpoch, Curve curve,
    List<Term> coefficients, Model model, double[] theta) {
  public MlpRun {
    deadFraction = deadFraction.clone();
    inactiveFraction = inactiveFraction.clone();
    coefficients = List.copyOf(coefficients);
    theta = theta.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  @Override
  public double[] deadFraction() {
    return deadFraction.clone();
  }

  /** Why training stopped. */
  public enum Stop {
    /** The gradient norm fell below the tolerance. */
    CONVERGED,
    /** The epoch limit. */
    EPOCHS,
    /** The loss became non-finite or grew far beyond its start; the weights are the best seen. */
    DIVERGED
  }

  @Override
  public double[] inactiveFraction() {
    return inactiveFraction.clone();
  }

  /** The share of dead units over all hidden layers, weighted by width; NaN when not applicable. */
  public double deadOverall() {
    return overall(deadFraction);
  }

  /** The share of inactive units over all hidden layers, weighted by width; NaN when not applicable. */
  public double inactiveOverall() {
    return overall(inactiveFraction);
  }

  private double overall(double[] perLayer) {
    int[] h = options.hidden();
    if (h.length == 0 || Double.isNaN(perLayer[0])) {
      return Double.NaN;
    }
    double sum = 0;
    int all = 0;
    for (int l = 0; l < h.length; l++) {
      sum += perLayer[l] * h[l];
      all += h[l];
    }
    return sum / all;
  }

  /**
   * Training and test loss at some epochs (every epoch for short runs; evenly thinned for long ones).
   *
   * @param epochs the epochs recorded, from 0
   * @param train training loss at each
   * @param test test loss at each (NaN without test rows)
   */
  public record Curve(int[] epochs, double[] train, double[] test) {
    public Curve {
      epochs = epochs.clone();
      train = train.clone();
      test = test.clone();
    }

    @Override
    public int[] epochs() {
      return epochs.clone();
    }

    @Override
    public double[] train() {
      return train.clone();
    }

    @Override
    public double[] test() {
      return test.clone();
    }
  }

  /**
   * A logistic coefficient of a net without hidden layer.
   *
   * @param term the design column's name, as {@code compare} names it
   * @param estimate its value on the original scale; NaN when left out
   */
  public record Term(String term, double estimate) {}

  /** The trained net as a function of one row's inputs on the original scale. */
  public interface Model {
    /** P(y = 1) at x (the design's columns without the intercept). */
    double probability(double[] x);
  }
}
