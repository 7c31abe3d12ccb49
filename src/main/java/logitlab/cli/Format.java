package logitlab.cli;

import java.util.Locale;

/** The output formats of the commands; each command takes some of them ({@link Choices}). */
enum Format {
  /** Plain text, 80 columns. */
  TEXT(".txt"),
  /** GitHub-flavoured Markdown. */
  MARKDOWN(".md"),
  /** CSV: one tidy long table. */
  CSV(".csv"),
  /** JSON. */
  JSON(".json"),
  /** One self-contained HTML page. */
  HTML(".html");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  /** The name on the command line: {@code text}, {@code markdown}, ... */
  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The extension of a file in this format, with its dot. */
  String extension() {
    return extension;
  }
}
