package logitlab.fit;

import java.util.Objects;

/**
 * Everything the {@code compare} job needs besides the data.
 *
 * @param irls the logistic GLM's settings (iterations, confidence level and interval method)
 * @param neuron the neuron's training settings
 * @param robust robust standard errors for the linear model (HC0..HC3), or null for none
 * @param firth whether to fit Firth's penalised-likelihood logistic regression as well
 * @param threshold classification threshold for the confusion tables, in (0, 1)
 */
public record CompareOptions(
    IrlsOptions irls, NeuronOptions neuron, OlsFitter.Robust robust, boolean firth, double threshold) {
  public CompareOptions {
    Objects.requireNonNull(irls, "irls");
    Objects.requireNonNull(neuron, "neuron");
    if (!(threshold > 0 && threshold < 1)) {
      throw new InvalidSetting(InvalidSetting.Setting.THRESHOLD, String.valueOf(threshold));
    }
  }

  /** All defaults: R's IRLS settings, 95 % Wald intervals, default neuron, no robust SEs, 0.5. */
  public static CompareOptions defaults() {
    return new CompareOptions(IrlsOptions.defaults(), NeuronOptions.defaults(), null, false, 0.5);
  }
}
