package logitlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Strict (RFC 8259) JSON for the {@code activations}, {@code vanishing} and {@code mlp} commands,
 * pretty-printed as {@link JsonReport} prints: two-space indents, one value per line. A number that
 * is not finite is written as {@code null}.
 */
final class Json {
  private Json() {}

  /** Writes one value. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The document {@code body} writes, with a final newline. */
  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** A number field, {@code null} when it is not finite. */
  static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    number(g, v);
  }

  /** A number, {@code null} when it is not finite. */
  static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }

  /** An array of numbers (non-finite ones as {@code null}). */
  static void numbers(JsonGenerator g, String name, double[] v) throws IOException {
    g.writeArrayFieldStart(name);
    for (double x : v) {
      number(g, x);
    }
    g.writeEndArray();
  }

  /** An array of integers. */
  static void integers(JsonGenerator g, String name, int[] v) throws IOException {
    g.writeArrayFieldStart(name);
    for (int x : v) {
      g.writeNumber(x);
    }
    g.writeEndArray();
  }
}
