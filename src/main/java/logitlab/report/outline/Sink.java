package logitlab.report.outline;

import java.util.List;
import logitlab.report.Figure;

/**
 * Where a command writes its document: a heading, a paragraph, a list, a table, a figure, the
 * warnings. A command writes its outline once, as calls on a sink; each output format (text,
 * Markdown, HTML) is one implementation that decides only how a block looks. So a new command gets
 * every format by writing its outline, and a new format serves every command. Some blocks say what
 * they are for the formats that differ most (plain text: 80 columns, no borders, no escaping):
 * {@link #gap}, {@link #lines}, {@link #labelled}, {@link #legend}, {@link #warningsInPlace}
 * beside {@link #warningsSection}, and what a {@link Table}'s columns hold.
 *
 * <p>Every string passed in is plain text (from the user's file it may hold anything); each sink
 * makes it safe for its format ({@link logitlab.report.Escape}). Blocks appear in the order written.
 */
public interface Sink {
  /** The document's title: the first call, once. */
  void title(String text);

  /** Key-value lines under the title (rows, outcome, model, settings). */
  void facts(List<Fact> facts);

  /**
   * Sets the blocks that follow apart from those before, inside a section: plain text leaves a
   * blank line; Markdown and HTML, which set every block apart, write nothing.
   */
  default void gap() {}

  /** A section heading. */
  void heading(String text);

  /**
   * A section heading with a fixed id (the HTML section's id, so that links into a report stay
   * stable); formats without ids write it as {@link #heading(String)}.
   */
  default void heading(String id, String text) {
    heading(text);
  }

  /**
   * Ends the current section: what follows belongs to none (HTML closes its element; plain text
   * leaves the blank line that otherwise comes before the next heading).
   */
  default void endSection() {}

  /** A heading inside a section. */
  void subheading(String text);

  /** A paragraph of running text. */
  void paragraph(String text);

  /** A bulleted list. */
  void list(List<String> items);

  /**
   * Short lines each saying one thing (the statistics of a fit): plain text writes them one per
   * line as they are, indented and not wrapped, so that they line up; the other formats list them.
   */
  default void lines(List<String> lines) {
    list(lines);
  }

  /**
   * A paragraph that starts with a label ({@code note}): plain text writes {@code note: } and hangs
   * the rest of the paragraph under the text; the other formats write {@code Note: } and the text.
   */
  default void labelled(String label, String text) {
    paragraph(Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + text);
  }

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
   * The warnings of the run gathered in a section of their own near the top; when there are none,
   * HTML says {@code none} in a box of its own and the other formats write nothing. A format that
   * shows each warning where it arises instead (plain text: {@link #warningsInPlace}) writes
   * nothing here.
   */
  default void warningsSection(List<String> warnings, String none) {
    if (!warnings.isEmpty()) {
      heading("Warnings");
      warnings(warnings);
    }
  }

  /**
   * Warnings where they arise (under the fit they concern), for a format that shows them there
   * (plain text, as {@link #warnings}); the formats that gather them in {@link #warningsSection}
   * write nothing here. A document calls both, and each format shows its warnings once.
   */
  default void warningsInPlace(List<String> warnings) {}

  /** Small print beside the results (significance codes, a note about a missing plot). */
  default void note(String text) {
    paragraph(text);
  }

  /**
   * A key to the marks in the table above, in small print: {@code label: key} ({@code Signif. codes:
   * 0 '***' 0.001 ...}); its quotes are shown as they are. Plain text sets it under a rule
   * ({@code ---}) with two spaces after the label, as R prints it.
   */
  default void legend(String label, String key) {
    paragraph(label + ": " + key);
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
   * The format this sink writes, for a document whose words differ by format (compare's text
   * output keeps its compact wording: {@code ComparisonOutline}).
   */
  OutlineFormat format();

  /** The finished document. */
  String finish();

  /**
   * One key-value line. Plain text wraps a long value: between words, or, when {@code parts} are
   * given, only between them, the next line starting with the separator ({@code + age}); a value of
   * one part is never broken.
   *
   * @param key the name (rows, outcome, ...)
   * @param value its value
   * @param parts the pieces the value is joined from, or null to wrap it between words
   * @param separator what joins the parts ({@code " + "}), or null with no parts
   */
  record Fact(String key, String value, List<String> parts, String separator) {
    public Fact {
      parts = parts == null ? null : List.copyOf(parts);
    }

    /** A value wrapped between words. */
    public Fact(String key, String value) {
      this(key, value, null, null);
    }

    /** A value joined from parts, wrapped only between them: {@code disease ~ cigs + age}. */
    public static Fact joined(String key, String separator, List<String> parts) {
      return new Fact(key, String.join(separator, parts), parts, separator);
    }

    /** A value kept on one line, however long. */
    public static Fact whole(String key, String value) {
      return new Fact(key, value, List.of(value), "");
    }
  }
}
