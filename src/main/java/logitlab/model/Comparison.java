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
   * Largest difference between the neuron's weights and the GLM's coefficients, each relative to
   * max(1, |beta_j|): max_j |w_j - beta_j| / max(1, |beta_j|) over the estimable terms.
   */
  public double neuronMaxDiffFromLogistic() {
    double[] w = neuron.weights();
    double max = 0;
    for (int j = 0; j < w.length; j++) {
      Coefficient c = logistic.coefficients().get(j);
      if (c.isAliased() || Double.isNaN(w[j])) {
        continue;
      }
      max = Math.max(max, Math.abs(w[j] - c.estimate()) / Math.max(1, Math.abs(c.estimate())));
    }
    return max;
  }

  /** The classification summaries of the three models. */
  public record Classifications(Classification linear, Classification logistic, Classification neuron) {}
}
