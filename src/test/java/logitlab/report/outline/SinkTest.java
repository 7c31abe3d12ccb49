package logitlab.report.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import logitlab.report.Figure;
import org.junit.jupiter.api.Test;

/** One outline written to the three sinks: each block in each format, and hostile text kept harmless. */
class SinkTest {
  private static final String HOSTILE = "<script>alert('x')</script> *bold* | pipe";

  private static String write(OutlineFormat f) {
    Sink s = f.sink();
    s.title("logitlab test: " + HOSTILE);
    s.facts(List.of(new Sink.Fact("rows", "12 read"), new Sink.Fact("outcome", HOSTILE)));
    s.heading("Section one");
    s.paragraph("A paragraph long enough to be wrapped at eighty columns in the text output, so that no line of "
        + "the text format is longer than eighty characters, whatever it holds.");
    s.list(List.of("first item", HOSTILE));
    s.table(Table.of("numbers", "name", "value", "note").text(2).row("a", "1.5", "left").row(HOSTILE, "-2", "").build());
    s.warnings(List.of("something went wrong: " + HOSTILE));
    s.heading("Section one");
    s.subheading("Inner");
    s.figure(new Figure("plot", "A plot", "What it shows.", "<svg class=\"plot\"><title>A plot</title></svg>",
        "plot.png"));
    s.preformatted("logitlab mlp --hidden 8");
    return s.finish();
  }

  @Test
  void textIsPlainAlignedAndWithinEightyColumns() {
    String t = write(OutlineFormat.TEXT);
    assertTrue(t.startsWith("logitlab test: " + HOSTILE + "\n  rows     12 read\n  outcome  "), t);
    assertTrue(t.contains("\nSection one\n  A paragraph long enough"), t);
    assertTrue(t.contains("  - first item\n"), t);
    assertTrue(t.contains("  name" + " ".repeat(HOSTILE.length() - 4) + "  value  note\n"), t);
    assertTrue(t.contains("  a" + " ".repeat(HOSTILE.length() - 1) + "    1.5  left\n"), t);
    assertTrue(t.contains("  warning: something went wrong"), t);
    assertTrue(t.contains("  plot: plot.png (A plot)\n"), t);
    assertFalse(t.contains("<svg"), "no SVG in text");
    for (String line : t.split("\n")) {
      assertTrue(line.length() <= 80 || line.contains(HOSTILE), "too long: " + line);
    }
  }

  @Test
  void markdownEscapesAndLinksThePng() {
    String m = write(OutlineFormat.MARKDOWN);
    assertTrue(m.startsWith("# logitlab test: &lt;script&gt;"), m);
    assertTrue(m.contains("- **rows:** 12 read\n"), m);
    assertTrue(m.contains("## Section one\n\nA paragraph"), m);
    assertTrue(m.contains("| name | value | note |\n|:---|---:|:---|\n| a | 1.5 | left |\n"), m);
    assertTrue(m.contains("\\*bold\\* \\| pipe | -2 | |"), m);
    assertTrue(m.contains("> **Warning:** something went wrong"), m);
    assertTrue(m.contains("![A plot](plot.png)\n\nWhat it shows."), m);
    assertTrue(m.endsWith("```\n"), m);
    assertFalse(m.contains("<script>"), m);
  }

  @Test
  void htmlIsOneWellFormedPageWithUniqueIdsAndNoScript() throws Exception {
    String h = write(OutlineFormat.HTML);
    assertTrue(h.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), h);
    assertFalse(h.contains("<script>"), h);
    assertTrue(h.contains("&lt;script&gt;"), h);
    assertTrue(h.contains("<section id=\"section-one\">") && h.contains("<section id=\"section-one-2\">"), h);
    assertTrue(h.contains("<svg class=\"plot\">"), h);
    assertTrue(h.contains("<div class=\"warnings\">"), h);
    // polyglot: an XML parser reads it (the DOCTYPE has no DTD to fetch)
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.newDocumentBuilder().parse(new ByteArrayInputStream(h.getBytes(StandardCharsets.UTF_8)));
    assertEquals(h, write(OutlineFormat.HTML), "same outline, same bytes");
  }

  /** The blocks and table columns that plain text shows differently from the documents. */
  private static String writeTextShaped(OutlineFormat f) {
    Sink s = f.sink();
    s.title("logitlab test");
    List<String> terms = List.of("y ~ first-term", "second-term", "third-term", "fourth-term", "fifth-term",
        "sixth-term", "seventh-term");
    s.facts(List.of(Sink.Fact.whole("rows", "r".repeat(90)), Sink.Fact.joined("model", " + ", terms)));
    s.warningsSection(List.of("gathered: at the top"), "none");
    s.warningsInPlace(List.of("in place: where it arises"));
    s.heading("Estimates");
    s.table(Table.of("estimates", "term", "estimate", "SE", "signif.").shortHeader("", "estimate", "SE", "")
        .bracketed(2).marks(3).row("slope", "1.5", "0.25", "**").build());
    s.legend("Signif. codes", "0 '***' 0.001 '**' 0.01");
    s.lines(List.of("Null deviance     1.000", "AIC 3   BIC 4"));
    s.gap();
    s.labelled("note", "a note long enough to be wrapped at eighty columns, so that the second line hangs "
        + "under the text of the first.");
    s.heading("Points");
    Table.Builder t = Table.of("points", "at", "p", "outside [0, 1]", "unused", "held at")
        .flag(2, "!", "not a probability").optional(3, 4).list(4);
    t.listRow(List.of("a-long-name-to-hold-at = 1.25 (mean)", "b-long-name-to-hold-at = 2 (mean)",
        "c-long-name-to-hold-at = x (reference)"), "x=0", "1.2", "!", "");
    t.listRow(List.of(), "x=1", "0.5", "", "");
    s.table(t.build());
    s.endSection();
    return s.finish();
  }

  @Test
  void textLaysOutWhatTheDocumentsShowOtherwise() {
    String t = writeTextShaped(OutlineFormat.TEXT);
    String model = "  model  y ~ first-term + second-term + third-term + fourth-term + fifth-term\n"
        + "         + sixth-term + seventh-term\n";
    assertTrue(t.startsWith("logitlab test\n  rows   " + "r".repeat(90) + "\n" + model
        + "  warning: in place: where it arises\n\nEstimates\n"), t);
    assertFalse(t.contains("gathered"), t);
    assertTrue(t.contains("\nEstimates\n         estimate    (SE)\n  slope       1.5  (0.25)  **\n  ---\n"
        + "  Signif. codes:  0 '***' 0.001 '**' 0.01\n"
        + "  Null deviance     1.000\n  AIC 3   BIC 4\n\n"
        + "  note: a note long enough to be wrapped at eighty columns, so that the second\n"
        + "        line hangs under the text of the first.\n\nPoints\n"), t);
    // the empty optional column goes; the lists make the table too wide, so they go below it
    assertTrue(t.contains("\nPoints\n  at     p\n  x=0  1.2  !\n  x=1  0.5\n"
        + "  at x=0, held at:\n    a-long-name-to-hold-at = 1.25 (mean), b-long-name-to-hold-at = 2 (mean),\n"
        + "    c-long-name-to-hold-at = x (reference)\n  ! outside [0, 1]: not a probability\n\n"), t);
    assertTrue(t.endsWith("not a probability\n\n"), t);
    for (String line : t.split("\n")) {
      assertTrue(line.length() <= 80 || line.contains("rrrr"), "too long: " + line);
    }
  }

  @Test
  void theDocumentsShowTheSameBlocksInTheirOwnWay() {
    String m = writeTextShaped(OutlineFormat.MARKDOWN);
    assertTrue(m.contains("- **model:** y \\~ first-term + second-term"), m);
    assertTrue(m.contains("## Warnings\n\n> **Warning:** gathered: at the top\n"), m);
    assertFalse(m.contains("in place"), m);
    assertTrue(m.contains("| term | estimate | SE | signif. |\n|:---|---:|---:|---:|\n| slope | 1.5 | 0.25 | \\*\\* |\n\n"
        + "Signif. codes: 0 '\\*\\*\\*' 0.001 '\\*\\*' 0.01\n\n- Null deviance     1.000\n- AIC 3   BIC 4\n\n"
        + "Note: a note long"), m);
    assertTrue(m.contains("| at | p | outside \\[0, 1\\] | unused | held at |\n|:---|---:|:---|---:|:---|\n"
        + "| x=0 | 1.2 | yes: not a probability | | a-long-name-to-hold-at = 1.25 (mean), b-long-name-to-hold-at = 2 "
        + "(mean), c-long-name-to-hold-at = x (reference) |\n| x=1 | 0.5 | | | |\n"), m);

    String h = writeTextShaped(OutlineFormat.HTML);
    assertTrue(h.contains("<section class=\"warnings\" id=\"warnings\">"), h);
    assertFalse(h.contains("in place"), h);
    assertTrue(h.contains("<thead><tr><th scope=\"col\">at</th><th scope=\"col\">p</th><th scope=\"col\">unused</th>"
        + "<th scope=\"col\">held at</th></tr></thead>"), h);
    assertTrue(h.contains("<tr><td>x=0</td><td>1.2 !</td><td></td><td class=\"text\">a-long-name"), h);
    assertTrue(h.contains("</table>\n<p>! outside [0, 1]: not a probability.</p>\n"), h);
    assertTrue(h.contains("<p class=\"note\">Signif. codes: 0 '***' 0.001 '**' 0.01</p>"), h);
  }

  @Test
  void aListColumnStaysInATableThatFitsAndOneColumnPerBlockSplitsByColumn() {
    Sink s = OutlineFormat.TEXT.sink();
    s.title("t");
    Table.Builder t = Table.of("points", "at", "p", "held at").list(2);
    t.listRow(List.of("a = 1", "b = 2"), "x=0", "1.2");
    s.table(t.build());
    String name = "a_predictor_with_a_name_of_forty_characters_";
    s.table(Table.of("wide", "term", "linear (OLS)", "logistic (GLM)", "neuron (GD)").blockPerColumn()
        .row(name, "-0.168405", "-5.37892", "-5.37892").build());
    String out = s.finish();
    assertTrue(out.startsWith("t\n  at     p  held at\n  x=0  1.2  a = 1, b = 2\n"), out);
    assertEquals(3, out.substring(out.indexOf("  term")).split("\n\n").length, out);
  }
}
