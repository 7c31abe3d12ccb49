package logitlab.cli;

import logitlab.data.DataException;
import logitlab.fit.FitException;

/**
 * The documented exit codes, and the one place where exceptions become exit codes and one-line
 * messages. The README's "Exit codes" table lists the same values.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): one line on stderr. */
  public static final int INTERNAL = 1;
  /** Usage error: unknown option, bad option value, unknown column or level. */
  public static final int USAGE = 2;
  /** Bad input data: unreadable file, malformed value, wrong field count. */
  public static final int BAD_INPUT = 3;
  /** The data cannot be fitted: one outcome class, fewer rows than coefficients. */
  public static final int NOT_FITTABLE = 4;

  private ExitCodes() {}

  /** Exit code for an exception thrown while running a command. */
  static int of(Throwable e) {
    if (e instanceof DataException d) {
      return switch (d.kind()) {
        case USAGE -> USAGE;
        case BAD_INPUT -> BAD_INPUT;
        case NOT_FITTABLE -> NOT_FITTABLE;
      };
    }
    if (e instanceof FitException) {
      return NOT_FITTABLE;
    }
    if (e instanceof UsageException) {
      return USAGE;
    }
    if (e instanceof OutputException) {
      return BAD_INPUT;
    }
    return INTERNAL;
  }

  /** The one line printed for an exception. */
  static String message(Throwable e) {
    if (ExitCodes.of(e) == INTERNAL) {
      return "logitlab: internal error (please report it): " + e;
    }
    return "logitlab: " + e.getMessage();
  }
}
