package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import logitlab.data.Parallel;
import logitlab.data.RowBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the output for the same input and options is byte-identical whatever the number of
 * cores. The file has three row blocks (10,000 rows of 10 design columns, {@link
 * RowBlocks#blockRows} 4096), so every pass merges per-block accumulators; every fit that passes
 * over the blocks takes part (LPM with HC3, the GLM with profile intervals, Firth, the neuron,
 * marginal effects with a factor, classification).
 */
class BlockDeterminismTest {

  @Test
  void oneAndTwoThreadsGiveTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("blocks.csv");
    SplittableRandom rng = new SplittableRandom(12);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("x1,x2,x3,x4,x5,x6,g,w,y\n");
      for (int i = 0; i < 10_000; i++) {
        double eta = -0.4;
        StringBuilder line = new StringBuilder();
        for (int j = 1; j <= 6; j++) {
          double v = Math.round(rng.nextGaussian() * 1e5) / 1e4;
          eta += v * (0.3 - 0.1 * j);
          line.append(v).append(',');
        }
        int g = rng.nextInt(4);
        eta += 0.25 * g;
        line.append("abcd".charAt(g)).append(',').append(1 + rng.nextInt(3)).append(',');
        line.append(rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0).append('\n');
        w.write(line.toString());
      }
    }
    assertEquals(4096, RowBlocks.blockRows(10));
    String[] args = {"compare", file.toString(), "-y", "y", "--weights", "w", "--robust", "HC3", "--firth",
      "--ci", "profile", "--format", "json"};
    CliRunner one = Parallel.withThreads(1, () -> CliRunner.run(args));
    CliRunner two = Parallel.withThreads(2, () -> CliRunner.run(args));
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().contains("\"marginalEffects\""), one.out());
    assertEquals(one.out(), two.out());
    assertEquals(one.err(), two.err());
  }
}
