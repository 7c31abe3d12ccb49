package logitlab.cli;

import java.util.function.Supplier;
import logitlab.fit.InvalidSetting;
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
      throw new UsageException(flag(e.setting()) + " must be " + e.setting().range() + ", got " + e.given());
    } catch (PlotData.UnusablePredictor e) {
      throw new UsageException(e.categorical() ? "--plot-x " + e.name() + " is categorical; it must name a numeric "
          + "predictor" : "--plot-x: " + e.name() + " is not a predictor of the model; numeric predictors are: "
          + (e.numeric().isEmpty() ? "(none)" : String.join(", ", e.numeric())));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The command-line option of a fitting setting. */
  static String flag(InvalidSetting.Setting s) {
    return switch (s) {
      case MAX_ITERATIONS -> "--max-iterations";
      case CONF -> "--conf";
      case FIRTH_MAX_ITERATIONS -> "--firth-max-iterations";
      case THRESHOLD -> "--threshold";
    };
  }
}
