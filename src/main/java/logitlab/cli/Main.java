package logitlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code logitlab} command: subcommands, help, version, and the exit-code mapping. */
@Command(
    name = "logitlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
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
      PrintWriter out = new PrintWriter(System.out, true);
      PrintWriter err = new PrintWriter(System.err, true);
      code = isVersionRequest(args) ? printVersion(out, err) : run(out, err, args);
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; one line, not a stack trace (no output file was renamed
      // into place, since outputs are written to a temporary file first)
      System.err.println("logitlab: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB heap); use fewer rows or predictors, or give Java more memory: "
          + "LOGITLAB_JAVA_OPTS=-Xmx4g scripts/logitlab ... (or java -Xmx4g -jar logitlab.jar ...)");
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
    CommandLine cl = commandLine(in, out, err, args.length > 0 ? args[0] : "");
    return cl.execute(args);
  }

  /**
   * {@code logitlab compare ARGS} with each design's passes over its rows placed by {@code placement}
   * (the Spark module's entry: it gives the rows its engine, {@link logitlab.data.RowBlocks#on}).
   * Everything else is {@code compare}'s own: options, checks, error messages, exit codes, output.
   *
   * @param args compare's arguments, without the word {@code compare}
   */
  public static int compareOn(java.util.function.UnaryOperator<logitlab.data.DesignMatrix> placement,
      InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(in, out, err, "compare");
    CommandLine compare = cl.getSubcommands().get("compare");
    ((CompareCommand) compare.getCommand()).placement = placement;
    String[] full = new String[args.length + 1];
    full[0] = "compare";
    System.arraycopy(args, 0, full, 1, args.length);
    return cl.execute(full);
  }

  /**
   * {@code logitlab --version} (or {@code -V}) alone: then {@link #main} prints the version lines as
   * picocli prints them, without building the command model (picocli's first use is most of the
   * start-up time of a small run).
   */
  static boolean isVersionRequest(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  static int printVersion(PrintWriter out, PrintWriter err) {
    String[] lines;
    try {
      lines = new Version().getVersion();
    } catch (IOException e) {
      err.println("logitlab: cannot read the version: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    for (String line : lines) {
      out.println(line);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The subcommands, in the order help lists them. */
  private static final List<String> SUBCOMMANDS = List.of("compare", "report", "predict", "activations", "vanishing",
      "mlp", "help");

  private static CommandLine subcommand(String name) {
    return new CommandLine(switch (name) { // a CommandLine, so that its model transformer applies
      case "compare" -> new CompareCommand();
      case "report" -> new ReportCommand();
      case "predict" -> new PredictCommand();
      case "activations" -> new ActivationsCommand();
      case "vanishing" -> new VanishingCommand();
      case "mlp" -> new MlpCommand();
      default -> new CommandLine.HelpCommand();
    });
  }

  /**
   * The command line. When {@code first} (the first argument) names a subcommand other than help, only
   * that subcommand is built: picocli reflects over every subcommand it is given, and a run needs one.
   * Anything else (help, --help, a typo to suggest a name for) gets them all.
   */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, String first) {
    CommandLine cl = new CommandLine(new Main(in));
    for (String name : SUBCOMMANDS) {
      if (!SUBCOMMANDS.contains(first) || first.equals("help") || name.equals(first)) {
        cl.addSubcommand(name, subcommand(name));
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  // The two handlers are classes, not lambdas: a lambda for one of picocli's interfaces (Java 5
  // class files) cannot be kept in the class-data archive and costs each run its generation.

  /** A usage error: one line (and a hint at --help), exit code 2. */
  private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
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
    }
  }

  /** A failure while running a command: the one-line message and the exit code of {@link ExitCodes}. */
  private static final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine c, CommandLine.ParseResult parseResult) {
      c.getErr().println(ExitCodes.message(ex));
      c.getErr().flush();
      return ExitCodes.of(ex);
    }
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
