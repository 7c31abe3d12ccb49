package logitlab.fit;

import static logitlab.Golden.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import logitlab.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * The neuron's options and output through the {@code compare} command, run in-process with
 * {@link Main#run}: the JSON keys of the issue, byte-identical output for a seed, the seed touching
 * only what is random, the explanations in the text output, and usage errors.
 */
class NeuronCompareOutputTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static JsonNode json(String... args) throws Exception {
    Run r = run(args);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "no progress lines or anything else on stderr when it is not a terminal");
    return JSON.readTree(r.out());
  }

  @Test
  void jsonNeuronHasTheIssuesKeys() throws Exception {
    JsonNode n = json("compare", "data/smoking.csv", "--format", "json").get("neuron");
    for (String key : List.of("coefficients", "epochs", "loss", "converged", "stopReason", "optimizer",
        "learningRate", "gradientNorm", "maxDiffFromLogistic", "epochsTo", "history", "warnings")) {
      assertTrue(n.has(key), "neuron." + key);
    }
    assertEquals("gd", n.get("optimizer").asText());
    assertEquals("tolerance", n.get("stopReason").asText());
    assertTrue(n.get("maxDiffFromLogistic").asDouble() < 1e-6);
    JsonNode to = n.get("epochsTo");
    assertEquals(List.of("1e-2", "1e-4", "1e-6"), iterable(to.fieldNames()));
    assertTrue(to.get("1e-2").asInt() <= to.get("1e-4").asInt() && to.get("1e-4").asInt() <= to.get("1e-6").asInt());
    ArrayNode h = (ArrayNode) n.get("history");
    assertEquals(n.get("epochs").asInt() + 1, h.size(), "every epoch of a short run");
    assertEquals(List.of("epoch", "loss", "weights"), iterable(h.get(0).fieldNames()));
    assertEquals(0, h.get(0).get("epoch").asInt());
    assertEquals(Math.log(2), h.get(0).get("loss").asDouble(), 1e-13, "zeros: p = 1/2 for every row");
    assertEquals(3, h.get(0).get("weights").size());
    JsonNode last = h.get(h.size() - 1);
    assertEquals(n.get("coefficients").get(1).get("estimate").asDouble(), last.get("weights").get(1).asDouble());
    assertEquals("cross-entropy", n.get("lossFunction").asText());
    assertEquals("sigmoid", n.get("activation").asText());
    assertTrue(n.get("seed").isNull(), "gd from zeros draws nothing at random");
  }

  @Test
  void epochsToIsNullWhereNotReached() throws Exception {
    JsonNode n = json("compare", "data/smoking.csv", "--format", "json", "--optimizer", "sgd", "--max-epochs", "100")
        .get("neuron");
    assertEquals("max-epochs", n.get("stopReason").asText());
    assertTrue(n.get("epochsTo").get("1e-2").isInt());
    assertTrue(n.get("epochsTo").get("1e-6").isNull());
    assertEquals(1, n.get("batchSize").asInt());
    assertEquals(20261127L, n.get("seed").asLong());
  }

  @Test
  void sameSeedSameBytesAndTheSeedTouchesOnlyWhatIsRandom() throws Exception {
    for (String format : List.of("text", "json")) {
      String[] sgd = {"compare", "data/smoking.csv", "--format", format, "--optimizer", "sgd", "--max-epochs", "200",
        "--seed", "7"};
      assertEquals(run(sgd).out(), run(sgd).out(), format + ": same seed, same bytes");
      // gradient descent from zeros draws nothing at random: the seed changes nothing
      assertEquals(run("compare", "data/smoking.csv", "--format", format, "--seed", "1").out(),
          run("compare", "data/smoking.csv", "--format", format, "--seed", "2").out());
    }
    JsonNode a = json("compare", "data/smoking.csv", "--format", "json", "--optimizer", "sgd", "--max-epochs", "200",
        "--seed", "1");
    JsonNode b = json("compare", "data/smoking.csv", "--format", "json", "--optimizer", "sgd", "--max-epochs", "200",
        "--seed", "2");
    assertNotEquals(a.get("neuron").get("coefficients"), b.get("neuron").get("coefficients"));
    assertEquals(withoutNeuron(a), withoutNeuron(b), "only the neuron's numbers depend on the seed");
  }

  /** The document with every neuron-derived value removed. */
  static JsonNode withoutNeuron(JsonNode doc) {
    ObjectNode c = doc.deepCopy();
    c.remove("neuron");
    c.remove("warnings"); // holds the neuron's warnings, which quote its gradient norm
    if (c.has("classification")) {
      ((ObjectNode) c.get("classification")).remove("neuron");
    }
    for (JsonNode p : c.get("predictions")) {
      ((ObjectNode) p).remove("neuron");
    }
    return c;
  }

  /** Output text with line breaks and their indentation folded to single spaces (wrapping-proof). */
  static String flat(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }

  @Test
  void textExplainsTanhSquaredLossAndRawInputs() {
    Run tanh = run("compare", "data/smoking.csv", "--activation", "tanh");
    assertEquals(0, tanh.code(), tanh.err());
    String t = flat(tanh.out());
    assertTrue(t.contains("neuron (GD, tanh)") && t.contains("2 x neuron"), tanh.out());
    assertTrue(t.contains("reached half the GLM's coefficients: twice its weights differ from them"), tanh.out());
    assertTrue(t.contains("note: tanh activation: the probability is (tanh(z) + 1) / 2 = sigma(2z)"), tanh.out());

    Run sq = run("compare", "data/smoking.csv", "--loss", "squared", "--init", "5");
    assertEquals(0, sq.code(), sq.err());
    String q = flat(sq.out());
    assertTrue(q.contains("reached the optimum of the squared loss, which is not the GLM's"), sq.out());
    assertTrue(q.contains("note: vanishing gradient: the initial weights (every weight 5, --init 5)"), sq.out());

    Run raw = run("compare", "data/uptake.csv", "--no-standardize", "--max-epochs", "5000");
    assertEquals(0, raw.code(), raw.err());
    String r = flat(raw.out());
    assertTrue(r.contains("stopped (max-epochs)") && r.contains("note: raw inputs (--no-standardize)")
        && r.contains("It never came within 1e-2 of the GLM."), raw.out());

    Run adam = run("compare", "data/smoking.csv", "--optimizer", "adam");
    String a = flat(adam.out());
    assertTrue(a.contains("neuron (Adam)") && a.contains("reached the GLM's coefficients"), adam.out());
  }

  @Test
  void usageErrors() {
    Map<List<String>, String> cases = Map.of(
        List.of("--optimizer", "rmsprop"), "optimizer must be one of gd, momentum, nesterov, sgd, minibatch, adam",
        List.of("--batch-size", "16"), "--batch-size applies to --optimizer minibatch only",
        List.of("--optimizer", "minibatch", "--batch-size", "0"), "--batch-size must be at least 1",
        List.of("--init", "huge"), "initial weights must be zeros, random or a number",
        List.of("--loss", "hinge"), "loss must be one of cross-entropy, squared",
        List.of("--activation", "relu"), "activation must be one of sigmoid, tanh",
        List.of("--learning-rate", "-1"), "--learning-rate must be auto or a positive number");
    for (Map.Entry<List<String>, String> e : cases.entrySet()) {
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("compare", "data/exam.csv"),
          e.getKey().stream()).toArray(String[]::new);
      Run r = run(args);
      assertEquals(2, r.code(), e.getKey() + ": " + r.err());
      assertTrue(r.err().contains(e.getValue()), e.getKey() + ": " + r.err());
      assertEquals("", r.out());
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> l = new java.util.ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
