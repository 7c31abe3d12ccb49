package logitlab.report.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of an outline: a header and rows of cells already formatted, numbers right-aligned and
 * text columns left-aligned (the first column always).
 *
 * <p>Besides its cells a table may say what some columns are, for the formats that show them
 * differently (plain text has 80 columns and no borders; Markdown and HTML have neither limit):
 * <ul>
 *   <li>a short header, for plain text ({@link Builder#shortHeader}): {@code low} beside
 *       {@code odds ratio} rather than {@code OR low}; an empty title for row names, as R prints;
 *   <li>marks ({@link Builder#marks}): a column of marks such as significance stars, belonging to the
 *       column before it;
 *   <li>bracketed columns ({@link Builder#bracketed}): standard errors that plain text puts in
 *       parentheses beside their estimates;
 *   <li>a flag ({@link Builder#flag}): rows where a value is flagged, a column in Markdown, a mark
 *       in the cell before in HTML and text, explained under the table;
 *   <li>a list column ({@link Builder#list}): a cell that is a list of items, which plain text moves
 *       below a table too wide for it;
 *   <li>optional columns ({@link Builder#optional}), which plain text leaves out when they are empty;
 *   <li>one column per block ({@link Builder#blockPerColumn}): how plain text splits a table too
 *       wide for it.
 * </ul>
 */
public final class Table {
  /** What a column holds, where the formats show it differently. */
  public enum Role {
    /** Cells shown as they are. */
    PLAIN,
    /** Marks belonging to the column before (significance stars). */
    MARKS,
    /** Cells that plain text shows in parentheses (standard errors). */
    BRACKETED,
    /** The flag of the column before it: a cell is empty, or flagged (see {@link Flag}). */
    FLAG,
    /** Cells that are lists of items ({@link #items}). */
    LIST
  }

  /**
   * What a flag means. Its column's title is the condition ({@code outside [0, 1]}); plain text and
   * HTML show {@code mark} beside the flagged value and say under the table
   * {@code ! outside [0, 1]: not a probability}; Markdown writes {@code yes: not a probability} in
   * the column.
   *
   * @param mark the mark beside a flagged value: {@code !}
   * @param meaning what a flagged value is: {@code not a probability}
   */
  public record Flag(String mark, String meaning) {}

  private final String id;
  private final List<String> header;
  private final List<String> shortHeader;
  private final List<List<String>> rows;
  private final List<List<String>> items;
  private final boolean[] text;
  private final boolean[] optional;
  private final Role[] roles;
  private final Flag flag;
  private final boolean blockPerColumn;

  private Table(Builder b) {
    id = b.id;
    header = List.copyOf(b.header);
    shortHeader = b.shortHeader == null ? header : List.copyOf(b.shortHeader);
    if (shortHeader.size() != header.size()) {
      throw new IllegalArgumentException("table " + id + ": the short header has " + shortHeader.size()
          + " titles, the header " + header.size());
    }
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : b.rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("table " + id + ": a row has " + r.size() + " cells, the header "
            + header.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
    List<List<String>> itemCopy = new ArrayList<>();
    b.items.forEach(l -> itemCopy.add(List.copyOf(l)));
    items = List.copyOf(itemCopy);
    text = b.text.clone();
    text[0] = true;
    optional = b.optional.clone();
    roles = b.roles.clone();
    flag = b.flag;
    blockPerColumn = b.blockPerColumn;
  }

  /** A short name unique in the document (an HTML id), e.g. {@code layers}. */
  public String id() {
    return id;
  }

  /** The column titles. */
  public List<String> header() {
    return header;
  }

  /** The column titles where room is short (plain text); the header unless given. */
  public List<String> shortHeader() {
    return shortHeader;
  }

  /** The cells, each row as long as the header. */
  public List<List<String>> rows() {
    return rows;
  }

  /** Which columns hold text (left-aligned); index 0 is always text. */
  public boolean[] text() {
    return text.clone();
  }

  /** Whether column c holds text. */
  public boolean isText(int c) {
    return text[c];
  }

  /** What column c holds. */
  public Role role(int c) {
    return roles[c];
  }

  /** Whether a format short of room may leave column c out when all its cells are empty. */
  public boolean isOptional(int c) {
    return optional[c];
  }

  /** What the flag column means, or null when there is none. */
  public Flag flag() {
    return flag;
  }

  /** The items of row r's list column (its cell is them joined by ", "); empty without one. */
  public List<String> items(int r) {
    return items.isEmpty() ? List.of() : items.get(r);
  }

  /** Whether plain text, when the table is too wide, shows one column (after the first) per block. */
  public boolean blockPerColumn() {
    return blockPerColumn;
  }

  /** Whether any cell of column c holds something. */
  public boolean hasContent(int c) {
    return rows.stream().anyMatch(r -> !r.get(c).isEmpty());
  }

  /** Starts a table with this id and header. */
  public static Table.Builder of(String id, String... header) {
    return new Builder(id, List.of(header));
  }

  /** Collects the rows of a {@link Table}. */
  public static final class Builder {
    private final String id;
    private final List<String> header;
    private List<String> shortHeader;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> items = new ArrayList<>();
    private final boolean[] text;
    private final boolean[] optional;
    private final Role[] roles;
    private Flag flag;
    private int list = -1;
    private boolean blockPerColumn;

    private Builder(String id, List<String> header) {
      this.id = id;
      this.header = header;
      this.text = new boolean[header.size()];
      this.optional = new boolean[header.size()];
      this.roles = new Role[header.size()];
      Arrays.fill(roles, Role.PLAIN);
    }

    /** Marks columns as text (left-aligned). */
    public Builder text(int... columns) {
      for (int c : columns) {
        text[c] = true;
      }
      return this;
    }

    /** The column titles where room is short (plain text), as many as the header's. */
    public Builder shortHeader(String... titles) {
      shortHeader = List.of(titles);
      return this;
    }

    /**
     * Marks the column as marks of the column before it (significance stars): plain text shows it
     * without a title, left-aligned, and keeps it beside that column when it splits the table.
     */
    public Builder marks(int column) {
      roles[column] = Role.MARKS;
      return this;
    }

    /** Marks columns whose cells and title plain text puts in parentheses (standard errors). */
    public Builder bracketed(int... columns) {
      for (int c : columns) {
        roles[c] = Role.BRACKETED;
      }
      return this;
    }

    /**
     * Marks the column as the flag of the column before it: its title is the condition, a cell is
     * empty or (flagged) not; see {@link Flag}. It holds text.
     */
    public Builder flag(int column, String mark, String meaning) {
      roles[column] = Role.FLAG;
      text[column] = true;
      flag = new Flag(mark, meaning);
      return this;
    }

    /**
     * Marks the column as a list: its rows are added with {@link #listRow}. It holds text; plain
     * text moves it below a table too wide for 80 columns, each row's items wrapped.
     */
    public Builder list(int column) {
      roles[column] = Role.LIST;
      text[column] = true;
      list = column;
      return this;
    }

    /** Marks columns that a format short of room may leave out when all their cells are empty. */
    public Builder optional(int... columns) {
      for (int c : columns) {
        optional[c] = true;
      }
      return this;
    }

    /** When plain text has to split the table, one column (after the first) per block. */
    public Builder blockPerColumn() {
      blockPerColumn = true;
      return this;
    }

    /** Adds a row. */
    public Builder row(String... cells) {
      return row(List.of(cells));
    }

    /** Adds a row. */
    public Builder row(List<String> cells) {
      if (list >= 0) {
        throw new IllegalStateException("table " + id + " has a list column: add its rows with listRow");
      }
      rows.add(List.copyOf(cells));
      return this;
    }

    /**
     * Adds a row of a table with a list column: its items, and the cells of the other columns in
     * order. The list's cell is the items joined by ", ".
     */
    public Builder listRow(List<String> items, String... others) {
      if (list < 0) {
        throw new IllegalStateException("table " + id + " has no list column");
      }
      List<String> cells = new ArrayList<>(List.of(others));
      cells.add(list, String.join(", ", items));
      rows.add(List.copyOf(cells));
      this.items.add(List.copyOf(items));
      return this;
    }

    public Table build() {
      return new Table(this);
    }
  }
}
