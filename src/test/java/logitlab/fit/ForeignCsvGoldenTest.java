package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.DEV_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.column;
import static logitlab.Golden.read;
import static logitlab.Golden.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import logitlab.Golden;
import logitlab.data.CsvFormat;
import logitlab.data.CsvInput;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.model.LinearProbabilityFit;
import logitlab.model.LogisticFit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as other programs write them, read as R reads them: a decimal comma (R's {@code write.csv2}
 * / {@code read.csv2}), windows-1252 with Excel's {@code sep=;} line, and {@code ""} kept as a level
 * ({@code read.csv}) or read as missing ({@code na.strings = c("NA", "")}).
 *
 * <p>Golden values from {@code scripts/golden-csv.R} (R 4.2.2; each file in
 * {@code src/test/resources/golden/csv/} records the read call and the model calls). The script
 * also checks that the two admissions files give exactly the coefficients of
 * {@code data/admissions.csv}. Tolerances ({@link Golden}): coefficients {@value Golden#COEF_TOL},
 * standard errors {@value Golden#SE_TOL}, deviances {@value Golden#DEV_TOL}, relative to
 * max(1, |value|).
 */
class ForeignCsvGoldenTest {
  static Stream<Path> goldens() {
    return Golden.all("csv");
  }

  /** The design matrix as logitlab reads the golden's file with the golden's options. */
  static DesignMatrix design(JsonNode g) {
    JsonNode o = g.get("options");
    CsvFormat format = new CsvFormat(o.get("delimiter").asText().charAt(0), false,
        o.get("decimal").asText().charAt(0), Charset.forName(o.get("encoding").asText()));
    List<String> predictors = new ArrayList<>();
    g.get("predictors").forEach(n -> predictors.add(n.asText()));
    Map<String, String> factors = new LinkedHashMap<>();
    g.get("factors").fieldNames().forEachRemaining(f -> factors.put(f, null));
    ModelSpec spec = new ModelSpec(g.get("outcome").asText(), predictors, factors, null, null)
        .withEmptyLevel(o.get("emptyLevel").asBoolean());
    String file = g.get("file").asText();
    return DesignMatrixLoader.load(CsvInput.file(Path.of(file), file), format, spec);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void logisticAndLinearMatchR(Path golden) throws IOException {
    JsonNode g = read(golden);
    DesignMatrix d = design(g);
    JsonNode r = g.get("logistic");
    List<String> terms = new ArrayList<>();
    r.get("terms").forEach(n -> terms.add(n.asText()));
    assertEquals(terms, d.terms());
    assertEquals(r.get("rowsUsed").asInt(), d.n());
    LogisticFit f = IrlsFitter.fit(d, IrlsOptions.defaults());
    column("estimate", r.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", r.get("stdError"),
        f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    rel("deviance", r.get("deviance").asDouble(), f.deviance(), DEV_TOL);
    rel("nullDeviance", r.get("nullDeviance").asDouble(), f.nullDeviance(), DEV_TOL);
    JsonNode l = g.get("linear");
    LinearProbabilityFit ols = OlsFitter.fit(d);
    column("linear estimate", l.get("estimate"), ols.estimates(), COEF_TOL);
    column("linear stdError", l.get("stdError"),
        ols.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
  }
}
