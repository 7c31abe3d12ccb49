package logitlab.cli;

import logitlab.data.DataException;
import logitlab.fit.FitException;
import logitlab.report.FitProblemText;

/**
 * The documented exit codes, and the one place where exceptions become exit codes and one-line
 * messages. The README's "Exit codes" table lists the same values.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): one line on stderr. */
  public static final int INTERNAL = 1;
  /** Usage error: unknown option, bad option value, unknown column or level, -o naming the input. */
  public static final int USAGE = 2;
  /**
   * Bad input data: input file missing or unreadable, not UTF-8 text, malformed CSV or value,
   * wrong field count; also an output file that cannot be written.
   */
  public static final int BAD_INPUT = 3;
  /**
   * The data cannot be fitted: one outcome class, no rows left, fewer rows than coefficients, a
   * column too large or too small in scale, rows that neither fit the heap nor the temporary spill
   * file.
   */
  public static final int NOT_FITTABLE = 4;

  /** The help's last lines for a command that reads and fits data (the values above, in words). */
  static final String HELP_FIT_1 = "Exit codes: 0 success, 1 internal error, 2 usage error, 3 bad input data,";
  /** The second of them. */
  static final String HELP_FIT_2 = "            4 the data cannot be fitted.";
  /** The help's last line for a command that reads no data ({@code activations}, {@code vanishing}). */
  static final String HELP_NO_DATA =
      "Exit codes: 0 success, 1 internal error, 2 usage error, 3 an output file cannot be written.";

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

  /**
   * The one line printed for an exception. Whatever a message holds (a value with a line break or a
   * NUL from a hostile file), the line printed has no control characters: they are escaped.
   */
  static String message(Throwable e) {
    if (ExitCodes.of(e) == INTERNAL) {
      return "logitlab: internal error (please report it): " + oneLine(String.valueOf(e), 1000);
    }
    String text = e instanceof FitException f ? FitProblemText.of(f) : String.valueOf(e.getMessage());
    return "logitlab: " + oneLine(text, 4000);
  }

  /** {@code s} with control characters escaped, cut to {@code max} characters. */
  static String oneLine(String s, int max) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
    for (int i = 0; i < s.length(); i++) {
      if (sb.length() >= max) {
        sb.append("...");
        break;
      }
      char c = s.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
