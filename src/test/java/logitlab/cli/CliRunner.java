package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the CLI in-process and captures exit code, stdout and stderr; and the checks every CLI test
 * makes of what it printed (one clear line for an error, no stack trace, no non-finite number).
 */
record CliRunner(int code, String out, String err) {
  static CliRunner run(String... args) {
    return withStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  /** Runs with these bytes as standard input (read for a FILE {@code -}). */
  static CliRunner withStdin(byte[] stdin, String... args) {
    return withStdin(new ByteArrayInputStream(stdin), args);
  }

  static CliRunner withStdin(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(stdin, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRunner(code, out.toString(), err.toString());
  }

  /** An error: exit {@code code}, one message on stderr holding {@code fragment}, nothing on stdout. */
  static void assertOneLineError(CliRunner r, int code, String fragment) {
    assertEquals(code, r.code(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
    assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
    assertEquals("", r.out());
  }

  /** No stack trace, exception name or internal error on stdout or stderr. */
  static void assertNoStackTrace(CliRunner r) {
    for (String s : List.of(r.err(), r.out())) {
      assertFalse(s.contains("\tat "), "stack trace: " + s);
      assertFalse(s.contains("Exception"), "exception name printed: " + s);
      assertFalse(s.contains("internal error"), "internal error: " + s);
    }
  }

  /** Java's spelling of a non-finite double, as a word. */
  static final Pattern NON_FINITE = Pattern.compile("(?<![A-Za-z])(NaN|-?Infinity)(?![A-Za-z])");

  /**
   * No NaN or Infinity (Java's spelling of a non-finite double: a bug) anywhere in text output, and
   * every coefficient in the side-by-side table a finite number or NA (an aliased term). R's "Inf"
   * may appear in derived quantities, such as the upper end of an odds ratio's interval.
   */
  static void assertNoNonFinite(String text) {
    assertNoNonFinite(text, true);
  }

  /**
   * As {@link #assertNoNonFinite(String)}; with {@code global} false only the coefficient table is
   * checked (when the data's own names may hold the word NaN).
   */
  static void assertNoNonFinite(String text, boolean global) {
    Matcher m = NON_FINITE.matcher(text);
    assertFalse(global && m.find(), () -> "non-finite number printed: \"" + m.group() + "\" in\n" + text);
    String[] lines = text.split("\n");
    int i = 0;
    while (i < lines.length && !lines[i].startsWith("Coefficients side by side")) {
      i++;
    }
    assertTrue(i + 1 < lines.length, "no coefficient table in\n" + text);
    int rows = 0;
    for (i += 2; i < lines.length && !lines[i].startsWith("  linear:") && !lines[i].isBlank(); i++) {
      String[] tokens = lines[i].trim().split("\\s+");
      assertTrue(tokens.length >= 4, lines[i]);
      for (int k = tokens.length - 3; k < tokens.length; k++) {
        String t = tokens[k];
        assertTrue(t.equals("NA") || Double.isFinite(Double.parseDouble(t)),
            "coefficient " + t + " in: " + lines[i]);
      }
      rows++;
    }
    assertTrue(rows > 0, "no coefficients in\n" + text);
  }

  /**
   * Every number in the JSON tree is finite, and no string is a non-finite number written as text
   * (Jackson writes a NaN double as "NaN" unless told otherwise).
   */
  static void assertFiniteOrNull(JsonNode node) {
    assertFiniteOrNull(node, true);
  }

  /**
   * As {@link #assertFiniteOrNull(JsonNode)}; with {@code strings} false, strings are not checked
   * (when the data's own names and labels may be "NaN" or "-Infinity").
   */
  static void assertFiniteOrNull(JsonNode node, boolean strings) {
    if (node.isNumber()) {
      assertTrue(Double.isFinite(node.asDouble()), "non-finite number " + node);
    } else if (node.isTextual() && strings) {
      String t = node.asText();
      assertFalse(t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity"), "number as text: " + t);
    }
    node.forEach(child -> assertFiniteOrNull(child, strings));
  }
}
