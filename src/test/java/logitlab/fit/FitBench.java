package logitlab.fit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.data.Parallel;

/**
 * Benchmark, not a test: the time of the LPM, the GLM (IRLS with its inference) and the
 * classification summary on one loaded file, alone, on 1 and on 2 threads (median of 5 after a
 * warm-up), and of one plain pass over the design (the memory-bandwidth floor of an IRLS
 * iteration). Run: {@code mvn -q test-compile} then {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) logitlab.fit.FitBench FILE [OUTCOME]}.
 */
public final class FitBench {
  private FitBench() {}

  public static void main(String[] args) {
    String file = args[0];
    String outcome = args.length > 1 ? args[1] : "y";
    long t0 = System.nanoTime();
    DesignMatrix d = DesignMatrixLoader.load(Path.of(file), file, ',',
        new ModelSpec(outcome, null, new java.util.LinkedHashMap<>(), null, null));
    System.out.printf(Locale.ROOT, "load %.3f s: %d x %d, %d blocks of %d%n", (System.nanoTime() - t0) / 1e9,
        d.n(), d.p(), d.rows().count(), d.rows().blockRows());
    for (int threads : args.length > 2 ? new int[] {Integer.parseInt(args[2])} : new int[] {1, 2}) {
      time("pass", threads, () -> d.rows().reduce(b -> {
        double s = 0;
        for (double[] c : b.x()) {
          for (int i = 0; i < b.rows(); i++) {
            s += c[i];
          }
        }
        return s;
      }, Double::sum));
      time("LPM", threads, () -> OlsFitter.fit(d));
      int[] all = java.util.stream.IntStream.range(0, d.p()).toArray();
      time("IRLS", threads, () -> IrlsFitter.irls(d, all, null, null, IrlsOptions.defaults()));
      time("separation", threads, () -> SeparationDetector.detect(d, null));
      time("GLM", threads, () -> IrlsFitter.fit(d));
      logitlab.model.Fitted f = IrlsFitter.fit(d).fitted();
      time("classification", threads, () -> Classifier.classify(d.rows(), f, 0.5, file));
    }
  }

  private static void time(String what, int threads, Supplier<?> work) {
    double[] t = new double[6];
    for (int r = 0; r < t.length; r++) {
      long s = System.nanoTime();
      Parallel.withThreads(threads, work);
      t[r] = (System.nanoTime() - s) / 1e9;
    }
    double[] rest = java.util.Arrays.copyOfRange(t, 1, t.length);
    java.util.Arrays.sort(rest);
    System.out.printf(Locale.ROOT, "%-15s %d thread(s): median %.3f s (min %.3f)%n", what, threads,
        rest[rest.length / 2], rest[0]);
  }
}
