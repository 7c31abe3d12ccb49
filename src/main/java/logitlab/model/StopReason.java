package logitlab.model;

/**
 * Why the neuron's training stopped (see {@code fit/NeuronFitter} for the rules).
 */
public enum StopReason implements Named {
  /** The gradient norm fell below the tolerance: converged. */
  TOLERANCE,
  /** The epoch limit was reached first. */
  MAX_EPOCHS,
  /** The loss was not finite, far above its start, or rose for too many epochs in a row. */
  DIVERGENCE,
  /** Neither the loss nor the gradient norm reached a new low for a window of epochs. */
  NO_PROGRESS;

  /** The name in JSON, CSV and the text ({@code max-epochs}). */
  public String jsonName() {
    return externalName();
  }

  @Override
  public String toString() {
    return externalName();
  }
}
