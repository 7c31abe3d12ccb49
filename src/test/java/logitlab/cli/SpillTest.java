package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import logitlab.data.DesignMatrix;
import logitlab.data.DesignMatrixLoader;
import logitlab.data.ModelSpec;
import logitlab.data.Parallel;
import logitlab.data.Spill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, data larger than memory: with a heap budget of 0 every row block goes to the spill
 * file, and {@code compare} prints the same bytes as with every block on the heap; the file leaves
 * nothing behind in its directory.
 */
class SpillTest {

  static Path write(Path dir, int rows) throws Exception {
    Path file = dir.resolve("spill.csv");
    SplittableRandom rng = new SplittableRandom(5);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("x1,x2,x3,g,w,y\n");
      for (int i = 0; i < rows; i++) {
        double x1 = Math.round(rng.nextGaussian() * 1e4) / 1e3;
        double x2 = Math.round(rng.nextGaussian() * 1e4) / 1e3;
        double x3 = rng.nextInt(7);
        int g = rng.nextInt(3);
        double eta = -0.3 + 0.4 * x1 - 0.2 * x2 + 0.05 * x3 + 0.3 * g;
        w.write(x1 + "," + x2 + "," + x3 + "," + "uvw".charAt(g) + "," + (1 + rng.nextInt(2)) + ","
            + (rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0) + "\n");
      }
    }
    return file;
  }

  @Test
  void spilledRowsGiveTheSameOutput(@TempDir Path dir) throws Exception {
    Path file = write(dir, 9000);
    String[] args = {"compare", file.toString(), "-y", "y", "--weights", "w", "--robust", "HC1", "--firth",
      "--ci", "profile", "--format", "json"};
    CliRunner heap = CliRunner.run(args);
    long before = Spill.spilledBytes();
    CliRunner spilled = Spill.withBudget(0, () -> Parallel.withThreads(2, () -> CliRunner.run(args)));
    assertEquals(0, heap.code(), heap.err());
    assertTrue(Spill.spilledBytes() > before, "the blocks went to the spill file");
    assertEquals(heap.out(), spilled.out());
    assertEquals(heap.err(), spilled.err());
  }

  @Test
  void aSpilledDesignReadsBackItsRows(@TempDir Path dir) throws Exception {
    Path file = write(dir, 5000);
    DesignMatrix heap = DesignMatrixLoader.load(file, "spill.csv", ',', ModelSpec.defaults());
    DesignMatrix spilled = Spill.withBudget(0,
        () -> DesignMatrixLoader.load(file, "spill.csv", ',', ModelSpec.defaults()));
    assertEquals(spilled.rows().count(), spilled.rows().spilled());
    assertEquals(0, heap.rows().spilled());
    org.junit.jupiter.api.Assertions.assertArrayEquals(heap.x(), spilled.x());
    org.junit.jupiter.api.Assertions.assertArrayEquals(heap.lines(), spilled.lines());
    assertEquals(heap.get(4321, 3), spilled.get(4321, 3));
    assertEquals(heap.y(4999), spilled.y(4999));
    assertEquals(heap.weight(17), spilled.weight(17));
    assertEquals(heap.line(4096), spilled.line(4096));
  }

  /** The spill file is unlinked as soon as it is opened: its directory stays empty. */
  @Test
  void theSpillFileLeavesNothingBehind(@TempDir Path dir, @TempDir Path tmp) throws Exception {
    Path file = write(dir, 3000);
    String old = System.getProperty(Spill.DIR_PROPERTY);
    System.setProperty(Spill.DIR_PROPERTY, tmp.toString());
    try {
      assertEquals(tmp, Spill.directory());
      Spill.withBudget(0, () -> DesignMatrixLoader.load(file, "spill.csv", ',', ModelSpec.defaults()));
      Path fds = Path.of("/proc/self/fd");
      if (Files.isDirectory(fds)) { // Linux: the open file is there, in tmp, and deleted
        boolean found = false;
        try (Stream<Path> s = Files.list(fds)) {
          for (Path fd : (Iterable<Path>) s::iterator) {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              found |= target.startsWith(tmp.toString()) && target.endsWith("(deleted)");
            } catch (java.io.IOException e) {
              // a descriptor closed meanwhile
            }
          }
        }
        assertTrue(found, "an unlinked spill file open in " + tmp);
      }
    } finally {
      if (old == null) {
        System.clearProperty(Spill.DIR_PROPERTY);
      } else {
        System.setProperty(Spill.DIR_PROPERTY, old);
      }
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(0, s.count());
    }
  }
}
