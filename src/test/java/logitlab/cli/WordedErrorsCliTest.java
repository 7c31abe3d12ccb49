package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole line of each error that the fits and options records return as data
 * ({@code FitException} reasons, {@code InvalidSetting}, {@code PlotData}'s unusable predictor)
 * and {@code report}/{@code cli} word: byte for byte as before they became data (issue 10).
 */
class WordedErrorsCliTest {
  @TempDir static Path tmp;

  private record Case(List<String> args, int code, String line) {}

  private static Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void everyWordedErrorIsOneExactLine() throws IOException {
    String w0 = write("w0.csv", "x,y,w\n1,0,0\n2,1,0\n3,0,0\n4,1,0\n").toString();
    String one = write("oneclass.csv", "x,y,w\n1,0,1\n2,1,0\n3,0,1\n4,1,0\n5,0,1\n").toString();
    String factor = write("factor.csv", "g,y\na,0\nb,1\na,1\nb,0\na,0\nb,1\n").toString();
    String six = write("six.csv", "x,y\n1,0\n2,0\n3,0\n4,1\n5,0\n6,0\n").toString();
    String html = tmp.resolve("r.html").toString();
    String few = "src/test/resources/bad/fewer-rows-than-coefficients.csv";
    List<Case> cases = new ArrayList<>(List.of(
        new Case(List.of("compare", few), 4,
            few + ": 3 usable rows but the model has 4 coefficients ((Intercept), a, b, c); at least 5 rows are needed"),
        new Case(List.of("compare", w0, "-y", "y", "--weights", "w"), 4, w0 + ": every row has weight 0; nothing to fit"),
        new Case(List.of("compare", one, "-y", "y", "--weights", "w"), 4,
            one + ": outcome \"y\" has only one class in the 5 usable rows; a model needs both"),
        new Case(List.of("mlp", "data/exam.csv", "--test-fraction", "0.9"), 4, "data/exam.csv: the 2 training rows "
            + "hold only one class of \"pass\" (with --test-fraction 0.9; try another --seed or --test-fraction 0); "
            + "a model needs both"),
        new Case(List.of("mlp", six, "--test-fraction", "0.9"), 4,
            six + ": 6 rows leave 1 for training with --test-fraction 0.9; use a smaller --test-fraction or more rows"),
        new Case(List.of("compare", "data/exam.csv", "--tolerance", "0"), 2, "tolerance must be a positive number, got 0.0"),
        new Case(List.of("compare", "data/exam.csv", "--init", "huge"), 2,
            "initial weights must be zeros, random or a number from -1000 to 1000, not \"huge\""),
        new Case(List.of("compare", "data/exam.csv", "--max-epochs", "0"), 2, "max epochs must be at least 1, got 0"),
        new Case(List.of("compare", "data/exam.csv", "--batch-size", "16"), 2, "--batch-size applies to --optimizer "
            + "minibatch only (sgd uses 1 row per step; gd, momentum, nesterov and adam use all rows)"),
        new Case(List.of("compare", "data/exam.csv", "--optimizer", "minibatch", "--batch-size", "0"), 2,
            "--batch-size must be at least 1, not 0"),
        new Case(List.of("compare", "data/exam.csv", "--learning-rate", "-1"), 2,
            "--learning-rate must be auto or a positive number, not \"-1\""),
        new Case(List.of("compare", "data/exam.csv", "--conf", "2"), 2,
            "--conf must be between 0 and 1 (e.g. 0.95), got 2.0"),
        new Case(List.of("compare", "data/exam.csv", "--threshold", "0"), 2, "--threshold must be between 0 and 1, got 0.0"),
        new Case(List.of("compare", "data/exam.csv", "--max-iterations", "0"), 2,
            "--max-iterations must be at least 1, got 0"),
        new Case(List.of("compare", "data/exam.csv", "--firth-max-iterations", "0"), 2,
            "--firth-max-iterations must be at least 1, got 0"),
        new Case(List.of("report", "data/exam.csv", "--plot-x", "pass", "-o", html), 2,
            "--plot-x: pass is not a predictor of the model; numeric predictors are: hours"),
        new Case(List.of("report", factor, "--plot-x", "g", "-o", html), 2,
            "--plot-x g is categorical; it must name a numeric predictor")));
    for (Case c : cases) {
      CliRunner r = CliRunner.run(c.args().toArray(String[]::new));
      assertEquals(c.code(), r.code(), c.args() + ": " + r.err());
      assertEquals("logitlab: " + c.line() + System.lineSeparator(), r.err(), c.args().toString());
      assertEquals("", r.out(), c.args().toString());
    }
  }

  /** A plot the data do not allow is named in the report, in words. */
  @Test
  void aMissingPlotIsNotedInWords() throws IOException {
    String factor = write("factor2.csv", "g,y\na,0\nb,1\na,1\nb,0\na,0\nb,1\n").toString();
    Path md = tmp.resolve("factor.md");
    CliRunner r = CliRunner.run("report", factor, "-o", md.toString(), "--max-epochs", "5");
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(md);
    assertTrue(text.contains("The model has no numeric predictor, so there is no curve to plot against one."),
        text);
  }
}
