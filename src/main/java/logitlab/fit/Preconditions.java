package logitlab.fit;

import logitlab.data.DesignMatrix;

/** Checks shared by the fitters, with messages a user can act on. */
final class Preconditions {
  private Preconditions() {}

  static void check(DesignMatrix d) {
    if (d.n() <= d.p()) {
      throw new FitException(d.file() + ": " + d.n() + " usable rows but the model has " + d.p()
          + " coefficients (" + String.join(", ", d.terms()) + "); at least " + (d.p() + 1)
          + " rows are needed");
    }
    int events = d.events();
    if (events == 0 || events == d.n()) {
      throw new FitException(d.file() + ": outcome \"" + d.outcome().column() + "\" has only one class in the "
          + d.n() + " usable rows; a model needs both");
    }
  }
}
