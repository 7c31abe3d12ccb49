package logitlab.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import logitlab.data.DesignMatrix;
import logitlab.data.PointBuilder;
import logitlab.model.Comparison;
import logitlab.model.Diagnostic;
import logitlab.model.Fmt;
import logitlab.model.InputSummary;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import logitlab.model.NeuronFit;
import logitlab.model.Prediction;
import logitlab.model.Scorer;

/** Fits the three models to one design matrix and predicts at points: the {@code compare} job. */
public final class Comparer {
  private Comparer() {}

  /**
   * Fits the linear probability model, the logistic GLM and the neuron (on the GLM's estimable
   * columns), and predicts at each point in {@code at}; with no points, at the smallest and largest
   * value of the first numeric predictor (others at their mean or reference level). Each step is a
   * {@link Phases} phase (LPM, GLM, neuron, Firth, classification; the GLM's separation check and
   * marginal effects are their own).
   */
  public static Comparison compare(DesignMatrix d, List<Map<String, String>> at, CompareOptions options) {
    IrlsOptions irls = options.irls();
    NeuronOptions neuronOptions = options.neuron();
    LinearProbabilityFit linear = Phases.time("LPM", () -> OlsFitter.fit(d, options.robust()));
    LogisticFit logistic = Phases.time("GLM", () -> IrlsFitter.fit(d, irls));
    NeuronFit neuron = Phases.time("neuron",
        () -> NeuronFitter.fit(d, neuronOptions, logistic.aliasedMask(), logistic.estimates()));
    if (logistic.separation().detected()) {
      neuron = neuron.withWarning(new Diagnostic.Separated(logistic.separation()));
    }
    boolean defaults = at.isEmpty();
    List<Map<String, String>> points = defaults ? defaultPoints(d) : at;
    Scorer scorer = new Scorer(linear, logistic, neuron);
    List<Prediction> predictions = new ArrayList<>();
    for (Map<String, String> point : points) {
      PointBuilder.Point pt = PointBuilder.build(d, point);
      double[] row = pt.row();
      predictions.add(new Prediction(pt.given(), pt.defaulted(),
          scorer.linear(row), scorer.logistic(row), scorer.neuron(row)));
    }
    LogisticFit firth = options.firth()
        ? Phases.time("Firth", () -> FirthFitter.fit(d, irls, logistic.separation())) : null;
    double t = options.threshold();
    NeuronFit nn = neuron;
    Comparison.Classifications classes = Phases.time("classification", () -> new Comparison.Classifications(
        Classifier.classify(d.rows(), linear.fitted(), t, d.file()),
        Classifier.classify(d.rows(), logistic.fitted(), t, d.file()),
        Classifier.classify(d.rows(), nn.fitted(), t, d.file())));
    return new Comparison(summary(d), linear, logistic, neuron, firth, classes, predictions, defaults);
  }

  private static InputSummary summary(DesignMatrix d) {
    List<String> predictors = d.predictors().stream().map(DesignMatrix.Predictor::column).toList();
    return new InputSummary(d.file(), d.rowsRead(), d.n(), d.rowsDropped(), d.droppedByColumn(),
        d.outcome().column(), d.outcome().event(), d.outcome().nonEvent(), d.weightedEvents(),
        d.totalWeight(), d.weighting().weightsColumn(), d.weighting().trialsColumn(), predictors,
        d.terms(), d.notes().identifierLike(), d.notes().emptyAsMissing(),
        d.rows().engine() == null ? null : d.rows().engine().describe());
  }

  /** The smallest and largest value of the first numeric predictor. */
  static List<Map<String, String>> defaultPoints(DesignMatrix d) {
    for (DesignMatrix.Predictor pr : d.predictors()) {
      if (pr.categorical()) {
        continue;
      }
      int j = pr.firstTerm();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < d.n(); i++) {
        min = Math.min(min, d.get(i, j));
        max = Math.max(max, d.get(i, j));
      }
      List<Map<String, String>> pts = new ArrayList<>();
      for (double v : min == max ? new double[] {min} : new double[] {min, max}) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(pr.column(), Fmt.plain(v));
        pts.add(m);
      }
      return pts;
    }
    return List.of();
  }
}
