package logitlab.fit;

/**
 * A mean loss over rows whose gradient can be estimated from a batch of them: what the stochastic
 * update rules of {@link UpdateRules} need. The one neuron ({@link NeuronObjective}) and the
 * multi-layer nets of {@code logitlab.nn} implement it.
 */
public interface BatchObjective {
  /** The number of rows n. */
  int rows();

  /**
   * Fills {@code grad} with an unbiased estimate of grad J(theta) from the rows order[from..to).
   *
   * @param scratch working space as long as theta (an implementation may use its own instead)
   */
  void batchGradient(double[] theta, int[] order, int from, int to, double[] grad, double[] scratch);
}
