package logitlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import logitlab.report.Figure;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.XYChart;

/**
 * A plot of the {@code activations}, {@code vanishing} and {@code mlp} commands: one or more XChart
 * charts stacked top to bottom, with a title and a caption that says what it shows. It is encoded
 * as PNG bytes or an SVG document (the {@code --plot} file), or as an SVG element inline in HTML.
 * The same charts and fonts give the same bytes.
 *
 * @param id a short name, unique in a document ({@code functions}, {@code boundary}, ...)
 * @param title the heading
 * @param caption what it shows (plain text)
 * @param charts the charts, top first, all of the same width
 */
public record Plot(String id, String title, String caption, List<XYChart> charts) {
  public Plot {
    charts = List.copyOf(charts);
  }

  private int width() {
    return charts.get(0).getWidth();
  }

  private int height() {
    return charts.stream().mapToInt(XYChart::getHeight).sum();
  }

  /** The plot as a PNG image. */
  public byte[] png() {
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    int y = 0;
    for (XYChart c : charts) {
      Graphics2D part = (Graphics2D) g.create(0, y, c.getWidth(), c.getHeight());
      c.paint(part, c.getWidth(), c.getHeight());
      part.dispose();
      y += c.getHeight();
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The plot as a standalone SVG document. */
  public String svgDocument() {
    VectorGraphics2D g = new VectorGraphics2D();
    int y = 0;
    for (XYChart c : charts) {
      Graphics2D part = (Graphics2D) g.create();
      part.translate(0, y);
      part.clipRect(0, 0, c.getWidth(), c.getHeight());
      c.paint(part, c.getWidth(), c.getHeight());
      part.dispose();
      y += c.getHeight();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height())).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The plot as an SVG element for inline HTML (see {@link Svg#inline}). */
  public String inlineSvg() {
    return Svg.inline(svgDocument(), id, title);
  }

  /** The plot as a figure of an outline: the inline SVG if asked for, and the PNG file's name if any. */
  public Figure figure(boolean svg, String pngName) {
    return new Figure(id, title, caption, svg ? inlineSvg() : null, pngName);
  }

  /** Whether this Java can draw (it has fonts); see {@link Plots#available()}. */
  public static boolean available() {
    return Plots.available();
  }
}
