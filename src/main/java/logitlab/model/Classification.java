package logitlab.model;

import java.util.Arrays;

/**
 * How well a model's fitted probabilities classify the rows it was fitted to.
 * <pre>
 * log-loss = -(1/n) sum y log p + (1 - y) log(1 - p)     (p clipped to [1e-15, 1 - 1e-15])
 * Brier    = (1/n) sum (p - y)^2                          (unclipped)
 * AUC      = P(p_event &gt; p_non-event) + P(tie)/2         (Mann-Whitney, ties averaged)
 * predicted event when p &gt; threshold; accuracy = (tp + tn) / n
 * </pre>
 * Only values outside [1e-15, 1 - 1e-15] are clipped, which for the logistic model and the neuron
 * happens only at numerically 0 or 1 fitted probabilities, and for the linear probability model at
 * every fitted value outside [0, 1]; {@link #clipped()} counts them.
 *
 * @param logLoss mean cross-entropy
 * @param brier mean squared error of the probabilities
 * @param auc area under the ROC curve
 * @param accuracy share of rows classified correctly at the threshold
 * @param threshold the classification threshold
 * @param tp events predicted as events
 * @param fp non-events predicted as events
 * @param tn non-events predicted as non-events
 * @param fn events predicted as non-events
 * @param clipped fitted values clipped into [1e-15, 1 - 1e-15] for the log-loss
 */
public record Classification(
    double logLoss, double brier, double auc, double accuracy, double threshold,
    int tp, int fp, int tn, int fn, int clipped) {

  /** Clipping bound for the log-loss. */
  public static final double CLIP = 1e-15;

  /** Computes the summary for fitted values {@code p} of 0/1 outcomes {@code y}. */
  public static Classification of(double[] p, double[] y, double threshold) {
    int n = p.length;
    double ll = 0;
    double brier = 0;
    int clipped = 0;
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < n; i++) {
      double pi = p[i];
      double c = Math.min(Math.max(pi, CLIP), 1 - CLIP);
      if (c != pi) {
        clipped++;
      }
      ll -= y[i] == 1 ? Math.log(c) : Math.log1p(-c);
      brier += (pi - y[i]) * (pi - y[i]);
      boolean predicted = pi > threshold;
      if (y[i] == 1) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new Classification(ll / n, brier / n, auc(p, y), (tp + tn) / (double) n, threshold,
        tp, fp, tn, fn, clipped);
  }

  /**
   * AUC as the Mann-Whitney statistic: the share of (event, non-event) pairs in which the event has
   * the higher fitted value, ties counted as one half. Two sorted primitive arrays and a merge.
   */
  static double auc(double[] p, double[] y) {
    int events = 0;
    for (double v : y) {
      if (v == 1) {
        events++;
      }
    }
    int nonEvents = p.length - events;
    if (events == 0 || nonEvents == 0) {
      return Double.NaN;
    }
    double[] pe = new double[events];
    double[] pn = new double[nonEvents];
    int a = 0;
    int b = 0;
    for (int i = 0; i < p.length; i++) {
      if (y[i] == 1) {
        pe[a++] = p[i];
      } else {
        pn[b++] = p[i];
      }
    }
    Arrays.sort(pe);
    Arrays.sort(pn);
    double wins = 0;
    int below = 0; // non-events strictly below the current event value
    int upTo = 0; // non-events at or below the current event value
    for (double v : pe) {
      while (below < nonEvents && pn[below] < v) {
        below++;
      }
      upTo = Math.max(upTo, below);
      while (upTo < nonEvents && pn[upTo] <= v) {
        upTo++;
      }
      wins += below + 0.5 * (upTo - below);
    }
    return wins / ((double) events * nonEvents);
  }
}
