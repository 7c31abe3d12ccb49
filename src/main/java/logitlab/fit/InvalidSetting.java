package logitlab.fit;

/**
 * A fitting setting outside its range, as data: which setting and the value given. The words
 * (the option's name and what it must be) are the CLI's, one sentence per setting
 * ({@code cli/Usage}); the message here is only the code and the value, for a stack trace.
 */
public final class InvalidSetting extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The settings checked by the options records, each with its range in the javadoc. */
  public enum Setting {
    /** IRLS iteration limit: at least 1. */
    MAX_ITERATIONS,
    /** Confidence level: in (0, 1). */
    CONF,
    /** Firth's iteration limit: at least 1. */
    FIRTH_MAX_ITERATIONS,
    /** Classification threshold: in (0, 1). */
    THRESHOLD,
    /** IRLS convergence tolerance: in (0, 1). */
    EPSILON,
    /** The neuron's step size: a positive finite number (or automatic). */
    LEARNING_RATE,
    /** Rows per minibatch step: at least 1 (0 means the default). */
    BATCH_SIZE,
    /** A batch size for an optimizer other than minibatch; the value given is the optimizer's name. */
    BATCH_SIZE_OPTIMIZER,
    /** The neuron's epoch limit: at least 1. */
    MAX_EPOCHS,
    /** The neuron's gradient-norm tolerance: a positive finite number. */
    TOLERANCE,
    /** Initial weights: zeros, random or a number VALUE with |VALUE| at most {@link NeuronOptions#MAX_INIT}. */
    INIT
  }

  private final Setting setting;
  private final String given;

  /**
   * @param setting the setting out of range
   * @param given the value given, as Java prints it (or as typed, for {@link Setting#INIT})
   */
  public InvalidSetting(Setting setting, String given) {
    super(setting + "=" + given);
    this.setting = setting;
    this.given = given;
  }

  public Setting setting() {
    return setting;
  }

  public String given() {
    return given;
  }
}
