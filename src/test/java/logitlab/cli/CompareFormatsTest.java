package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The markdown and csv formats of compare, and text tables that fit an 80-column terminal. */
class CompareFormatsTest {
  @TempDir Path tmp;

  /** Prose: three words in a row. Tables hold numbers and names, never three words in a row. */
  private static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}[,:;]? [a-z(]{2,}[,:]? [a-z(]{2,}");

  /** Ten terms (an intercept and nine predictors with 24-character names), logistic data. */
  private Path tenTerms() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    StringBuilder sb = new StringBuilder();
    for (int j = 1; j <= 9; j++) {
      sb.append(String.format("measurement_of_factor_%02d,", j));
    }
    sb.append("outcome\n");
    for (int i = 0; i < 300; i++) {
      double eta = -0.5;
      for (int j = 1; j <= 9; j++) {
        double x = Math.round((r.nextDouble() * 20 - 10) * 1000) / 1000.0;
        eta += 0.05 * j * x / 9;
        sb.append(x).append(',');
      }
      sb.append(r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0).append('\n');
    }
    Path p = tmp.resolve("ten.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void textTablesFitEightyColumnsForTenTerms() throws IOException {
    Path csv = tenTerms();
    for (String[] extra : new String[][] {{}, {"--robust"}, {"--at", "measurement_of_factor_01=1"}}) {
      String[] args = new String[2 + extra.length];
      args[0] = "compare";
      args[1] = csv.toString();
      System.arraycopy(extra, 0, args, 2, extra.length);
      CliRunner c = CliRunner.run(args);
      assertEquals(0, c.code(), c.err());
      int tableLines = 0;
      for (String line : c.out().split("\n")) {
        if (PROSE.matcher(line).find()) {
          continue;
        }
        tableLines++;
        assertTrue(line.length() <= 80, "a table line of " + line.length() + " characters:\n" + line + "\n\n" + c.out());
      }
      assertTrue(tableLines > 60, "too few table lines checked: " + tableLines);
    }
  }

  @Test
  void aTooWideSideBySideTableShowsOneModelPerBlock() throws IOException {
    Path csv = tmp.resolve("long.csv");
    String name = "the_number_of_cigarettes_smoked_per_day_on_average";
    Files.writeString(csv, Files.readString(Path.of("data/smoking.csv")).replaceFirst("cigs", name));
    CliRunner c = CliRunner.run("compare", csv.toString());
    assertEquals(0, c.code(), c.err());
    String out = c.out();
    int start = out.indexOf("Coefficients side by side\n");
    int end = out.indexOf("  linear: change in probability");
    String table = out.substring(start, end);
    for (String line : table.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertTrue(table.contains("linear (OLS)\n") || table.matches("(?s).*term +linear \\(OLS\\)\n.*"), table);
    assertEquals(3, table.split("\n\n").length, table);
  }

  @Test
  void markdownIsGitHubTables() {
    CliRunner c = CliRunner.run("compare", "data/admissions.csv", "--factor", "rank", "--format", "markdown");
    assertEquals(0, c.code(), c.err());
    String md = c.out();
    assertTrue(md.startsWith("# logitlab compare: data/admissions.csv\n\n"), md);
    assertTrue(md.contains("| term | linear (OLS) | logistic (GLM) | neuron (preconditioned) |\n|:---|---:|---:|---:|\n"), md);
    assertTrue(md.contains("| rank4 | -0.332961 | -1.5783 | -1.5783 |"), md);
    // every table row has as many cells as its header
    String[] lines = md.split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("|:---")) {
        int cells = lines[i - 1].split("(?<!\\\\)\\|", -1).length;
        for (int k = i + 1; k < lines.length && lines[k].startsWith("|"); k++) {
          assertEquals(cells, lines[k].split("(?<!\\\\)\\|", -1).length, lines[k]);
        }
      }
    }
  }

  @Test
  void csvIsOneTidyTable() {
    CliRunner c = CliRunner.run("compare", "data/exam.csv", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    String[] lines = c.out().split("\n");
    assertEquals("file,model,term,quantity,value", lines[0]);
    for (String line : lines) {
      assertEquals(5, line.split(",", -1).length, line);
      assertTrue(line.startsWith("data/exam.csv,") || line == lines[0], line);
    }
    assertTrue(c.out().contains("data/exam.csv,logistic,hours,estimate,1.5046454283\n"), c.out());
    assertTrue(c.out().contains("data/exam.csv,logistic,,deviance,16.0597569287\n"), c.out());
    assertTrue(c.out().contains("data/exam.csv,linear,,fitted_out_of_range,3\n"), c.out());
    assertTrue(c.out().contains("data/exam.csv,linear,hours=6,predicted,") || c.out().contains(",predicted,"), c.out());
  }
}
