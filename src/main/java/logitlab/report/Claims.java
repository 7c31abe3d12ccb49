package logitlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.model.ActivationFunction;
import logitlab.model.Fmt;
import logitlab.nn.Evidence;
import logitlab.report.outline.Sink;

/**
 * The claims of the material in words, and what a run's {@link Evidence} says about them: one
 * sentence per claim, written once here for every format.
 */
public final class Claims {
  private Claims() {}

  /** The claims, 1 to 7, as the material states them. */
  static final List<String> STATEMENTS = List.of(
      "A net with no hidden layer, or with only linear activations however many layers, is still a linear "
          + "classifier: it cannot separate XOR-like data.",
      "One hidden layer with at least two units and a non-linear activation can.",
      "Each sigmoid unit is itself a logistic regression of its layer's inputs.",
      "More hidden units fit more non-linear boundaries, and past some size overfit: the test loss turns up.",
      "The sigmoid saturates: with large weights its gradient is near zero, and through many layers the "
          + "gradient shrinks by up to 0.25 per layer (vanishing gradient); its outputs are not centred on zero.",
      "tanh is zero-centred and trains faster than the sigmoid, but still saturates.",
      "ReLU does not saturate for positive inputs, converges faster and needs no exponential, but units can die, "
          + "more often with a large learning rate; a smaller learning rate or leaky ReLU prevents it.");

  /** The statement of claim k (1 to 7). */
  public static String statement(int k) {
    return STATEMENTS.get(k - 1);
  }

  /** "Claim 5 (shown): ..." for the outline. */
  static String line(Evidence e) {
    return "Claim " + e.claim() + " (" + (e.shown() ? "shown" : "not shown") + "): " + evidence(e);
  }

  /** Writes a Claims section: each claim's statement and what the run showed. */
  static void section(Sink s, List<? extends Evidence> claims) {
    if (claims.isEmpty()) {
      return;
    }
    s.heading("Claims");
    List<String> items = new ArrayList<>();
    for (Evidence e : claims) {
      items.add(line(e));
    }
    s.list(items);
  }

  /** The {@code claims} array of the JSON output: {@code claim}, {@code shown}, {@code statement}, {@code evidence}. */
  static void json(JsonGenerator g, List<? extends Evidence> claims) throws IOException {
    g.writeArrayFieldStart("claims");
    for (Evidence e : claims) {
      g.writeStartObject();
      g.writeNumberField("claim", e.claim());
      g.writeBooleanField("shown", e.shown());
      g.writeStringField("statement", statement(e.claim()));
      g.writeStringField("evidence", evidence(e));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The evidence in one or two sentences. */
  static String evidence(Evidence e) {
    if (e instanceof Evidence.GradientDecay d) {
      return gradientDecay(d);
    }
    if (e instanceof Evidence.LinearOnNonlinearData l) {
      String net = l.identityLayers().length == 0 ? "With no hidden layer" : "With hidden "
          + units(l.identityLayers(), ActivationFunction.IDENTITY);
      return net + " the net reaches " + pct(l.testAccuracy()) + " test accuracy on " + l.dataset() + ", where "
          + "always guessing the larger class gives " + pct(l.majorityShare()) + (l.nearChance()
              ? ": near chance, as a straight boundary must be."
              : l.shown() ? ": better than chance but short of " + pct(Evidence.SEPARATES) + "; a straight "
                  + "boundary cannot separate the classes." : ": a straight boundary separates these data.");
    }
    if (e instanceof Evidence.IdentityIsLinear l) {
      return "With hidden " + units(l.hidden(), ActivationFunction.IDENTITY) + " the training loss is "
          + Fmt.sig(l.trainLoss(), 6)
          + "; the logistic model (no hidden layer) reaches " + Fmt.sig(l.linearLoss(), 6) + " on the same rows"
          + (l.shown() ? ", the least a linear model can: the layers compose to one linear map."
              : ", a difference of " + Fmt.sig(l.trainLoss() - l.linearLoss(), 2) + (l.trainLoss() < l.linearLoss()
                  ? "." : "; train longer (--epochs) to see them meet."));
    }
    if (e instanceof Evidence.HiddenLayerSeparates h) {
      return (h.hidden().length == 1 ? "One hidden layer of " : "Hidden ") + units(h.hidden(), h.activation())
          + (h.hidden().length == 1 ? " reaches " : " reach ") + pct(h.testAccuracy()) + " test accuracy, against "
          + pct(h.linearTestAccuracy()) + " for the logistic "
          + "model on the same split" + (h.shown() ? "." : "; short of " + pct(Evidence.SEPARATES)
              + ": try more units or epochs.");
    }
    if (e instanceof Evidence.UnitIsLogisticRegression u) {
      return u.outputUnit()
          ? "With no hidden layer the net is one sigmoid unit; its weights differ from the logistic GLM's (IRLS on "
              + "the same training rows) by at most " + Fmt.sig(u.maxDifference(), 2) + " (relative)"
              + (u.shown() ? "." : ", more than " + Fmt.sig(Evidence.SAME_WEIGHTS, 1)
                  + ": the training has not reached the optimum (raise --epochs).")
          : "IRLS on each of the " + u.units() + " first-layer units' outputs (as proportions) against the inputs "
              + "gives back the unit's weights to within " + Fmt.sig(u.maxDifference(), 2) + " (relative): each "
              + "unit computes a logistic regression of its inputs" + (u.shown() ? "." : ", though not to "
                  + Fmt.sig(Evidence.SAME_WEIGHTS, 1) + " here (a unit saturated on every row).");
    }
    if (e instanceof Evidence.Overfitting o) {
      return overfitting(o);
    }
    if (e instanceof Evidence.ActivationSpeed a) {
      return speed(a);
    }
    if (e instanceof Evidence.DyingUnits d) {
      return dying(d);
    }
    throw new IllegalArgumentException("no words for " + e);
  }

  private static String gradientDecay(Evidence.GradientDecay d) {
    String norms = "the gradient norm goes from " + Fmt.sig(d.lastNorm(), 3) + " at the last hidden layer to "
        + Fmt.sig(d.firstNorm(), 3) + " at the first, a factor of " + Fmt.sig(d.factorPerLayer(), 3)
        + " per layer towards the input";
    return switch (d.claim()) {
      case 5 -> "With sigmoid units " + norms + " (the mean sigma'(z) is " + Fmt.sig(d.meanDerivative(), 3)
          + ", at most 0.25)" + (d.shown() ? ": the gradient vanishes geometrically." : ", which is not a "
              + "vanishing gradient (it would need a factor below " + Evidence.VANISHES + ").");
      case 6 -> "With tanh units " + norms + " (mean f'(z) " + Fmt.sig(d.meanDerivative(), 3) + "); in the most "
          + "saturated layer " + pct(d.maxSaturated()) + " of the outputs have f' < 0.01" + (d.shown()
              ? ": tanh saturates too." : ", too few to call it saturated (larger weights, e.g. --init normal:1, "
                  + "saturate it).");
      default -> "With " + d.activation().cliName() + " units " + norms + (d.shown()
          ? ": the gradient keeps its size (f' = 1 on active units), it does not vanish."
          : ": it does not keep its size here (try --init he).");
    };
  }

  private static String overfitting(Evidence.Overfitting o) {
    int last = o.sizes().length - 1;
    StringBuilder sb = new StringBuilder("Training loss goes from " + Fmt.sig(o.trainLoss()[0], 3) + " with "
        + o.sizes()[0] + " unit" + (o.sizes()[0] == 1 ? "" : "s") + " to " + Fmt.sig(o.trainLoss()[last], 3)
        + " with " + o.sizes()[last] + "; the test loss is least with " + o.sizes()[o.best()] + " units ("
        + Fmt.sig(o.testLoss()[o.best()], 3) + ")");
    if (o.best() < last) {
      sb.append(" and rises to ").append(Fmt.sig(o.testLoss()[last], 3)).append(" with ").append(o.sizes()[last]);
    }
    sb.append(o.shown() ? ": the larger nets fit the training rows better and the test rows worse (overfitting)."
        : ": no size here overfits (try more units, fewer rows, more noise or more epochs).");
    return sb.toString();
  }

  private static String speed(Evidence.ActivationSpeed a) {
    String epochs = String.join(", ", a.runs().stream().map(r -> r.activation().cliName() + " "
        + (r.epochsToTarget() < 0 ? "never" : r.epochsToTarget() + "")).toList());
    String head = "Epochs to a training loss of " + Fmt.sig(a.target(), 3) + ": " + epochs + ". ";
    Evidence.SpeedRun s = a.of(ActivationFunction.SIGMOID);
    Evidence.SpeedRun t = a.of(ActivationFunction.TANH);
    Evidence.SpeedRun r = a.of(ActivationFunction.RELU);
    return head + switch (a.claim()) {
      case 5 -> "The sigmoid's hidden outputs average " + Fmt.sig(s.meanActivation(), 3) + " (tanh's "
          + Fmt.sig(t.meanActivation(), 3) + ")" + (a.shown() ? " and it needs more epochs than tanh."
              : ", yet it is not slower than tanh here.");
      case 6 -> "tanh " + (a.shown() ? "is faster than the sigmoid" : "is not faster than the sigmoid here")
          + "; " + pct(t.saturatedFraction()) + " of its hidden outputs end saturated (f' < 0.01).";
      default -> "ReLU computes no exponential (the sigmoid and tanh compute " + String.format(Locale.ROOT, "%,d",
          s != null ? s.expPerEpoch() : t.expPerEpoch()) + " per epoch in the hidden layer)" + (a.shown()
              ? " and reaches the target in the fewest epochs." : " but is not the fastest to the target here.")
          + (r == null ? "" : "");
    };
  }

  private static String dying(Evidence.DyingUnits d) {
    int w = d.worst();
    double leakyMax = 0;
    for (double v : d.leakyDead()) {
      leakyMax = Math.max(leakyMax, v);
    }
    return "Dead ReLU units (z <= 0 on every training row, so no gradient reaches them again): " + pct(d.reluDead()[0])
        + " at learning rate " + Fmt.sig(d.learningRates()[0], 3) + ", " + pct(d.reluDead()[w]) + " at "
        + Fmt.sig(d.learningRates()[w], 3) + ". Leaky ReLU units cannot die (f' >= the slope): dead at most "
        + pct(leakyMax) + "; at rate " + Fmt.sig(d.learningRates()[w], 3) + " " + pct(d.leakyInactive()[w])
        + " of them sat at z <= 0 on every row but kept learning through the slope, and the leaky net's training "
        + "loss is " + Fmt.sig(d.leakyLoss()[w], 3) + " against the ReLU net's " + Fmt.sig(d.reluLoss()[w], 3)
        + (d.shown() ? "." : "; the sweep does not show dying units rising with the rate while the leaky net "
            + "trains better (try larger rates).");
  }

  /** "4 tanh units", "layers of 8 and 8 identity units": the widths of the layers. */
  static String units(int[] hidden, ActivationFunction f) {
    String kind = " " + f.cliName() + " unit";
    if (hidden.length == 1) {
      return hidden[0] + kind + (hidden[0] == 1 ? "" : "s");
    }
    StringBuilder sb = new StringBuilder("layers of ");
    for (int k = 0; k < hidden.length; k++) {
      sb.append(k == 0 ? "" : k == hidden.length - 1 ? " and " : ", ").append(hidden[k]);
    }
    return sb.append(kind).append('s').toString();
  }

  /** A share as a percentage with one decimal. */
  static String pct(double v) {
    return Fmt.percent(v).replace(" %", "%");
  }
}
