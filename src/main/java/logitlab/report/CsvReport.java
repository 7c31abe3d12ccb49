package logitlab.report;

import java.util.List;
import java.util.Map;
import logitlab.model.Classification;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.InputSummary;
import logitlab.model.Interval;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.NeuronFit;
import logitlab.model.OutOfRange;
import logitlab.model.Prediction;

/**
 * The {@code --format csv} output: one tidy long table, one value per line, with the columns
 * {@code file,model,term,quantity,value}. It opens in a spreadsheet and reads straight into R
 * ({@code read.csv}) or pandas, where it can be filtered and pivoted; files from a batch run can be
 * stacked because every line names its file.
 *
 * <ul>
 *   <li>{@code model} is {@code data} (what was read), {@code linear}, {@code logistic},
 *       {@code firth} (with {@code --firth}) or {@code neuron};
 *   <li>{@code term} is a coefficient's name as R prints it ({@code (Intercept)}, {@code rank2}),
 *       empty for a quantity of the whole model, or the point ({@code cigs=60}) for a prediction;
 *   <li>{@code quantity} is a fixed snake_case name ({@code estimate}, {@code std_error},
 *       {@code p_value}, {@code aic}, {@code log_loss}, {@code predicted}, ...);
 *   <li>{@code value} is a number (12 significant digits; {@code NA} when not defined, as for an
 *       aliased term; {@code Inf} for an infinite interval end), {@code TRUE}/{@code FALSE}, or for a
 *       few descriptive quantities a string (of {@code data}; the neuron's {@code stop_reason}; a
 *       marginal effect's {@code marginal_effect_kind}, {@code derivative} or {@code discrete-change},
 *       and a discrete change's {@code marginal_effect_reference} level).
 * </ul>
 *
 * Every text cell is neutralised against spreadsheet formula injection ({@link Csv}).
 */
public final class CsvReport {
  /** The header line. */
  public static final String HEADER = "file,model,term,quantity,value\n";

  private final StringBuilder sb = new StringBuilder();
  private final String file;

  private CsvReport(String file) {
    this.file = Csv.text(file);
  }

  /** The table with its header. */
  public static String render(Comparison c) {
    return HEADER + rows(c);
  }

  /** The lines of the table without the header (for stacking several files). */
  public static String rows(Comparison c) {
    CsvReport r = new CsvReport(c.input().file());
    r.write(c);
    return r.sb.toString();
  }

  private void write(Comparison c) {
    data(c.input());
    linear(c.linear(), c.classification().linear());
    logistic("logistic", c.logistic(), c.classification().logistic());
    if (c.firth() != null) {
      logistic("firth", c.firth(), null);
    }
    neuron(c);
    predictions(c.predictions());
  }

  private void data(InputSummary in) {
    if (in.engine() != null) {
      text("data", "", "engine", in.engine());
    }
    text("data", "", "outcome", in.outcome());
    text("data", "", "event", in.event());
    text("data", "", "non_event", in.nonEvent());
    count("data", "", "rows_read", in.rowsRead());
    count("data", "", "rows_used", in.rowsUsed());
    count("data", "", "rows_dropped", in.rowsDropped());
    for (Map.Entry<String, Integer> e : in.droppedByColumn().entrySet()) {
      count("data", e.getKey(), "rows_missing", e.getValue());
    }
    for (Map.Entry<String, Integer> e : in.emptyAsMissing().entrySet()) {
      count("data", e.getKey(), "rows_empty", e.getValue());
    }
    for (String column : in.identifierLike()) {
      text("data", column, "identifier_like", "TRUE");
    }
    num("data", "", "events", in.events());
    num("data", "", "total", in.total());
    if (in.weightsColumn() != null) {
      text("data", "", "weights_column", in.weightsColumn());
    }
    if (in.trialsColumn() != null) {
      text("data", "", "trials_column", in.trialsColumn());
    }
    for (String p : in.predictors()) {
      text("data", p, "predictor", p);
    }
  }

  private void coefficients(String model, List<Coefficient> coefs, String statistic) {
    for (Coefficient k : coefs) {
      num(model, k.term(), "estimate", k.estimate());
      num(model, k.term(), "std_error", k.stdError());
      num(model, k.term(), statistic, k.statistic());
      num(model, k.term(), "p_value", k.p());
    }
  }

  private void linear(LinearProbabilityFit f, Classification cl) {
    coefficients("linear", f.coefficients(), "t_value");
    if (f.robustType() != null) {
      String type = f.robustType().toLowerCase(java.util.Locale.ROOT);
      for (Coefficient k : f.robust()) {
        num("linear", k.term(), "robust_" + type + "_std_error", k.stdError());
        num("linear", k.term(), "robust_" + type + "_t_value", k.statistic());
        num("linear", k.term(), "robust_" + type + "_p_value", k.p());
      }
    }
    num("linear", "", "r_squared", f.rSquared());
    num("linear", "", "adj_r_squared", f.adjRSquared());
    num("linear", "", "sigma", f.sigma());
    num("linear", "", "f_statistic", f.fTest().statistic());
    count("linear", "", "f_df1", f.fTest().df1());
    count("linear", "", "f_df2", f.fTest().df2());
    num("linear", "", "f_p_value", f.fTest().p());
    count("linear", "", "rank", f.rank());
    count("linear", "", "df_residual", f.dfResidual());
    OutOfRange r = f.outOfRange();
    count("linear", "", "fitted_out_of_range", r.count());
    count("linear", "", "fitted_below_0", r.below());
    count("linear", "", "fitted_above_1", r.above());
    num("linear", "", "fitted_min", r.min());
    num("linear", "", "fitted_max", r.max());
    classification("linear", cl);
  }

  private void logistic(String model, LogisticFit f, Classification cl) {
    List<Coefficient> coefs = f.coefficients();
    coefficients(model, coefs, "z_value");
    for (int j = 0; j < coefs.size(); j++) {
      String term = coefs.get(j).term();
      Interval ci = f.intervals().get(j);
      Interval or = ci.exp();
      num(model, term, "ci_low", ci.low());
      num(model, term, "ci_high", ci.high());
      num(model, term, "odds_ratio", f.oddsRatio(j));
      num(model, term, "odds_ratio_low", or.low());
      num(model, term, "odds_ratio_high", or.high());
    }
    for (MarginalEffect m : f.marginalEffects()) {
      num(model, m.term(), "marginal_effect", m.estimate());
      num(model, m.term(), "marginal_effect_std_error", m.stdError());
      text(model, m.term(), "marginal_effect_kind", m.kind().jsonName());
      if (m.kind() == MarginalEffect.Kind.DISCRETE_CHANGE) {
        text(model, m.term(), "marginal_effect_reference", m.reference());
      }
    }
    text(model, "", "ci_method", f.ciMethod());
    num(model, "", "conf", f.conf());
    num(model, "", "null_deviance", f.nullDeviance());
    num(model, "", "deviance", f.deviance());
    count(model, "", "df_null", f.dfNull());
    count(model, "", "df_residual", f.dfResidual());
    num(model, "", "aic", f.aic());
    num(model, "", "bic", f.bic());
    num(model, "", "log_lik", f.logLik());
    num(model, "", "pseudo_r2", f.pseudoR2());
    num(model, "", "lr_statistic", f.lrTest().statistic());
    count(model, "", "lr_df", f.lrTest().df());
    num(model, "", "lr_p_value", f.lrTest().p());
    count(model, "", "rank", f.rank());
    count(model, "", "iterations", f.iterations());
    bool(model, "", "converged", f.converged());
    text(model, "", "separation", f.separation().kind().jsonName());
    for (var t : f.separation().terms()) {
      text(model, t.term(), "infinite_estimate", t.direction());
    }
    for (var a : f.aliased()) {
      text(model, a.term(), "aliased_with", String.join(" + ", a.collinearWith()));
    }
    count(model, "", "warnings", Prose.fitWarnings(f).size());
    if (cl != null) {
      classification(model, cl);
    }
  }

  private void neuron(Comparison c) {
    NeuronFit n = c.neuron();
    double[] w = n.weights();
    for (int j = 0; j < w.length; j++) {
      num("neuron", n.terms().get(j), "estimate", w[j]);
    }
    count("neuron", "", "epochs", n.epochs());
    num("neuron", "", "loss", n.loss());
    num("neuron", "", "gradient_norm", n.gradientNorm());
    num("neuron", "", "learning_rate", n.learningRate());
    bool("neuron", "", "converged", n.converged());
    text("neuron", "", "stop_reason", n.stopReason().jsonName());
    num("neuron", "", "max_diff_from_logistic", c.neuronMaxDiffFromLogistic());
    count("neuron", "", "warnings", NeuronAdvice.warnings(c).size());
    classification("neuron", c.classification().neuron());
  }

  private void classification(String model, Classification k) {
    num(model, "", "log_loss", k.logLoss());
    num(model, "", "brier", k.brier());
    num(model, "", "auc", k.auc());
    num(model, "", "accuracy", k.accuracy());
    num(model, "", "threshold", k.threshold());
    num(model, "", "true_positives", k.tp());
    num(model, "", "false_positives", k.fp());
    num(model, "", "true_negatives", k.tn());
    num(model, "", "false_negatives", k.fn());
    count(model, "", "log_loss_clipped", k.clipped());
  }

  private void predictions(List<Prediction> ps) {
    for (Prediction p : ps) {
      String at = p.label();
      num("linear", at, "predicted", p.linear());
      bool("linear", at, "predicted_out_of_range", p.linearOutOfRange());
      num("logistic", at, "predicted", p.logistic());
      num("neuron", at, "predicted", p.neuron());
    }
  }

  private void num(String model, String term, String quantity, double v) {
    line(model, term, quantity, Csv.number(v));
  }

  private void count(String model, String term, String quantity, long v) {
    line(model, term, quantity, Csv.number(v));
  }

  private void bool(String model, String term, String quantity, boolean b) {
    line(model, term, quantity, Csv.bool(b));
  }

  private void text(String model, String term, String quantity, String value) {
    line(model, term, quantity, Csv.text(value));
  }

  private void line(String model, String term, String quantity, String value) {
    sb.append(file).append(',').append(model).append(',').append(Csv.text(term)).append(',')
        .append(quantity).append(',').append(value).append('\n');
  }
}
