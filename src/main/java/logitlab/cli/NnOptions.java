package logitlab.cli;

import logitlab.fit.InvalidSetting;

/** Option values the nn commands parse alike. */
final class NnOptions {
  private NnOptions() {}

  /** {@code auto} as NaN, else a positive number. */
  static double learningRate(String s) {
    if (s.trim().equalsIgnoreCase("auto")) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s.trim());
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw Usage.invalid(InvalidSetting.Setting.LEARNING_RATE, s);
  }
}
