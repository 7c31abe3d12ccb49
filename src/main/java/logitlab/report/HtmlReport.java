package logitlab.report;

import logitlab.report.outline.OutlineFormat;

/**
 * The HTML report of {@code logitlab report -o FILE.html}: one self-contained file that opens
 * offline, with the style sheet inline and the plots as inline SVG; no scripts, no external fonts,
 * images or links to fetch. The sections are {@link ComparisonOutline}'s, the look the HTML sink's.
 *
 * <p>Every string from the input (file name, column names, levels, messages that quote them) is
 * escaped ({@link Escape#html}). The document is HTML5 and also well-formed XML (polyglot markup):
 * every element is closed and only the five XML entities are used, so an XML parser can check it.
 * The same input and options give the same bytes: nothing depends on the time unless
 * {@code --timestamp} asks for it.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The report as one HTML document; the figures carry their SVG. */
  public static String render(ReportContent content) {
    return ComparisonOutline.report(content, OutlineFormat.HTML);
  }
}
