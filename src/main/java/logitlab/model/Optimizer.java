package logitlab.model;

/**
 * The update rules the neuron can be trained with. The formulas and references are on the
 * implementing classes in {@code logitlab.fit.UpdateRules}.
 */
public enum Optimizer implements Named {
  /** Full-batch gradient descent, theta -= lr grad J(theta). */
  GD("gradient descent", false),
  /** Full-batch gradient descent with Polyak's heavy-ball momentum. */
  MOMENTUM("heavy-ball momentum", false),
  /** Nesterov's accelerated gradient with adaptive restart. */
  NESTEROV("Nesterov's accelerated gradient", false),
  /** Stochastic gradient descent, one row per step, in a shuffled order each epoch. */
  SGD("stochastic gradient descent", true),
  /** Stochastic gradient descent on shuffled minibatches of --batch-size rows. */
  MINIBATCH("minibatch SGD", true),
  /** Full-batch Adam. */
  ADAM("Adam", false);

  private final String label;
  private final boolean stochastic;

  Optimizer(String label, boolean stochastic) {
    this.label = label;
    this.stochastic = stochastic;
  }

  /** The name on the command line and in JSON ({@code gd}, {@code adam}, ...). */
  public String cliName() {
    return externalName();
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
    return Named.parse(Optimizer.class, "optimizer", name);
  }
}
