package logitlab.report.outline;

import java.util.List;
import logitlab.report.Figure;

/**
 * Where a command writes its document: a heading, a paragraph, a list, a table, a figure, the
 * warnings. A command writes its outline once, as calls on a sink; each output format (text,
 * Markdown, HTML) is one implementation that decides only how a block looks. So a new command gets
 * every format by writing its outline, and a new format serves every command.
 *
 * <p>Every string passed in is plain text (from the user's file it may hold anything); each sink
 * makes it safe for its format ({@link logitlab.report.Escape}). Blocks appear in the order written.
 */
public interface Sink {
  /** The document's title: the first call, once. */
  void title(String text);

  /** Key-value lines under the title (rows, outcome, model, settings). */
  void facts(List<Fact> facts);

  /** A section heading. */
  void heading(String text);

  /** A heading inside a section. */
  void subheading(String text);

  /** A paragraph of running text. */
  void paragraph(String text);

  /** A bulleted list. */
  void list(List<String> items);

  /** A table. */
  void table(Table table);

  /**
   * A plot: HTML shows its inline SVG, Markdown links its PNG file, text names the file; a format
   * that has nothing to show for it writes nothing.
   */
  void figure(Figure figure);

  /** The warnings of the run, set apart from the results; nothing when there are none. */
  void warnings(List<String> warnings);

  /** Text shown as it is, in a fixed-width font (a command line). */
  void preformatted(String text);

  /** The finished document. */
  String finish();

  /**
   * One key-value line.
   *
   * @param key the name (rows, outcome, ...)
   * @param value its value
   */
  record Fact(String key, String value) {}
}
