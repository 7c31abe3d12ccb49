package logitlab.data;

import java.util.List;

/**
 * How values and names from a file are shown in a one-line message: in double quotes, control
 * characters escaped ({@code \n}, {@code \t}, {@code \u0000}) so that a message never breaks a
 * line, and cut short when long. A value from a hostile file can be megabytes long and hold any
 * character; the message stays short and on one line.
 */
final class Text {
  /** Characters of a value shown before it is cut short. */
  static final int SHOWN_CHARS = 60;

  /** Names shown in a list before it is cut short. */
  static final int SHOWN_NAMES = 20;

  private Text() {}

  /** {@code s} in double quotes, escaped and shortened: {@code "n/a"}, {@code "a\nb"}. */
  static String quote(String s) {
    return "\"" + escape(s) + "\"";
  }

  /**
   * {@code s} with control and invisible format characters escaped, and with at most {@link
   * #SHOWN_CHARS} characters shown; a longer string ends in {@code ... (N characters)}.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), SHOWN_CHARS) + 16);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (i == SHOWN_CHARS) {
        sb.append("... (").append(n).append(" characters)");
        break;
      }
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          int type = Character.getType(c);
          if (type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE && !validSurrogate(s, i)) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /**
   * Names for a message, comma-separated and escaped; after {@link #SHOWN_NAMES} of them,
   * {@code ... (N in all)}.
   */
  static String list(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < names.size(); k++) {
      if (k == SHOWN_NAMES) {
        sb.append(", ... (").append(names.size()).append(" in all)");
        break;
      }
      if (k > 0) {
        sb.append(", ");
      }
      sb.append(escape(names.get(k)));
    }
    return sb.toString();
  }
}
