package logitlab.fit;

/**
 * A fitting setting outside its range, as data: which setting, what it must be and the value given.
 * The message names the setting in plain words; the CLI words it with its option's name.
 */
public final class InvalidSetting extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The settings checked here, each with its plain name and its range in words. */
  public enum Setting {
    MAX_ITERATIONS("max iterations", "at least 1"),
    CONF("confidence level", "between 0 and 1 (e.g. 0.95)"),
    FIRTH_MAX_ITERATIONS("Firth's max iterations", "at least 1"),
    THRESHOLD("classification threshold", "between 0 and 1");

    private final String label;
    private final String range;

    Setting(String label, String range) {
      this.label = label;
      this.range = range;
    }

    /** The setting in plain words. */
    public String label() {
      return label;
    }

    /** What the value must be ({@code at least 1}). */
    public String range() {
      return range;
    }
  }

  private final Setting setting;
  private final String given;

  /**
   * @param setting the setting out of range
   * @param given the value given, as Java prints it
   */
  public InvalidSetting(Setting setting, String given) {
    super(setting.label() + " must be " + setting.range() + ", got " + given);
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
