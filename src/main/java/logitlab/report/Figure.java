package logitlab.report;

/**
 * A drawn plot of a report.
 *
 * @param id a short name, unique in the report: {@code fit}, {@code loss}, {@code weights},
 *     {@code agreement}, {@code calibration}
 * @param title the heading above it
 * @param caption what it shows, in a sentence or two (plain text)
 * @param svg the plot as an SVG element for inline use (HTML), or null
 * @param png the file name of the plot as a PNG beside the report (Markdown), or null
 */
public record Figure(String id, String title, String caption, String svg, String png) {}
