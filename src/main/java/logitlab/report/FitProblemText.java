package logitlab.report;

import java.util.List;
import logitlab.fit.FitException;

/**
 * The words for every reason a model cannot be fitted ({@link FitException}, exit code 4): one
 * sentence for each, here and nowhere else, starting with the input's name.
 */
public final class FitProblemText {
  private FitProblemText() {}

  /** The exception's reason in words. */
  public static String of(FitException e) {
    return of(e.reason());
  }

  /** A reason in words. */
  public static String of(FitException.Reason r) {
    String f = r.file() + ": ";
    if (r instanceof FitException.TooFewRows t) {
      int p = t.terms().size();
      return f + t.rows() + " usable rows but the model has " + p + " coefficients (" + shortList(t.terms())
          + "); at least " + (p + 1) + " rows are needed";
    }
    if (r instanceof FitException.NoWeight) {
      return f + "every row has weight 0; nothing to fit";
    }
    if (r instanceof FitException.OneClass o) {
      return f + "outcome \"" + o.outcome() + "\" has only one class in the " + o.rows() + " usable rows; a model "
          + "needs both";
    }
    if (r instanceof FitException.NonFiniteStart) {
      return f + "no valid set of logistic coefficients found; the IRLS start values give a non-finite deviance";
    }
    if (r instanceof FitException.TooFewTrainingRows t) {
      return f + t.rows() + " rows leave " + t.training() + " for training with --test-fraction " + t.testFraction()
          + "; use a smaller --test-fraction or more rows";
    }
    FitException.OneClassInTraining o = (FitException.OneClassInTraining) r; // the last of the sealed kinds
    return f + "the " + o.training() + " training rows hold only one class of \"" + o.outcome() + "\""
        + (o.testFraction() > 0 ? " (with --test-fraction " + o.testFraction() + "; try another --seed or "
            + "--test-fraction 0)" : "") + "; a model needs both";
  }

  /** Terms for a message: the first ten, then how many in all (a wide file has thousands). */
  private static String shortList(List<String> terms) {
    return terms.size() <= 10
        ? String.join(", ", terms)
        : String.join(", ", terms.subList(0, 10)) + ", ... (" + terms.size() + " in all)";
  }
}
