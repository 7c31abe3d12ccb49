package logitlab.data;

/**
 * Counts distinct strings in bounded memory, for a message such as "column "id" has 100000 distinct
 * values". Each string is reduced to a 64-bit hash kept in an open-addressing table; two distinct
 * strings are counted as one only if their hashes collide, which for n strings happens with
 * probability about n^2 / 2^65 (3e-8 at the cap). Counting stops at {@link #CAP} distinct values,
 * so the table never takes more than 16 MB.
 */
final class DistinctCounter {
  /** The count stops here; {@link #full()} then says that there may be more. */
  static final int CAP = 1_000_000;

  private long[] table = new long[1 << 12];
  private boolean hasZero;
  private int count;

  /** Adds a string (counted if it has not been seen). */
  void add(String s) {
    if (count >= CAP) {
      return;
    }
    long h = hash(s);
    if (h == 0) {
      if (!hasZero) {
        hasZero = true;
        count++;
      }
      return;
    }
    if (insert(table, h)) {
      count++;
      if (2L * count > table.length) {
        long[] bigger = new long[table.length * 2];
        for (long v : table) {
          if (v != 0) {
            insert(bigger, v);
          }
        }
        table = bigger;
      }
    }
  }

  /** Distinct strings added, at most {@link #CAP}. */
  int count() {
    return count;
  }

  /** Whether the count reached {@link #CAP} and stopped. */
  boolean full() {
    return count >= CAP;
  }

  private static boolean insert(long[] t, long h) {
    int mask = t.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (t[i] != 0) {
      if (t[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    t[i] = h;
    return true;
  }

  /** FNV-1a over the UTF-16 code units, then a 64-bit finaliser (splitmix64) to spread the bits. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
