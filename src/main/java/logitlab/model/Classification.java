package logitlab.model;

import java.util.Arrays;
import java.util.List;

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
    return of(Sums.of(p, y, a, 0, n, threshold), auc(List.of(Run.of(p, y, a, 0, n))), threshold);
  }

  /** The summary from the sums over all rows and the AUC. */
  public static Classification of(Sums s, double auc, double threshold) {
    return new Classification(s.logLoss / s.total, s.brier / s.total, auc, (s.tp + s.tn) / s.total,
        threshold, s.tp, s.fp, s.tn, s.fn, s.clipped);
  }

  /**
   * The sums over some rows (a block) from which the summary is made; mergeable by {@link #plus}.
   *
   * @param total sum of the prior weights
   * @param logLoss sum of a [-y log p - (1 - y) log(1 - p)] (p clipped)
   * @param brier sum of a [y (1 - p)^2 + (1 - y) p^2]
   * @param tp weighted events with p &gt; threshold
   * @param fp weighted non-events with p &gt; threshold
   * @param tn weighted non-events with p &lt;= threshold
   * @param fn weighted events with p &lt;= threshold
   * @param clipped rows whose p was clipped
   */
  public record Sums(double total, double logLoss, double brier, double tp, double fp, double tn, double fn,
      int clipped) implements java.io.Serializable {

    /** The sums over rows [from, to) with a positive weight, in row order. */
    public static Sums of(double[] p, double[] y, double[] a, int from, int to, double threshold) {
      double total = 0;
      double ll = 0;
      double brier = 0;
      int clipped = 0;
      double tp = 0;
      double fp = 0;
      double tn = 0;
      double fn = 0;
      for (int i = from; i < to; i++) {
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
      return new Sums(total, ll, brier, tp, fp, tn, fn, clipped);
    }

    /** The sums over both sets of rows. */
    public Sums plus(Sums o) {
      return new Sums(total + o.total, logLoss + o.logLoss, brier + o.brier, tp + o.tp, fp + o.fp, tn + o.tn,
          fn + o.fn, clipped + o.clipped);
    }
  }

  /**
   * Rows in increasing order of fitted value, each with its weighted events a y and non-events
   * a (1 - y): a {@link Run} on the heap, or one stored elsewhere (a spill file).
   */
  public interface SortedRows {
    /** Number of rows. */
    int size();

    /** The i-th smallest fitted value. */
    double key(int i);

    /** Its weighted events a y. */
    double events(int i);

    /** Its weighted non-events a (1 - y). */
    double nonEvents(int i);
  }

  /**
   * Some rows (a block) in increasing order of fitted value, each with its weighted events a y and
   * non-events a (1 - y); rows of equal value keep their order (a stable sort), so that runs of
   * consecutive blocks merged by {@link #auc(List)} visit the rows as one stable sort of all of
   * them would. Rows of weight 0 are left out (they count in no pair).
   *
   * @param keys the fitted values, increasing
   * @param events a y of each
   * @param nonEvents a (1 - y) of each
   */
  public record Run(double[] keys, double[] events, double[] nonEvents)
      implements SortedRows, java.io.Serializable {

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public double key(int i) {
      return keys[i];
    }

    @Override
    public double events(int i) {
      return events[i];
    }

    @Override
    public double nonEvents(int i) {
      return nonEvents[i];
    }

    /** The run of rows [from, to), sorted by {@link #sortedOrder}. */
    public static Run of(double[] p, double[] y, double[] a, int from, int to) {
      int m = 0;
      for (int i = from; i < to; i++) {
        if (a[i] != 0) {
          m++;
        }
      }
      double[] v = new double[m];
      int[] row = new int[m];
      for (int i = from, k = 0; i < to; i++) {
        if (a[i] != 0) {
          v[k] = p[i];
          row[k++] = i;
        }
      }
      int[] order = sortedOrder(v);
      double[] keys = new double[m];
      double[] ev = new double[m];
      double[] non = new double[m];
      for (int k = 0; k < m; k++) {
        int i = row[order[k]];
        keys[k] = p[i];
        ev[k] = a[i] * y[i];
        non[k] = a[i] * (1 - y[i]);
      }
      return new Run(keys, ev, non);
    }
  }

  /**
   * AUC as the weighted Mann-Whitney statistic: the share of (event, non-event) pairs in which the
   * event has the higher fitted value, ties counted as one half; a row carries a y events and
   * a (1 - y) non-events. The runs (consecutive parts of the rows, each sorted) are merged into one
   * increasing sequence, ties taken in row order (a k-way merge on a binary heap keyed by value and
   * run); each tie block is then scored against the non-events below it.
   */
  public static double auc(List<? extends SortedRows> runs) {
    int k = runs.size();
    SortedRows[] run = runs.toArray(new SortedRows[0]);
    int[] pos = new int[k];
    int[] len = new int[k];
    double[] head = new double[k]; // the next key of each run
    int[] heap = new int[k];
    int size = 0;
    for (int r = 0; r < k; r++) {
      len[r] = run[r].size();
      if (len[r] > 0) {
        head[r] = run[r].key(0);
        heap[size] = r;
        siftUp(heap, size++, head);
      }
    }
    double events = 0;
    double nonEvents = 0;
    double wins = 0;
    double blockEv = 0;
    double blockNon = 0;
    double current = Double.NaN;
    boolean open = false;
    while (size > 0) {
      int r = heap[0];
      int i = pos[r];
      double key = head[r];
      if (open && key != current) {
        wins += blockEv * (nonEvents + 0.5 * blockNon);
        events += blockEv;
        nonEvents += blockNon;
        blockEv = 0;
        blockNon = 0;
      }
      open = true;
      current = key;
      blockEv += run[r].events(i);
      blockNon += run[r].nonEvents(i);
      if (++pos[r] == len[r]) {
        heap[0] = heap[--size];
      } else {
        head[r] = run[r].key(i + 1);
      }
      siftDown(heap, size, head);
    }
    if (open) {
      wins += blockEv * (nonEvents + 0.5 * blockNon);
      events += blockEv;
      nonEvents += blockNon;
    }
    if (events == 0 || nonEvents == 0) {
      return Double.NaN;
    }
    return wins / (events * nonEvents);
  }

  /** Whether run r's next value comes before run s's: smaller, or equal and from an earlier run. */
  private static boolean before(int r, int s, double[] head) {
    double a = head[r];
    double b = head[s];
    return a < b || (a == b && r < s);
  }

  private static void siftUp(int[] heap, int at, double[] head) {
    int r = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!before(r, heap[parent], head)) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = r;
  }

  private static void siftDown(int[] heap, int size, double[] head) {
    if (size == 0) {
      return;
    }
    int r = heap[0];
    int at = 0;
    while (true) {
      int c = 2 * at + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && before(heap[c + 1], heap[c], head)) {
        c++;
      }
      if (!before(heap[c], r, head)) {
        break;
      }
      heap[at] = heap[c];
      at = c;
    }
    heap[at] = r;
  }

  /**
   * Indices of v in increasing order of value, equal values (and -0.0 with 0.0) in index order: a
   * least-significant-digit radix sort of the values' order-preserving 64-bit images, one byte a
   * pass, passes whose byte is the same for every value skipped (Knuth, TAOCP vol. 3, 5.2.5). No
   * comparator, no boxing, O(n) per pass; stable, so the same order as any stable comparison sort.
   */
  static int[] sortedOrder(double[] v) {
    int n = v.length;
    long[] key = new long[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(v[i] + 0.0); // -0.0 + 0.0 = 0.0
      key[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // negative: flip all bits; else the sign
      idx[i] = i;
    }
    long[] key2 = new long[n];
    int[] idx2 = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((key[i] >>> shift) & 0xFF) + 1]++;
      }
      boolean trivial = false;
      for (int b = 1; b <= 256; b++) {
        if (count[b] == n) {
          trivial = true;
          break;
        }
      }
      if (trivial) {
        continue;
      }
      for (int b = 1; b <= 256; b++) {
        count[b] += count[b - 1];
      }
      for (int i = 0; i < n; i++) {
        int b = (int) ((key[i] >>> shift) & 0xFF);
        int to = count[b]++;
        key2[to] = key[i];
        idx2[to] = idx[i];
      }
      long[] tk = key;
      key = key2;
      key2 = tk;
      int[] ti = idx;
      idx = idx2;
      idx2 = ti;
    }
    return idx;
  }
}
