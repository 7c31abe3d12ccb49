package logitlab.model;

import static logitlab.Golden.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import logitlab.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log-loss, Brier score, AUC, accuracy and the confusion counts against scikit-learn.
 *
 * <p>Golden values: {@code src/test/resources/golden/classification/cases.json}, written by
 * {@code scripts/golden_classification.py} (scikit-learn 1.2.1, which records its version), which
 * expands grouped rows into individual 0/1 rows before sklearn sees them. Tolerance {@value #TOL}
 * relative; counts exactly.
 */
class ClassificationTest {
  static final double TOL = 1e-12;

  static Stream<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    Golden.read("classification", "cases").get("cases").forEach(out::add);
    return out.stream();
  }

  static void rel(String what, double expected, double actual) {
    Golden.rel(what, expected, actual, TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesScikitLearn(JsonNode c) {
    double[] p = doubles(c.get("p"));
    double[] y = doubles(c.get("y"));
    double t = c.get("threshold").asDouble();
    Classification k = c.get("a").isNull() ? Classification.of(p, y, t)
        : Classification.of(p, y, doubles(c.get("a")), t);
    rel("log-loss", c.get("logLoss").asDouble(), k.logLoss());
    rel("Brier", c.get("brier").asDouble(), k.brier());
    rel("AUC", c.get("auc").asDouble(), k.auc());
    rel("accuracy", c.get("accuracy").asDouble(), k.accuracy());
    assertEquals(t, k.threshold());
    assertEquals(c.get("tp").asDouble(), k.tp(), "tp");
    assertEquals(c.get("fp").asDouble(), k.fp(), "fp");
    assertEquals(c.get("tn").asDouble(), k.tn(), "tn");
    assertEquals(c.get("fn").asDouble(), k.fn(), "fn");
    assertEquals(c.get("clipped").asInt(), k.clipped(), "clipped");
  }

  /** One class only: no (event, non-event) pair, so the AUC is undefined. */
  @Test
  void aucOfOneClassIsNaN() {
    assertTrue(Double.isNaN(Classification.of(new double[] {0.2, 0.7}, new double[] {1, 1}, 0.5).auc()));
    assertTrue(Double.isNaN(Classification.of(new double[] {0.2, 0.7}, new double[] {0, 0}, 0.5).auc()));
  }

  /** The AUC does not depend on the order of the rows (the merge sort over many rows). */
  @Test
  void aucIsTheMannWhitneyCountWhateverTheRowOrder() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    int n = 37;
    double[] p = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(rng.nextDouble() * 10) / 10.0; // many ties
      y[i] = rng.nextDouble() < p[i] ? 1 : 0;
    }
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
        }
      }
    }
    rel("AUC by pairs", wins / pairs, Classification.of(p, y, 0.5).auc());
  }

  /** The radix sort orders as a stable comparison sort does: by value, ties (and -0.0, 0.0) by index. */
  @Test
  void radixOrderIsTheStableSortOrder() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    double[] special = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
      Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.5, 1 - 1e-16};
    int n = 5000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = rng.nextInt(4);
      v[i] = kind == 0 ? special[rng.nextInt(special.length)]
          : kind == 1 ? Math.round(rng.nextGaussian() * 4) / 4.0
          : kind == 2 ? rng.nextDouble() : -Math.exp(rng.nextGaussian() * 50);
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    java.util.Arrays.sort(boxed, (a, b) -> v[a] < v[b] ? -1 : v[a] > v[b] ? 1 : 0); // stable (TimSort)
    int[] expected = java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, Classification.sortedOrder(v));
  }

  /** Runs of consecutive parts merged give the AUC of one run of all rows, to the last bit. */
  @Test
  void aucOfMergedRunsIsThatOfOneRun() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(6);
    int n = 3001;
    double[] p = new double[n];
    double[] y = new double[n];
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(rng.nextDouble() * 50) / 50.0;
      y[i] = rng.nextDouble() < p[i] ? 1 : rng.nextInt(3) == 0 ? 0.5 : 0;
      a[i] = rng.nextInt(4) * 0.7;
    }
    double one = Classification.auc(List.of(Classification.Run.of(p, y, a, 0, n)));
    List<Classification.Run> runs = new ArrayList<>();
    for (int from = 0; from < n; from += 256) {
      runs.add(Classification.Run.of(p, y, a, from, Math.min(n, from + 256)));
    }
    assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(Classification.auc(runs)));
    assertEquals(one, Classification.of(p, y, a, 0.5).auc(), 0.0);
  }
}
