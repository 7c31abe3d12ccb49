package logitlab.fit;

/** The data are well formed but this model cannot be fitted to them (exit code 4). */
public final class FitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FitException(String message) {
    super(message);
  }
}
