package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file large enough that holding its rows as strings would show; still quick. */
class LargeFileTest {
  private static final int ROWS = 200_000;
  private static final int PREDICTORS = 10;

  @Test
  void loadsTwoHundredThousandRows(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.csv");
    SplittableRandom rng = new SplittableRandom(42);
    double sum = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int j = 1; j <= PREDICTORS; j++) {
        line.append('x').append(j).append(',');
      }
      w.write(line.append("y\n").toString());
      for (int i = 0; i < ROWS; i++) {
        line.setLength(0);
        for (int j = 1; j <= PREDICTORS; j++) {
          double v = Math.round(rng.nextGaussian() * 1e4) / 1e3;
          if (j == 1) {
            sum += v;
          }
          line.append(v).append(',');
        }
        w.write(line.append(rng.nextInt(2)).append('\n').toString());
      }
    }
    DesignMatrix d = DesignMatrixLoader.load(file, "big.csv", ',', ModelSpec.defaults());
    assertEquals(ROWS, d.n());
    assertEquals(PREDICTORS + 1, d.p());
    assertEquals(ROWS + 1, d.lines()[ROWS - 1]);
    assertEquals(sum / ROWS, d.predictors().get(0).mean(), 1e-9);
  }
}
