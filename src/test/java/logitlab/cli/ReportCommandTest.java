package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import logitlab.plot.Plots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code logitlab report}: the HTML report is parsed (it is well-formed XHTML as well as HTML) and its
 * tables, plots and provenance are checked; both formats are reproducible byte for byte; hostile
 * column names come out harmless.
 */
class ReportCommandTest {
  @TempDir Path tmp;

  private static boolean canDraw;

  @BeforeAll
  static void fonts() {
    canDraw = Plots.available();
  }

  /** Parses the report as XML: no DTD is fetched, no entity expanded. */
  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  private static NodeList nodes(Document d, String xpath) throws Exception {
    XPath x = XPathFactory.newInstance().newXPath();
    return (NodeList) x.evaluate(xpath, d, XPathConstants.NODESET);
  }

  private static String text(Document d, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, d);
  }

  @Test
  void htmlReportHasTheTablesThePlotsAndTheProvenance() throws Exception {
    Path out = tmp.resolve("smoking.html");
    CliRunner r = CliRunner.run("report", "data/smoking.csv", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 60));
    Document d = parse(html);

    // the side-by-side table: three terms, three models, the neuron equal to the GLM to 6 digits
    assertEquals(3, nodes(d, "//table[@id='coefficients']/tbody/tr").getLength());
    assertEquals("term", text(d, "//table[@id='coefficients']/thead/tr/th[1]"));
    assertEquals("neuron (GD)", text(d, "//table[@id='coefficients']/thead/tr/th[4]"));
    assertEquals("cigs", text(d, "//table[@id='coefficients']/tbody/tr[2]/td[1]"));
    assertEquals("0.127005", text(d, "//table[@id='coefficients']/tbody/tr[2]/td[3]"));
    assertEquals("0.127005", text(d, "//table[@id='coefficients']/tbody/tr[2]/td[4]"));
    // the GLM's and the linear model's tables (R 4.2.2's values, as in golden/fits/smoking.json)
    assertEquals("1.04987", text(d, "//table[@id='logistic-coefficients']/tbody/tr[1]/td[3]"));
    assertEquals("-0.168405", text(d, "//table[@id='linear-coefficients']/tbody/tr[1]/td[2]"));
    assertEquals(3, nodes(d, "//table[@id='logistic-intervals']/tbody/tr").getLength());
    assertTrue(text(d, "//section[@id='out-of-range']").contains("23 below 0, 13 above 1"));
    assertEquals(3, nodes(d, "//table[@id='classification-table']/tbody/tr").getLength());
    assertEquals(2, nodes(d, "//table[@id='predictions-table']/tbody/tr").getLength());
    // no warnings on these data: the all-clear note instead of the box
    assertEquals(1, nodes(d, "//*[@id='no-warnings']").getLength());
    assertEquals(0, nodes(d, "//*[@id='warnings']").getLength());

    // self-contained: no script, no external resource, no link to fetch
    for (String bad : List.of("<script", "<link", "<img", "src=", "href=", "@import", "url(http")) {
      assertFalse(html.contains(bad), "found " + bad);
    }

    // provenance: the command line, every option with defaults and the seed, the input's SHA-256
    assertEquals("logitlab report data/smoking.csv -o " + out, text(d, "//pre[@id='command-line']"));
    String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("data/smoking.csv"))));
    assertTrue(text(d, "//table[@id='provenance-facts']").contains(sha));
    assertTrue(text(d, "//table[@id='provenance-facts']").contains(System.getProperty("java.version")));
    assertTrue(text(d, "//table[@id='provenance-facts']").contains("200 read, 200 used"));
    assertEquals("20261127", text(d, "//table[@id='options']/tbody/tr[td[1]='--seed']/td[2]"));
    assertEquals("default", text(d, "//table[@id='options']/tbody/tr[td[1]='--seed']/td[3]"));
    assertEquals("25", text(d, "//table[@id='options']/tbody/tr[td[1]='--max-iterations']/td[2]"));
    assertTrue(text(d, "//table[@id='options']/tbody/tr[td[1]='--outcome']/td[2]").contains("disease"));
    assertFalse(html.contains("made at"), "a timestamp without --timestamp");

    // the plots: inline SVG, each in its section, ids unique across the document
    if (!canDraw) {
      assertTrue(html.contains("The plots could not be drawn"), "no note on the missing plots");
      return;
    }
    for (String id : List.of("fit", "loss", "weights", "agreement", "calibration")) {
      NodeList svg = nodes(d, "//section[@id='plot-" + id + "']/figure/svg");
      assertEquals(1, svg.getLength(), id);
      Element e = (Element) svg.item(0);
      assertTrue(e.getAttribute("viewBox").matches("0 0 \\d+ \\d+"), id);
      assertFalse(text(d, "//section[@id='plot-" + id + "']/figure/figcaption").isBlank(), id);
      assertTrue(nodes(d, "//section[@id='plot-" + id + "']/figure/svg//path").getLength() > 10, id);
    }
    NodeList ids = nodes(d, "//*[@id]");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < ids.getLength(); i++) {
      String id = ((Element) ids.item(i)).getAttribute("id");
      assertTrue(seen.add(id), "duplicate id " + id);
    }
    assertTrue(text(d, "//section[@id='plot-fit']/figure/figcaption").contains("age = 52.02 (mean)"));
  }

  @Test
  void reportsAreReproducibleByteForByte() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    for (Path dir : List.of(a, b)) {
      // the same command line each time (the output path is part of it): run in turn into one place
      Path html = tmp.resolve("r.html");
      Path md = tmp.resolve("r.md");
      assertEquals(0, CliRunner.run("report", "data/smoking.csv", "-o", html.toString()).code());
      assertEquals(0, CliRunner.run("report", "data/smoking.csv", "-o", md.toString()).code());
      try (var s = Files.list(tmp)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Files.move(p, dir.resolve(p.getFileName()));
        }
      }
    }
    try (var s = Files.list(a)) {
      List<Path> files = s.sorted().toList();
      assertEquals(canDraw ? 7 : 2, files.size(), files.toString());
      for (Path p : files) {
        assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(b.resolve(p.getFileName())), p.toString());
      }
    }
  }

  @Test
  void timestampOnlyWhenAskedFor() throws Exception {
    Path out = tmp.resolve("t.html");
    assertEquals(0, CliRunner.run("report", "data/exam.csv", "-o", out.toString(), "--timestamp").code());
    Document d = parse(Files.readString(out));
    assertTrue(text(d, "//table[@id='provenance-facts']").matches("(?s).*made at\\d{4}-\\d\\d-\\d\\dT.*"));
  }

  @Test
  void markdownReportHasPngPlotsBesideIt() throws Exception {
    Path out = tmp.resolve("smoking report.md");
    CliRunner r = CliRunner.run("report", "data/smoking.csv", "-o", out.toString(), "--plot-x", "age");
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(md.startsWith("# logitlab report: data/smoking.csv\n"), md);
    assertTrue(md.contains("| term | linear (OLS) | logistic (GLM) | neuron (GD) |\n|:---|---:|---:|---:|\n"), md);
    assertTrue(md.contains("## Provenance"), md);
    assertTrue(md.contains("--plot-x age"), md);
    if (!canDraw) {
      return;
    }
    for (String id : List.of("fit", "loss", "weights", "agreement", "calibration")) {
      Path png = tmp.resolve("smoking report-" + id + ".png");
      byte[] bytes = Files.readAllBytes(png);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4), id);
      assertTrue(md.contains("](smoking%20report-" + id + ".png)"), id);
    }
    assertTrue(md.contains("The data and the fitted curves against age"), md);
    assertTrue(md.contains("held at cigs = "), md);
  }

  @Test
  void usageErrors() {
    CliRunner noOutput = CliRunner.run("report", "data/smoking.csv");
    assertEquals(2, noOutput.code());
    assertTrue(noOutput.err().contains("report needs -o FILE.html or -o FILE.md"), noOutput.err());
    CliRunner ext = CliRunner.run("report", "data/smoking.csv", "-o", tmp.resolve("x.pdf").toString());
    assertEquals(2, ext.code());
    assertTrue(ext.err().contains("name the report FILE.html or FILE.md"), ext.err());
    CliRunner plotX = CliRunner.run("report", "data/smoking.csv", "-o", tmp.resolve("x.html").toString(),
        "--plot-x", "weight");
    assertEquals(2, plotX.code());
    assertTrue(plotX.err().contains("--plot-x: weight is not a predictor"), plotX.err());
    CliRunner factor = CliRunner.run("report", "data/admissions.csv", "--factor", "rank", "-o",
        tmp.resolve("x.html").toString(), "--plot-x", "rank");
    assertEquals(2, factor.code());
    assertTrue(factor.err().contains("--plot-x rank is categorical"), factor.err());
    assertFalse(Files.exists(tmp.resolve("x.html")));
    CliRunner bad = CliRunner.run("report", "no-such.csv", "-o", tmp.resolve("y.html").toString());
    assertEquals(3, bad.code());
    assertFalse(Files.exists(tmp.resolve("y.html")));
  }

  /** A data set whose column names are an HTML script and spreadsheet formulas. */
  private Path hostile() throws IOException {
    Path csv = tmp.resolve("hostile.csv");
    StringBuilder sb = new StringBuilder();
    sb.append("\"<script>alert('x')</script>\",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
        .append("\"@SUM(1+1)\",y\n");
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    String[] groups = {"<b>a</b>", "-2+3", "+cmd|' /C calc'!A0"};
    for (int i = 0; i < 60; i++) {
      double x = Math.round(rnd.nextDouble() * 100) / 10.0;
      String g = groups[i % 3];
      int y = rnd.nextDouble() < 1 / (1 + Math.exp(-(x - 5) / 2)) ? 1 : 0;
      sb.append(x).append(',').append(i % 7).append(",\"").append(g).append("\",").append(y).append('\n');
    }
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    return csv;
  }

  @Test
  void hostileColumnNamesAreRenderedHarmlessly() throws Exception {
    Path csv = hostile();
    Path html = tmp.resolve("h.html");
    CliRunner r = CliRunner.run("report", csv.toString(), "-o", html.toString());
    assertEquals(0, r.code(), r.err());
    String h = Files.readString(html);
    assertFalse(h.contains("<script"), "a script element in the report");
    assertFalse(h.contains("<b>"), "markup from a level name");
    assertTrue(h.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the name is not shown escaped");
    Document d = parse(h); // still well-formed
    assertEquals(0, nodes(d, "//script").getLength());
    assertEquals("<script>alert('x')</script>", text(d, "//table[@id='coefficients']/tbody/tr[2]/td[1]"));

    Path md = tmp.resolve("h.md");
    assertEquals(0, CliRunner.run("report", csv.toString(), "-o", md.toString()).code());
    String m = Files.readString(md);
    assertFalse(m.contains("<script"), "raw HTML in the Markdown report");
    assertFalse(m.contains("<b>"), "raw HTML in the Markdown report");
    assertTrue(m.contains("&lt;script&gt;"), m);

    CliRunner csvOut = CliRunner.run("compare", csv.toString(), "--format", "csv");
    assertEquals(0, csvOut.code(), csvOut.err());
    for (String line : csvOut.out().split("\n")) {
      for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
          assertTrue(c.matches("[-+]?[0-9.]+(e-?[0-9]+)?|-Inf"), "formula-like cell " + cell + " in " + line);
        }
      }
    }
    assertTrue(csvOut.out().contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), csvOut.out());
    assertTrue(csvOut.out().contains(",'@SUM(1+1)-2+3,"), csvOut.out());
  }

  @Test
  void separationIsShownInTheWarningsBox() throws Exception {
    Path csv = tmp.resolve("separated.csv");
    Files.writeString(csv, "x,y\n1,0\n2,0\n3,0\n4,0\n5,1\n6,1\n7,1\n8,1\n");
    Path html = tmp.resolve("s.html");
    CliRunner r = CliRunner.run("report", csv.toString(), "-o", html.toString());
    assertEquals(0, r.code(), r.err());
    Document d = parse(Files.readString(html));
    NodeList box = nodes(d, "//section[@id='warnings']/ul/li");
    assertTrue(box.getLength() > 0, "no warnings box");
    String all = text(d, "//section[@id='warnings']").toLowerCase(java.util.Locale.ROOT);
    assertTrue(all.contains("separat"), all);
    assertNotNull(text(d, "//section[@id='logistic']"));
  }
}
