package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import logitlab.data.RowBlocks;
import logitlab.data.Spill;
import logitlab.model.Classification;
import logitlab.model.Fitted;

/**
 * The classification summary of fitted values over the row blocks: per block, the sums
 * ({@link Classification.Sums}) and the rows sorted by fitted value ({@link Classification.Run},
 * a primitive radix sort); the sums merged in the fixed tree order and the runs, in block order,
 * merged into the one sorted sequence the AUC needs ({@link Classification#auc(List)}). The AUC is
 * the same to the last bit as that of one sort of all rows; nothing of length n is sorted at once.
 */
final class Classifier {
  private Classifier() {}

  /** Runs on the heap are merged two by two up to this many rows (the final merge has fewer ways). */
  static final int MERGE_ROWS = 1 << 18;

  /**
   * Some blocks' share: their sums and their sorted runs, in block order. Serializable (from an
   * engine, every run is a heap {@link Classification.Run}).
   */
  private record Part(Classification.Sums sums, List<Classification.SortedRows> runs)
      implements java.io.Serializable {
    static Part merge(Part left, Part right) {
      List<Classification.SortedRows> runs = new ArrayList<>(left.runs.size() + right.runs.size());
      runs.addAll(left.runs);
      int from = 0;
      if (!runs.isEmpty() && !right.runs.isEmpty()
          && runs.get(runs.size() - 1) instanceof Classification.Run a
          && right.runs.get(0) instanceof Classification.Run b && a.size() + b.size() <= MERGE_ROWS) {
        runs.set(runs.size() - 1, twoWay(a, b));
        from = 1;
      }
      runs.addAll(right.runs.subList(from, right.runs.size()));
      return new Part(left.sums.plus(right.sums), runs);
    }
  }

  /**
   * Two adjacent runs as one, rows of equal value from {@code a} (the earlier rows) first: the
   * order of one stable sort of both, so the AUC's tie blocks are summed in the same row order.
   */
  static Classification.Run twoWay(Classification.Run a, Classification.Run b) {
    int na = a.size();
    int nb = b.size();
    double[] keys = new double[na + nb];
    double[] ev = new double[na + nb];
    double[] non = new double[na + nb];
    double[] ka = a.keys();
    double[] kb = b.keys();
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < na && j < nb) {
      if (kb[j] < ka[i]) {
        keys[k] = kb[j];
        ev[k] = b.events()[j];
        non[k++] = b.nonEvents()[j++];
      } else {
        keys[k] = ka[i];
        ev[k] = a.events()[i];
        non[k++] = a.nonEvents()[i++];
      }
    }
    for (; i < na; i++, k++) {
      keys[k] = ka[i];
      ev[k] = a.events()[i];
      non[k] = a.nonEvents()[i];
    }
    for (; j < nb; j++, k++) {
      keys[k] = kb[j];
      ev[k] = b.events()[j];
      non[k] = b.nonEvents()[j];
    }
    return new Classification.Run(keys, ev, non);
  }

  /** The summary of a fit's values on the rows at {@code threshold}. */
  static Classification classify(RowBlocks rows, Fitted fitted, double threshold, String context) {
    if (rows.engine() != null) {
      // on an engine (Spark) the runs are sorted where the blocks live and come back to the driver
      // on its heap, with no spill file there (the driver holds the rows' blocks too)
      Part all = rows.reduce(b -> {
        double[] p = fitted.of(b.x(), b.rows());
        return new Part(Classification.Sums.of(p, b.y(), b.a(), 0, b.rows(), threshold),
            List.of(Classification.Run.of(p, b.y(), b.a(), 0, b.rows())));
      }, Part::merge);
      return Classification.of(all.sums(), Classification.auc(all.runs()), threshold);
    }
    Spill.Policy policy = Spill.policy();
    Object owner = new Object();
    Part all = rows.reduce(b -> {
      double[] p = fitted.of(b.x(), b.rows());
      Classification.Run run = Classification.Run.of(p, b.y(), b.a(), 0, b.rows());
      return new Part(Classification.Sums.of(p, b.y(), b.a(), 0, b.rows(), threshold),
          List.of(policy.keep(owner, 24L * run.size()) ? run : Spilled.of(run, context)));
    }, Part::merge);
    double auc = Classification.auc(all.runs());
    java.lang.ref.Reference.reachabilityFence(owner);
    return Classification.of(all.sums(), auc, threshold);
  }

  /** A sorted run in the spill file: its keys, events and non-events, size doubles each. */
  private record Spilled(int size, DoubleBuffer buffer) implements Classification.SortedRows {
    static Spilled of(Classification.Run run, String context) {
      int m = run.size();
      ByteBuffer b = ByteBuffer.allocate(24 * m).order(ByteOrder.nativeOrder());
      DoubleBuffer d = b.asDoubleBuffer();
      d.put(run.keys()).put(run.events()).put(run.nonEvents());
      return new Spilled(m, Spill.write(b, context).asDoubleBuffer());
    }

    @Override
    public double key(int i) {
      return buffer.get(i);
    }

    @Override
    public double events(int i) {
      return buffer.get(size + i);
    }

    @Override
    public double nonEvents(int i) {
      return buffer.get(2 * size + i);
    }
  }
}
