package logitlab.report;

import java.util.List;
import logitlab.model.Comparison;

/**
 * Everything a report shows: the three fits, the plots drawn from them, notes about plots that
 * could not be drawn, and the provenance.
 *
 * @param comparison the fits
 * @param figures the plots, in order
 * @param plotNotes why a plot is missing ("no numeric predictor to plot against"), plain text
 * @param provenance where the report came from
 */
public record ReportContent(
    Comparison comparison, List<Figure> figures, List<String> plotNotes, Provenance provenance) {
  public ReportContent {
    figures = List.copyOf(figures);
    plotNotes = List.copyOf(plotNotes);
  }
}
