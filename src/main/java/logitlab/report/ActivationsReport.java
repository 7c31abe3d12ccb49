package logitlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.util.ArrayList;
import java.util.List;
import logitlab.model.ActivationFunction;
import logitlab.model.ActivationFunction.Properties;
import logitlab.model.Fmt;
import logitlab.nn.ActivationCurves;
import logitlab.report.outline.Sink;
import logitlab.report.outline.Table;

/**
 * The output of {@code logitlab activations}: the properties table, the tanh identity, the values
 * and derivatives on the grid, and the figure of their plot ({@code plot.NnPlots}); as an outline
 * (text, Markdown, HTML), CSV or JSON.
 */
public final class ActivationsReport {
  private ActivationsReport() {}

  /** Writes the outline; {@code plot} is the figure to show, or null. */
  public static void outline(ActivationCurves c, Sink s, Figure plot) {
    s.title("logitlab activations: " + String.join(", ", c.curves().stream().map(k -> k.function().cliName())
        .toList()));
    s.facts(List.of(
        new Sink.Fact("grid", "x from " + Fmt.sig(c.from(), 6) + " to " + Fmt.sig(c.x()[c.x().length - 1], 6)
            + " by " + Fmt.sig(c.step(), 6) + " (" + c.x().length + " points)"),
        new Sink.Fact("slope", Fmt.sig(c.slope(), 6) + " (leaky-relu's f(x) = slope x for x < 0)")));
    s.heading("Properties");
    Table.Builder t = Table.of("properties", "function", "range", "centred", "max f'", "saturates where",
        "exp").text(1, 2, 4, 5);
    for (ActivationCurves.Curve k : c.curves()) {
      Properties p = k.properties();
      t.row(k.function().cliName(), range(p), p.zeroCentred() ? "yes" : "no (" + Fmt.sig(p.meanOutput(), 3) + ")",
          Fmt.sig(p.maxDerivative(), 4), saturation(k.function(), p, c.slope()), p.needsExp() ? "yes" : "no");
    }
    s.table(t.build());
    s.paragraph("centred: whether the outputs are centred on zero, i.e. the mean output E f(Z) for a standard "
        + "normal input Z (in brackets) is 0. max f': the largest derivative. saturates where: f'(x) < 0.01 there, "
        + "so that a gradient passing back through the unit all but stops. exp: whether f needs an exponential.");
    List<String> notes = notes(c);
    if (!notes.isEmpty()) {
      s.list(notes);
    }
    s.heading("tanh(x) = 2 sigma(2x) - 1");
    s.paragraph("Largest |tanh(x) - (2 sigma(2x) - 1)| on the grid: " + Fmt.sig(c.tanhIdentityError(), 2)
        + (c.tanhIdentityError() < 1e-14 ? ", rounding error only: the identity holds. tanh is a sigmoid "
            + "stretched to (-1, 1) and made twice as steep, so it is centred on zero." : "."));
    s.heading("Values f(x)");
    s.table(grid(c, "values", false));
    s.heading("Derivatives f'(x)");
    s.table(grid(c, "derivatives", true));
    if (plot != null) {
      s.figure(plot);
    }
  }

  /** One sentence per function on what its numbers mean for training. */
  private static List<String> notes(ActivationCurves c) {
    List<String> out = new ArrayList<>();
    for (ActivationCurves.Curve k : c.curves()) {
      Properties p = k.properties();
      switch (k.function()) {
        case SIGMOID -> out.add("sigmoid: f' is at most " + Fmt.sig(p.maxDerivative(), 3) + ", so each sigmoid "
            + "layer multiplies a gradient passing back by at most 0.25 (claim 5: vanishing gradient); its outputs "
            + "are all positive, with mean " + Fmt.sig(p.meanOutput(), 3) + " (not centred).");
        case TANH -> out.add("tanh: centred on zero with f' up to 1, four times the sigmoid's (claim 6), but f' < "
            + "0.01 for |x| > " + Fmt.sig(p.saturatesAbove(), 4) + ": it still saturates.");
        case RELU -> out.add("relu: f' = 1 for every x > 0 (no saturation there) and 0 for x < 0, with no "
            + "exponential (claim 7); a unit with x < 0 on every input passes no gradient: it is dead.");
        case LEAKY_RELU -> out.add("leaky-relu: f' = " + Fmt.sig(c.slope(), 3) + " for x < 0 instead of 0, so a "
            + "unit never stops learning altogether (claim 7).");
        case IDENTITY -> out.add("identity: layers of it compose to one linear map (claim 1).");
        case STEP -> out.add("step: the perceptron's; f' = 0 wherever it is defined, so no gradient passes: "
            + "it cannot be trained by gradient descent.");
        default -> { }
      }
    }
    return out;
  }

  private static Table grid(ActivationCurves c, String id, boolean derivative) {
    List<String> header = new ArrayList<>();
    header.add("x");
    for (ActivationCurves.Curve k : c.curves()) {
      header.add(k.function().cliName() + (derivative ? "'" : ""));
    }
    Table.Builder t = Table.of(id, header.toArray(new String[0]));
    double[] x = c.x();
    List<double[]> cols = new ArrayList<>();
    for (ActivationCurves.Curve k : c.curves()) {
      cols.add(derivative ? k.derivative() : k.value());
    }
    for (int i = 0; i < x.length; i++) {
      List<String> row = new ArrayList<>();
      row.add(Fmt.sig(x[i], 6));
      for (double[] v : cols) {
        row.add(Fmt.sig(v[i], 4));
      }
      t.row(row);
    }
    return t.build();
  }

  /** The range in interval notation: {@code (0, 1)}, {@code [0, inf)}, {@code {0, 1}}. */
  static String range(Properties p) {
    if (p.twoValued()) {
      return "{" + Fmt.sig(p.low(), 4) + ", " + Fmt.sig(p.high(), 4) + "}";
    }
    return (p.lowAttained() ? "[" : "(") + bound(p.low()) + ", " + bound(p.high()) + (p.highAttained() ? "]" : ")");
  }

  private static String bound(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Fmt.sig(v, 4);
  }

  /** Where f'(x) &lt; 0.01: {@code |x| > 4.595}, {@code x < 0 (f' = 0)}, {@code never}. */
  static String saturation(ActivationFunction f, Properties p, double slope) {
    double lo = p.saturatesBelow();
    double hi = p.saturatesAbove();
    if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
      return "never";
    }
    if (lo == hi) {
      return "everywhere (f' = 0)";
    }
    if (!Double.isInfinite(lo) && !Double.isInfinite(hi) && lo == -hi) {
      return "|x| > " + Fmt.sig(hi, 4);
    }
    if (!Double.isInfinite(lo)) {
      double d = f.derivative(lo - 1, slope);
      return "x < " + Fmt.sig(lo, 4) + (d == 0 ? " (f' = 0)" : " (f' = " + Fmt.sig(d, 3) + ")");
    }
    return "x > " + Fmt.sig(hi, 4);
  }

  /** The CSV: one row per function and grid point. */
  public static String csv(ActivationCurves c) {
    StringBuilder sb = new StringBuilder(Csv.line("function", "x", "value", "derivative"));
    double[] x = c.x();
    for (ActivationCurves.Curve k : c.curves()) {
      double[] v = k.value();
      double[] d = k.derivative();
      for (int i = 0; i < x.length; i++) {
        sb.append(Csv.line(Csv.text(k.function().cliName()), Csv.number(x[i]), Csv.number(v[i]), Csv.number(d[i])));
      }
    }
    return sb.toString();
  }

  /** The JSON document; the schema is in the README. */
  public static String json(ActivationCurves c) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("grid");
      g.writeNumberField("from", c.from());
      g.writeNumberField("to", c.to());
      g.writeNumberField("step", c.step());
      g.writeNumberField("points", c.x().length);
      g.writeEndObject();
      g.writeNumberField("slope", c.slope());
      g.writeArrayFieldStart("functions");
      for (ActivationCurves.Curve k : c.curves()) {
        function(g, c, k);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("tanhIdentity");
      g.writeStringField("identity", "tanh(x) = 2 sigmoid(2x) - 1");
      g.writeNumberField("maxError", c.tanhIdentityError());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private static void function(JsonGenerator g, ActivationCurves c, ActivationCurves.Curve k)
      throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("name", k.function().cliName());
    g.writeArrayFieldStart("points");
    double[] x = c.x();
    double[] v = k.value();
    double[] d = k.derivative();
    for (int i = 0; i < x.length; i++) {
      g.writeStartObject();
      g.writeNumberField("x", x[i]);
      Json.number(g, "value", v[i]);
      Json.number(g, "derivative", d[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    Properties p = k.properties();
    g.writeObjectFieldStart("properties");
    g.writeStringField("range", range(p));
    Json.number(g, "low", p.low());
    Json.number(g, "high", p.high());
    g.writeBooleanField("zeroCentred", p.zeroCentred());
    g.writeNumberField("meanOutput", p.meanOutput());
    g.writeNumberField("maxDerivative", p.maxDerivative());
    g.writeStringField("saturates", saturation(k.function(), p, c.slope()));
    Json.number(g, "saturatesBelow", p.saturatesBelow());
    Json.number(g, "saturatesAbove", p.saturatesAbove());
    g.writeBooleanField("needsExp", p.needsExp());
    g.writeEndObject();
    g.writeEndObject();
  }
}
