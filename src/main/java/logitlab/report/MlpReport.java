package logitlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import logitlab.data.DesignMatrix;
import logitlab.model.ActivationFunction;
import logitlab.model.Fmt;
import logitlab.nn.Mlp;
import logitlab.nn.MlpOptions;
import logitlab.nn.MlpRun;
import logitlab.nn.MlpTrainer;
import logitlab.report.outline.Sink;
import logitlab.report.outline.Table;

/**
 * The output of {@code logitlab mlp}: the runs beside the logistic GLM on the same training rows,
 * the claims they bear on, the warnings; as an outline (text, Markdown, HTML), CSV or JSON. The
 * plots are {@code plot.MlpPlots}.
 */
public final class MlpReport {
  private MlpReport() {}

  /** Writes the outline with the given figures (possibly none). */
  public static void outline(Mlp.Result r, Sink s, List<Figure> figures) {
    s.title("logitlab mlp: " + source(r) + (r.sweep() == null ? "" : ", sweep of " + r.sweep().parameter().cliName()));
    s.facts(facts(r));
    s.warnings(warnings(r));
    if (r.sweep() == null) {
      single(r, s);
    } else {
      sweep(r, s);
    }
    Claims.section(s, r.claims());
    if (!figures.isEmpty()) {
      s.heading(figures.size() == 1 ? "Plot" : "Plots");
      figures.forEach(s::figure);
    }
  }

  private static String source(Mlp.Result r) {
    return r.dataset() != null ? r.dataset() : r.data().file();
  }

  private static List<Sink.Fact> facts(Mlp.Result r) {
    MlpOptions o = r.options();
    DesignMatrix d = r.data();
    List<Sink.Fact> f = new ArrayList<>();
    String rows = d.n() + " rows: " + r.trainRows() + " to train, " + (r.testRows() == 0
        ? "none held out (--test-fraction 0)"
        : r.testRows() + " to test (--test-fraction " + Fmt.sig(o.testFraction(), 3)
            + ", seed " + o.seed() + ")");
    if (r.dataset() != null) {
      f.add(new Sink.Fact("data", "built-in " + r.dataset() + ", noise " + Fmt.sig(r.noise(), 3) + ", seed " + o.seed()
          + "; " + rows));
    } else {
      f.add(new Sink.Fact("data", d.file() + "; " + rows));
    }
    List<String> inputs = d.terms().subList(1, d.terms().size());
    f.add(new Sink.Fact("model", d.outcome().column() + " (event " + d.outcome().event() + ") ~ "
        + (inputs.isEmpty() ? "1" : String.join(" + ", inputs))));
    f.add(new Sink.Fact("net", inputs.size() + " input" + (inputs.size() == 1 ? "" : "s") + " (standardised), "
        + (r.sweep() != null && r.sweep().parameter() == Mlp.Parameter.HIDDEN ? "hidden units swept"
            : hidden(o.hidden(), r.sweep() != null && r.sweep().parameter() != Mlp.Parameter.HIDDEN ? null
                : o.activation())) + ", 1 sigmoid output; loss: mean cross-entropy"
        + (o.l2() > 0 ? " + (" + Fmt.sig(o.l2(), 3) + "/2) ||W||^2" : "")));
    f.add(new Sink.Fact("training", training(r)));
    return f;
  }

  /** "hidden 8,8 relu" or "no hidden layer"; the activation left out when null. */
  static String hidden(int[] h, ActivationFunction f) {
    if (h.length == 0) {
      return "no hidden layer";
    }
    StringBuilder sb = new StringBuilder("hidden ");
    for (int k = 0; k < h.length; k++) {
      sb.append(k == 0 ? "" : ",").append(h[k]);
    }
    return f == null ? sb.toString() : sb.append(' ').append(f.cliName()).toString();
  }

  private static String training(Mlp.Result r) {
    MlpOptions o = r.options();
    String lr;
    if (r.sweep() != null && r.sweep().parameter() == Mlp.Parameter.LEARNING_RATE) {
      lr = "learning rate swept";
    } else if (Double.isNaN(o.learningRate())) {
      lr = "learning rate auto (" + Fmt.sig(r.runs().get(0).learningRate(), 4) + ")";
    } else {
      lr = "learning rate " + Fmt.sig(o.learningRate(), 4);
    }
    String batch = switch (o.optimizer()) {
      case MINIBATCH -> "batches of " + o.rowsPerStep() + " rows";
      case SGD -> "one row per step";
      default -> "full batch";
    };
    String init = o.init().cliName();
    if (o.init().kind() == logitlab.nn.Init.Kind.AUTO) {
      init += r.sweep() != null && r.sweep().parameter() != Mlp.Parameter.HIDDEN ? " (he for relu and leaky-relu, "
          + "xavier for the others)" : " (" + o.init().resolve(o.activation()).cliName() + ")";
    }
    return o.optimizer().cliName() + ", " + lr + ", up to " + o.epochs() + " epochs, " + batch + ", init "
        + init + ", tolerance " + Fmt.sig(o.tolerance(), 3) + ", seed " + o.seed();
  }

  /**
   * A warning: its stable code (JSON {@code warningCodes}, documented in the README's table of
   * warning codes) and its sentence.
   */
  record Warning(String code, String text) {}

  /** The warnings' sentences, in order. */
  static List<String> warnings(Mlp.Result r) {
    return coded(r).stream().map(Warning::text).toList();
  }

  /** Warnings: diverged runs, a logistic net stopped before its optimum, a GLM without optimum. */
  static List<Warning> coded(Mlp.Result r) {
    List<Warning> w = new ArrayList<>();
    for (MlpRun run : r.runs()) {
      MlpOptions o = run.options();
      String name = label(run);
      if (run.stop() == MlpRun.Stop.DIVERGED) {
        w.add(new Warning("divergence", "the run " + name + " diverged (by epoch " + run.epochs() + ") with learning rate "
            + Fmt.sig(run.learningRate(), 4) + ": the loss overflowed or grew far beyond its start. Its numbers are "
            + "those of the lowest training loss seen (epoch " + run.bestEpoch() + "); use a smaller "
            + "--learning-rate, e.g. " + Fmt.sig(run.learningRate() / 10, 3)
            + (o.optimizer() != logitlab.model.Optimizer.ADAM ? ", or --optimizer adam" : "")));
      } else if (o.hidden().length == 0 && run.stop() == MlpRun.Stop.EPOCHS && o.l2() == 0
          && (r.linear() == null || r.linear().converged())) {
        w.add(new Warning("max-epochs", "the run " + name + " (the logistic model) stopped at the epoch limit (" + o.epochs() + ") before its "
            + "gradient fell below " + Fmt.sig(o.tolerance(), 3) + ": its weights are short of the optimum; raise "
            + "--epochs"));
      }
    }
    if (r.linear() != null && !r.linear().converged()) {
      w.add(new Warning("glm-no-optimum", "the logistic GLM on the training rows has no finite optimum (the classes are separated, or IRLS did "
          + "not converge): a net without hidden layer has no optimum to reach either (its weights grow as long as "
          + "it trains), and the comparisons with the GLM are not meaningful; logitlab compare --firth gives finite "
          + "estimates"));
    }
    if (r.linear() == null) {
      w.add(new Warning("glm-not-fitted", "the logistic GLM cannot be fitted to the training rows (fewer rows than coefficients): there is no "
          + "linear baseline"));
    }
    return w;
  }

  /** A run's name: "hidden 8 relu", "no hidden layer", with the learning rate in a learning-rate sweep. */
  public static String label(MlpRun run) {
    MlpOptions o = run.options();
    return hidden(o.hidden(), o.hidden().length == 0 ? null : o.activation());
  }

  private static void single(Mlp.Result r, Sink s) {
    MlpRun run = r.runs().get(0);
    MlpOptions o = run.options();
    s.heading("Result");
    Table.Builder t = Table.of("result", "model", "train loss", "test loss", "train acc", "test acc", "epochs");
    t.row(label(run), loss(run.trainLoss()), loss(run.testLoss()), pct(run.trainAccuracy()), pct(run.testAccuracy()),
        run.epochs() + stopMark(run));
    if (r.linear() != null) {
      Mlp.Baseline b = r.linear();
      t.row("logistic GLM (IRLS)", loss(b.trainLoss()), loss(b.testLoss()), pct(b.trainAccuracy()),
          pct(b.testAccuracy()), "");
    }
    s.table(t.build());
    List<String> notes = new ArrayList<>();
    notes.add("Loss: mean cross-entropy; acc: share classified right at p = 0.5. The logistic GLM is fitted to the "
        + "same training rows: the best a linear model can do there.");
    notes.addAll(stopNotes(r));
    if (o.hidden().length > 0) {
      notes.add(units(run));
    }
    notes.add(run.epochsToTarget() >= 0 ? "The training loss first fell to " + Fmt.sig(o.targetLoss(), 3)
        + " (--target-loss) at epoch " + run.epochsToTarget() + "." : "The training loss never fell to "
        + Fmt.sig(o.targetLoss(), 3) + " (--target-loss).");
    notes.add(Double.isNaN(run.secondsPerEpoch()) ? "Time per epoch: not measured (--timing measures it; the output "
        + "then differs from run to run)." : "Time per epoch: " + Fmt.sig(run.secondsPerEpoch() * 1000, 3) + " ms.");
    for (String n : notes) {
      s.paragraph(n);
    }
    if (!run.coefficients().isEmpty()) {
      s.heading("Coefficients");
      Table.Builder c = Table.of("coefficients", "term", "net", "logistic GLM", "difference");
      double[] glm = r.linear() == null ? null : r.linear().coefficients();
      for (int j = 0; j < run.coefficients().size(); j++) {
        MlpRun.Term k = run.coefficients().get(j);
        double g = glm == null ? Double.NaN : glm[j];
        c.row(k.term(), Fmt.sig(k.estimate(), 6), Fmt.sig(g, 6), Fmt.sig(k.estimate() - g, 2));
      }
      s.table(c.build());
      s.paragraph("With no hidden layer the net is p = sigma(w'x + b), the logistic model: its weights, mapped back "
          + "from the standardised inputs to the original scale, estimate the GLM's coefficients"
          + (r.testRows() == 0 ? " (with --test-fraction 0 they are compare's)." : " on the same training rows."));
    }
  }

  /** The hidden units in a sentence: dead and inactive shares, mean output, saturation. */
  private static String units(MlpRun run) {
    ActivationFunction f = run.options().activation();
    double[] dead = run.deadFraction();
    StringBuilder sb = new StringBuilder();
    if (f == ActivationFunction.RELU || f == ActivationFunction.LEAKY_RELU) {
      double[] inactive = run.inactiveFraction();
      sb.append("Dead units (output 0 and no gradient on every training row) per hidden layer: ")
          .append(perLayer(dead));
      if (f == ActivationFunction.LEAKY_RELU) {
        sb.append(" (leaky units cannot die: f' >= ").append(Fmt.sig(run.options().slope(), 3)).append("); units with "
            + "z <= 0 on every row, learning through the slope only: ").append(perLayer(inactive));
      }
      sb.append(". ");
    } else {
      sb.append(f.cliName()).append(" units do not die (f' > 0 everywhere). ");
    }
    sb.append("Mean hidden output ").append(Fmt.sig(run.meanActivation(), 3)).append("; ")
        .append(pct(run.saturatedFraction())).append(" of the hidden outputs have f'(z) < 0.01 (saturated).");
    return sb.toString();
  }

  private static String perLayer(double[] v) {
    List<String> parts = new ArrayList<>();
    for (double x : v) {
      parts.add(pct(x));
    }
    return String.join(", ", parts);
  }

  private static void sweep(Mlp.Result r, Sink s) {
    Mlp.Sweep sw = r.sweep();
    s.heading("Sweep: " + sw.parameter().cliName() + " = " + String.join(", ", sw.values()));
    Table.Builder t;
    switch (sw.parameter()) {
      case HIDDEN -> {
        t = Table.of("sweep", "hidden", "train loss", "test loss", "train acc", "test acc", "epochs");
        for (MlpRun run : r.runs()) {
          t.row(hidden(run.options().hidden(), null).replace("hidden ", "").replace("no hidden layer", "0"),
              loss(run.trainLoss()), loss(run.testLoss()), pct(run.trainAccuracy()), pct(run.testAccuracy()),
              run.epochs() + stopMark(run));
        }
      }
      case ACTIVATION -> {
        t = Table.of("sweep", "activation", "to " + Fmt.sig(r.options().targetLoss(), 3), "train loss", "test loss",
            "mean out", "saturated", "exp/epoch", "ms/epoch");
        for (MlpRun run : r.runs()) {
          t.row(run.options().activation().cliName(), run.epochsToTarget() < 0 ? "never" : run.epochsToTarget() + "",
              loss(run.trainLoss()), loss(run.testLoss()), Fmt.sig(run.meanActivation(), 3),
              pct(run.saturatedFraction()), String.format(Locale.ROOT, "%,d", run.expPerEpoch()),
              Double.isNaN(run.secondsPerEpoch()) ? "-" : Fmt.sig(run.secondsPerEpoch() * 1000, 3));
        }
      }
      default -> {
        t = Table.of("sweep", "learning rate", "activation", "dead", "z <= 0", "train loss", "test acc", "epochs");
        for (MlpRun run : r.runs()) {
          t.row(Fmt.sig(run.learningRate(), 4), run.options().activation().cliName(), pct(run.deadOverall()),
              pct(run.inactiveOverall()), loss(run.trainLoss()), pct(run.testAccuracy()), run.epochs() + stopMark(run));
        }
        t.text(2);
      }
    }
    s.table(t.build());
    List<String> notes = new ArrayList<>();
    switch (sw.parameter()) {
      case HIDDEN -> notes.add("hidden: units in each hidden layer. Loss: mean cross-entropy.");
      case ACTIVATION -> notes.add("to " + Fmt.sig(r.options().targetLoss(), 3) + ": the first epoch whose training "
          + "loss is at most " + Fmt.sig(r.options().targetLoss(), 3) + " (--target-loss). mean out: the mean hidden "
          + "output (0 for outputs centred on zero). saturated: the share of hidden outputs with f'(z) < 0.01. "
          + "exp/epoch: exponentials the hidden layer computes per pass over the training rows. ms/epoch: "
          + (Double.isNaN(r.runs().get(0).secondsPerEpoch()) ? "with --timing (then runs differ)." : "wall time."));
      default -> notes.add("dead: units with output 0 and no gradient on every training row (relu with z <= 0 on "
          + "every row; leaky units cannot die). z <= 0: units in the negative region on every row; leaky ones "
          + "still learn through the slope.");
    }
    if (r.linear() != null) {
      Mlp.Baseline b = r.linear();
      notes.add("The logistic GLM on the same training rows: train loss " + loss(b.trainLoss()) + ", test loss "
          + loss(b.testLoss()) + ", test accuracy " + pct(b.testAccuracy()) + ".");
    }
    notes.addAll(stopNotes(r));
    notes.forEach(s::paragraph);
  }

  /** What the marks after the epochs mean, for the marks used. */
  private static List<String> stopNotes(Mlp.Result r) {
    List<String> out = new ArrayList<>();
    if (r.runs().stream().anyMatch(run -> run.stop() == MlpRun.Stop.CONVERGED)) {
      out.add("* stopped early: the gradient norm fell below the tolerance.");
    }
    if (r.runs().stream().anyMatch(run -> run.stop() == MlpRun.Stop.DIVERGED)) {
      out.add("! diverged: the numbers are those of the lowest training loss seen (see the warning).");
    }
    return out;
  }

  private static String stopMark(MlpRun run) {
    return switch (run.stop()) {
      case CONVERGED -> "*";
      case DIVERGED -> "!";
      case EPOCHS -> "";
    };
  }

  private static String loss(double v) {
    return Double.isNaN(v) ? "-" : Fmt.sig(v, 4);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : Claims.pct(v);
  }

  /** The CSV: one row per run. */
  public static String csv(Mlp.Result r) {
    StringBuilder sb = new StringBuilder(Csv.line("run", "hidden", "activation", "optimizer", "learningRate",
        "trainLoss", "testLoss", "trainAccuracy", "testAccuracy", "deadFraction", "inactiveFraction", "epochs", "stop",
        "epochsToTarget", "meanActivation", "saturatedFraction", "expPerEpoch", "secondsPerEpoch"));
    int k = 1;
    for (MlpRun run : r.runs()) {
      MlpOptions o = run.options();
      sb.append(Csv.line(Csv.number(k++), Csv.text(hidden(o.hidden(), null).replace("hidden ", "")
              .replace("no hidden layer", "0")), Csv.text(o.activation().cliName()),
          Csv.text(o.optimizer().cliName()), Csv.number(run.learningRate()), Csv.number(run.trainLoss()),
          Csv.number(run.testLoss()), Csv.number(run.trainAccuracy()), Csv.number(run.testAccuracy()),
          Csv.number(run.deadOverall()), Csv.number(run.inactiveOverall()), Csv.number(run.epochs()),
          Csv.text(run.stop().name().toLowerCase(Locale.ROOT)),
          run.epochsToTarget() < 0 ? "NA" : Csv.number(run.epochsToTarget()), Csv.number(run.meanActivation()),
          Csv.number(run.saturatedFraction()), Csv.number(run.expPerEpoch()), Csv.number(run.secondsPerEpoch())));
    }
    return sb.toString();
  }

  /**
   * The data as trained and tested on, one row per used row: the design's columns without the
   * intercept (dummies for factors), the outcome (0/1, or the proportion with trials), the prior
   * weight and {@code set} ({@code train} or {@code test}); for other tools (scripts/mlp-anchor.py).
   */
  public static String dataCsv(Mlp.Result r) {
    DesignMatrix d = r.data();
    List<String> header = new ArrayList<>(d.terms().subList(1, d.p()));
    header.add(d.outcome().column());
    header.add("weight");
    header.add("set");
    StringBuilder sb = new StringBuilder(Csv.line(header.stream().map(Csv::text).toList()));
    rows(sb, r.split().train(), "train");
    if (r.split().test() != null) {
      rows(sb, r.split().test(), "test");
    }
    return sb.toString();
  }

  private static void rows(StringBuilder sb, DesignMatrix d, String set) {
    for (int i = 0; i < d.n(); i++) {
      List<String> cells = new ArrayList<>();
      for (int j = 1; j < d.p(); j++) {
        cells.add(Csv.number(d.get(i, j)));
      }
      cells.add(Csv.number(d.y(i)));
      cells.add(Csv.number(d.weight(i)));
      cells.add(set);
      sb.append(Csv.line(cells));
    }
  }

  /** The JSON document; the schema is in the README. */
  public static String json(Mlp.Result r) {
    return Json.write(g -> {
      g.writeStartObject();
      data(g, r);
      settings(g, r);
      if (r.sweep() != null) {
        g.writeObjectFieldStart("sweep");
        g.writeStringField("parameter", r.sweep().parameter().cliName());
        g.writeArrayFieldStart("values");
        for (String v : r.sweep().values()) {
          g.writeString(v);
        }
        g.writeEndArray();
        g.writeEndObject();
      } else {
        g.writeNullField("sweep");
      }
      linear(g, r);
      g.writeArrayFieldStart("runs");
      for (MlpRun run : r.runs()) {
        run(g, run);
      }
      g.writeEndArray();
      Claims.json(g, r.claims());
      List<Warning> warnings = coded(r);
      g.writeArrayFieldStart("warnings");
      for (Warning w : warnings) {
        g.writeString(w.text());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warningCodes");
      for (Warning w : warnings) {
        g.writeString(w.code());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void data(JsonGenerator g, Mlp.Result r) throws IOException {
    DesignMatrix d = r.data();
    g.writeObjectFieldStart("data");
    g.writeStringField("source", r.dataset() != null ? "built-in" : "file");
    g.writeStringField("name", r.dataset() != null ? r.dataset() : d.file());
    if (r.dataset() != null) {
      g.writeNumberField("noise", r.noise());
    }
    g.writeNumberField("rows", d.n());
    g.writeNumberField("trainRows", r.trainRows());
    g.writeNumberField("testRows", r.testRows());
    g.writeStringField("outcome", d.outcome().column());
    g.writeStringField("event", d.outcome().event());
    g.writeArrayFieldStart("inputs");
    for (String t : d.terms().subList(1, d.terms().size())) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeNumberField("majorityShare", r.majorityShare());
    g.writeEndObject();
  }

  private static void settings(JsonGenerator g, Mlp.Result r) throws IOException {
    MlpOptions o = r.options();
    g.writeObjectFieldStart("settings");
    Json.integers(g, "hidden", o.hidden());
    g.writeStringField("activation", o.activation().cliName());
    g.writeNumberField("slope", o.slope());
    g.writeStringField("output", "sigmoid");
    g.writeStringField("optimizer", o.optimizer().cliName());
    if (Double.isNaN(o.learningRate())) {
      g.writeStringField("learningRate", "auto");
    } else {
      g.writeNumberField("learningRate", o.learningRate());
    }
    g.writeNumberField("epochs", o.epochs());
    g.writeNumberField("batchSize", o.rowsPerStep() == Integer.MAX_VALUE ? r.trainRows() : o.rowsPerStep());
    g.writeNumberField("l2", o.l2());
    g.writeNumberField("testFraction", o.testFraction());
    g.writeNumberField("seed", o.seed());
    g.writeStringField("init", o.init().cliName());
    g.writeNumberField("tolerance", o.tolerance());
    g.writeNumberField("targetLoss", o.targetLoss());
    g.writeEndObject();
  }

  private static void linear(JsonGenerator g, Mlp.Result r) throws IOException {
    Mlp.Baseline b = r.linear();
    if (b == null) {
      g.writeNullField("linear");
      return;
    }
    g.writeObjectFieldStart("linear");
    Json.number(g, "trainLoss", b.trainLoss());
    Json.number(g, "testLoss", b.testLoss());
    Json.number(g, "trainAccuracy", b.trainAccuracy());
    Json.number(g, "testAccuracy", b.testAccuracy());
    g.writeBooleanField("converged", b.converged());
    g.writeArrayFieldStart("coefficients");
    List<String> terms = r.data().terms();
    double[] c = b.coefficients();
    for (int j = 0; j < c.length; j++) {
      g.writeStartObject();
      g.writeStringField("term", terms.get(j));
      Json.number(g, "estimate", c[j]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void run(JsonGenerator g, MlpRun run) throws IOException {
    MlpOptions o = run.options();
    g.writeStartObject();
    Json.integers(g, "hidden", o.hidden());
    g.writeStringField("activation", o.activation().cliName());
    g.writeStringField("optimizer", o.optimizer().cliName());
    Json.number(g, "learningRate", run.learningRate());
    Json.number(g, "trainLoss", run.trainLoss());
    Json.number(g, "testLoss", run.testLoss());
    Json.number(g, "trainAccuracy", run.trainAccuracy());
    Json.number(g, "testAccuracy", run.testAccuracy());
    Json.numbers(g, "deadFraction", run.deadFraction());
    Json.numbers(g, "inactiveFraction", run.inactiveFraction());
    g.writeNumberField("epochs", run.epochs());
    g.writeStringField("stop", run.stop().name().toLowerCase(Locale.ROOT));
    Json.number(g, "secondsPerEpoch", run.secondsPerEpoch());
    if (run.epochsToTarget() < 0) {
      g.writeNullField("epochsToTarget");
    } else {
      g.writeNumberField("epochsToTarget", run.epochsToTarget());
    }
    Json.number(g, "meanActivation", run.meanActivation());
    Json.number(g, "saturatedFraction", run.saturatedFraction());
    g.writeNumberField("expPerEpoch", run.expPerEpoch());
    if (!run.coefficients().isEmpty()) {
      g.writeArrayFieldStart("coefficients");
      for (MlpRun.Term t : run.coefficients()) {
        g.writeStartObject();
        g.writeStringField("term", t.term());
        Json.number(g, "estimate", t.estimate());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The automatic learning rate of a net, for the help text. */
  public static String autoRates() {
    StringBuilder sb = new StringBuilder();
    for (logitlab.model.Optimizer o : logitlab.model.Optimizer.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(o.cliName()).append(' ')
          .append(Fmt.sig(MlpTrainer.autoLearningRate(o), 3));
    }
    return sb.toString();
  }
}
