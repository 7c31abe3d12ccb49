package logitlab.report;

import java.util.List;

/**
 * The lines of {@code logitlab predict}'s output, one input record at a time: the input's columns as
 * they were, then {@code p_linear}, {@code p_logistic}, {@code p_neuron}, the flag
 * {@code p_linear_outside_0_1} ({@code TRUE} when the linear model's "probability" is below 0 or
 * above 1) and {@code reason}, empty unless the record could not be scored, when the three
 * predictions and the flag are empty and the reason says why. Cells are written as {@link Csv}
 * writes them (quoted as needed, formula injection neutralised); probabilities with 12 significant
 * digits.
 */
public final class PredictionsCsv {
  /** The columns added after the input's. */
  public static final List<String> ADDED =
      List.of("p_linear", "p_logistic", "p_neuron", "p_linear_outside_0_1", "reason");

  private PredictionsCsv() {}

  /** The header line: the input's column names and {@link #ADDED}. */
  public static String header(List<String> input) {
    StringBuilder sb = new StringBuilder();
    for (String name : input) {
      sb.append(Csv.text(name)).append(',');
    }
    sb.append(String.join(",", ADDED)).append('\n');
    return sb.toString();
  }

  /** A scored record. {@code width} is the header's field count: a short record is padded. */
  public static String scored(String[] fields, int width, double linear, double logistic, double neuron) {
    StringBuilder sb = fields(fields, width);
    sb.append(Csv.number(linear)).append(',').append(Csv.number(logistic)).append(',')
        .append(Csv.number(neuron)).append(',').append(Csv.bool(linear < 0 || linear > 1)).append(",\n");
    return sb.toString();
  }

  /** A record that could not be scored, and why. */
  public static String unscored(String[] fields, int width, String reason) {
    StringBuilder sb = fields(fields, width);
    sb.append(",,,,").append(Csv.text(reason)).append('\n');
    return sb.toString();
  }

  private static StringBuilder fields(String[] fields, int width) {
    StringBuilder sb = new StringBuilder(256);
    for (int j = 0; j < width; j++) {
      sb.append(j < fields.length ? Csv.text(fields[j]) : "").append(',');
    }
    return sb;
  }
}
