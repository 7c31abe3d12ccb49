package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enum-typed options ({@link Choices}): a value not among the choices is one line on stderr
 * (no picocli "Try --help" line), exit code 2, naming the choices; the spellings accepted before the
 * options were typed (any case where it was, spaces around where it was) still are; the help lists
 * the choices.
 */
class ChoicesCliTest {
  /** Each bad value with the exact line it gives. */
  @Test
  void aBadValueIsOneLineNamingTheChoices() {
    List<List<String>> cases = List.of(
        List.of("compare data/exam.csv --optimizer rmsprop",
            "optimizer must be one of preconditioned, gd, momentum, nesterov, sgd, minibatch, adam, not \"rmsprop\""),
        List.of("compare data/exam.csv --loss hinge", "loss must be one of cross-entropy, squared, not \"hinge\""),
        List.of("compare data/exam.csv --activation relu", "activation must be one of sigmoid, tanh, not \"relu\""),
        List.of("compare data/exam.csv --ci bad", "--ci must be wald or profile, not \"bad\""),
        List.of("compare data/exam.csv --robust HC4", "--robust takes HC0, HC1, HC2 or HC3, not \"HC4\""),
        List.of("compare data/exam.csv --format xml", "--format must be text, markdown, csv or json, not \"xml\""),
        List.of("compare data/exam.csv --format HTML", "--format must be text, markdown, csv or json, not \"HTML\" "
            + "(for an HTML page with plots, use logitlab report)"),
        List.of("report data/exam.csv -o x.html --format xml", "--format must be html or markdown, not \"xml\""),
        List.of("predict --train data/exam.csv --input data/exam.csv --optimizer bad",
            "optimizer must be one of preconditioned, gd, momentum, nesterov, sgd, minibatch, adam, not \"bad\""),
        List.of("activations --format pdf", "--format must be text, markdown, csv, json or html, not \"pdf\""),
        List.of("activations --functions sigmoid,softmax",
            "activation must be one of sigmoid, tanh, relu, leaky-relu, identity, step, not \"softmax\""),
        List.of("vanishing --activation bad",
            "activation must be one of sigmoid, tanh, relu, leaky-relu, identity, step, not \"bad\""),
        List.of("mlp xor --optimizer bad",
            "optimizer must be one of preconditioned, gd, momentum, nesterov, sgd, minibatch, adam, not \"bad\""),
        List.of("mlp xor --activation bad",
            "activation must be one of sigmoid, tanh, relu, leaky-relu, identity, step, not \"bad\""));
    for (List<String> c : cases) {
      CliRunner r = CliRunner.run(c.get(0).split(" "));
      assertEquals(2, r.code(), c.get(0) + ": " + r.err());
      assertEquals("logitlab: " + c.get(1) + System.lineSeparator(), r.err(), c.get(0));
      assertEquals("", r.out(), c.get(0));
    }
  }

  @Test
  void controlCharactersInABadValueAreEscaped() {
    CliRunner r = CliRunner.run("compare", "data/exam.csv", "--optimizer", "a\nb");
    assertEquals(2, r.code(), r.err());
    assertEquals("logitlab: optimizer must be one of preconditioned, gd, momentum, nesterov, sgd, minibatch, adam, not \"a\\nb\""
        + System.lineSeparator(), r.err());
  }

  /** What was accepted as a string is accepted as the enum, with the same result. */
  @Test
  void theSpellingsAcceptedBeforeStillAre() {
    for (String[] same : new String[][] {
        {"--optimizer", "ADAM", "--optimizer", "adam"},
        {"--optimizer", " Nesterov ", "--optimizer", "nesterov"},
        {"--ci", "Profile", "--ci", "profile"},
        {"--robust", "hc1", "--robust", "HC1"},
        {"--loss", "SQUARED", "--loss", "squared"},
        {"--activation", "TANH", "--activation", "tanh"}}) {
      CliRunner a = CliRunner.run("compare", "data/exam.csv", "--format", "json", same[0], same[1]);
      CliRunner b = CliRunner.run("compare", "data/exam.csv", "--format", "json", same[2], same[3]);
      assertEquals(0, a.code(), a.err());
      assertEquals(b.out(), a.out(), String.join(" ", same));
    }
    CliRunner nn = CliRunner.run("activations", "--format", " CSV ", "--functions", "SIGMOID,Leaky-ReLU", "--step", "3");
    assertEquals(0, nn.code(), nn.err());
    assertTrue(nn.out().startsWith("function,x,value,derivative"), nn.out());
    assertTrue(nn.out().contains("leaky-relu,-6,"), nn.out());
    CliRunner v = CliRunner.run("vanishing", "--activation", "Leaky-ReLU", "--depth", "2", "--format", "JSON");
    assertEquals(0, v.code(), v.err());
    assertTrue(v.out().contains("\"leaky-relu\""), v.out());
  }

  /** The help lists each option's choices (${COMPLETION-CANDIDATES}). */
  @Test
  void theHelpListsTheChoices() {
    String compare = CliRunner.run("compare", "--help").out().replaceAll("\\s+", " ");
    for (String s : List.of("Output format: text, markdown, csv, json;", "Logistic intervals: wald, profile.",
        "linear model: HC0, HC1, HC2, HC3", "Neuron optimizer: preconditioned, gd, momentum, nesterov, sgd, minibatch, adam.",
        "Neuron loss: cross-entropy, squared.", "Neuron activation: sigmoid, tanh.")) {
      assertTrue(compare.contains(s), s + " in " + compare);
    }
    assertTrue(CliRunner.run("report", "--help").out().contains("Report format: html, markdown."));
    String mlp = CliRunner.run("mlp", "--help").out().replaceAll("\\s+", " ");
    assertTrue(mlp.contains("Hidden units' activation: sigmoid, tanh, relu, leaky-relu, identity. Default: relu"), mlp);
    assertTrue(mlp.contains("Output format: text, markdown, csv, json, html;"), mlp);
    String act = CliRunner.run("activations", "--help").out().replaceAll("\\s+", " ");
    assertTrue(act.contains("of sigmoid, tanh, relu, leaky-relu, identity, step. Default: all."), act);
  }
}
