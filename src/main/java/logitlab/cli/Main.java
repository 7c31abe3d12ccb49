package logitlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code logitlab} command: subcommands, help, version, and the exit-code mapping. */
@Command(
    name = "logitlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {CompareCommand.class, ReportCommand.class, PredictCommand.class, ActivationsCommand.class,
      VanishingCommand.class, MlpCommand.class, CommandLine.HelpCommand.class},
    description = {
      "Logistic regression, shown three ways: the linear probability model (OLS), the logistic "
          + "GLM (IRLS) and a one-neuron sigmoid net trained by gradient descent, side by side; and past "
          + "one neuron: activation functions, vanishing gradients and multi-layer nets (activations, "
          + "vanishing, mlp).",
      ""
    },
    footer = {
      "",
      "Example:  logitlab compare data/smoking.csv --at cigs=60",
      ExitCodes.HELP_FIT_1,
      ExitCodes.HELP_FIT_2
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Standard input, read when a FILE is {@code -}. */
  final InputStream stdin;

  Main(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public void run() {
    // no subcommand: print usage and fail as a usage error
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'logitlab compare FILE'");
  }

  public static void main(String[] args) {
    int code;
    try {
      code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; one line, not a stack trace (no output file was renamed
      // into place, since outputs are written to a temporary file first)
      System.err.println("logitlab: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB heap); use fewer rows or predictors, or give Java more memory: java -Xmx4g -jar ...");
      code = ExitCodes.INTERNAL;
    }
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code (used by tests). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, out, err, args);
  }

  /** Runs the command line with this standard input (read for a FILE {@code -}). */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(in, out, err);
    return cl.execute(args);
  }

  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main(in));
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      if (ex.getCause() instanceof Choices.BadChoice bad) {
        // a value not among an option's choices: the message names them; one line, as a usage error
        c.getErr().println("logitlab: " + ExitCodes.oneLine(String.valueOf(bad.getMessage()), 4000));
        c.getErr().flush();
        return ExitCodes.USAGE;
      }
      c.getErr().println("logitlab: " + ex.getMessage());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      c.getErr().flush();
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      c.getErr().println(ExitCodes.message(ex));
      c.getErr().flush();
      return ExitCodes.of(ex);
    });
    return cl;
  }

  /** Reads the version Maven writes into {@code logitlab-version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/logitlab-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "logitlab " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
