package logitlab.predict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import logitlab.data.RowCoder;
import logitlab.data.StreamingRows;
import logitlab.model.Scorer;

/**
 * The scoring loop of {@code logitlab predict}: every record of a new file, read one at a time, coded
 * as a design row ({@link RowCoder}), scored with the fitted models ({@link Scorer}) and written as
 * one line of {@link PredictionsCsv}. A record that cannot be scored (a field count that differs
 * from the header's, a missing or unusable value) keeps its place with empty predictions and the
 * reason. Nothing is kept between records: constant memory for a file of any length.
 */
public final class Predictions {
  private final StreamingRows rows;
  private final RowCoder coder;
  private final Scorer scorer;
  private final PredictionsCsv csv;
  private long scored;
  private long unscored;

  /**
   * @param rows the new file, its header read
   * @param coder codes a record of that header as a row of the training design
   * @param scorer the fitted models
   * @param csv the output's lines
   */
  public Predictions(StreamingRows rows, RowCoder coder, Scorer scorer, PredictionsCsv csv) {
    this.rows = rows;
    this.coder = coder;
    this.scorer = scorer;
    this.csv = csv;
  }

  /** Writes the header line and one line per record, UTF-8, to {@code os}. */
  public void write(OutputStream os) throws IOException {
    List<String> header = rows.header();
    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    w.write(csv.header(header));
    StreamingRows.Row r;
    while ((r = rows.next()) != null) {
      w.write(line(r, header.size()));
    }
    w.flush();
  }

  /** The records read so far. */
  public long rows() {
    return scored + unscored;
  }

  /** The records read so far that have no predictions (see their reason). */
  public long unscored() {
    return unscored;
  }

  /** One output line for one input record. */
  private String line(StreamingRows.Row r, int width) {
    String[] fields = r.fields();
    List<String> reasons = new ArrayList<>(2);
    if (fields.length != width) {
      reasons.add("line " + r.line() + " has " + fields.length + (fields.length == 1 ? " field" : " fields")
          + ", the header " + width + (fields.length > width ? " (the extra fields are not copied)" : "")
          + (r.lastLine() > r.line() ? "; the row runs from line " + r.line() + " to line " + r.lastLine()
              + ": is a quote (\") unbalanced?" : ""));
    }
    RowCoder.Coded coded = fields.length == width ? coder.code(fields) : null;
    if (coded != null && !coded.ok()) {
      reasons.add(coded.reason());
    }
    if (!reasons.isEmpty()) {
      unscored++;
      return csv.unscored(fields, width, String.join("; ", reasons));
    }
    scored++;
    double[] x = coded.row();
    return csv.scored(fields, width, scorer.linear(x), scorer.logistic(x), scorer.neuron(x),
        scorer.hasFirth() ? scorer.firth(x) : Double.NaN);
  }
}
