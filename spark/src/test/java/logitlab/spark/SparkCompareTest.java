package logitlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logitlab-spark compare} against the single-machine {@code logitlab compare}, in Spark's
 * local[2] mode with one session for all tests (a session takes seconds to start).
 */
class SparkCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The repository's data folder (the tests run in spark/). */
  private static final Path DATA = Path.of("..", "data");
  private static SparkSession spark;

  @TempDir static Path tmp;
  private static Path wide;

  @BeforeAll
  static void start() throws IOException {
    spark = Main.session("local[2]");
    wide = tmp.resolve("multi-block.csv");
    Files.writeString(wide, generated(30000, 11L), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /**
   * n rows (30,000: four row blocks of 8192 with these 6 design columns): three normal predictors, a
   * factor of three levels and a 0/1 outcome from a logistic model, seeded.
   */
  static String generated(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("y,x1,x2,x3,g\n");
    String[] levels = {"a", "b", "c"};
    for (int i = 0; i < n; i++) {
      double x1 = r.nextGaussian();
      double x2 = r.nextGaussian();
      double x3 = r.nextGaussian();
      int g = r.nextInt(3);
      double eta = -0.4 + 0.8 * x1 - 0.5 * x2 + 0.2 * x3 + (g == 1 ? 0.3 : g == 2 ? -0.6 : 0);
      int y = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%s%n", y, x1, x2, x3, levels[g]));
    }
    return sb.toString();
  }

  /** Exit code, stdout and stderr of a run. */
  record Run(int code, String out, String err) {}

  static Run local(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = logitlab.cli.Main.run(new PrintWriter(o), new PrintWriter(e), args);
    return new Run(code, o.toString(), e.toString());
  }

  static Run onSpark(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Main.Args a = Main.parse(args);
    int code = Main.run(spark, a, new PrintWriter(o), new PrintWriter(e));
    return new Run(code, o.toString(), e.toString());
  }

  static String[] cat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** Compares the JSON of both runs: every number to 1e-10 relative, everything else equal. */
  static void assertSameJson(String where, String expected, String actual) throws IOException {
    JsonNode e = JSON.readTree(expected);
    JsonNode a = JSON.readTree(actual);
    assertTrue(a.path("input").has("engine"), where + ": the engine is named");
    ((ObjectNode) a.get("input")).remove("engine");
    compare(where, "", e, a);
  }

  private static void compare(String where, String path, JsonNode e, JsonNode a) {
    if (e.isNumber() && a.isNumber()) {
      double x = e.asDouble();
      double y = a.asDouble();
      double tol = 1e-10 * Math.max(Math.abs(x), Math.abs(y));
      assertTrue(x == y || Math.abs(x - y) <= tol, where + " " + path + ": " + x + " vs " + y);
      return;
    }
    assertEquals(e.getNodeType(), a.getNodeType(), where + " " + path);
    if (e.isObject()) {
      List<String> ek = new ArrayList<>();
      e.fieldNames().forEachRemaining(ek::add);
      List<String> ak = new ArrayList<>();
      a.fieldNames().forEachRemaining(ak::add);
      assertEquals(ek, ak, where + " " + path + ": keys");
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        compare(where, path + "." + f.getKey(), f.getValue(), a.get(f.getKey()));
      }
    } else if (e.isArray()) {
      assertEquals(e.size(), a.size(), where + " " + path + ": length");
      for (int i = 0; i < e.size(); i++) {
        compare(where, path + "[" + i + "]", e.get(i), a.get(i));
      }
    } else {
      assertEquals(e, a, where + " " + path);
    }
  }

  @Test
  void everyBundledDataSetEqualsTheSingleMachineJson() throws IOException {
    List<String[]> cases = List.of(
        new String[] {"admissions.csv", "--factor", "rank"},
        new String[] {"challenger.csv"},
        new String[] {"dollhill.csv", "-y", "cases", "--trials", "n", "-x", "cigs,inhaler"},
        new String[] {"endometrial.csv"},
        new String[] {"exam.csv"},
        new String[] {"separated.csv"},
        new String[] {"smoking.csv", "--firth", "--ci", "profile", "--robust", "HC3"},
        new String[] {"survey.csv", "-y", "smoker", "-x", "age,sex,region", "--positive", "yes", "--na", "n/a"},
        new String[] {"uptake.csv"});
    for (String[] c : cases) {
      String[] args = cat(new String[] {"compare", DATA.resolve(c[0]).toString()},
          cat(Arrays.copyOfRange(c, 1, c.length), "--format", "json"));
      Run one = local(args);
      Run sp = onSpark(cat(args, "--master", "local[2]"));
      assertEquals(0, one.code(), c[0] + ": " + one.err());
      assertEquals(0, sp.code(), c[0] + ": " + sp.err());
      assertSameJson(c[0], one.out(), sp.out());
    }
  }

  /**
   * Several blocks over several partitions: every format equals the single-machine output but for
   * the engine line, for 1, 2 and 3 partitions (the tree's nodes then straddle partitions).
   */
  @Test
  void severalPartitionsGiveTheSingleMachineOutput() throws IOException {
    String[] args = {"compare", wide.toString(), "-y", "y", "--factor", "g", "--firth", "--robust", "HC1"};
    for (String format : List.of("json", "text", "markdown", "csv")) {
      Run one = local(cat(args, "--format", format));
      assertEquals(0, one.code(), one.err());
      for (String k : List.of("1", "2", "3")) {
        Run sp = onSpark(cat(args, "--format", format, "--partitions", k));
        assertEquals(0, sp.code(), sp.err());
        // Markdown escapes the brackets of local[2]
        String engine = "Spark " + spark.version() + " local";
        String parts = ", " + k + (k.equals("1") ? " partition" : " partitions");
        assertTrue(sp.out().lines().anyMatch(l -> l.contains(engine) && l.contains(parts)),
            format + " names the engine: " + engine + "[2]" + parts);
        if (format.equals("json")) {
          assertSameJson(format + "/" + k, one.out(), sp.out());
        } else {
          assertEquals(one.out(), withoutEngine(sp.out(), engine), format + " with " + k + " partitions");
        }
      }
    }
  }

  /** The output without the engine's line (text, Markdown, CSV). */
  static String withoutEngine(String s, String engine) {
    StringBuilder sb = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      if (!line.contains(engine)) {
        sb.append(line).append('\n');
      }
    }
    return sb.substring(0, sb.length() - 1);
  }

  @Test
  void aBadRowGetsTheSingleMachineMessage() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    String text = generated(3000, 5L);
    int at = text.indexOf('\n', text.indexOf('\n', 0) * 1 + 2000);
    String broken = text.substring(0, at + 1) + "1,0.5,abc,0.1,a\n" + text.substring(at + 1);
    Files.writeString(bad, broken, StandardCharsets.UTF_8);
    Run one = local("compare", bad.toString(), "-y", "y", "-x", "x1,x2,x3");
    Run sp = onSpark("compare", bad.toString(), "-y", "y", "-x", "x1,x2,x3");
    assertEquals(3, one.code(), one.err());
    assertEquals(one.code(), sp.code());
    assertEquals(one.err(), sp.err());
    assertTrue(sp.err().contains(bad + ":"), sp.err());
  }

  @Test
  void optionsOfTheSparkCommandAreChecked() {
    Run r = onSparkMain("compare", "x.csv", "--partitions", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--partitions 0: give a whole number of at least 1"), r.err());
    Run s = onSparkMain("report", "x.csv");
    assertEquals(2, s.code());
    assertTrue(s.err().contains("only compare runs on Spark"), s.err());
  }

  static Run onSparkMain(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    return new Run(code, o.toString(), e.toString());
  }

  /**
   * The outside reference: Spark MLlib's own GeneralizedLinearRegression (binomial, logit; IRLS) on
   * the multi-block file gives the GLM's coefficients and standard errors to 1e-6 relative. MLlib
   * lists the intercept last in its standard errors. MLlib is run to convergence (coefficients
   * change by less than 1e-12); logitlab stops at R's deviance criterion (relative change below
   * 1e-8) and, as R, takes the standard errors from the last iteration's weights, so its standard
   * errors differ from fully converged ones in the 5th digit (3e-5 relative on this file): they
   * are checked to 1e-4 relative, the coefficients to 1e-6.
   */
  @Test
  void mllibGeneralizedLinearRegressionAgrees() throws IOException {
    Run sp = onSpark("compare", wide.toString(), "-y", "y", "-x", "x1,x2,x3", "--format", "json");
    assertEquals(0, sp.code(), sp.err());
    JsonNode glm = JSON.readTree(sp.out()).path("logistic");
    JsonNode coefs = glm.path("coefficients");

    Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true").csv(wide.toString());
    Dataset<Row> features = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3"})
        .setOutputCol("features").transform(df);
    GeneralizedLinearRegressionModel m = new GeneralizedLinearRegression().setFamily("binomial")
        .setLink("logit").setLabelCol("y").setMaxIter(100).setTol(1e-12).fit(features);
    double[] se = m.summary().coefficientStandardErrors();
    double[] beta = new double[] {m.intercept(), m.coefficients().apply(0), m.coefficients().apply(1),
        m.coefficients().apply(2)};
    double[] ses = new double[] {se[3], se[0], se[1], se[2]};
    assertEquals(4, coefs.size());
    for (int j = 0; j < 4; j++) {
      double b = coefs.get(j).path("estimate").asDouble();
      double s = coefs.get(j).path("stdError").asDouble();
      assertEquals(beta[j], b, 1e-6 * Math.abs(beta[j]), "coefficient " + j);
      assertEquals(ses[j], s, 1e-4 * ses[j], "standard error " + j);
    }
  }
}
