package logitlab.fit;

import logitlab.data.DesignMatrix;

/** Checks shared by the fitters; a failure is a {@link FitException} with its reason. */
final class Preconditions {
  private Preconditions() {}

  static void check(DesignMatrix d) {
    if (d.n() <= d.p()) {
      throw new FitException(new FitException.TooFewRows(d.file(), d.n(), d.terms()));
    }
    double events = d.weightedEvents();
    double total = d.totalWeight();
    if (!(total > 0)) {
      throw new FitException(new FitException.NoWeight(d.file()));
    }
    if (events <= 0 || events >= total) {
      throw new FitException(new FitException.OneClass(d.file(), d.outcome().column(), d.n()));
    }
  }
}
