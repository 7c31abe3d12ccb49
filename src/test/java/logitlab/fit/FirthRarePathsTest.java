package logitlab.fit;

import static logitlab.Golden.COEF_TOL;
import static logitlab.Golden.SE_TOL;
import static logitlab.Golden.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import logitlab.Golden;
import logitlab.data.DesignMatrix;
import logitlab.data.ModelSpec;
import logitlab.model.LogisticFit;
import org.junit.jupiter.api.Test;

/**
 * Firth's step control on data where it is needed: the estimates lie far from the start (slope 970
 * on x in thousandths, complete separation), so the scoring steps are capped and, given the
 * iterations, must still end at brglm2's estimates; with too few iterations the fit must say it
 * did not converge. Golden values: {@code src/test/resources/golden/rare/firth-far-start.json}
 * from {@code scripts/golden-rare-paths.R} (R 4.2.2, brglm2 0.9, {@code brglmFit(type =
 * "AS_mean")}). Tolerances ({@link Golden}): coefficients {@value Golden#COEF_TOL}, standard errors
 * {@value Golden#SE_TOL}, relative. The iteration limits are given explicitly,
 * so the test does not depend on Firth's default limit.
 */
class FirthRarePathsTest {
  @Test
  void estimatesFarFromTheStartAreReachedGivenTheIterations() throws IOException {
    JsonNode g = Golden.read("rare", "firth-far-start");
    DesignMatrix d = Golden.csv(g.get("file").asText(), new ModelSpec("y", List.of("x"), Map.of(), null, null));
    LogisticFit f = FirthFitter.fit(d, new IrlsOptions(1e-8, 1000, 0.95, IrlsOptions.CiMethod.WALD));
    assertTrue(f.converged(), words(f).toString());
    assertTrue(f.iterations() < 1000);
    column("estimate", g.get("estimate"), f.estimates(), COEF_TOL);
    column("stdError", g.get("stdError"), f.coefficients().stream().mapToDouble(c -> c.stdError()).toArray(), SE_TOL);
    assertTrue(f.separation().detected());
    assertTrue(words(f).stream().noneMatch(w -> w.contains("did not converge")), words(f).toString());
  }

  /** The fit's diagnostics as the report words them (ML wording; Firth's differs only for separation). */
  static java.util.List<String> words(logitlab.model.LogisticFit f) {
    return f.warnings().stream().map(w -> logitlab.report.DiagnosticText.logistic(w, false)).toList();
  }
}
