package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up shortcuts of {@link Main}: {@code --version} without picocli, and only the
 * subcommand a run names built; both must print exactly what the full command line prints.
 */
class StartupTest {
  private static final List<String> ALL = List.of("compare", "report", "predict", "activations", "vanishing", "mlp", "help");

  @Test
  void theVersionShortcutPrintsWhatPicocliPrints() {
    StringWriter fast = new StringWriter();
    assertEquals(0, Main.printVersion(new PrintWriter(fast, true), new PrintWriter(new StringWriter())));
    for (String flag : List.of("--version", "-V")) {
      assertTrue(Main.isVersionRequest(new String[] {flag}), flag);
      CliRunner full = CliRunner.run(flag);
      assertEquals(0, full.code());
      assertEquals(full.out(), fast.toString());
    }
    assertTrue(fast.toString().startsWith("logitlab "), fast.toString());
    assertFalse(Main.isVersionRequest(new String[] {"--version", "x"}));
    assertFalse(Main.isVersionRequest(new String[] {"compare", "--version"}));
    assertFalse(Main.isVersionRequest(new String[] {}));
  }

  @Test
  void aRunBuildsOnlyTheSubcommandItNamesAndHelpGetsThemAll() {
    PrintWriter out = new PrintWriter(new StringWriter());
    for (String name : List.of("compare", "report", "predict")) {
      assertEquals(List.of(name), List.copyOf(Main.commandLine(java.io.InputStream.nullInputStream(), out, out, name).getSubcommands().keySet()));
    }
    for (String first : List.of("help", "--help", "", "compar", "data/smoking.csv")) {
      assertEquals(ALL, List.copyOf(Main.commandLine(java.io.InputStream.nullInputStream(), out, out, first).getSubcommands().keySet()), first);
    }
  }

  @Test
  void aSubcommandBuiltAloneHasTheSameHelpAsInTheFullCommandLine() {
    for (String name : List.of("compare", "report", "predict")) {
      CliRunner alone = CliRunner.run(name, "--help");
      CliRunner inFull = CliRunner.run("help", name);
      assertEquals(0, alone.code());
      assertEquals(inFull.out(), alone.out(), name);
    }
    // predict's model transformer hides the options it refuses, also when it is built alone
    assertFalse(CliRunner.run("predict", "--help").out().contains("--robust[="));
  }
}
