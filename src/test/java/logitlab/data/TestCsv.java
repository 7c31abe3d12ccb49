package logitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/** Writes small CSV files for tests and loads them. */
final class TestCsv {
  static final String NAME = "data/x.csv";

  private TestCsv() {}

  static Path write(Path dir, String content) {
    return writeBytes(dir, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, byte[] content) {
    try {
      Path file = Files.createTempFile(dir, "t", ".csv");
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DesignMatrix load(Path dir, String content) {
    return load(dir, content, ModelSpec.defaults());
  }

  static DesignMatrix load(Path dir, String content, ModelSpec spec) {
    return DesignMatrixLoader.load(write(dir, content), NAME, ',', spec);
  }

  static ModelSpec spec(String outcome, List<String> predictors) {
    return new ModelSpec(outcome, predictors, Map.of(), null, Set.of());
  }

  /** Asserts that running {@code code} throws a DataException of this kind whose message has all fragments. */
  static DataException assertError(DataException.Kind kind, Executable code, String... fragments) {
    DataException e = assertThrows(DataException.class, code);
    assertEquals(kind, e.kind(), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "expected \"" + f + "\" in: " + e.getMessage());
    }
    assertTrue(e.getMessage().startsWith(NAME), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  /** Column j of the design matrix. */
  static double[] col(DesignMatrix d, int j) {
    double[] c = new double[d.n()];
    for (int i = 0; i < d.n(); i++) {
      c[i] = d.get(i, j);
    }
    return c;
  }
}
