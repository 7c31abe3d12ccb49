package logitlab.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a CSV text is written: its field delimiter, the decimal mark of its numbers and its character
 * encoding. The default is R's {@code read.csv}: {@code ,} between fields, {@code .} in numbers,
 * UTF-8. A European spreadsheet writes what R's {@code read.csv2} reads: {@code ;} and {@code ,}.
 *
 * @param delimiter the field separator
 * @param delimiterGiven whether the user chose the delimiter ({@code -d}); if not, a leading
 *     spreadsheet line {@code sep=;} sets it, and if so, such a line that names another delimiter
 *     is an error
 * @param decimal the decimal mark of numbers: {@code '.'} or {@code ','}; with {@code ','} a
 *     number is written {@code 1,5} and {@code 1.5} is not a number
 * @param encoding the character encoding; bytes that are not text in it are an error, never
 *     replaced
 */
public record CsvFormat(char delimiter, boolean delimiterGiven, char decimal, Charset encoding) {

  /** {@code ,}-separated, {@code .} decimal point, UTF-8, and a {@code sep=} line obeyed. */
  public static final CsvFormat DEFAULT = new CsvFormat(',', false, '.', StandardCharsets.UTF_8);

  public CsvFormat {
    Objects.requireNonNull(encoding, "encoding");
    if (decimal != '.' && decimal != ',') {
      throw new IllegalArgumentException("--decimal must be '.' or ',', not '" + decimal + "'");
    }
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("a quote or a line end cannot be the delimiter");
    }
    if (delimiter == decimal) {
      throw new IllegalArgumentException("--decimal '" + decimal + "' and the delimiter '" + delimiter
          + "' are the same character; with a decimal comma the fields are separated by ';' (add -d ';')");
    }
  }

  /** UTF-8 with {@code .} decimals and this delimiter, as given by the user. */
  public static CsvFormat delimitedBy(char delimiter) {
    return new CsvFormat(delimiter, true, '.', StandardCharsets.UTF_8);
  }

  /** This format with another delimiter (from a {@code sep=} line). */
  CsvFormat withDelimiter(char d) {
    return new CsvFormat(d, delimiterGiven, decimal, encoding);
  }

  /** Whether the encoding is UTF-8 (the default, whose errors suggest {@code --encoding}). */
  boolean utf8() {
    return encoding.equals(StandardCharsets.UTF_8);
  }

  /** The delimiter as the user would type it after {@code -d}: {@code ';'} or {@code tab}. */
  static String shown(char d) {
    return d == '\t' ? "tab" : "'" + d + "'";
  }
}
