package logitlab.data;

import java.util.List;
import java.util.Locale;

/**
 * The column a user probably meant when a name matches none: {@code -y Y} for a column {@code y},
 * {@code --factor regoin} for {@code region}.
 */
final class Names {
  private Names() {}

  /**
   * The name in {@code names} that {@code typed} probably means, or null: the same name in another
   * case; else the nearest by edit distance (Levenshtein, on lower case) if it is at most 1 for a
   * name of 3 or 4 characters and at most 2 for a longer one (a name of 1 or 2 characters is one
   * edit away from too much). Ties go to the first in {@code names}.
   */
  static String closest(String typed, List<String> names) {
    String t = typed.trim().toLowerCase(Locale.ROOT);
    for (String n : names) {
      if (n.toLowerCase(Locale.ROOT).equals(t)) {
        return n;
      }
    }
    int allowed = t.length() <= 2 ? 0 : t.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = allowed + 1;
    for (String n : names) {
      int d = distance(t, n.toLowerCase(Locale.ROOT), bestDistance);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * The Levenshtein distance between {@code a} and {@code b} (insertions, deletions, substitutions),
   * or any value of at least {@code bound} once it is known to reach it. Two rows of the dynamic
   * programme; strings of very different lengths are rejected at once.
   */
  static int distance(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) >= bound) {
      return bound;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= bound) {
        return bound;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
