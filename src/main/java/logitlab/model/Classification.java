package logitlab.model;

import java.util.Arrays;

/**
 * How well a model's fitted probabilities classify the rows it was fitted to.
 * <pre>
 * log-loss = -(1/A) sum a [y log p + (1 - y) log(1 - p)]    (p clipped to [1e-15, 1 - 1e-15])
 * Brier    = (1/A) sum a [y (1 - p)^2 + (1 - y) p^2]          (unclipped)
 * AUC      = P(p_event &gt; p_non-event) + P(tie)/2             (Mann-Whitney, ties averaged)
 * predicted event when p &gt; threshold; accuracy = (tp + tn) / A
 * </pre>
 * a are the prior weights (A their sum): 1 for 0/1 data; for grouped data a row of a trials with
 * proportion y stands for a y events and a (1 - y) non-events, so every statistic is the one of
 * the individual-level data.
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
    double tp, double fp, double tn, double fn, int clipped) {

  /** Clipping bound for the log-loss. */
  public static final double CLIP = 1e-15;

  /** Computes the summary for fitted values {@code p} of 0/1 outcomes {@code y}, unweighted. */
  public static Classification of(double[] p, double[] y, double threshold) {
    double[] a = new double[p.length];
    Arrays.fill(a, 1.0);
    return of(p, y, a, threshold);
  }

  /** Computes the summary for fitted values {@code p}, proportions {@code y} and weights {@code a}. */
  public static Classification of(double[] p, double[] y, double[] a, double threshold) {
    int n = p.length;
    double total = 0;
    double ll = 0;
    double brier = 0;
    int clipped = 0;
    double tp = 0;
    double fp = 0;
    double tn = 0;
    double fn = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == 0) {
        continue;
      }
      double pi = p[i];
      double c = Math.min(Math.max(pi, CLIP), 1 - CLIP);
      if (c != pi) {
        clipped++;
      }
      double ev = a[i] * y[i];
      double non = a[i] * (1 - y[i]);
      total += a[i];
      ll -= (ev > 0 ? ev * Math.log(c) : 0) + (non > 0 ? non * Math.log1p(-c) : 0);
      brier += ev * (1 - pi) * (1 - pi) + non * pi * pi;
      if (pi > threshold) {
        tp += ev;
        fp += non;
      } else {
        fn += ev;
        tn += non;
      }
    }
    return new Classification(ll / total, brier / total, auc(p, y, a), (tp + tn) / total, threshold,
        tp, fp, tn, fn, clipped);
  }

  /**
   * AUC as the weighted Mann-Whitney statistic: the share of (event, non-event) pairs in which the
   * event has the higher fitted value, ties counted as one half; a row carries a y events and
   * a (1 - y) non-events. Rows are sorted by fitted value once; each tie block is then scored
   * against the non-events below it.
   */
  static double auc(double[] p, double[] y, double[] a) {
    int n = p.length;
    int[] order = sortedOrder(p);
    double events = 0;
    double nonEvents = 0;
    double wins = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double blockEv = 0;
      double blockNon = 0;
      for (int k = i; k <= j; k++) {
        int r = order[k];
        blockEv += a[r] * y[r];
        blockNon += a[r] * (1 - y[r]);
      }
      wins += blockEv * (nonEvents + 0.5 * blockNon);
      events += blockEv;
      nonEvents += blockNon;
      i = j + 1;
    }
    if (events == 0 || nonEvents == 0) {
      return Double.NaN;
    }
    return wins / (events * nonEvents);
  }

  /** Row indices in increasing order of p (primitive sort of (p, index) pairs). */
  private static int[] sortedOrder(double[] p) {
    int n = p.length;
    double[] keys = p.clone();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    // sort indices by key with a primitive merge sort (stable, no boxing)
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          tmp[k++] = keys[idx[b]] < keys[idx[a]] ? idx[b++] : idx[a++];
        }
        while (a < mid) {
          tmp[k++] = idx[a++];
        }
        while (b < hi) {
          tmp[k++] = idx[b++];
        }
        System.arraycopy(tmp, lo, idx, lo, hi - lo);
      }
    }
    return idx;
  }
}
