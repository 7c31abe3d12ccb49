package logitlab.fit;

import logitlab.data.DesignMatrix;

/** Checks shared by the fitters, with messages a user can act on. */
final class Preconditions {
  private Preconditions() {}

  static void check(DesignMatrix d) {
    if (d.n() <= d.p()) {
      throw new FitException(d.file() + ": " + d.n() + " usable rows but the model has " + d.p()
          + " coefficients (" + shortList(d.terms()) + "); at least " + (d.p() + 1)
          + " rows are needed");
    }
    double events = d.weightedEvents();
    double total = d.totalWeight();
    if (!(total > 0)) {
      throw new FitException(d.file() + ": every row has weight 0; nothing to fit");
    }
    if (events <= 0 || events >= total) {
      throw new FitException(d.file() + ": outcome \"" + d.outcome().column() + "\" has only one class in the "
          + d.n() + " usable rows; a model needs both");
    }
  }

  /** Terms for a message: the first ten, then how many in all (a wide file has thousands). */
  private static String shortList(java.util.List<String> terms) {
    return terms.size() <= 10
        ? String.join(", ", terms)
        : String.join(", ", terms.subList(0, 10)) + ", ... (" + terms.size() + " in all)";
  }
}
