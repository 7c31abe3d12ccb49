package logitlab.model;

import java.util.List;

/**
 * The three fits of one data set, side by side, with predictions at chosen points.
 *
 * @param input what was read and used
 * @param linear the linear probability model
 * @param logistic the logistic GLM
 * @param neuron the one-neuron net
 * @param firth Firth's penalised-likelihood logistic fit, when requested (else null)
 * @param classification each model's classification summary on the fitting data
 * @param predictions predicted probabilities at the requested (or default) points
 * @param defaultPoints whether the points were chosen by logitlab rather than given with --at
 */
public record Comparison(
    InputSummary input,
    LinearProbabilityFit linear,
    LogisticFit logistic,
    NeuronFit neuron,
    LogisticFit firth,
    Classifications classification,
    List<Prediction> predictions,
    boolean defaultPoints) {

  public Comparison {
    predictions = List.copyOf(predictions);
  }

  /**
   * Largest difference between the neuron's weights, as logistic coefficients (a w: twice the
   * weights for tanh, see {@link NeuronFit#logitWeights()}), and the GLM's coefficients, each
   * relative to max(1, |beta_j|): max_j |a w_j - beta_j| / max(1, |beta_j|) over the estimable terms.
   */
  public double neuronMaxDiffFromLogistic() {
    return NeuronFit.maxRelativeDifference(neuron.logitWeights(), logistic.estimates());
  }

  /** The classification summaries of the three models. */
  public record Classifications(Classification linear, Classification logistic, Classification neuron) {}
}
