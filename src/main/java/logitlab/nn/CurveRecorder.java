package logitlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the losses every k epochs, k doubling whenever {@value #CAPACITY} entries have accumulated
 * (every other entry then dropped), so a curve holds at most {@value #CAPACITY} evenly spaced
 * epochs plus the last, whatever the number of epochs (as the neuron's training history).
 */
final class CurveRecorder {
  static final int CAPACITY = 2000;
  private final List<double[]> entries = new ArrayList<>();
  private int every = 1;

  boolean wants(int epoch) {
    return epoch % every == 0;
  }

  void add(int epoch, double train, double test) {
    entries.add(new double[] {epoch, train, test});
    if (entries.size() >= CAPACITY) {
      every *= 2;
      int step = every;
      entries.removeIf(e -> ((int) e[0]) % step != 0);
    }
  }

  MlpRun.Curve finish(int lastEpoch, double train, double test) {
    List<double[]> out = new ArrayList<>(entries);
    if (out.isEmpty() || (int) out.get(out.size() - 1)[0] != lastEpoch) {
      out.add(new double[] {lastEpoch, train, test});
    }
    int[] e = new int[out.size()];
    double[] tr = new double[out.size()];
    double[] te = new double[out.size()];
    for (int k = 0; k < out.size(); k++) {
      e[k] = (int) out.get(k)[0];
      tr[k] = out.get(k)[1];
      te[k] = out.get(k)[2];
    }
    return new MlpRun.Curve(e, tr, te);
  }
}
