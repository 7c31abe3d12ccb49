package logitlab.cli;

import java.util.function.Supplier;

/** Turns an options record's validation failure into a usage error (exit code 2). */
final class Usage {
  private Usage() {}

  static <T> T check(Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
