package logitlab.data;

/**
 * A problem with the user's input that the user can fix. The message is one line, meant to be
 * printed as-is: it names the file, the 1-based line, the column and the value where they are known.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem; the CLI maps each kind to one documented exit code. */
  public enum Kind {
    /** An option names something the data does not have (unknown column, unknown level): exit 2. */
    USAGE,
    /** The file cannot be read or a value is malformed: exit 3. */
    BAD_INPUT,
    /** The data is well formed but no model can be fitted (one outcome class, n &lt;= p): exit 4. */
    NOT_FITTABLE
  }

  private final Kind kind;

  public DataException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public DataException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
