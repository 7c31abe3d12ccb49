package logitlab.fit;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import logitlab.Golden;
import logitlab.cli.Main;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numerically hard but valid data (issue 6), run end to end through {@code logitlab compare
 * --format json} and compared with answers known by construction: an exact reparametrisation of the
 * same data fitted where it is well conditioned, the generating coefficients, or an independent
 * solve of the normal equations. Each fit either gets the answer or says precisely that it did not.
 */
class HardDataTest {
  /** Relative agreement of two fits of the same model (the README's coefficient tolerance). */
  private static final double COEF_TOL = 1e-6;

  @TempDir Path dir;

  /**
   * A predictor with mean 1e8 and spread 1. Subtracting 1e8 is exact here (Sterbenz), so the shifted
   * file holds the same information; the slope must be the same and the intercept must move by
   * slope * 1e8. The logistic GLM (rank tolerance 1e-11) and the neuron (standardised inputs) fit
   * it. The linear model applies lm's rank rule (tolerance 1e-7) to the raw column, whose variation
   * is 1e-8 of its size: like R's lm it reports the term as aliased (null, with a warning) instead
   * of a wrong number.
   */
  @Test
  void aPredictorWithMeanOneE8AndSpreadOne() throws IOException {
    SplittableRandom rng = new SplittableRandom(101);
    int n = 2000;
    StringBuilder raw = new StringBuilder("x,z,y\n");
    StringBuilder shifted = new StringBuilder("x,z,y\n");
    for (int i = 0; i < n; i++) {
      double x = 1e8 + rng.nextGaussian();
      double z = rng.nextGaussian();
      int y = rng.nextDouble() < sigmoid(0.5 + 1.2 * (x - 1e8) - 0.7 * z) ? 1 : 0;
      raw.append(x).append(',').append(z).append(',').append(y).append('\n');
      shifted.append(x - 1e8).append(',').append(z).append(',').append(y).append('\n');
    }
    JsonNode a = compare(write("raw.csv", raw), "--max-epochs", "20000");
    JsonNode b = compare(write("shifted.csv", shifted), "--max-epochs", "20000");

    double slope = est(b, "logistic", 1);
    assertClose(slope, est(a, "logistic", 1), COEF_TOL, "GLM slope");
    assertClose(est(b, "logistic", 2), est(a, "logistic", 2), COEF_TOL, "GLM z");
    assertClose(est(b, "logistic", 0) - slope * 1e8, est(a, "logistic", 0), COEF_TOL, "GLM intercept");
    assertClose(se(b, "logistic", 1), se(a, "logistic", 1), 1e-4, "GLM slope SE");
    assertTrue(a.at("/logistic/converged").asBoolean());
    assertTrue(Math.abs(slope - 1.2) < 5 * se(b, "logistic", 1), "GLM slope " + slope + " far from 1.2");

    assertClose(est(b, "neuron", 1), est(a, "neuron", 1), COEF_TOL, "neuron slope");
    assertTrue(a.at("/neuron/maxDiffFromLogistic").asDouble() < COEF_TOL, a.at("/neuron").toString());

    JsonNode linear = a.at("/linear/coefficients/1/estimate");
    if (linear.isNull()) {
      assertTrue(warnings(a).contains("(x)"), "aliased linear term without a warning: " + warnings(a));
    } else {
      assertClose(est(b, "linear", 1), linear.asDouble(), COEF_TOL, "OLS slope");
      assertClose(est(b, "linear", 2), est(a, "linear", 2), COEF_TOL, "OLS z");
    }
  }

  /**
   * Two predictors correlated to 1 - 1e-8: x2 = x1 + u with u of size 1e-4. Fitting (x1, u) instead
   * is the same model (b1' = b1 + b2, b2' = b2) and well conditioned; x2 - x1 is exact in doubles
   * for these values, so both files hold the same information. The GLM and the linear model must
   * find the same estimates through the ill-conditioned pair. Gradient descent crawls along the
   * near-flat direction: its distance from the GLM must be reported as it is.
   */
  @Test
  void nearlyCollinearPredictors() throws IOException {
    SplittableRandom rng = new SplittableRandom(202);
    int n = 3000;
    StringBuilder hard = new StringBuilder("x1,x2,y\n");
    StringBuilder easy = new StringBuilder("x1,u,y\n");
    for (int i = 0; i < n; i++) {
      double x1 = 5 + rng.nextGaussian();
      double x2 = x1 + 1e-4 * rng.nextGaussian();
      double u = x2 - x1; // exact: x1 and x2 are within a factor 2 of each other
      int y = rng.nextDouble() < sigmoid(-2 + 0.4 * x1 + 3000 * u) ? 1 : 0;
      hard.append(x1).append(',').append(x2).append(',').append(y).append('\n');
      easy.append(x1).append(',').append(u).append(',').append(y).append('\n');
    }
    JsonNode h = compare(write("hard.csv", hard), "--max-epochs", "2000");
    JsonNode e = compare(write("easy.csv", easy), "--max-epochs", "2000");
    for (String model : new String[] {"logistic", "linear"}) {
      double b2 = est(e, model, 2);
      double b1 = est(e, model, 1) - b2;
      double scale = Math.max(Math.abs(b1), Math.abs(b2));
      assertEquals(b2, est(h, model, 2), 1e-6 * scale, model + " x2");
      assertEquals(b1, est(h, model, 1), 1e-6 * scale, model + " x1");
      assertClose(est(e, model, 0), est(h, model, 0), 1e-6, model + " intercept");
    }
    // the neuron: whatever it reached, the reported distance from the GLM is the true one
    double reported = h.at("/neuron/maxDiffFromLogistic").asDouble();
    double actual = 0;
    for (int j = 0; j < 3; j++) {
      double g = est(h, "logistic", j);
      actual = Math.max(actual, Math.abs(est(h, "neuron", j) - g) / Math.max(1, Math.abs(g)));
    }
    assertEquals(actual, reported, 1e-6 * Math.max(1, actual), "neuron distance misreported");
  }

  /**
   * One million rows. The GLM must recover the generating coefficients (within 5 standard errors,
   * which are about 0.003 here), the neuron must reach the GLM, and the linear model must equal an
   * independent solve of the normal equations (well conditioned here, so they are accurate).
   * Tagged slow (about 12 s): {@code scripts/mutation} leaves it out.
   */
  @Test
  @Tag("slow")
  void oneMillionRows() throws IOException {
    int n = 1_000_000;
    SplittableRandom rng = new SplittableRandom(303);
    Path file = dir.resolve("million.csv");
    double[][] xtx = new double[3][3];
    double[] xty = new double[3];
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("x1,x2,y\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double x1 = Math.round(rng.nextGaussian() * 1e6) / 1e6;
        double x2 = Math.round(rng.nextDouble() * 1e7) / 1e6;
        int y = rng.nextDouble() < sigmoid(-1 + 0.8 * x1 + 0.2 * x2) ? 1 : 0;
        line.setLength(0);
        line.append(x1).append(',').append(x2).append(',').append(y).append('\n');
        w.write(line.toString());
        double[] row = {1, x1, x2};
        for (int a = 0; a < 3; a++) {
          xty[a] += row[a] * y;
          for (int b = 0; b < 3; b++) {
            xtx[a][b] += row[a] * row[b];
          }
        }
      }
    }
    JsonNode j = compare(file);
    assertEquals(n, j.at("/input/rowsUsed").asInt());
    double[] truth = {-1, 0.8, 0.2};
    for (int k = 0; k < 3; k++) {
      double b = est(j, "logistic", k);
      double s = se(j, "logistic", k);
      assertTrue(s > 0 && s < 0.01, "SE " + s);
      assertTrue(Math.abs(b - truth[k]) < 5 * s, "coefficient " + k + ": " + b + " vs " + truth[k] + " (SE " + s + ")");
    }
    assertTrue(j.at("/logistic/converged").asBoolean());
    assertTrue(j.at("/neuron/converged").asBoolean(), j.at("/neuron").toString());
    assertTrue(j.at("/neuron/maxDiffFromLogistic").asDouble() < COEF_TOL, j.at("/neuron").toString());
    RealVector ols = new LUDecomposition(new Array2DRowRealMatrix(xtx)).getSolver()
        .solve(new ArrayRealVector(xty));
    for (int k = 0; k < 3; k++) {
      assertClose(ols.getEntry(k), est(j, "linear", k), 1e-8, "OLS coefficient " + k);
    }
  }

  private Path write(String name, CharSequence text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Runs compare --format json in-process; the run must succeed and print strict JSON. */
  private static JsonNode compare(Path file, String... extra) throws IOException {
    String[] args = new String[4 + extra.length];
    args[0] = "compare";
    args[1] = file.toString();
    args[2] = "--format";
    args[3] = "json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertEquals(0, code, err.toString());
    return JSON.readTree(out.toString());
  }

  private static double est(JsonNode j, String model, int k) {
    JsonNode v = j.at("/" + model + "/coefficients/" + k + "/estimate");
    assertTrue(v.isNumber(), model + " coefficient " + k + " is " + v);
    return v.asDouble();
  }

  private static double se(JsonNode j, String model, int k) {
    return j.at("/" + model + "/coefficients/" + k + "/stdError").asDouble();
  }

  private static String warnings(JsonNode j) {
    return j.at("/warnings").toString();
  }

  private static void assertClose(double expected, double actual, double rel, String what) {
    Golden.rel(what, expected, actual, rel);
  }

  private static double sigmoid(double t) {
    return 1 / (1 + Math.exp(-t));
  }
}
