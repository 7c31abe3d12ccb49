package logitlab.cli;

import logitlab.fit.InvalidSetting;
import logitlab.model.ActivationFunction;
import logitlab.nn.Init;
import picocli.CommandLine.Option;

/**
 * What the nets of {@code vanishing} and {@code mlp} take alike: the leaky ReLU's {@code --slope} and
 * the initial weights {@code --init} (a mixin), and the parsing of {@code --learning-rate}.
 */
final class NnOptions {
  @Option(names = "--slope", paramLabel = "S", defaultValue = "" + ActivationFunction.DEFAULT_SLOPE, order = 34,
      description = "The leaky ReLU's slope for z < 0. Default: ${DEFAULT-VALUE}")
  double slope;

  @Option(names = "--init", paramLabel = "xavier|he|normal:SD|auto", defaultValue = "auto", order = 43,
      description = "Initial weights: xavier (sd sqrt(2/(fan-in + fan-out))), he (sd sqrt(2/fan-in)), normal:SD, "
          + "or auto: he for relu and leaky-relu, xavier for the others. Biases start at 0. Default: ${DEFAULT-VALUE}")
  String init;

  /** {@code --init} parsed; a usage error (exit 2) when it is none of the forms. */
  Init init() {
    return Usage.check(() -> Init.parse(init));
  }

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
