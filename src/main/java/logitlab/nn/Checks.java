package logitlab.nn;

import java.util.Locale;
import logitlab.model.ActivationFunction;

/** Validation shared by the nn options records: messages name the option and the value. */
final class Checks {
  private Checks() {}

  static void range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between %d and %d, not %d", option,
          min, max, value));
    }
  }

  static void slope(double slope) {
    if (!(slope > 0 && slope < 1)) {
      throw new IllegalArgumentException("--slope (the leaky ReLU's slope for z < 0) must be between 0 and 1 "
          + "(exclusive), not " + slope + (slope == 0 ? "; slope 0 is --activation relu" : ""));
    }
  }

  static void trainable(ActivationFunction f) {
    if (f.flat()) {
      throw new IllegalArgumentException("--activation step cannot be trained by gradient descent: its derivative "
          + "is 0 wherever it is defined (the perceptron learns by its own rule); choose sigmoid, tanh, relu, "
          + "leaky-relu or identity");
    }
  }
}
