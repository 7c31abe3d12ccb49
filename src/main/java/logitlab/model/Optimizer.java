package logitlab.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The update rules the neuron can be trained with. The formulas and references are on the
 * implementing classes in {@code logitlab.fit.UpdateRules}.
 */
public enum Optimizer {
  /**
   * Nesterov's accelerated gradient in the fixed metric of the design's Gram matrix scaled by the
   * loss's curvature at the intercept-only fit, with a safeguard: the default of the one neuron.
   */
  PRECONDITIONED("preconditioned", "preconditioned Nesterov", false),
  /** Full-batch gradient descent, theta -= lr grad J(theta). */
  GD("gd", "gradient descent", false),
  /** Full-batch gradient descent with Polyak's heavy-ball momentum. */
  MOMENTUM("momentum", "heavy-ball momentum", false),
  /** Nesterov's accelerated gradient with adaptive restart. */
  NESTEROV("nesterov", "Nesterov's accelerated gradient", false),
  /** Stochastic gradient descent, one row per step, in a shuffled order each epoch. */
  SGD("sgd", "stochastic gradient descent", true),
  /** Stochastic gradient descent on shuffled minibatches of --batch-size rows. */
  MINIBATCH("minibatch", "minibatch SGD", true),
  /** Full-batch Adam. */
  ADAM("adam", "Adam", false);

  private final String cliName;
  private final String label;
  private final boolean stochastic;

  Optimizer(String cliName, String label, boolean stochastic) {
    this.cliName = cliName;
    this.label = label;
    this.stochastic = stochastic;
  }

  /** The name on the command line and in JSON ({@code gd}, {@code adam}, ...). */
  public String cliName() {
    return cliName;
  }

  /** A readable name for text output ({@code gradient descent}, {@code Adam}, ...). */
  public String label() {
    return label;
  }

  /** Whether each step uses a sample of the rows (and the seed shuffles them). */
  public boolean stochastic() {
    return stochastic;
  }

  /** The optimizer named {@code name} (case-insensitive). */
  public static Optimizer parse(String name) {
    for (Optimizer o : values()) {
      if (o.cliName.equalsIgnoreCase(name.trim())) {
        return o;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "optimizer must be one of %s, not \"%s\"",
        String.join(", ", Arrays.stream(values()).map(Optimizer::cliName).toList()), name));
  }
}
