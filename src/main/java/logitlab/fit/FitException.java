package logitlab.fit;

import java.util.List;
import java.util.Objects;

/**
 * The data are well formed but this model cannot be fitted to them (exit code 4): why, as data
 * with the numbers the message needs. The words are {@code report/FitProblemText}'s; the
 * exception's own message is the reason's record form, for a stack trace.
 */
public final class FitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the data cannot be fitted. */
  public sealed interface Reason {
    /** The input's name as the user gave it (the design matrix's file). */
    String file();
  }

  /**
   * Fewer usable rows than coefficients + 1.
   *
   * @param rows the usable rows
   * @param terms the model's coefficients, in order
   */
  public record TooFewRows(String file, int rows, List<String> terms) implements Reason {
    public TooFewRows {
      terms = List.copyOf(terms);
    }
  }

  /** Every row has prior weight 0. */
  public record NoWeight(String file) implements Reason {}

  /**
   * The outcome has one class in the usable rows.
   *
   * @param outcome the outcome column
   * @param rows the usable rows
   */
  public record OneClass(String file, String outcome, int rows) implements Reason {}

  /** IRLS's start values (mu from y) give a deviance that is not finite (R's glm.fit stops too). */
  public record NonFiniteStart(String file) implements Reason {}

  /**
   * A test split leaves fewer than two rows for training.
   *
   * @param rows the rows in the data
   * @param training the rows left for training
   * @param testFraction the share of rows held out
   */
  public record TooFewTrainingRows(String file, int rows, int training, double testFraction) implements Reason {}

  /**
   * The training rows hold one class only.
   *
   * @param training the training rows
   * @param outcome the outcome column
   * @param testFraction the share of rows held out (0: no test split)
   */
  public record OneClassInTraining(String file, int training, String outcome, double testFraction)
      implements Reason {}

  private final transient Reason reason;

  public FitException(Reason reason) {
    super(Objects.requireNonNull(reason, "reason").toString());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
