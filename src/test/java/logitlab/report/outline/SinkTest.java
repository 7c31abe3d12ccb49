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
}
