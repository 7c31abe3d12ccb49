package logitlab.report;

/**
 * Making strings from the user's file (column names, levels, the file name, messages that quote
 * them) harmless in each output format. Every renderer passes every such string through here.
 *
 * <ul>
 *   <li><b>HTML</b> ({@link #html}): {@code & < > " '} become character references, so a header
 *       named {@code <script>} is shown, never run. Characters XML 1.0 does not allow (control
 *       characters, lone surrogates, U+FFFE, U+FFFF) are shown as {@code \}{@code uXXXX}, so the
 *       document stays well-formed XHTML as well as HTML.
 *   <li><b>Markdown</b> ({@link #markdown}): the same references for {@code & < >} (GitHub renders
 *       raw HTML in Markdown), and a backslash before every character that could start emphasis, a
 *       link, code or a table cell ({@code \ ` * _ [ ] | ~ #}); line breaks and other control
 *       characters are shown escaped, so a value never leaves its table cell.
 * </ul>
 *
 * CSV cells are handled by {@link Csv}.
 */
public final class Escape {
  private Escape() {}

  /** {@code s} as HTML text or attribute value (double- or single-quoted). */
  public static String html(String s) {
    return escape(s, Escape::htmlReference);
  }

  private static String htmlReference(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    };
  }

  /**
   * {@code s} as HTML element content, not an attribute value: only {@code & < >} become character
   * references (quotes need none there), the rest as {@link #html}.
   */
  public static String htmlText(String s) {
    return escape(s, c -> c == '"' || c == '\'' ? null : htmlReference(c));
  }

  /** {@code s} as Markdown inline text (a paragraph, a heading or a table cell). */
  public static String markdown(String s) {
    return escape(s, c -> switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '\\', '`', '*', '_', '[', ']', '|', '~', '#' -> "\\" + c;
      default -> null;
    });
  }

  /**
   * Replaces each character for which {@code special} gives a string; keeps surrogate pairs;
   * shows control characters, lone surrogates and the other non-text characters escaped.
   */
  private static String escape(String s, java.util.function.Function<Character, String> special) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = special.apply(c);
      if (r != null) {
        sb.append(r);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          sb.append(c).append(s.charAt(++i));
        } else {
          visible(sb, c);
        }
      } else if (notText(c)) {
        visible(sb, c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Control characters (tab and line breaks included: in a name they are never meant as layout),
   * the Unicode line and paragraph separators, and U+FFFE/U+FFFF.
   */
  private static boolean notText(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFFFE'
        || c == '\uFFFF';
  }

  private static void visible(StringBuilder sb, char c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> sb.append(String.format("\\u%04X", (int) c));
    }
  }
}
