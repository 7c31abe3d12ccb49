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

  /**
   * A section heading with a fixed id (the HTML section's id, so that links into a report stay
   * stable); formats without ids write it as {@link #heading(String)}.
   */
  default void heading(String id, String text) {
    heading(text);
  }

  /** Ends the current section: what follows belongs to none (HTML closes its element). */
  default void endSection() {}

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

  /**
   * The warnings of the run as a section of their own near the top; when there are none, HTML
   * says {@code none} in a box of its own and the other formats write nothing.
   */
  default void warningsSection(List<String> warnings, String none) {
    if (!warnings.isEmpty()) {
      heading("Warnings");
      warnings(warnings);
    }
  }

  /** Small print beside the results (significance codes, a note about a missing plot). */
  default void note(String text) {
    paragraph(text);
  }

  /**
   * A key to the marks in the table above (the significance codes), in small print; its quotes are
   * shown as they are.
   */
  default void legend(String text) {
    paragraph(text);
  }

  /** A plot as a section of its own under its title (see {@link #figure} for what each format shows). */
  default void plot(Figure figure) {
    figure(figure);
  }

  /**
   * A shell command line, shown as it is in a fixed-width font (Markdown: a {@code sh} code block;
   * HTML: {@code <pre id="command-line">}).
   */
  void preformatted(String text);

  /** The logitlab version that writes the document (HTML names it in its generator tag). */
  default void version(String version) {}

  /**
   * The format this sink writes, for the few blocks whose content differs by format (a flag that
   * is a column in Markdown and a mark in the cell in HTML).
   */
  OutlineFormat format();

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
