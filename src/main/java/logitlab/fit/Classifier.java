package logitlab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.data.RowBlocks;
import logitlab.model.Classification;

/**
 * The classification summary of fitted values over the row blocks: per block, the sums
 * ({@link Classification.Sums}) and the rows sorted by fitted value ({@link Classification.Run},
 * a primitive radix sort); the sums merged in the fixed tree order and the runs, in block order,
 * merged into the one sorted sequence the AUC needs ({@link Classification#auc(List)}). The AUC is
 * the same to the last bit as that of one sort of all rows; nothing of length n is sorted at once.
 */
final class Classifier {
  private Classifier() {}

  /** One block's share: its sums and its sorted run. */
  private record Part(Classification.Sums sums, List<Classification.Run> runs) implements java.io.Serializable {
    static Part merge(Part left, Part right) {
      List<Classification.Run> runs = new ArrayList<>(left.runs.size() + right.runs.size());
      runs.addAll(left.runs);
      runs.addAll(right.runs);
      return new Part(left.sums.plus(right.sums), runs);
    }
  }

  /** The summary of {@code fitted} (one value per row of {@code rows}) at {@code threshold}. */
  static Classification classify(RowBlocks rows, double[] fitted, double threshold) {
    Part all = rows.reduce(b -> {
      double[] p = Arrays.copyOfRange(fitted, b.start(), b.start() + b.rows());
      return new Part(Classification.Sums.of(p, b.y(), b.a(), 0, b.rows(), threshold),
          List.of(Classification.Run.of(p, b.y(), b.a(), 0, b.rows())));
    }, Part::merge);
    return Classification.of(all.sums(), Classification.auc(all.runs()), threshold);
  }
}
