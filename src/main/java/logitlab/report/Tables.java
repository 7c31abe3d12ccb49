package logitlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import logitlab.model.Activation;
import logitlab.model.Classification;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.model.Fmt;
import logitlab.model.Interval;
import logitlab.model.LogisticFit;
import logitlab.model.MarginalEffect;
import logitlab.model.NeuronFit;

/**
 * The cells of the comparison's tables, formatted once for every format: {@link ComparisonOutline}
 * makes each {@link Grid} an outline table, and each sink decides how it is written (aligned text,
 * a GitHub table, an HTML table).
 */
final class Tables {
  private Tables() {}

  /**
   * A table's header and formatted rows.
   *
   * @param header column titles
   * @param rows cells, one array per row, as long as the header
   */
  record Grid(String[] header, List<String[]> rows) {}

  /** The three models' coefficients; with a tanh neuron also twice its weights. */
  static Grid sideBySide(Comparison c) {
    NeuronFit n = c.neuron();
    boolean tanh = n.settings().activation() == Activation.TANH;
    String[] header = {"term", "linear (OLS)", "logistic (GLM)", Prose.neuronHeader(n), "2 x neuron"};
    double[] w = n.weights();
    List<String[]> rows = new ArrayList<>();
    for (int j = 0; j < c.input().terms().size(); j++) {
      String[] cells = {c.input().terms().get(j), Fmt.sig(c.linear().coefficients().get(j).estimate(), 6),
          Fmt.sig(c.logistic().coefficients().get(j).estimate(), 6), Fmt.sig(w[j], 6), Fmt.sig(2 * w[j], 6)};
      rows.add(tanh ? cells : Arrays.copyOf(cells, 4));
    }
    return new Grid(tanh ? header : Arrays.copyOf(header, 4), rows);
  }

  /** R's coefficient table: estimate, standard error, statistic, p value and stars. */
  static Grid coefficients(List<Coefficient> coefs, String stat, String p) {
    List<String[]> rows = new ArrayList<>();
    for (Coefficient k : coefs) {
      rows.add(new String[] {k.term(), Fmt.sig(k.estimate(), 6), Fmt.sig(k.stdError(), 6),
          Fmt.fixed(k.statistic(), 3), Fmt.pValue(k.p()), Fmt.stars(k.p())});
    }
    return new Grid(new String[] {"term", "Estimate", "Std. Error", stat, p, "signif."}, rows);
  }

  /** Coefficient intervals and the odds ratios with their intervals (exp of the ends). */
  static Grid intervals(LogisticFit f) {
    List<String[]> rows = new ArrayList<>();
    for (int j = 0; j < f.coefficients().size(); j++) {
      Coefficient k = f.coefficients().get(j);
      Interval iv = f.intervals().get(j);
      Interval or = iv.exp();
      rows.add(new String[] {k.term(), Fmt.sig(k.estimate(), 5), Fmt.sig(iv.low(), 5),
          Fmt.sig(iv.high(), 5), Fmt.sig(f.oddsRatio(j), 5), Fmt.sig(or.low(), 5), Fmt.sig(or.high(), 5)});
    }
    return new Grid(new String[] {"term", "estimate", "low", "high", "odds ratio", "OR low", "OR high"}, rows);
  }

  /** Average marginal effects beside the linear model's slopes; empty rows when there are none. */
  static Grid marginalEffects(Comparison c) {
    List<MarginalEffect> me = c.logistic().marginalEffects();
    boolean change = Prose.anyDiscreteChange(me); // then a column says which is which
    List<String[]> rows = new ArrayList<>();
    for (int k = 0; k < me.size(); k++) {
      MarginalEffect m = me.get(k);
      Coefficient l = c.linear().coefficients().get(k + 1);
      String[] cells = {m.term(), Fmt.sig(m.estimate(), 5), Fmt.sig(m.stdError(), 4),
          Fmt.sig(l.estimate(), 5), Fmt.sig(l.stdError(), 4)};
      rows.add(change ? withChange(cells, Prose.marginalEffectChange(m)) : cells);
    }
    String[] header = {"term", "logistic AME", "delta SE", "linear slope", "SE"};
    return new Grid(change ? withChange(header, "change") : header, rows);
  }

  /** The cells with {@code change} inserted after the first. */
  private static String[] withChange(String[] cells, String change) {
    String[] out = new String[cells.length + 1];
    out[0] = cells[0];
    out[1] = change;
    System.arraycopy(cells, 1, out, 2, cells.length - 1);
    return out;
  }

  /** Log-loss, Brier, AUC, accuracy and the confusion counts of the three models. */
  static Grid classification(Comparison.Classifications cs) {
    String[] names = {"linear", "logistic", "neuron"};
    Classification[] all = {cs.linear(), cs.logistic(), cs.neuron()};
    List<String[]> rows = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      Classification m = all[k];
      rows.add(new String[] {names[k], Fmt.fixed(m.logLoss(), 4), Fmt.fixed(m.brier(), 4),
          Fmt.fixed(m.auc(), 4), Fmt.fixed(m.accuracy(), 4), Fmt.count(m.tp()), Fmt.count(m.fp()),
          Fmt.count(m.tn()), Fmt.count(m.fn())});
    }
    return new Grid(new String[] {"model", "log-loss", "Brier", "AUC", "accuracy", "TP", "FP", "TN", "FN"}, rows);
  }
}
