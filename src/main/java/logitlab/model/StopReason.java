package logitlab.model;

/**
 * Why the neuron's training stopped (see {@code fit/NeuronFitter} for the rules).
 */
public enum StopReason {
  /** The gradient norm fell below the tolerance: converged. */
  TOLERANCE("tolerance"),
  /** The epoch limit was reached first. */
  MAX_EPOCHS("max-epochs"),
  /** The loss was not finite, far above its start, or rose for too many epochs in a row. */
  DIVERGENCE("divergence"),
  /** Neither the loss nor the gradient norm reached a new low for a window of epochs. */
  NO_PROGRESS("no-progress");

  private final String jsonName;

  StopReason(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in JSON, CSV and the text ({@code max-epochs}). */
  public String jsonName() {
    return jsonName;
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
