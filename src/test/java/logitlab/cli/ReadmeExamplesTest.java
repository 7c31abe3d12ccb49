package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import logitlab.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every command the README shows, so that an example cannot name a file that does not exist,
 * an option that was renamed, or an exit code that is not what happens.
 *
 * <p>The commands are read from README.md itself, so an example added later is tested without
 * touching this class:
 * <ul>
 *   <li>every line of a <code>```sh</code> block that starts with {@code scripts/logitlab} (a line
 *       may hold several commands separated by {@code ;}) is run in-process, and must exit with 0,
 *       or with the code its trailing comment states ({@code # ... exit 3 ...});
 *   <li>a plain <code>```</code> block whose first line is {@code $ scripts/logitlab ...} shows a
 *       command and its standard output: the command is run and its output must be the rest of the
 *       block, character for character.
 * </ul>
 * Words are split as a POSIX shell splits them (single and double quotes, a backslash, {@code #}
 * starting a comment, {@code > FILE} redirecting standard output). Input files are read where the
 * README names them (the repository root is the working directory of the tests); every file a
 * command writes ({@code -o}, {@code --output}, {@code --output-dir}, {@code > FILE}) goes to a
 * fresh temporary directory per command instead, so the examples neither touch the checkout nor
 * see each other's output. No command may print a stack trace or an internal error.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final String PROGRAM = "scripts/logitlab";
  /** Options whose value is a file or directory the command writes. */
  private static final Set<String> OUTPUT_OPTIONS = Set.of("-o", "--output", "--output-dir", "--plot");
  /** The first line of a stack trace: {@code java.lang.NullPointerException: ...} and the like. */
  private static final Pattern STACK_TRACE_HEAD = Pattern.compile("(?m)^(Exception in thread |[\\w$.]+(Exception|Error)(: |$))");
  /** The header of the README's table of epochs (section "The three fits"). */
  static final String EPOCH_TABLE_HEADER =
      "| `logitlab compare` with the defaults on | within 1e-2 | within 1e-4 | within 1e-6 | stopped after |";
  private static final Pattern STATED_EXIT = Pattern.compile("\\bexit(?: code)? (\\d+)\\b");

  /** One command of the README: its words, the exit code it must end with, and its line. */
  record Example(int line, String text, List<String> words, String redirect, int exit, String shownOutput) {
    @Override
    public String toString() {
      return "README.md:" + line + ": " + text;
    }
  }

  static Stream<Example> commands() throws IOException {
    return parse(Files.readString(README, StandardCharsets.UTF_8)).stream();
  }

  /** The examples of a Markdown text, in order. */
  static List<Example> parse(String markdown) {
    List<Example> examples = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String fence = lines[i].strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      String info = fence.substring(3).strip();
      int start = i + 1;
      int end = start;
      while (end < lines.length && !lines[end].strip().startsWith("```")) {
        end++;
      }
      if (info.equals("sh")) {
        for (int k = start; k < end; k++) {
          for (String command : splitCommands(lines[k].strip())) {
            if (command.startsWith(PROGRAM + " ") || command.equals(PROGRAM)) {
              examples.add(example(k + 1, command, null));
            }
          }
        }
      } else if (info.isEmpty() && start < end && lines[start].startsWith("$ " + PROGRAM)) {
        StringBuilder shown = new StringBuilder();
        for (int k = start + 1; k < end; k++) {
          shown.append(lines[k]).append('\n');
        }
        examples.add(example(start + 1, lines[start].substring(2), shown.toString()));
      }
      i = end;
    }
    return examples;
  }

  /** A line cut at each {@code ;} outside quotes. */
  static List<String> splitCommands(String line) {
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < line.length()) {
        current.append(c).append(line.charAt(++i));
        continue;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        current.append(line, i, line.length()); // the comment belongs to the last command
        break;
      } else if (c == ';') {
        commands.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    commands.add(current.toString().strip());
    return commands;
  }

  private static Example example(int line, String command, String shownOutput) {
    List<String> words = new ArrayList<>();
    String comment = words(command, words);
    Matcher m = STATED_EXIT.matcher(comment);
    int exit = m.find() ? Integer.parseInt(m.group(1)) : 0;
    String redirect = null;
    int gt = words.indexOf(">");
    if (gt >= 0) {
      assertEquals(words.size() - 2, gt, "README.md:" + line + ": '>' must be followed by one file, last");
      redirect = words.get(gt + 1);
      words = new ArrayList<>(words.subList(0, gt));
    }
    assertEquals(PROGRAM, words.get(0));
    return new Example(line, command, List.copyOf(words.subList(1, words.size())), redirect, exit, shownOutput);
  }

  /** Splits a command into words as a POSIX shell does, and returns its comment ("" if none). */
  static String words(String command, List<String> out) {
    StringBuilder word = null;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'') {
        int close = command.indexOf('\'', i + 1);
        assertTrue(close > 0, "unclosed ' in " + command);
        word = (word == null ? new StringBuilder() : word).append(command, i + 1, close);
        i = close;
      } else if (c == '"') {
        word = word == null ? new StringBuilder() : word;
        for (i++; i < command.length() && command.charAt(i) != '"'; i++) {
          if (command.charAt(i) == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
            i++;
          }
          word.append(command.charAt(i));
        }
        assertTrue(i < command.length(), "unclosed \" in " + command);
      } else if (c == '\\' && i + 1 < command.length()) {
        word = (word == null ? new StringBuilder() : word).append(command.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          out.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        return command.substring(i);
      } else if (c == '>' && word == null) {
        out.add(">");
      } else {
        word = (word == null ? new StringBuilder() : word).append(c);
      }
    }
    if (word != null) {
      out.add(word.toString());
    }
    return "";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyReadmeCommandRunsAsTheReadmeSays(Example example, @TempDir Path dir) throws IOException {
    List<String> args = new ArrayList<>(example.words());
    for (int k = 0; k + 1 < args.size(); k++) {
      if (OUTPUT_OPTIONS.contains(args.get(k))) {
        args.set(k + 1, dir.resolve(args.get(k + 1)).toString());
      }
    }
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    String all = r.out() + r.err();
    assertFalse(all.contains("\tat ") || STACK_TRACE_HEAD.matcher(all).find() || all.contains("logitlab: internal error"),
        example + " printed a stack trace or an internal error:\n" + all);
    assertEquals(example.exit(), r.code(), example + " exited " + r.code() + ":\n" + r.err());
    if (example.redirect() != null) {
      Files.writeString(dir.resolve(example.redirect()), r.out(), StandardCharsets.UTF_8);
    }
    if (example.shownOutput() != null) {
      // the files went to dir instead of where the README says: print them as the README does
      String out = r.out().replace(dir.toString() + dir.getFileSystem().getSeparator(), "");
      assertShown(example, out);
    }
  }

  /**
   * The output a README block shows: all of it, or, where the block has lines "...", each part
   * between them as whole lines of the output, in order (an excerpt).
   */
  private static final java.util.regex.Pattern ELISION = java.util.regex.Pattern.compile("\n[ \t]*\\.\\.\\.[ \t]*(?=\n)");

  static void assertShown(Example example, String out) {
    String shown = example.shownOutput();
    String message = "the output README.md shows for `" + example.text() + "` is not what it prints: update the README";
    if (!ELISION.matcher("\n" + shown).find()) {
      assertEquals(shown, out, message);
      return;
    }
    String printed = "\n" + out;
    int from = 0;
    for (String part : ELISION.split("\n" + shown)) {
      if (part.isBlank()) {
        continue;
      }
      String lines = part.endsWith("\n") ? part : part + "\n";
      int at = printed.indexOf(lines, from);
      assertTrue(at >= 0, message + ": not printed (after what came before):\n" + lines + "\nprinted:\n" + out);
      from = at + lines.length() - 1;
    }
  }

  /**
   * The README's table of the epochs the default neuron needs on each bundled file: each row is
   * run ({@code compare ROW --format json}) and must give the epochs it states.
   */
  @Test
  void theReadmeEpochTableIsWhatTheNeuronDoes() throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int header = lines.indexOf(EPOCH_TABLE_HEADER);
    assertTrue(header >= 0, "README.md has no line " + EPOCH_TABLE_HEADER);
    ObjectMapper json = Golden.JSON;
    int rows = 0;
    for (int k = header + 2; k < lines.size() && lines.get(k).startsWith("| `"); k++, rows++) {
      String[] cells = lines.get(k).split("\\|");
      String run = cells[1].strip().replace("`", "");
      List<String> args = new ArrayList<>(List.of("compare"));
      args.addAll(List.of(run.split(" ")));
      args.addAll(List.of("--format", "json"));
      CliRunner r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, r.code(), run + ": " + r.err());
      JsonNode neuron = json.readTree(r.out()).get("neuron");
      String[] levels = {"1e-2", "1e-4", "1e-6"};
      for (int j = 0; j < 3; j++) {
        String stated = cells[2 + j].strip();
        JsonNode actual = neuron.get("epochsTo").get(levels[j]);
        assertEquals(stated, actual.isNull() ? "never" : actual.asText(), "README.md:" + (k + 1) + ": " + run
            + ": epochs to " + levels[j]);
      }
      String stopped = neuron.get("epochs").asText() + " epochs (" + neuron.get("stopReason").asText() + ")";
      assertEquals(cells[5].strip(), stopped, "README.md:" + (k + 1) + ": " + run);
    }
    assertTrue(rows >= 9, rows + " rows under " + EPOCH_TABLE_HEADER);
  }

  /** The parser finds the README's examples: the top one, one with an output shown, all of them. */
  @Test
  void theReadmeExamplesAreFound() throws IOException {
    List<Example> all = commands().toList();
    assertTrue(all.size() >= 15, all.size() + " examples: " + all);
    assertTrue(all.get(0).words().equals(List.of("compare", "data/smoking.csv")) && all.get(0).shownOutput() == null,
        "the first command block at the top: " + all.get(0));
    assertTrue(all.stream().anyMatch(e -> e.shownOutput() != null && e.shownOutput().contains("Coefficients side by side")),
        "the 'What you see' block");
    assertTrue(all.stream().anyMatch(e -> e.words().equals(List.of("--help"))), "a line with several commands");
  }

  /** The shell-word rules the examples rely on. */
  @Test
  void wordsAreSplitAsAShellSplitsThem() {
    List<Example> e = parse("""
        ```sh
        scripts/logitlab compare data/survey.csv --na "n/a" --at 'x=1' -d \\;   # a comment; exit 3
        scripts/logitlab predict --train a.csv --input b.csv > out.csv; scripts/logitlab --version
        mvn -B test
        ```
        ```
        $ scripts/logitlab --version
        logitlab 1
        ```
        """);
    assertEquals(4, e.size(), e.toString());
    assertEquals(List.of("compare", "data/survey.csv", "--na", "n/a", "--at", "x=1", "-d", ";"), e.get(0).words());
    assertEquals(3, e.get(0).exit());
    assertEquals("out.csv", e.get(1).redirect());
    assertEquals(List.of("predict", "--train", "a.csv", "--input", "b.csv"), e.get(1).words());
    assertEquals(0, e.get(1).exit());
    assertEquals(List.of("--version"), e.get(2).words());
    assertEquals("logitlab 1\n", e.get(3).shownOutput());
  }
}
