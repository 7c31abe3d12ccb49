package logitlab.report;

import java.util.ArrayList;
import java.util.List;
import logitlab.model.Fmt;
import logitlab.nn.Evidence;
import logitlab.nn.Init;
import logitlab.nn.Vanishing;
import logitlab.nn.VanishingOptions;
import logitlab.report.outline.Sink;
import logitlab.report.outline.Table;

/**
 * The output of {@code logitlab vanishing}: the gradient by layer, as outline (with the figure
 * {@code plot.NnPlots} draws), CSV and JSON.
 */
public final class VanishingReport {
  private VanishingReport() {}

  /** Writes the outline; {@code plot} is the figure to show, or null. */
  public static void outline(Vanishing.Result r, Sink s, Figure plot) {
    VanishingOptions o = r.options();
    String f = o.activation().cliName();
    s.title("logitlab vanishing: " + f + ", " + o.depth() + " hidden layer" + (o.depth() == 1 ? "" : "s") + " of "
        + o.width() + " units");
    s.facts(List.of(
        new Sink.Fact("net", o.width() + " inputs, " + o.depth() + " x " + o.width() + " " + f + " units, 1 sigmoid "
            + "output; mean cross-entropy loss"),
        new Sink.Fact("init", init(r.init()) + ", biases 0"),
        new Sink.Fact("batch", o.batch() + " rows, x ~ N(0, I), y ~ Bernoulli(1/2), seed " + o.seed()),
        new Sink.Fact("loss", Fmt.sig(r.loss(), 5) + " at the initial weights")));
    s.heading("Gradient by layer (layer 1 is next to the input)");
    Table.Builder t = Table.of("layers", "layer", "units", "weight sd", "gradient norm", "ratio", "saturated",
        "mean f'");
    List<Vanishing.Layer> ls = r.layers();
    for (int k = 0; k < ls.size(); k++) {
      Vanishing.Layer l = ls.get(k);
      boolean output = k == ls.size() - 1;
      String ratio = output ? "" : Fmt.sig(l.gradientNorm() / ls.get(k + 1).gradientNorm(), 3);
      t.row(l.layer() + (output ? " (output)" : ""), Integer.toString(l.fanOut()), Fmt.sig(l.weightSd(), 3),
          Fmt.sig(l.gradientNorm(), 4), ratio, Claims.pct(l.saturatedFraction()), Fmt.sig(l.meanDerivative(), 3));
    }
    s.table(t.build());
    s.paragraph("gradient norm: ||dJ/dW|| of the layer's weights (Frobenius). ratio: the gradient norm over the "
        + "next layer's, by how much the gradient changes on its way one layer back. saturated: the share of the "
        + "layer's outputs on the batch with f'(z) < 0.01"
        + (o.activation() == logitlab.model.ActivationFunction.RELU ? " (for relu: the inactive ones, z < 0, where "
            + "f' = 0)" : "") + "; the output row is the sigmoid output's.");
    if (Double.isFinite(r.factorPerLayer())) {
      s.paragraph("Across the hidden layers the norm changes by a factor of " + Fmt.sig(r.factorPerLayer(), 3)
          + " per layer towards the input (geometric mean), from " + Fmt.sig(ls.get(o.depth() - 1).gradientNorm(), 3)
          + " at layer " + o.depth() + " to " + Fmt.sig(ls.get(0).gradientNorm(), 3) + " at layer 1.");
    }
    Claims.section(s, r.claim() == null ? List.of() : List.of(r.claim()));
    if (plot != null) {
      s.figure(plot);
    }
  }

  /** The initialisation in words: {@code xavier (sd sqrt(2/(fan-in + fan-out)))}. */
  static String init(Init i) {
    return switch (i.kind()) {
      case XAVIER -> "xavier (normal, sd sqrt(2/(fan-in + fan-out)))";
      case HE -> "he (normal, sd sqrt(2/fan-in))";
      case NORMAL -> "normal, sd " + Fmt.sig(i.sd(), 4);
      case AUTO -> "auto";
    };
  }

  /** The CSV: one row per layer. */
  public static String csv(Vanishing.Result r) {
    StringBuilder sb = new StringBuilder(Csv.line("layer", "fanIn", "units", "weightSd", "gradientNorm",
        "saturatedFraction", "meanDerivative"));
    for (Vanishing.Layer l : r.layers()) {
      sb.append(Csv.line(Csv.number(l.layer()), Csv.number(l.fanIn()), Csv.number(l.fanOut()),
          Csv.number(l.weightSd()), Csv.number(l.gradientNorm()), Csv.number(l.saturatedFraction()),
          Csv.number(l.meanDerivative())));
    }
    return sb.toString();
  }

  /** The JSON document; the schema is in the README. */
  public static String json(Vanishing.Result r) {
    VanishingOptions o = r.options();
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("activation", o.activation().cliName());
      g.writeNumberField("depth", o.depth());
      g.writeNumberField("width", o.width());
      g.writeStringField("init", r.init().cliName());
      g.writeNumberField("batch", o.batch());
      g.writeNumberField("seed", o.seed());
      if (o.activation() == logitlab.model.ActivationFunction.LEAKY_RELU) {
        g.writeNumberField("slope", o.slope());
      }
      Json.number(g, "loss", r.loss());
      Json.number(g, "factorPerLayer", r.factorPerLayer());
      g.writeArrayFieldStart("layers");
      for (Vanishing.Layer l : r.layers()) {
        g.writeStartObject();
        g.writeNumberField("layer", l.layer());
        g.writeBooleanField("output", l.layer() == o.depth() + 1);
        g.writeNumberField("fanIn", l.fanIn());
        g.writeNumberField("units", l.fanOut());
        Json.number(g, "weightSd", l.weightSd());
        Json.number(g, "gradientNorm", l.gradientNorm());
        Json.number(g, "saturatedFraction", l.saturatedFraction());
        Json.number(g, "meanDerivative", l.meanDerivative());
        g.writeEndObject();
      }
      g.writeEndArray();
      List<Evidence> claims = new ArrayList<>();
      if (r.claim() != null) {
        claims.add(r.claim());
      }
      Claims.json(g, claims);
      g.writeEndObject();
    });
  }
}
