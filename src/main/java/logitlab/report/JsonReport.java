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
import logitlab.model.Alias;
import logitlab.model.Classification;
import logitlab.model.Coefficient;
import logitlab.model.Interval;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.NeuronFit;
import logitlab.model.OutOfRange;
import logitlab.model.Prediction;
import logitlab.model.Separation;

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
    count("events", c.input().events());
    count("total", c.input().total());
    if (c.input().weightsColumn() != null) {
      g.writeStringField("weights", c.input().weightsColumn());
    }
    if (c.input().trialsColumn() != null) {
      g.writeStringField("trials", c.input().trialsColumn());
    }
    g.writeEndObject();
    linear(c.linear());
    logistic("logistic", c.logistic());
    if (c.firth() != null) {
      logistic("firth", c.firth());
    }
    neuron(c);
    classification(c.classification());
    predictions(c.predictions());
    List<DiagnosticText.Coded> all = new ArrayList<>();
    Prose.codedDataWarnings(c.input()).forEach(w -> all.add(new DiagnosticText.Coded(w.code(), "data: " + w.text())
        .in("data")));
    Prose.codedFitWarnings(c.logistic()).forEach(w -> all.add(w.in("logistic")));
    if (c.firth() != null) {
      Prose.codedFitWarnings(c.firth()).forEach(w -> all.add(new DiagnosticText.Coded(w.code(), "firth: " + w.text())
          .in("firth")));
    }
    NeuronAdvice.coded(c).forEach(w -> all.add(w.in("neuron")));
    for (Map.Entry<String, List<String>> e : nulled.entrySet()) {
      List<String> names = e.getValue();
      all.add(new DiagnosticText.Coded("json.null", e.getKey() + ": " + String.join(", ", names)
          + (names.size() == 1 ? " is" : " are") + " written as null: " + nullReason.get(e.getKey())));
    }
    warnings(all);
    g.writeEndObject();
  }

  /** A {@code warnings} array of sentences and, parallel to it, the {@code warningCodes} array. */
  private void warnings(List<DiagnosticText.Coded> coded) throws IOException {
    strings("warnings", DiagnosticText.texts(coded));
    strings("warningCodes", DiagnosticText.codes(coded));
  }

  private void strings(String key, List<String> values) throws IOException {
    g.writeArrayFieldStart(key);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void input(InputSummary in) throws IOException {
    g.writeObjectFieldStart("input");
    g.writeStringField("file", in.file());
    if (in.engine() != null) {
      g.writeStringField("engine", in.engine());
    }
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

  /** Extra fields of coefficient j, written after the common ones. */
  private interface Extra {
    void write(int j, String at, String why) throws IOException;
  }

  private void coefficients(String path, List<Coefficient> coefs) throws IOException {
    coefficients(path, coefs, null);
  }

  private void coefficients(String path, List<Coefficient> coefs, Extra extra) throws IOException {
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
      if (extra != null) {
        extra.write(j, at, c.isAliased() ? why
            : "an infinite interval end (the likelihood does not fall far enough on that side)");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void linear(LinearProbabilityFit f) throws IOException {
    g.writeObjectFieldStart("linear");
    List<Coefficient> robust = f.robust();
    coefficients("linear", f.coefficients(), robust.isEmpty() ? null : (j, at, why) -> {
      Coefficient r = robust.get(j);
      number("robustStdError", r.stdError(), at, why);
      number("robustStatistic", r.statistic(), at, why);
      number("robustP", r.p(), at, why);
    });
    if (f.robustType() != null) {
      g.writeStringField("robustType", f.robustType());
    }
    number("rSquared", f.rSquared(), "linear", "the outcome is constant");
    number("adjRSquared", f.adjRSquared(), "linear", "there are no residual degrees of freedom");
    number("sigma", f.sigma(), "linear", "there are no residual degrees of freedom");
    g.writeObjectFieldStart("fTest");
    number("statistic", f.fTest().statistic(), "linear.fTest", "the model has only an intercept");
    g.writeNumberField("df1", f.fTest().df1());
    g.writeNumberField("df2", f.fTest().df2());
    number("p", f.fTest().p(), "linear.fTest", "the model has only an intercept");
    g.writeEndObject();
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

  private void logistic(String name, LogisticFit f) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("method", switch (f.method()) {
      case MAXIMUM_LIKELIHOOD -> "maximum likelihood (IRLS)";
      case FIRTH -> "Firth penalised likelihood";
    });
    List<Interval> iv = f.intervals();
    coefficients(name, f.coefficients(), (j, at, why) -> {
      Interval ci = iv.get(j);
      Interval or = ci.exp();
      String ciWhy = f.coefficients().get(j).isAliased() ? why : Prose.intervalNullReason(ci);
      number("ciLow", ci.low(), at, ciWhy);
      number("ciHigh", ci.high(), at, ciWhy);
      if (!ci.lowEnd().finite()) {
        g.writeStringField("ciLowKind", Prose.endKind(ci.lowEnd()));
      }
      if (!ci.highEnd().finite()) {
        g.writeStringField("ciHighKind", Prose.endKind(ci.highEnd()));
      }
      number("oddsRatio", f.oddsRatio(j), at, why);
      number("oddsRatioLow", or.low(), at, why);
      number("oddsRatioHigh", or.high(), at, why);
    });
    g.writeStringField("ciMethod", f.ciMethod());
    g.writeNumberField("conf", f.conf());
    String why = "it is not a finite number";
    number("nullDeviance", f.nullDeviance(), name, why);
    number("deviance", f.deviance(), name, why);
    g.writeNumberField("dfNull", f.dfNull());
    g.writeNumberField("dfResidual", f.dfResidual());
    number("aic", f.aic(), name, why);
    number("bic", f.bic(), name, why);
    number("logLik", f.logLik(), name, why);
    number("pseudoR2", f.pseudoR2(), name, why);
    g.writeObjectFieldStart("lrTest");
    number("statistic", f.lrTest().statistic(), name + ".lrTest", why);
    g.writeNumberField("df", f.lrTest().df());
    number("p", f.lrTest().p(), name + ".lrTest", "the model has only an intercept");
    g.writeEndObject();
    g.writeNumberField("rank", f.rank());
    g.writeNumberField("iterations", f.iterations());
    g.writeBooleanField("converged", f.converged());
    g.writeArrayFieldStart("aliased");
    for (Alias a : f.aliased()) {
      g.writeStartObject();
      g.writeStringField("term", a.term());
      g.writeArrayFieldStart("collinearWith");
      for (String t : a.collinearWith()) {
        g.writeString(t);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    Separation sep = f.separation();
    g.writeObjectFieldStart("separation");
    g.writeBooleanField("detected", sep.detected());
    g.writeStringField("kind", sep.kind().jsonName());
    g.writeArrayFieldStart("terms");
    for (Separation.Term t : sep.terms()) {
      g.writeStartObject();
      g.writeStringField("term", t.term());
      g.writeStringField("direction", t.direction());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("marginalEffects");
    for (int k = 0; k < f.marginalEffects().size(); k++) {
      MarginalEffect m = f.marginalEffects().get(k);
      String at = name + ".marginalEffects[" + k + "] (" + m.term() + ")";
      String mwhy = Double.isNaN(m.estimate()) ? "the term is aliased" : why;
      g.writeStartObject();
      g.writeStringField("term", m.term());
      number("estimate", m.estimate(), at, mwhy);
      number("stdError", m.stdError(), at, mwhy);
      g.writeStringField("kind", m.kind().jsonName());
      if (m.kind() == MarginalEffect.Kind.DISCRETE_CHANGE) {
        g.writeStringField("column", m.column());
        g.writeStringField("level", m.level());
        g.writeStringField("reference", m.reference());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    warnings(Prose.codedFitWarnings(f));
    g.writeEndObject();
  }

  private void classification(Comparison.Classifications cs) throws IOException {
    g.writeObjectFieldStart("classification");
    String[] names = {"linear", "logistic", "neuron"};
    Classification[] all = {cs.linear(), cs.logistic(), cs.neuron()};
    for (int k = 0; k < 3; k++) {
      Classification c = all[k];
      String at = "classification." + names[k];
      g.writeObjectFieldStart(names[k]);
      number("logLoss", c.logLoss(), at, "it is not a finite number");
      number("brier", c.brier(), at, "it is not a finite number");
      number("auc", c.auc(), at, "only one outcome class");
      number("accuracy", c.accuracy(), at, "it is not a finite number");
      g.writeNumberField("threshold", c.threshold());
      g.writeObjectFieldStart("confusion");
      count("tp", c.tp());
      count("fp", c.fp());
      count("tn", c.tn());
      count("fn", c.fn());
      g.writeEndObject();
      g.writeNumberField("clipped", c.clipped());
      g.writeEndObject();
    }
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
    g.writeStringField("stopReason", n.stopReason().jsonName());
    number("learningRate", n.learningRate(), "neuron", why);
    number("gradientNorm", n.gradientNorm(), "neuron", why);
    number("maxDiffFromLogistic", c.neuronMaxDiffFromLogistic(), "neuron", why);
    NeuronFit.Settings s = n.settings();
    g.writeStringField("optimizer", s.optimizer());
    g.writeNumberField("batchSize", s.batchSize() > 0 ? Math.min(s.batchSize(), c.input().rowsUsed())
        : c.input().rowsUsed());
    g.writeStringField("lossFunction", s.lossFunction().cliName());
    g.writeStringField("activation", s.activation().cliName());
    g.writeNumberField("logitScale", s.activation().logitScale());
    g.writeBooleanField("standardized", s.standardized());
    g.writeStringField("init", s.init());
    if (s.seedUsed()) {
      g.writeNumberField("seed", s.seed());
    } else {
      g.writeNullField("seed");
    }
    g.writeNumberField("maxEpochs", s.maxEpochs());
    g.writeNumberField("tolerance", s.tolerance());
    g.writeObjectFieldStart("epochsTo");
    for (NeuronFit.Milestone m : n.epochsTo()) {
      if (m.reached()) {
        g.writeNumberField(m.label(), m.epoch());
      } else {
        g.writeNullField(m.label());
      }
    }
    g.writeEndObject();
    g.writeNumberField("historyEvery", n.historyEvery());
    g.writeArrayFieldStart("history");
    for (NeuronFit.Snapshot h : n.history()) {
      g.writeStartObject();
      g.writeNumberField("epoch", h.epoch());
      g.writeNumberField("loss", h.loss());
      g.writeArrayFieldStart("weights");
      for (double v : h.weights()) {
        if (Double.isFinite(v)) {
          g.writeNumber(v);
        } else {
          g.writeNull(); // a term left out, as in "coefficients"
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    List<DiagnosticText.Coded> notes = NeuronAdvice.codedNotes(n);
    strings("notes", DiagnosticText.texts(notes));
    strings("noteCodes", DiagnosticText.codes(notes));
    warnings(NeuronAdvice.coded(c));
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

  /** Writes a count: as an integer when it is one (weighted counts may be fractional). */
  private void count(String name, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumberField(name, (long) v);
    } else {
      g.writeNumberField(name, v);
    }
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
