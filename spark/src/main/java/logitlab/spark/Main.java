package logitlab.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import logitlab.cli.ExitCodes;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code logitlab-spark compare FILE [--master URL] [--partitions K] [compare's options]}: logitlab's
 * {@code compare}, with every pass over the design's row blocks run as a Spark job ({@link
 * SparkEngine}). The command line is parsed here only for the two Spark options; everything else is
 * {@code compare}'s own ({@link logitlab.cli.Main#compareOn}), so the options, checks, messages,
 * exit codes and output formats are the same, and the header says where the passes ran.
 */
public final class Main {
  private Main() {}

  static final String USAGE = String.join("\n",
      "Usage: logitlab-spark compare FILE [--master URL] [--partitions K] [compare's options]",
      "Runs logitlab compare with its passes over the rows on Apache Spark.",
      "  --master URL      Spark master: local[*], local[2], yarn, k8s://..., spark://HOST:PORT",
      "                    (default: spark-submit's --master, else local[*])",
      "  --partitions K    partitions of the cached row blocks (default: Spark's default parallelism,",
      "                    at most one per block of rows)",
      "Every other option is compare's: run 'logitlab compare --help' for them.");

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** The parsed Spark options and compare's own arguments. */
  record Args(String master, int partitions, List<String> rest) {}

  /** Runs the command line and returns the exit code; the Spark session is stopped at the end. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    Args a;
    try {
      a = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("logitlab-spark: " + e.getMessage());
      err.println(USAGE);
      err.flush();
      return ExitCodes.USAGE;
    }
    if (a == null) {
      out.println(USAGE);
      out.flush();
      return ExitCodes.OK;
    }
    if (a.rest().contains("--help") || a.rest().contains("-h") || a.rest().contains("--version")
        || a.rest().contains("-V")) {
      return logitlab.cli.Main.compareOn(d -> d, System.in, out, err, a.rest().toArray(String[]::new));
    }
    SparkSession spark = session(a.master());
    try {
      return run(spark, a, out, err);
    } finally {
      spark.stop();
    }
  }

  /** Runs compare on an existing session (the tests share one). */
  static int run(SparkSession spark, Args a, PrintWriter out, PrintWriter err) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return logitlab.cli.Main.compareOn(d -> SparkEngine.place(sc, d, a.partitions()), System.in, out, err,
        a.rest().toArray(String[]::new));
  }

  /** The command line's Spark options; null for a request for this usage. */
  static Args parse(String... args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      return null;
    }
    if (!args[0].equals("compare")) {
      throw new IllegalArgumentException("'" + args[0] + "': only compare runs on Spark");
    }
    String master = null;
    int partitions = 0;
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String s = args[i];
      String value = null;
      String name = s;
      int eq = s.indexOf('=');
      if (s.startsWith("--") && eq > 0) {
        name = s.substring(0, eq);
        value = s.substring(eq + 1);
      }
      if (name.equals("--master") || name.equals("--partitions")) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          value = args[++i];
        }
        if (name.equals("--master")) {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--master needs a value");
          }
          master = value;
        } else {
          try {
            partitions = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            partitions = -1;
          }
          if (partitions < 1) {
            throw new IllegalArgumentException("--partitions " + value + ": give a whole number of at least 1");
          }
        }
      } else {
        rest.add(s);
      }
    }
    return new Args(master, partitions, rest);
  }

  /**
   * The session: {@code --master}, else spark-submit's (the spark.master property), else local[*];
   * without the web UI in local mode.
   */
  static SparkSession session(String master) {
    String m = master != null ? master : System.getProperty("spark.master", "local[*]");
    SparkSession.Builder b = SparkSession.builder().appName("logitlab compare").master(m);
    if (m.startsWith("local")) {
      b = b.config("spark.ui.enabled", "false");
    }
    SparkSession s = b.getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }
}
