package logitlab.report;

import logitlab.model.Comparison;
import logitlab.report.outline.OutlineFormat;

/**
 * GitHub-flavoured Markdown: the {@code --format markdown} output of {@code compare}, and the
 * Markdown report of {@code report -o FILE.md} (the same sections plus the plots, as PNG files
 * beside it, and the provenance). The sections are {@link ComparisonOutline}'s; tables are GFM pipe
 * tables that render as they are; every string from the input is escaped ({@link Escape#markdown}).
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The {@code compare --format markdown} output. */
  public static String render(Comparison c) {
    return ComparisonOutline.compare(c, OutlineFormat.MARKDOWN);
  }

  /** The report: the compare output with plots (PNG files named in the figures) and provenance. */
  public static String report(ReportContent content) {
    return ComparisonOutline.report(content, OutlineFormat.MARKDOWN);
  }
}
