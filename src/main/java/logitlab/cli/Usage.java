package logitlab.cli;

import java.util.function.Supplier;
import logitlab.fit.InvalidSetting;
import logitlab.fit.NeuronOptions;
import logitlab.plot.PlotData;

/**
 * Turns an options record's validation failure into a usage error (exit code 2), worded with the
 * option's name where the failure says which setting it was.
 */
final class Usage {
  private Usage() {}

  static <T> T check(Supplier<T> s) {
    try {
      return s.get();
    } catch (InvalidSetting e) {
      throw new UsageException(sentence(e.setting(), e.given()));
    } catch (PlotData.UnusablePredictor e) {
      throw new UsageException(e.categorical() ? "--plot-x " + e.name() + " is categorical; it must name a numeric "
          + "predictor" : "--plot-x: " + e.name() + " is not a predictor of the model; numeric predictors are: "
          + (e.numeric().isEmpty() ? "(none)" : String.join(", ", e.numeric())));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The one sentence for a fitting setting out of range, with the value given: the option's name
   * and what it must be. (max epochs, tolerance and initial weights keep the words they had before
   * they became data; epsilon has no option.)
   */
  static String sentence(InvalidSetting.Setting s, String given) {
    return switch (s) {
      case MAX_ITERATIONS -> "--max-iterations must be at least 1, got " + given;
      case CONF -> "--conf must be between 0 and 1 (e.g. 0.95), got " + given;
      case FIRTH_MAX_ITERATIONS -> "--firth-max-iterations must be at least 1, got " + given;
      case THRESHOLD -> "--threshold must be between 0 and 1, got " + given;
      case EPSILON -> "epsilon must be in (0, 1), got " + given;
      case LEARNING_RATE -> "--learning-rate must be auto or a positive number, not \"" + given + "\"";
      case BATCH_SIZE -> "--batch-size must be at least 1, not " + given;
      case BATCH_SIZE_OPTIMIZER -> "--batch-size applies to --optimizer minibatch only (sgd uses 1 row per step; "
          + "gd, momentum, nesterov and adam use all rows)";
      case MAX_EPOCHS -> "max epochs must be at least 1, got " + given;
      case TOLERANCE -> "tolerance must be a positive number, got " + given;
      case INIT -> "initial weights must be zeros, random or a number from -" + (int) NeuronOptions.MAX_INIT
          + " to " + (int) NeuronOptions.MAX_INIT + ", not \"" + given + "\"";
    };
  }

  /** The usage error for a fitting setting out of range. */
  static UsageException invalid(InvalidSetting.Setting s, String given) {
    return new UsageException(sentence(s, given));
  }
}
