package logitlab.model;

/**
 * The functions a unit of a network applies to its linear input z = w'x + b, with their
 * derivatives (the factor backpropagation multiplies by at the unit):
 * <pre>
 * sigmoid      f(z) = sigma(z) = 1 / (1 + e^-z)        f'(z) = f (1 - f)            &lt;= 1/4
 * tanh         f(z) = tanh z = 2 sigma(2z) - 1         f'(z) = 1 - f^2              &lt;= 1
 * relu         f(z) = max(0, z)                        f'(z) = 1 for z &gt; 0, else 0
 * leaky-relu   f(z) = z for z &gt; 0, s z otherwise       f'(z) = 1 for z &gt; 0, else s  (slope s)
 * identity     f(z) = z                                f'(z) = 1
 * step         f(z) = 1 for z &gt;= 0, else 0             f'(z) = 0 (undefined at 0)
 * </pre>
 * At a kink the derivative of the left side is used (relu'(0) = 0, leaky-relu'(0) = s), as the
 * common libraries do. The step is the perceptron's: its derivative is 0 wherever it exists, so
 * gradient descent cannot train it (Rosenblatt's rule does).
 *
 * <p>{@link Activation} is the output side of the one-neuron model: {@code Activation.SIGMOID}'s
 * probability is this sigmoid, and {@code Activation.TANH}'s probability is (tanh z + 1) / 2,
 * the tanh here mapped into (0, 1). Goodfellow, Bengio and Courville, Deep Learning (2016), 6.3
 * (hidden units); Maas, Hannun and Ng, "Rectifier nonlinearities improve neural network acoustic
 * models", ICML 2013 (leaky ReLU); Glorot, Bordes and Bengio, "Deep sparse rectifier neural
 * networks", AISTATS 2011 (ReLU).
 */
public enum ActivationFunction implements Named {
  /** sigma(z) = 1 / (1 + e^-z). */
  SIGMOID(true),
  /** tanh(z). */
  TANH(true),
  /** max(0, z). */
  RELU(false),
  /** z for z &gt; 0, s z otherwise. */
  LEAKY_RELU(false),
  /** z. */
  IDENTITY(false),
  /** 1 for z &gt;= 0, else 0. */
  STEP(false);

  /** The leaky ReLU's default slope for z &lt; 0. */
  public static final double DEFAULT_SLOPE = 0.01;
  /** A unit counts as saturated where f'(z) is below this. */
  public static final double SATURATED = 0.01;

  private final boolean needsExp;

  ActivationFunction(boolean needsExp) {
    this.needsExp = needsExp;
  }

  /** The name on the command line and in JSON ({@code sigmoid}, {@code leaky-relu}, ...). */
  public String cliName() {
    return externalName();
  }

  /** Whether computing f needs an exponential (sigmoid and tanh do; the others compare or multiply). */
  public boolean needsExp() {
    return needsExp;
  }

  /** Whether f is linear in z; a network of such units computes a linear function of its input. */
  public boolean linear() {
    return this == IDENTITY;
  }

  /** Whether f has no useful derivative (0 wherever it exists): gradient descent cannot train it. */
  public boolean flat() {
    return this == STEP;
  }

  /**
   * f(z).
   *
   * @param slope the leaky ReLU's slope for z &lt; 0 (ignored by the others)
   */
  public double value(double z, double slope) {
    return switch (this) {
      case SIGMOID -> Logistic.sigmoid(z);
      case TANH -> Math.tanh(z);
      case RELU -> z > 0 ? z : 0;
      case LEAKY_RELU -> z > 0 ? z : slope * z;
      case IDENTITY -> z;
      case STEP -> z >= 0 ? 1 : 0;
    };
  }

  /** f'(z); see the class comment for the value at a kink. */
  public double derivative(double z, double slope) {
    return derivative(z, value(z, slope), slope);
  }

  /**
   * f'(z) given f = f(z) already computed: f (1 - f) for the sigmoid and 1 - f^2 for tanh need no
   * second exponential.
   */
  public double derivative(double z, double f, double slope) {
    return switch (this) {
      case SIGMOID -> f * (1 - f);
      case TANH -> 1 - f * f;
      case RELU -> z > 0 ? 1 : 0;
      case LEAKY_RELU -> z > 0 ? 1 : slope;
      case IDENTITY -> 1;
      case STEP -> 0;
    };
  }

  /**
   * What the function is like, in numbers.
   *
   * @param low the infimum of f (may be infinite)
   * @param high the supremum of f (may be infinite)
   * @param lowAttained whether f reaches {@code low}
   * @param highAttained whether f reaches {@code high}
   * @param twoValued whether f takes only the values {@code low} and {@code high} (the step)
   * @param meanOutput E f(Z) for a standard normal Z: 0 means the outputs are centred on zero
   *     for inputs centred on zero; closed forms: 1/2 for the sigmoid and the step (f(z) + f(-z) = 1),
   *     0 for odd functions, phi(0) = 1/sqrt(2 pi) for relu and (1 - s)/sqrt(2 pi) for leaky-relu
   * @param maxDerivative sup f'(z)
   * @param saturatesBelow f'(z) &lt; {@link #SATURATED} for every z below this (-Infinity: nowhere)
   * @param saturatesAbove f'(z) &lt; {@link #SATURATED} for every z above this (+Infinity: nowhere)
   * @param needsExp whether f needs an exponential
   */
  public record Properties(double low, double high, boolean lowAttained, boolean highAttained, boolean twoValued,
      double meanOutput, double maxDerivative, double saturatesBelow, double saturatesAbove, boolean needsExp) {
    /** Whether the outputs are centred on zero: E f(Z) = 0 for a standard normal Z. */
    public boolean zeroCentred() {
      return meanOutput == 0;
    }
  }

  /**
   * The properties of f with the given leaky slope. The saturation points solve f'(z) = 0.01: for
   * the sigmoid sigma (1 - sigma) = c gives sigma = (1 + r) / 2, r = sqrt(1 - 4c), so
   * z = log((1 + r) / (1 - r)) (4.585 for c = 0.01); for tanh 1 - tanh^2 = c gives
   * z = atanh(sqrt(1 - c)) (2.9932).
   */
  public Properties properties(double slope) {
    double inf = Double.POSITIVE_INFINITY;
    double phi0 = 1 / Math.sqrt(2 * Math.PI);
    return switch (this) {
      case SIGMOID -> {
        double r = Math.sqrt(1 - 4 * SATURATED);
        double z = Math.log((1 + r) / (1 - r));
        yield new Properties(0, 1, false, false, false, 0.5, 0.25, -z, z, true);
      }
      case TANH -> {
        double z = atanh(Math.sqrt(1 - SATURATED));
        yield new Properties(-1, 1, false, false, false, 0, 1, -z, z, true);
      }
      case RELU -> new Properties(0, inf, true, false, false, phi0, 1, 0, inf, false);
      case LEAKY_RELU -> new Properties(-inf, inf, false, false, false, (1 - slope) * phi0, Math.max(1, slope),
          slope < SATURATED ? 0 : -inf, inf, false);
      case IDENTITY -> new Properties(-inf, inf, false, false, false, 0, 1, -inf, inf, false);
      case STEP -> new Properties(0, 1, true, true, true, 0.5, 0, 0, 0, false);
    };
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }

  /** The function named {@code name} (case-insensitive). */
  public static ActivationFunction parse(String name) {
    return Named.parse(ActivationFunction.class, "activation", name);
  }
}
