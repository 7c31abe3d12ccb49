package logitlab.fit;

import static logitlab.Golden.design;
import static logitlab.Golden.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.model.Diagnostic;
import logitlab.model.LogisticFit;
import logitlab.model.Separation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Separation against the linear program of Konis (2007) as R's {@code detect_separation} sets it
 * up, solved in R by lp_solve ({@code src/test/resources/golden/separation/*.json}, written by
 * {@code scripts/golden-firth.R}, which records the R and package versions and the method): whether
 * separation is detected, complete or quasi-complete, and every term with an infinite estimate
 * and its direction must be the same; the aliased terms (left out of the program) must be R's.
 * Datasets: endometrial (Heinze &amp; Schemper 2002, quasi-complete, NV +inf), data/separated.csv
 * (complete), small complete and quasi-complete cases in src/test/resources/separation/ (a factor
 * level, a -inf direction, an aliased column, grouped data with a proportion strictly between 0
 * and 1 on the boundary), and every other bundled dataset (none).
 */
class SeparationDetectorTest {
  static Stream<Path> goldens() {
    return Golden.all("separation");
  }

  static Separation.Kind kind(String name) {
    for (Separation.Kind k : Separation.Kind.values()) {
      if (k.jsonName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(name);
  }

  static Separation expected(JsonNode g) {
    JsonNode s = g.get("separation");
    List<Separation.Term> terms = new ArrayList<>();
    s.get("terms").forEach(t -> terms.add(new Separation.Term(t.get("term").asText(), t.get("direction").asText())));
    return new Separation(s.get("detected").asBoolean(), kind(s.get("kind").asText()), terms);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void logisticFitReportsTheSeparationRFinds(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    List<String> terms = new ArrayList<>();
    g.get("terms").forEach(t -> terms.add(t.asText()));
    assertEquals(terms, d.terms());

    LogisticFit fit = IrlsFitter.fit(d, IrlsOptions.defaults());
    List<String> aliased = new ArrayList<>();
    g.get("aliased").forEach(t -> aliased.add(t.asText()));
    List<String> ours = new ArrayList<>();
    for (int j = 0; j < d.p(); j++) {
      if (fit.aliasedMask()[j]) {
        ours.add(d.terms().get(j));
      }
    }
    assertEquals(aliased, ours, "aliased terms");

    Separation want = expected(g);
    assertEquals(want, fit.separation());
    assertEquals(want, SeparationDetector.detect(d, fit.aliasedMask()));
    boolean warned = fit.warnings().contains(new Diagnostic.Separated(want));
    assertEquals(want.detected(), warned, "separation warning");
  }

  /**
   * Two levels of a factor, each with only one outcome (one all 1, one all 0): the optimal vertex
   * and the completion must name both, with opposite signs.
   */
  @Test
  void twoSeparatedLevelsAreBothFound() {
    double[] y = {0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1};
    double[] b = {0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0};
    double[] c = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0};
    double[] x = {1.2, 0.4, 2.2, 1.9, 0.7, 1.1, 0.3, 2.6, 1.4, 0.2, 2.8, 1.7};
    DesignMatrix d = Designs.of(List.of("x", "levelb", "levelc"), new double[][] {x, b, c}, y);
    Separation s = SeparationDetector.detect(d, null);
    assertEquals(new Separation(true, Separation.Kind.QUASI_COMPLETE,
        List.of(new Separation.Term("levelb", "+inf"), new Separation.Term("levelc", "-inf"))), s);
  }

  /**
   * Quasi-complete separation hidden in a large sample: five of 200,000 rows have z = 1, all with
   * y = 1. R's glm converges without a warning here; the check must still see it, and must see
   * nothing once one of the five has y = 0.
   */
  @Test
  void findsAFewSeparatedRowsAmongMany() {
    int n = 200_000;
    SplittableRandom rnd = new SplittableRandom(20261127);
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] z = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = rnd.nextGaussian();
      x2[i] = rnd.nextDouble(0, 100);
      double eta = -0.5 + 0.8 * x1[i] + 0.01 * x2[i];
      y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    for (int k = 0; k < 5; k++) {
      int i = 1000 + 37_000 * k;
      z[i] = 1;
      y[i] = 1;
    }
    DesignMatrix d = Designs.of(List.of("x1", "x2", "z"), new double[][] {x1, x2, z}, y);
    assertEquals(new Separation(true, Separation.Kind.QUASI_COMPLETE, List.of(new Separation.Term("z", "+inf"))),
        SeparationDetector.detect(d, null));

    y[1000] = 0;
    DesignMatrix overlap = Designs.of(List.of("x1", "x2", "z"), new double[][] {x1, x2, z}, y);
    assertFalse(SeparationDetector.detect(overlap, null).detected());
  }
}
