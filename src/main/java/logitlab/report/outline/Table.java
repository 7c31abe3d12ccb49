package logitlab.report.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of an outline: a header and rows of cells already formatted, numbers right-aligned and
 * text columns left-aligned (the first column always).
 *
 * @param id a short name unique in the document (an HTML id), e.g. {@code layers}
 * @param header column titles
 * @param rows cells, each row as long as the header
 * @param text which columns hold text (left-aligned); index 0 is always text
 */
public record Table(String id, List<String> header, List<List<String>> rows, boolean[] text) {
  public Table {
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("table " + id + ": a row has " + r.size() + " cells, the header "
            + header.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
    text = text == null ? new boolean[header.size()] : Arrays.copyOf(text, header.size());
    text[0] = true;
  }

  @Override
  public boolean[] text() {
    return text.clone();
  }

  /** Whether column c holds text. */
  public boolean isText(int c) {
    return text[c];
  }

  /** Starts a table with this id and header. */
  public static Builder of(String id, String... header) {
    return new Builder(id, List.of(header));
  }

  /** Collects the rows of a {@link Table}. */
  public static final class Builder {
    private final String id;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] text;

    private Builder(String id, List<String> header) {
      this.id = id;
      this.header = header;
      this.text = new boolean[header.size()];
    }

    /** Marks columns as text (left-aligned). */
    public Builder text(int... columns) {
      for (int c : columns) {
        text[c] = true;
      }
      return this;
    }

    /** Adds a row. */
    public Builder row(String... cells) {
      rows.add(List.of(cells));
      return this;
    }

    /** Adds a row. */
    public Builder row(List<String> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public Table build() {
      return new Table(id, header, rows, text);
    }
  }
}
