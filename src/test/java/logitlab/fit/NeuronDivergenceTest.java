package logitlab.fit;

import logitlab.model.Optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.model.Logistic;
import logitlab.model.NeuronFit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each optimizer's divergence handling (issue 11), on data/smoking.csv with steps 100 and 10,000
 * times its automatic step: training stops with "divergence" and reports the weights of the lowest
 * loss it saw, never the diverged ones. Oracles independent of the fitter: the mean cross-entropy
 * recomputed here from the reported weights on the original scale (it must equal the reported
 * loss to 1e-12, and be at most the loss of the zero start, log 2), and the recorded history (the
 * reported loss is its minimum). The step the warning suggests is then followed, and must not
 * diverge.
 */
class NeuronDivergenceTest {
  private static final Pattern SUGGESTED = Pattern.compile("--learning-rate (\\S+?)[ ,]");

  /** Mean cross-entropy of the design at weights w (original scale), from the definition. */
  static double meanCrossEntropy(DesignMatrix d, double[] w) {
    double s = 0;
    for (int i = 0; i < d.n(); i++) {
      double eta = 0;
      for (int j = 0; j < d.p(); j++) {
        eta += d.get(i, j) * w[j];
      }
      s += Logistic.crossEntropy(d.y(i), eta);
    }
    return s / d.n();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Optimizer.class)
  void aStepFarTooLargeStopsWithTheBestWeightsSeen(Optimizer o) {
    DesignMatrix d = Golden.bundled("smoking");
    NeuronOptions base = NeuronOptions.defaults().withOptimizer(o).withMaxEpochs(5000);
    double auto = NeuronFitter.fit(d, base.withMaxEpochs(1), null).settings().learningRate();
    for (double factor : new double[] {100, 1e4}) {
      NeuronFit f = NeuronFitter.fit(d, base.withLearningRate(factor * auto), null);
      String what = o + " at " + factor + " x the automatic step";
      assertEquals(logitlab.model.StopReason.DIVERGENCE, f.stopReason(), what);
      assertFalse(f.converged(), what);
      for (double w : f.weights()) {
        assertTrue(Double.isFinite(w), what + ": " + java.util.Arrays.toString(f.weights()));
      }
      double recomputed = meanCrossEntropy(d, f.weights());
      assertEquals(recomputed, f.loss(), 1e-12, what + ": reported loss vs the loss of the reported weights");
      assertTrue(f.loss() <= Math.log(2) + 1e-12, what + ": " + f.loss());
      double lowest = f.history().stream().mapToDouble(NeuronFit.Snapshot::loss).min().orElseThrow();
      assertEquals(lowest, f.loss(), 0, what + ": the lowest loss in the history");
      // the advice: the automatic step, which trains without diverging
      Matcher m = SUGGESTED.matcher(logitlab.report.NeuronAdvice.divergenceWarning(f));
      assertTrue(m.find(), logitlab.report.NeuronAdvice.divergenceWarning(f));
      double suggested = Double.parseDouble(m.group(1));
      assertEquals(auto, suggested, 1e-3 * auto, what + ": " + logitlab.report.NeuronAdvice.divergenceWarning(f));
      NeuronFit again = NeuronFitter.fit(d, base.withLearningRate(suggested), null);
      assertNotEquals(logitlab.model.StopReason.DIVERGENCE, again.stopReason(), what + ", then at the suggested step");
    }
  }

  /**
   * Nesterov at 10 times its step first makes progress, then diverges at epoch 7: the weights
   * reported are those of the best epoch before, which the history holds.
   */
  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"NESTEROV, 10", "MOMENTUM, 10"})
  void theWeightsReportedAfterDivergenceAreThoseOfTheBestEpoch(Optimizer o, double factor) {
    DesignMatrix d = Golden.bundled("smoking");
    NeuronOptions base = NeuronOptions.defaults().withOptimizer(o).withMaxEpochs(5000);
    double auto = NeuronFitter.fit(d, base.withMaxEpochs(1), null).settings().learningRate();
    NeuronFit f = NeuronFitter.fit(d, base.withLearningRate(factor * auto), null);
    assertEquals(logitlab.model.StopReason.DIVERGENCE, f.stopReason());
    NeuronFit.Snapshot best = f.history().get(0);
    for (NeuronFit.Snapshot s : f.history()) {
      if (s.loss() <= best.loss()) {
        best = s;
      }
    }
    assertArrayEquals(best.weights(), f.weights(), 1e-12);
    assertEquals(best.loss(), f.loss(), 0);
    assertTrue(logitlab.report.NeuronAdvice.divergenceWarning(f).contains("(epoch " + best.epoch() + ")"), logitlab.report.NeuronAdvice.divergenceWarning(f));
    assertEquals(meanCrossEntropy(d, f.weights()), f.loss(), 1e-12);
  }
}
