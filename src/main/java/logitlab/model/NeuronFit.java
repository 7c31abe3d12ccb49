package logitlab.model;

import java.util.List;

/**
 * One neuron, P(y = 1) = p(w0 + sum_j w_j x_j) with p the {@link Activation}, trained by a gradient
 * method on a {@link Loss}. With the sigmoid and the cross-entropy it is the logistic GLM's model,
 * so at convergence its weights are the GLM's coefficients; with tanh they are half of them.
 *
 * @param terms design column names
 * @param weights weights on the original (unstandardised) scale; NaN for a term left out because
 *     the GLM found it aliased (or it is constant)
 * @param settings how it was trained
 * @param epochs passes over the data
 * @param loss final mean loss (of the reported weights)
 * @param gradientNorm Euclidean norm of the loss gradient, on the scale trained on, at the end
 * @param converged whether the gradient norm fell below the tolerance
 * @param stopReason why training stopped: tolerance, max-epochs, divergence or no-progress
 *     (neither the loss nor the gradient norm reached a new low for a window of epochs: the
 *     training oscillates; see {@link Diagnostics#window()})
 * @param epochsTo the first epoch at which the largest relative difference from the GLM's
 *     coefficients ({@link #maxRelativeDifference}) was at most 1e-2, 1e-4 and 1e-6; empty when no
 *     GLM was given to compare with
 * @param history loss and weights every {@code historyEvery} epochs, from epoch 0, plus the last
 *     epoch; bounded in size whatever the number of epochs
 * @param historyEvery the spacing of {@code history} in epochs
 * @param notes what the training shows (vanishing gradient, slow convergence on raw inputs, tanh
 *     halving the weights), as data; the report words them
 * @param warnings warnings that are not about why training stopped (the separation the comparison
 *     adds), as data; the report words them, and the stop from {@code diagnostics}
 * @param fitted the fitted probabilities, computed per block of rows ({@link Fitted})
 * @param diagnostics the numbers behind why training stopped and what would help
 */
public record NeuronFit(
    List<String> terms,
    double[] weights,
    Settings settings,
    int epochs,
    double loss,
    double gradientNorm,
    boolean converged,
    StopReason stopReason,
    List<Milestone> epochsTo,
    List<Snapshot> history,
    int historyEvery,
    List<Diagnostic> notes,
    List<Diagnostic> warnings,
    Fitted fitted,
    Diagnostics diagnostics) {

  /** The thresholds of {@link #epochsTo()}. */
  public static final double[] MILESTONES = {1e-2, 1e-4, 1e-6};

  public NeuronFit {
    terms = List.copyOf(terms);
    epochsTo = List.copyOf(epochsTo);
    history = List.copyOf(history);
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The step size used (the automatic one when none was given). */
  public double learningRate() {
    return settings.learningRate();
  }

  /**
   * The weights as logistic-regression coefficients, a w with a = {@link
   * Activation#logitScale()}: logit P(y = 1) = a w'x. Equal to {@link #weights()} for the sigmoid,
   * twice them for tanh. NaN where the weight is NaN.
   */
  public double[] logitWeights() {
    double a = settings.activation().logitScale();
    double[] b = weights.clone();
    for (int j = 0; j < b.length; j++) {
      b[j] *= a;
    }
    return b;
  }

  /**
   * max_j |b_j - beta_j| / max(1, |beta_j|) over the terms where both are defined (not NaN); 0 if
   * there are none. The comparison used everywhere between the neuron and the GLM.
   */
  public static double maxRelativeDifference(double[] b, double[] beta) {
    double max = 0;
    for (int j = 0; j < b.length; j++) {
      if (Double.isNaN(beta[j]) || Double.isNaN(b[j])) {
        continue;
      }
      double d = Math.abs(b[j] - beta[j]) / Math.max(1, Math.abs(beta[j]));
      max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
    }
    return max;
  }

  /**
   * How the neuron was trained.
   *
   * @param optimizer {@code gd}, {@code momentum}, {@code nesterov}, {@code sgd}, {@code minibatch} or
   *     {@code adam}
   * @param optimizerLabel a readable name ("gradient descent", "Adam")
   * @param learningRate the step size used (initial step for sgd and minibatch)
   * @param batchSize rows per step; 0 for all rows (full batch)
   * @param maxEpochs the epoch limit
   * @param tolerance the gradient-norm tolerance
   * @param standardized whether the inputs were standardised
   * @param init {@code zeros}, {@code random} or the sd of the initial weights
   * @param lossFunction the loss minimised
   * @param activation the output activation
   * @param seed the seed used for shuffling or random initial weights
   * @param seedUsed whether anything random was drawn (otherwise the seed does not matter)
   */
  public record Settings(
      String optimizer,
      String optimizerLabel,
      double learningRate,
      int batchSize,
      int maxEpochs,
      double tolerance,
      boolean standardized,
      String init,
      Loss lossFunction,
      Activation activation,
      long seed,
      boolean seedUsed) {}

  /**
   * When the neuron first came within {@code threshold} of the GLM.
   *
   * @param label the threshold as written in JSON ({@code 1e-2})
   * @param threshold the largest relative difference allowed
   * @param epoch the first epoch at which it was reached; -1 if never
   */
  public record Milestone(String label, double threshold, int epoch) {
    /** Whether the threshold was reached. */
    public boolean reached() {
      return epoch >= 0;
    }
  }

  /**
   * One point of the training history.
   *
   * @param epoch epochs completed
   * @param loss mean loss at that point
   * @param weights the weights then, on the original scale (NaN for terms left out)
   */
  public record Snapshot(int epoch, double loss, double[] weights) {
    public Snapshot {
      weights = weights.clone();
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }
  }

  /** This fit with one more warning (e.g. the separation note the comparison adds). */
  public NeuronFit withWarning(Diagnostic warning) {
    List<Diagnostic> w = new java.util.ArrayList<>(warnings);
    w.add(warning);
    return new NeuronFit(terms, weights, settings, epochs, loss, gradientNorm, converged, stopReason,
        epochsTo, history, historyEvery, notes, w, fitted, diagnostics);
  }

  /**
   * What the fitter measured about how training ended, for the report to say why it stopped and
   * what would help.
   *
   * @param bestEpoch the epoch of the lowest loss seen: the weights reported after
   *     {@code divergence} and {@code no-progress}
   * @param lastProgressEpoch the last epoch at which the loss or the gradient norm reached a new low
   * @param overflowed for {@code divergence}: the loss or its gradient was no longer a finite number
   * @param window the no-progress window W of this run in epochs: training stops with
   *     {@code no-progress} after W epochs without a new low; 0 when the rule does not apply
   *     ({@code sgd} and {@code minibatch})
   * @param windowLossLow for {@code no-progress}: the lowest loss over the last W epochs; NaN otherwise
   * @param windowLossHigh for {@code no-progress}: the highest loss over the last W epochs; NaN otherwise
   * @param autoLearningRate the automatic step of this optimizer for these data (1/L for gd,
   *     momentum and nesterov)
   * @param finalLearningRate the step in use at the end: the decayed one for sgd and minibatch, else
   *     the learning rate
   * @param rowsPerStep rows per step as asked: 1 for sgd, the batch size for minibatch (which may
   *     exceed the rows), 0 for the full-batch optimizers
   * @param conditionNumber lambda_max / lambda_min of S'S/n on the scale trained on
   * @param epochsPerTenfold about how many epochs the optimizer needs, at its step, to shrink the
   *     error tenfold along the flattest direction: at least ln 10 / r with r = lr c lambda_min for
   *     gd, r / (1 - beta) for momentum, sqrt(r) for nesterov (c the loss's curvature bound); NaN
   *     where no such rate applies (adam, sgd, minibatch)
   */
  public record Diagnostics(
      int bestEpoch,
      int lastProgressEpoch,
      boolean overflowed,
      int window,
      double windowLossLow,
      double windowLossHigh,
      double autoLearningRate,
      double finalLearningRate,
      int rowsPerStep,
      double conditionNumber,
      double epochsPerTenfold) {}
}
