package logitlab.fit;

import java.util.ArrayList;
import java.util.List;
import logitlab.model.NeuronFit.Snapshot;

/**
 * Keeps the loss and weights every k epochs, with k doubling whenever {@value #CAPACITY} entries
 * have accumulated (every other entry is then dropped), so the history holds between
 * {@value #CAPACITY}/2 and {@value #CAPACITY} evenly spaced entries (fewer for short runs), plus
 * the last epoch, whatever the number of epochs.
 */
final class TrainingHistory {
  static final int CAPACITY = 400;
  private final List<Snapshot> entries = new ArrayList<>();
  private int every = 1;
  private Snapshot last;

  /** Whether epoch {@code epoch} is to be recorded. */
  boolean wants(int epoch) {
    return epoch % every == 0;
  }

  /** Records a wanted epoch. */
  void add(int epoch, double loss, double[] weights) {
    Snapshot s = new Snapshot(epoch, loss, weights);
    entries.add(s);
    last = s;
    if (entries.size() >= CAPACITY) {
      every *= 2;
      int step = every;
      entries.removeIf(e -> e.epoch() % step != 0);
    }
  }

  /** The spacing in epochs. */
  int every() {
    return every;
  }

  /** The entries, ending with the given last epoch (added if it was not recorded). */
  List<Snapshot> finish(int epoch, double loss, double[] weights) {
    List<Snapshot> out = new ArrayList<>(entries);
    if (out.isEmpty() || out.get(out.size() - 1).epoch() != epoch) {
      out.add(last != null && last.epoch() == epoch ? last : new Snapshot(epoch, loss, weights));
    }
    return out;
  }
}
