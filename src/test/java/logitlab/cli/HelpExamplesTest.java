package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every example a command's {@code --help} shows runs and succeeds (exit 0): a user copies them
 * first. Output paths ({@code -o}, {@code --output-dir}, {@code --plot}) are moved into a temporary
 * folder; a trailing {@code (comment)} is not part of the command.
 */
class HelpExamplesTest {
  private static final List<String> PATH_OPTIONS = List.of("-o", "--output-dir", "--plot");

  @Test
  void everyHelpExampleSucceeds(@TempDir Path tmp) {
    CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "help");
    int examples = 0;
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      for (String line : e.getValue().getCommandSpec().usageMessage().footer()) {
        String cmd = line.strip();
        if (!cmd.startsWith("logitlab ")) {
          continue;
        }
        cmd = cmd.replaceAll("\\s{2,}\\(.*\\)$", "");
        List<String> args = new ArrayList<>(Arrays.asList(cmd.substring("logitlab ".length()).split("\\s+")));
        for (int i = 0; i + 1 < args.size(); i++) {
          if (PATH_OPTIONS.contains(args.get(i))) {
            args.set(i + 1, tmp.resolve(examples + "-" + Path.of(args.get(i + 1)).getFileName()).toString());
          }
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), "`" + cmd + "` in " + e.getKey() + " --help: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        examples++;
      }
    }
    assertTrue(examples >= 12, "found only " + examples + " examples");
  }
}
