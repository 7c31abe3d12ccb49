package logitlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three models' predicted probabilities at one point.
 *
 * @param at the predictor values the user gave (column to value, as typed)
 * @param defaulted predictors the user did not give, with the value used ({@code age = 41.3 (mean)})
 * @param linear the linear model's prediction x'beta (may leave [0, 1])
 * @param logistic sigma(x'beta) of the GLM
 * @param neuron sigma(x'w) of the neuron
 */
public record Prediction(
    Map<String, String> at, List<String> defaulted, double linear, double logistic, double neuron) {

  public Prediction {
    at = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(at));
    defaulted = List.copyOf(defaulted);
  }

  /** Whether the linear model's "probability" is outside [0, 1]. */
  public boolean linearOutOfRange() {
    return linear < 0 || linear > 1;
  }

  /** The point written as {@code cigs=60, age=50}. */
  public String label() {
    StringBuilder sb = new StringBuilder();
    at.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
