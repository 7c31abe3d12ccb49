package logitlab.fit;

/**
 * Receives a snapshot of a long training run about once a second (the fitter decides when). The
 * command line prints it to a terminal; it must not change the training.
 */
@FunctionalInterface
public interface NeuronProgress {
  /**
   * @param epoch epochs completed
   * @param maxEpochs the epoch limit
   * @param loss current mean loss
   * @param gradientNorm current gradient norm
   * @param maxDiffFromTarget largest relative difference from the GLM's coefficients; NaN if unknown
   */
  void report(int epoch, int maxEpochs, double loss, double gradientNorm, double maxDiffFromTarget);
}
