package logitlab.model;

import java.util.List;

/**
 * An aliased term and the estimable terms it is an exact linear combination of (as R's
 * {@code alias()}).
 */
public record Alias(String term, List<String> collinearWith) {
  public Alias {
    collinearWith = List.copyOf(collinearWith);
  }
}
