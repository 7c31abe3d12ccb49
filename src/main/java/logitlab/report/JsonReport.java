package logitlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import logitlab.model.OutOfRange;
import logitlab.model.Prediction;

/**
 * The {@code --format json} output: one strict (RFC 8259) JSON object. A number that is not finite
 * (an aliased term's estimate, an undefined standard error) is written as {@code null}, and the
 * top-level {@code warnings} array says which and why. The schema is documented in the README.
 */
public final class JsonReport {
  private final JsonGenerator g;
  /** Nulled numbers: "path" to the names written as null there, and why. */
  private final Map<String, List<String>> nulled = new LinkedHashMap<>();
  private final Map<String, String> nullReason = new LinkedHashMap<>();

  private JsonReport(JsonGenerator g) {
    this.g = g;
  }

  public static String render(Comparison c) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pp);
      new JsonReport(g).write(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }

  private void write(Comparison c) throws IOException {
    g.writeStartObject();
    input(c.input());
    g.writeObjectFieldStart("outcome");
    g.writeStringField("column", c.input().outcome());
    g.writeStringField("event", c.input().event());
    g.writeStringField("nonEvent", c.input().nonEvent());
    g.writeNumberField("events", c.input().events());
    g.writeEndObject();
    linear(c.linear());
    logistic(c.logistic());
    neuron(c);
    predictions(c.predictions());
    List<String> all = new ArrayList<>(c.logistic().warnings());
    all.addAll(c.neuron().warnings());
    for (Map.Entry<String, List<String>> e : nulled.entrySet()) {
      List<String> names = e.getValue();
      all.add(e.getKey() + ": " + String.join(", ", names) + (names.size() == 1 ? " is" : " are")
          + " written as null: " + nullReason.get(e.getKey()));
    }
    g.writeArrayFieldStart("warnings");
    for (String w : all) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void input(InputSummary in) throws IOException {
    g.writeObjectFieldStart("input");
    g.writeStringField("file", in.file());
    g.writeNumberField("rowsRead", in.rowsRead());
    g.writeNumberField("rowsUsed", in.rowsUsed());
    g.writeNumberField("rowsDropped", in.rowsDropped());
    g.writeObjectFieldStart("droppedByColumn");
    for (Map.Entry<String, Integer> e : in.droppedByColumn().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("predictors");
    for (String p : in.predictors()) {
      g.writeString(p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void coefficients(String path, List<Coefficient> coefs) throws IOException {
    g.writeArrayFieldStart("coefficients");
    for (int j = 0; j < coefs.size(); j++) {
      Coefficient c = coefs.get(j);
      String at = path + ".coefficients[" + j + "] (" + c.term() + ")";
      String why = c.isAliased() ? "the term is aliased (collinear with other columns), as R's NA"
          : "it is not a finite number";
      g.writeStartObject();
      g.writeStringField("term", c.term());
      number("estimate", c.estimate(), at, why);
      number("stdError", c.stdError(), at, why);
      number("statistic", c.statistic(), at, why);
      number("p", c.p(), at, why);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void linear(LinearProbabilityFit f) throws IOException {
    g.writeObjectFieldStart("linear");
    coefficients("linear", f.coefficients());
    number("rSquared", f.rSquared(), "linear", "the outcome is constant");
    number("sigma", f.sigma(), "linear", "there are no residual degrees of freedom");
    g.writeNumberField("rank", f.rank());
    g.writeNumberField("dfResidual", f.dfResidual());
    OutOfRange r = f.outOfRange();
    g.writeObjectFieldStart("outOfRange");
    g.writeNumberField("count", r.count());
    g.writeNumberField("below", r.below());
    g.writeNumberField("above", r.above());
    number("min", r.min(), "linear.outOfRange", "it is not a finite number");
    number("max", r.max(), "linear.outOfRange", "it is not a finite number");
    g.writeArrayFieldStart("lines");
    for (int l : r.lines()) {
      g.writeNumber(l);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void logistic(LogisticFit f) throws IOException {
    g.writeObjectFieldStart("logistic");
    coefficients("logistic", f.coefficients());
    String why = "it is not a finite number";
    number("nullDeviance", f.nullDeviance(), "logistic", why);
    number("deviance", f.deviance(), "logistic", why);
    g.writeNumberField("dfNull", f.dfNull());
    g.writeNumberField("dfResidual", f.dfResidual());
    number("aic", f.aic(), "logistic", why);
    number("logLik", f.logLik(), "logistic", why);
    g.writeNumberField("rank", f.rank());
    g.writeNumberField("iterations", f.iterations());
    g.writeBooleanField("converged", f.converged());
    g.writeArrayFieldStart("warnings");
    for (String w : f.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void neuron(Comparison c) throws IOException {
    NeuronFit n = c.neuron();
    g.writeObjectFieldStart("neuron");
    g.writeArrayFieldStart("coefficients");
    double[] w = n.weights();
    for (int j = 0; j < w.length; j++) {
      g.writeStartObject();
      g.writeStringField("term", n.terms().get(j));
      number("estimate", w[j], "neuron.coefficients[" + j + "] (" + n.terms().get(j) + ")",
          "the term is aliased in the GLM and was left out of the neuron");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("epochs", n.epochs());
    String why = "it is not a finite number";
    number("loss", n.loss(), "neuron", why);
    g.writeBooleanField("converged", n.converged());
    g.writeStringField("stopReason", n.stopReason());
    number("learningRate", n.learningRate(), "neuron", why);
    number("gradientNorm", n.gradientNorm(), "neuron", why);
    number("maxDiffFromLogistic", c.neuronMaxDiffFromLogistic(), "neuron", why);
    g.writeArrayFieldStart("warnings");
    for (String s : n.warnings()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void predictions(List<Prediction> ps) throws IOException {
    g.writeArrayFieldStart("predictions");
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      g.writeStartObject();
      g.writeObjectFieldStart("at");
      for (Map.Entry<String, String> e : p.at().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("defaulted");
      for (String d : p.defaulted()) {
        g.writeString(d);
      }
      g.writeEndArray();
      String at = "predictions[" + i + "]";
      number("linear", p.linear(), at, "it is not a finite number");
      g.writeBooleanField("linearOutOfRange", p.linearOutOfRange());
      number("logistic", p.logistic(), at, "it is not a finite number");
      number("neuron", p.neuron(), at, "it is not a finite number");
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes a number, or null with a warning when it is NaN or infinite. */
  private void number(String name, double v, String path, String why) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
      nulled.computeIfAbsent(path, k -> new ArrayList<>()).add(name);
      nullReason.putIfAbsent(path, why);
    }
  }
}
