package logitlab.nn;

import java.util.Locale;
import logitlab.model.ActivationFunction;
import logitlab.model.Fmt;

/**
 * How a layer's initial weights are drawn: normal with mean 0 and a standard deviation that
 * depends on the layer's fan-in and fan-out; biases start at 0.
 * <pre>
 * xavier     sd = sqrt(2 / (fan_in + fan_out))   keeps the variance of the signal forward and of
 *                                                the gradient backward for units with f'(0) = 1
 *                                                (Glorot and Bengio, AISTATS 2010, eq. 12; normal form)
 * he         sd = sqrt(2 / fan_in)               the same for ReLU, which passes half the variance
 *                                                (He, Zhang, Ren and Sun, ICCV 2015, eq. 10)
 * normal:SD  sd = SD                              fixed, e.g. large to start saturated
 * auto       he for relu and leaky-relu, xavier for the others
 * </pre>
 *
 * @param kind the rule
 * @param sd the fixed standard deviation of {@link Kind#NORMAL}; NaN otherwise
 */
public record Init(Kind kind, double sd) {
  /** The rules. */
  public enum Kind {
    AUTO, XAVIER, HE, NORMAL
  }

  /** The largest SD of {@code normal:SD}. */
  public static final double MAX_SD = 1000;

  public Init {
    if (kind == null) {
      throw new IllegalArgumentException("init must not be null");
    }
    if (kind == Kind.NORMAL && !(sd > 0 && sd <= MAX_SD)) {
      throw new IllegalArgumentException("--init normal:SD needs 0 < SD <= " + (int) MAX_SD + ", not " + sd);
    }
    if (kind != Kind.NORMAL) {
      sd = Double.NaN;
    }
  }

  /** The default: {@link Kind#AUTO}. */
  public static Init auto() {
    return new Init(Kind.AUTO, Double.NaN);
  }

  /** The rule {@code auto} comes to for this activation; other rules are returned as they are. */
  public Init resolve(ActivationFunction f) {
    if (kind != Kind.AUTO) {
      return this;
    }
    return new Init(f == ActivationFunction.RELU || f == ActivationFunction.LEAKY_RELU ? Kind.HE : Kind.XAVIER,
        Double.NaN);
  }

  /** The standard deviation of a layer's weights. */
  public double sd(int fanIn, int fanOut, ActivationFunction f) {
    return switch (resolve(f).kind) {
      case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
      case HE -> Math.sqrt(2.0 / fanIn);
      case NORMAL -> sd;
      case AUTO -> throw new IllegalStateException("resolved above");
    };
  }

  /** As written on the command line: {@code xavier}, {@code he}, {@code normal:2}, {@code auto}. */
  public String cliName() {
    return kind == Kind.NORMAL ? "normal:" + Fmt.plain(sd) : kind.name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code auto}, {@code xavier}, {@code he} or {@code normal:SD}. */
  public static Init parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "auto":
        return auto();
      case "xavier":
      case "glorot":
        return new Init(Kind.XAVIER, Double.NaN);
      case "he":
        return new Init(Kind.HE, Double.NaN);
      default:
        break;
    }
    if (t.startsWith("normal:")) {
      double sd;
      try {
        sd = Double.parseDouble(t.substring("normal:".length()));
      } catch (NumberFormatException e) {
        sd = Double.NaN;
      }
      return new Init(Kind.NORMAL, sd);
    }
    throw new IllegalArgumentException("--init must be auto, xavier, he or normal:SD, not \"" + s + "\"");
  }
}
