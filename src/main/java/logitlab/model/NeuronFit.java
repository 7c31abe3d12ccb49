package logitlab.model;

import java.util.List;

/**
 * One sigmoid neuron, P(y = 1) = sigma(w0 + sum_j w_j x_j), trained by gradient descent on the mean
 * cross-entropy. It is the logistic GLM's model, so at convergence its weights are the GLM's
 * coefficients.
 *
 * @param terms design column names
 * @param weights weights on the original (unstandardised) scale; NaN for a term left out because
 *     the GLM found it aliased
 * @param epochs full passes over the data
 * @param loss final mean cross-entropy
 * @param gradientNorm Euclidean norm of the loss gradient (standardised scale) at the end
 * @param learningRate step size used
 * @param converged whether the gradient norm fell below the tolerance
 * @param stopReason {@code tolerance}, {@code max-epochs} or {@code divergence}
 * @param warnings plain-language warnings (divergence, epoch limit reached)
 * @param fitted fitted probabilities, one per used row
 */
public record NeuronFit(
    List<String> terms,
    double[] weights,
    int epochs,
    double loss,
    double gradientNorm,
    double learningRate,
    boolean converged,
    String stopReason,
    List<String> warnings,
    double[] fitted) {

  public NeuronFit {
    terms = List.copyOf(terms);
    warnings = List.copyOf(warnings);
    weights = weights.clone();
    fitted = fitted.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[] fitted() {
    return fitted.clone();
  }
}
