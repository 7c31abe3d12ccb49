package logitlab.report.outline;

import java.util.Locale;

/** The formats an outline can be written in, each with its sink. */
public enum OutlineFormat {
  /** Plain text, 80 columns. */
  TEXT,
  /** GitHub-flavoured Markdown. */
  MARKDOWN,
  /** One self-contained HTML document. */
  HTML;

  /** A new, empty sink of this format. */
  public Sink sink() {
    return switch (this) {
      case TEXT -> new TextSink();
      case MARKDOWN -> new MarkdownSink();
      case HTML -> new HtmlSink();
    };
  }

  /** The name on the command line: {@code text}, {@code markdown}, {@code html}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
