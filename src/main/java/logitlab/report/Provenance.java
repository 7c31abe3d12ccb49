package logitlab.report;

import java.util.List;

/**
 * Where a report came from, printed at its end so that it can be checked and re-made: re-running
 * {@link #commandLine()} on the same input (same {@link #inputSha256()}) with the same logitlab and
 * Java versions writes the same bytes.
 *
 * @param version the logitlab version
 * @param commandLine the full command line, quoted for a POSIX shell
 * @param options every option of the command with the value used, defaults included
 * @param inputSha256 SHA-256 of the input file's bytes, in hex
 * @param inputBytes size of the input file in bytes
 * @param javaVersion the Java runtime (version and vendor)
 * @param timestamp when the report was made (ISO 8601), only with {@code --timestamp}; else null
 */
public record Provenance(
    String version,
    String commandLine,
    List<Option> options,
    String inputSha256,
    long inputBytes,
    String javaVersion,
    String timestamp) {

  public Provenance {
    options = List.copyOf(options);
  }

  /**
   * One option and its value.
   *
   * @param name the option's long name ({@code --seed})
   * @param value the value used, as text; {@code (not set)} for an option without a value
   * @param given whether it was given on the command line (else it is the default)
   */
  public record Option(String name, String value, boolean given) {}
}
