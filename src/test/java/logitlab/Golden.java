package logitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;

/**
 * The one fixture for reference values (as Commons Math's {@code TestUtils}): where the golden
 * files are, the tolerances the tests that read them share, the JSON mapper, the comparisons, and
 * the design matrix a golden file describes. Test classes take these from here, never from each
 * other.
 *
 * <p>The references are in {@code src/test/resources/golden/}, one folder per kind, each file
 * recording its tool, version and exact call ({@code src/test/resources/README.md}):
 * <pre>
 * fits/            R glm and lm on a CSV file (weights-*: prior weights,   scripts/golden.R,
 *                  grouped data)                                          scripts/golden-weights.R
 * stats/           intervals, BIC, LR test, robust SEs; alias()           scripts/golden-stats.R
 * margeff/         statsmodels' average marginal effects                  scripts/golden_margeff.py
 * classification/  scikit-learn's log-loss, Brier, AUC, confusion counts  scripts/golden_classification.py
 * csv/             files as other programs write them, read as R does     scripts/golden-csv.R
 * firth/           brglm2's Firth fits                                    scripts/golden-firth.R
 * separation/      the separation LP (lpSolve)                            scripts/golden-firth.R
 * profile/         profile intervals on separated data                    scripts/golden-profile.R
 * predict/         predictions on new rows                                scripts/golden-predict.R
 * rare/            the fits' rare paths                                   scripts/golden-rare-paths.R
 * </pre>
 * The byte-for-byte outputs of the renderers are elsewhere: {@code src/test/resources/golden-output/}
 * ({@code GoldenOutputTest}).
 */
public final class Golden {
  private Golden() {}

  /** The folder of the reference values. */
  public static final Path DIR = Path.of("src/test/resources/golden");

  /** The JSON mapper for golden files and for logitlab's own JSON output. */
  public static final ObjectMapper JSON = new ObjectMapper();

  /** Coefficients against the reference, relative to max(1, |value|). */
  public static final double COEF_TOL = 1e-6;

  /** Standard errors, test statistics and p values, relative to max(1, |value|). */
  public static final double SE_TOL = 1e-4;

  /** Deviances, AIC, BIC and log-likelihoods, relative to max(1, |value|). */
  public static final double DEV_TOL = 1e-8;

  /** The golden file {@code kind/name.json}. */
  public static Path path(String kind, String name) {
    return DIR.resolve(kind).resolve(name + ".json");
  }

  /** The golden file {@code kind/name.json}, read. */
  public static JsonNode read(String kind, String name) {
    return read(path(kind, name));
  }

  /** A JSON file, read. */
  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON document (logitlab's {@code --format json} output), parsed. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every golden file of a kind, sorted by name. None is an error, so that a parameterised test
   * over a moved or emptied folder fails instead of running nothing.
   */
  public static Stream<Path> all(String kind) {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR.resolve(kind))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no golden files in " + DIR.resolve(kind));
    }
    return files.stream();
  }

  /** {@code actual} within {@code tol} of {@code expected}, relative to max(1, |expected|). */
  public static void rel(String what, double expected, double actual, double tol) {
    assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)), what);
  }

  /** Each element as {@link #rel}, and the same length. */
  public static void column(String what, JsonNode expected, double[] actual, double tol) {
    assertEquals(expected.size(), actual.length, what);
    for (int j = 0; j < actual.length; j++) {
      rel(what + "[" + j + "]", expected.get(j).asDouble(), actual[j], tol);
    }
  }

  /** A JSON array of numbers. */
  public static double[] doubles(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  /** A JSON array of strings. */
  public static List<String> strings(JsonNode a) {
    List<String> v = new ArrayList<>();
    a.forEach(n -> v.add(n.asText()));
    return v;
  }

  /** A string field, or null when absent or JSON null. */
  public static String text(JsonNode g, String field) {
    return g.hasNonNull(field) ? g.get(field).asText() : null;
  }

  /** The extra missing-value markers ({@code --na}) of a golden file's {@code "na"} array, if any. */
  public static Set<String> naMarkers(JsonNode g) {
    Set<String> na = new LinkedHashSet<>();
    if (g.has("na")) {
      g.get("na").forEach(n -> na.add(n.asText()));
    }
    return na;
  }

  /**
   * The design of a golden file as the CLI loads it: its {@code "file"}, {@code "outcome"} and
   * {@code "predictors"} (the CSV's defaults when absent), {@code "factors"} (each with its reference
   * level or null), {@code "positive"}, {@code "na"}, {@code "weights"} and {@code "trials"}. When the
   * file gives {@code "rowsUsed"}, the rows left after dropping missing values must be that many (as
   * R's na.omit).
   */
  public static DesignMatrix design(JsonNode g) {
    List<String> predictors = g.has("predictors") ? strings(g.get("predictors")) : null;
    Map<String, String> factors = new LinkedHashMap<>();
    g.get("factors").properties().forEach(e -> factors.put(e.getKey(), e.getValue().isNull() ? null
        : e.getValue().asText()));
    ModelSpec spec = new ModelSpec(text(g, "outcome"), predictors, factors, text(g, "positive"), naMarkers(g))
        .withWeights(text(g, "weights"), text(g, "trials"));
    DesignMatrix d = csv(g.get("file").asText(), spec);
    if (g.has("rowsUsed")) {
      assertEquals(g.get("rowsUsed").asInt(), d.n(), "rows left after dropping missing values, as R's na.omit");
    }
    return d;
  }

  /** A CSV file (comma-separated, UTF-8) loaded as the CLI loads it, with this model. */
  public static DesignMatrix csv(String file, ModelSpec spec) {
    return DesignMatrixLoader.load(Path.of(file), file, ',', spec);
  }

  /** A bundled data set, {@code data/NAME.csv}, with the CSV's defaults and these columns as factors. */
  public static DesignMatrix bundled(String name, String... factors) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String c : factors) {
      f.put(c, null);
    }
    return csv("data/" + name + ".csv", new ModelSpec(null, null, f, null, null));
  }
}
