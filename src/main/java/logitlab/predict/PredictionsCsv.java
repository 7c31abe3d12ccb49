package logitlab.predict;

import java.util.ArrayList;
import java.util.List;
import logitlab.report.Csv;

/**
 * The lines of {@code logitlab predict}'s output, one input record at a time: the input's columns as
 * they were, then {@code p_linear}, {@code p_logistic}, {@code p_neuron}, with Firth's fit
 * {@code p_firth}, the flag {@code p_linear_outside_0_1} ({@code TRUE} when the linear model's
 * "probability" is below 0 or above 1), with a threshold the predicted classes {@code class_linear},
 * {@code class_logistic}, {@code class_neuron} (and {@code class_firth}), and {@code reason}, empty
 * unless the record could not be scored, when the predictions, the flag and the classes are empty
 * and the reason says why.
 *
 * <p>Fields are separated by the input's delimiter; cells are written as {@link Csv} writes them
 * (quoted when they hold the delimiter, a quote or a line break; formula injection neutralised);
 * probabilities with 12 significant digits.
 */
public final class PredictionsCsv {
  /** The columns always added after the input's. */
  public static final List<String> ADDED =
      List.of("p_linear", "p_logistic", "p_neuron", "p_linear_outside_0_1", "reason");

  /** The column of Firth's probability, after {@code p_neuron}. */
  public static final String FIRTH = "p_firth";

  /**
   * The predicted classes: the outcome's event label when the probability is above the threshold
   * (the rule of the classification tables: event when p &gt; threshold), else the other label.
   *
   * @param threshold the classification threshold
   * @param event the outcome's event label (1, TRUE, Yes, success, ...)
   * @param nonEvent the other label
   */
  public record Classes(double threshold, String event, String nonEvent) {
    String of(double p) {
      return p > threshold ? event : nonEvent;
    }
  }

  private final char delimiter;
  private final char decimal;
  private final boolean firth;
  private final Classes classes;
  private final List<String> added;

  /**
   * @param delimiter the field delimiter (the input's)
   * @param decimal the decimal mark of the numbers written, the input's ({@code '.'} or {@code ','}: a
   *     file read with {@code --decimal ,} gets {@code 0,53} back, as R's {@code write.csv2} writes it)
   * @param firth whether to write {@code p_firth} (and {@code class_firth})
   * @param classes the predicted classes to write, or null for none
   */
  public PredictionsCsv(char delimiter, char decimal, boolean firth, Classes classes) {
    if (decimal == delimiter || (decimal != '.' && decimal != ',')) {
      throw new IllegalArgumentException("decimal mark " + decimal + " with delimiter " + delimiter);
    }
    this.delimiter = delimiter;
    this.decimal = decimal;
    this.firth = firth;
    this.classes = classes;
    this.added = List.copyOf(columns(firth, classes));
  }

  /** The columns added after the input's, in order. */
  public List<String> added() {
    return added;
  }

  private static List<String> columns(boolean firth, Classes classes) {
    List<String> a = new ArrayList<>(List.of("p_linear", "p_logistic", "p_neuron"));
    if (firth) {
      a.add(FIRTH);
    }
    a.add("p_linear_outside_0_1");
    if (classes != null) {
      a.addAll(List.of("class_linear", "class_logistic", "class_neuron"));
      if (firth) {
        a.add("class_firth");
      }
    }
    a.add("reason");
    return a;
  }

  /** The header line: the input's column names and {@link #added()}. */
  public String header(List<String> input) {
    StringBuilder sb = new StringBuilder();
    for (String name : input) {
      sb.append(Csv.text(name, delimiter)).append(delimiter);
    }
    sb.append(String.join(String.valueOf(delimiter), added)).append('\n');
    return sb.toString();
  }

  /**
   * A scored record. {@code width} is the header's field count: a short record is padded.
   * {@code firthP} is ignored unless Firth's column is written.
   */
  public String scored(String[] fields, int width, double linear, double logistic, double neuron, double firthP) {
    StringBuilder sb = fields(fields, width);
    number(sb, linear);
    number(sb, logistic);
    number(sb, neuron);
    if (firth) {
      number(sb, firthP);
    }
    sb.append(Csv.bool(linear < 0 || linear > 1)).append(delimiter);
    if (classes != null) {
      cell(sb, classes.of(linear));
      cell(sb, classes.of(logistic));
      cell(sb, classes.of(neuron));
      if (firth) {
        cell(sb, classes.of(firthP));
      }
    }
    return sb.append('\n').toString();
  }

  /** A record that could not be scored, and why. */
  public String unscored(String[] fields, int width, String reason) {
    StringBuilder sb = fields(fields, width);
    for (int k = 1; k < added.size(); k++) {
      sb.append(delimiter);
    }
    return sb.append(Csv.text(reason, delimiter)).append('\n').toString();
  }

  private void number(StringBuilder sb, double v) {
    String n = Csv.number(v);
    sb.append(Csv.quote(decimal == '.' ? n : n.replace('.', decimal), delimiter)).append(delimiter);
  }

  private void cell(StringBuilder sb, String s) {
    sb.append(Csv.text(s, delimiter)).append(delimiter);
  }

  private StringBuilder fields(String[] fields, int width) {
    StringBuilder sb = new StringBuilder(256);
    for (int j = 0; j < width; j++) {
      sb.append(j < fields.length ? Csv.text(fields[j], delimiter) : "").append(delimiter);
    }
    return sb;
  }
}
