package logitlab.cli;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What a user sees of interval ends that do not exist or were not found (issue 9): Inf or NA in
 * the table with one sentence saying why, null in JSON with the reason and the end's kind; and
 * Firth's own iteration limit. The numbers are checked against R in ProfileIntervalsTest and
 * FirthFitterTest.
 */
class ProfileCliTest {
  @Test
  void infiniteProfileEndsAreShownAndExplained() {
    CliRunner r = CliRunner.run("compare", "data/separated.csv", "--ci", "profile", "--max-epochs", "100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("-Inf  -6.1127"), r.out());
    assertTrue(r.out().contains("1.9604      Inf"), r.out());
    String flat = r.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("Profile-likelihood interval ends that do not exist (shown as Inf): "
        + "(Intercept) (lower), hours (upper). The likelihood never falls to the critical value"), flat);
  }

  /**
   * Quasi-complete separation: the intercept's lower end is -Inf (R: scripts/golden-profile.R,
   * golden/profile/quasi.json), where an inner fit stuck at the eta clamp once gave -191.91.
   */
  @Test
  void quasiSeparatedInterceptLowerEndIsInf() {
    CliRunner r = CliRunner.run("compare", "src/test/resources/separation/quasi.csv", "--ci", "profile",
        "--max-epochs", "100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(Intercept)   -81.074     -Inf  -1.864"), r.out());
    assertTrue(r.out().contains("x              20.268  0.51972     Inf"), r.out());
  }

  @Test
  void jsonWritesNullWithTheReasonAndTheKind() throws IOException {
    CliRunner r = CliRunner.run("compare", "data/separated.csv", "--ci", "profile", "--max-epochs", "100",
        "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    JsonNode intercept = j.get("logistic").get("coefficients").get(0);
    assertTrue(intercept.get("ciLow").isNull());
    assertEquals("unbounded", intercept.get("ciLowKind").asText());
    assertEquals(-6.1127, intercept.get("ciHigh").asDouble(), 1e-4);
    assertTrue(!intercept.has("ciHighKind"));
    String warnings = j.get("warnings").toString();
    assertTrue(warnings.contains("ciLow is written as null: the interval's lower end is infinite (it does not "
        + "exist)"), warnings);
  }

  @Test
  void profileOfAnUnconvergedFitIsNaWithTheReason() {
    CliRunner r = CliRunner.run("compare", "data/smoking.csv", "--ci", "profile", "--max-iterations", "1",
        "--max-epochs", "100");
    assertEquals(0, r.code(), r.err());
    String flat = r.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("(Intercept) -3.2511 NA NA"), flat);
    assertTrue(flat.contains("No profile-likelihood intervals (NA) for (Intercept), cigs, age: the fit did not "
        + "converge, so the maximum the profile is measured from is not known. Raise --max-iterations"), flat);
  }

  /** The 30-predictor separated set that threw NoBracketingException: every end Inf, exit 0. */
  @Test
  void manySeparatedPredictorsDoNotCrash() {
    CliRunner r = CliRunner.run("compare", "src/test/resources/crashes/separated30.csv", "--ci", "profile",
        "--max-epochs", "100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("x30") && r.out().contains("ends that do not exist (shown as Inf)"), r.out());
  }

  /** The Arrests-shaped set that threw a NullPointerException with --firth --ci profile. */
  @Test
  void firthProfileWithFactorsDoesNotCrash() {
    CliRunner r = CliRunner.run("compare", "src/test/resources/firth/arrests.csv", "--factor",
        "colour,sex,employed,citizen", "--firth", "--ci", "profile", "--max-epochs", "100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("95 % profile penalised-likelihood intervals"), r.out());
    assertTrue(!r.out().contains(" NA "), r.out());
  }

  @Test
  void firthHasItsOwnIterationLimit() {
    CliRunner ok = CliRunner.run("compare", "src/test/resources/firth/birthwt.csv", "--firth",
        "--max-epochs", "100");
    assertEquals(0, ok.code(), ok.err());
    String firth = ok.out().substring(ok.out().indexOf("Firth's penalised-likelihood"));
    assertTrue(firth.contains("(converged)") && firth.contains("161.715"), firth);
    CliRunner few = CliRunner.run("compare", "src/test/resources/firth/birthwt.csv", "--firth",
        "--firth-max-iterations", "2", "--ci", "profile", "--max-epochs", "100");
    assertEquals(0, few.code(), few.err());
    String flat = few.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("Firth's fit stopped after 2 iterations without converging"), flat);
    assertTrue(flat.contains("No profile penalised-likelihood intervals (NA) for (Intercept), bwt"), flat);
    CliRunner bad = CliRunner.run("compare", "data/exam.csv", "--firth", "--firth-max-iterations", "0");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--firth-max-iterations must be at least 1"), bad.err());
  }
}
