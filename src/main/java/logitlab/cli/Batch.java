package logitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import logitlab.model.Coefficient;
import logitlab.model.Comparison;
import logitlab.report.Csv;

/**
 * A batch run of {@code compare} or {@code report} over several files or a directory, with
 * {@code --output-dir DIR}: one result per input file, named after it ({@code smoking.csv} gives
 * {@code DIR/smoking.txt}), and {@code DIR/summary.csv} with one row per file: its status, the
 * error if it failed, the rows used and each model's coefficients.
 *
 * <ul>
 *   <li>One bad file never stops the others: its error (the one line a single run would print) goes
 *       to stderr and into the summary, and the next file is run.
 *   <li>The exit code is 0 when every file succeeded, else that of the first file that failed.
 *   <li>Before any work, every file the run would write is checked: an existing one is only
 *       replaced with {@code --force}, and an input file is never an output, even with it.
 *   <li>Every file is written as {@link Output} says: a regular file (or a link's target) completely
 *       or not at all, a device or pipe written into, never replaced ({@link BatchFiles}).
 * </ul>
 */
final class Batch {
  /** The summary's file name in the output directory. */
  static final String SUMMARY = "summary.csv";

  private Batch() {}

  /**
   * One input of a batch.
   *
   * @param path the file
   * @param display the file as the user named it (for messages and the summary)
   * @param stem the base of its output names, unique in the batch
   */
  record Input(Path path, String display, String stem) {}

  /**
   * What a job made of one input.
   *
   * @param comparison the fits
   * @param outputs the files written
   */
  record Done(Comparison comparison, List<Path> outputs) {}

  /** The work for one input: writes its outputs, or throws as a single run would. */
  @FunctionalInterface
  interface Job {
    Done run(Input input);
  }

  /** Refuses standard input ({@code -}) among the inputs of a batch run: each result is named after its file. */
  static void refuseStdin(List<Path> args) {
    if (args.stream().anyMatch(DataOptions::isStdin)) {
      throw new UsageException("- (standard input) cannot be one of several inputs or part of a batch run"
          + " (--output-dir): give file names, or run one input with -o");
    }
  }

  /**
   * The inputs named on the command line: files as given, and for a directory its {@code .csv} files
   * (not those of its subdirectories), sorted by name. Each gets an output stem from its file name
   * without the extension, made unique with {@code -2}, {@code -3}, ... in input order.
   *
   * @throws UsageException when a directory holds no .csv file
   */
  static List<Input> inputs(List<Path> args) {
    List<Path[]> files = new ArrayList<>(); // {path, display}
    Set<Path> seen = new HashSet<>();
    for (Path a : args) {
      if (Files.isDirectory(a)) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(a)) {
          for (Path p : ds) {
            if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
              found.add(p);
            }
          }
        } catch (IOException e) {
          throw new UsageException(a + ": cannot list the directory: " + e.getMessage());
        }
        if (found.isEmpty()) {
          throw new UsageException(a + " is a directory without .csv files");
        }
        found.sort((p, q) -> p.getFileName().toString().compareTo(q.getFileName().toString()));
        for (Path p : found) {
          if (seen.add(p.toAbsolutePath().normalize())) {
            files.add(new Path[] {p, p});
          }
        }
      } else if (seen.add(a.toAbsolutePath().normalize())) {
        files.add(new Path[] {a, a});
      }
    }
    Set<String> stems = new HashSet<>();
    stems.add(stemKey(SUMMARY.substring(0, SUMMARY.length() - 4)));
    List<Input> out = new ArrayList<>();
    for (Path[] f : files) {
      String base = stemOf(f[0]);
      String stem = base;
      for (int k = 2; !stems.add(stemKey(stem)); k++) {
        stem = base + "-" + k;
      }
      out.add(new Input(f[0], f[1].toString(), stem));
    }
    return out;
  }

  private static String stemKey(String stem) {
    return stem.toLowerCase(Locale.ROOT); // case-insensitive file systems (macOS, Windows)
  }

  /** The file name without its last extension; a name that is only an extension keeps it. */
  static String stemOf(Path p) {
    String name = p.getFileName() == null ? "input" : p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    // keep names portable and harmless: no control characters, no path separators
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < stem.length(); i++) {
      char c = stem.charAt(i);
      sb.append(c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' ? '_' : c);
    }
    return sb.length() == 0 ? "input" : sb.toString();
  }

  /**
   * Prepares the output directory (creating it if needed) and checks every planned output file
   * before any work.
   *
   * @param dir the output directory
   * @param inputs the inputs
   * @param planned the files a job writes for an input
   * @param force whether existing files may be replaced
   * @throws UsageException when an output exists and {@code force} is false, or an output is an input
   */
  static void prepare(Path dir, List<Input> inputs, Function<Input, List<Path>> planned, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--output-dir " + dir + " is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("--output-dir " + dir + ": cannot create the directory: " + e.getMessage());
    }
    List<Path> all = new ArrayList<>();
    for (Input in : inputs) {
      all.addAll(planned.apply(in));
    }
    all.add(dir.resolve(SUMMARY));
    Set<Path> inputPaths = new HashSet<>();
    for (Input in : inputs) {
      inputPaths.add(in.path().toAbsolutePath().normalize());
    }
    List<String> existing = new ArrayList<>();
    for (Path p : all) {
      Path abs = p.toAbsolutePath().normalize();
      boolean isInput = inputPaths.contains(abs);
      if (!isInput && Files.exists(abs)) {
        for (Input in : inputs) {
          try {
            if (Files.exists(in.path()) && Files.isSameFile(abs, in.path())) {
              isInput = true;
              break;
            }
          } catch (IOException e) {
            // cannot tell: it is checked as an existing file below
          }
        }
      }
      if (isInput) {
        throw new UsageException("--output-dir " + dir + ": the output " + p + " would be an input file; "
            + "choose another output directory");
      }
      // a directory, or a link into a missing directory, is refused; a device or pipe is written into
      Output.plan(p, "--output-dir " + dir + ": the output " + p);
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        existing.add(p.toString());
      }
    }
    if (!existing.isEmpty() && !force) {
      throw new UsageException("--output-dir " + dir + ": " + existing.size() + " output file"
          + (existing.size() == 1 ? " exists" : "s exist") + " already ("
          + String.join(", ", existing.subList(0, Math.min(3, existing.size())))
          + (existing.size() > 3 ? ", ..." : "") + "); add --force to replace "
          + (existing.size() == 1 ? "it" : "them"));
    }
  }

  /** The result of one input: a comparison or an error. */
  private record Result(Input input, Done done, int code, String error) {}

  /**
   * Runs the job on every input, writes the summary and prints a line per file.
   *
   * @return 0 when every file succeeded, else the exit code of the first that failed
   */
  static int run(List<Input> inputs, Path dir, Job job, PrintWriter out, PrintWriter err) {
    List<Result> results = new ArrayList<>();
    for (Input in : inputs) {
      Result r;
      try {
        r = new Result(in, job.run(in), ExitCodes.OK, null);
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        String message = e instanceof OutOfMemoryError
            ? "logitlab: " + in.display() + ": out of memory (give Java more: LOGITLAB_JAVA_OPTS=-Xmx4g)"
            : ExitCodes.message(e);
        int code = e instanceof Error ? ExitCodes.NOT_FITTABLE : ExitCodes.of(e);
        err.println(message);
        err.flush();
        r = new Result(in, null, code, message.startsWith("logitlab: ") ? message.substring(10) : message);
      }
      if (r.done() != null) {
        List<String> names = r.done().outputs().stream().map(Path::toString).toList();
        out.println("ok      " + in.display() + " -> " + String.join(", ", names));
      } else {
        out.println("FAILED  " + in.display() + " (exit code " + r.code() + ")");
      }
      out.flush();
      results.add(r);
    }
    Path summary = dir.resolve(SUMMARY);
    BatchFiles.write(summary, summary(results));
    long failed = results.stream().filter(r -> r.done() == null).count();
    out.println(results.size() + (results.size() == 1 ? " file: " : " files: ") + (results.size() - failed)
        + " ok, " + failed + " failed; summary in " + summary);
    out.flush();
    if (failed > 0) {
      err.println("logitlab: " + failed + " of " + results.size() + " files failed; " + summary
          + " says which and why");
      err.flush();
    }
    return results.stream().filter(r -> r.done() == null).mapToInt(Result::code).findFirst().orElse(ExitCodes.OK);
  }

  /**
   * summary.csv: {@code file,status,exit_code,error,outputs,rows_read,rows_used,events,
   * logistic_converged,separation,neuron_converged}, then one column per model and term,
   * {@code linear:TERM}, {@code logistic:TERM}, {@code neuron:TERM}, over the terms of all files in
   * order of first appearance (empty where a file has no such term).
   */
  private static String summary(List<Result> results) {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    for (String m : List.of("linear", "logistic", "neuron")) {
      terms.put(m, new LinkedHashSet<>());
    }
    for (Result r : results) {
      if (r.done() != null) {
        for (Set<String> t : terms.values()) {
          t.addAll(r.done().comparison().input().terms());
        }
      }
    }
    List<String> header = new ArrayList<>(List.of("file", "status", "exit_code", "error", "outputs", "rows_read",
        "rows_used", "events", "logistic_converged", "separation", "neuron_converged"));
    terms.forEach((m, ts) -> ts.forEach(t -> header.add(m + ":" + t)));
    StringBuilder sb = new StringBuilder();
    sb.append(Csv.line(header.stream().map(Csv::text).toList()));
    for (Result r : results) {
      List<String> cells = new ArrayList<>();
      cells.add(Csv.text(r.input().display()));
      if (r.done() == null) {
        cells.add("error");
        cells.add(Csv.number(r.code()));
        cells.add(Csv.text(r.error()));
        while (cells.size() < header.size()) {
          cells.add("");
        }
        sb.append(Csv.line(cells));
        continue;
      }
      Comparison c = r.done().comparison();
      cells.add("ok");
      cells.add("0");
      cells.add("");
      cells.add(Csv.text(String.join(" ", r.done().outputs().stream().map(Path::toString).toList())));
      cells.add(Csv.number(c.input().rowsRead()));
      cells.add(Csv.number(c.input().rowsUsed()));
      cells.add(Csv.number(c.input().events()));
      cells.add(Csv.bool(c.logistic().converged()));
      cells.add(Csv.text(c.logistic().separation().kind().jsonName()));
      cells.add(Csv.bool(c.neuron().converged()));
      Map<String, Double> linear = estimates(c.linear().coefficients());
      Map<String, Double> logistic = estimates(c.logistic().coefficients());
      Map<String, Double> neuron = new LinkedHashMap<>();
      double[] w = c.neuron().weights();
      for (int j = 0; j < w.length; j++) {
        neuron.put(c.neuron().terms().get(j), w[j]);
      }
      List<Map<String, Double>> byModel = List.of(linear, logistic, neuron);
      int m = 0;
      for (Set<String> ts : terms.values()) {
        Map<String, Double> est = byModel.get(m++);
        for (String t : ts) {
          Double v = est.get(t);
          cells.add(v == null ? "" : Csv.number(v));
        }
      }
      sb.append(Csv.line(cells));
    }
    return sb.toString();
  }

  private static Map<String, Double> estimates(List<Coefficient> coefs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Coefficient k : coefs) {
      m.put(k.term(), k.estimate());
    }
    return m;
  }
}
