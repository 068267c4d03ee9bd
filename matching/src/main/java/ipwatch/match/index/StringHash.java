package ipwatch.match.index;

/**
 * 64-bit hashes of strings and of the strings left after deleting one or two characters, without building those
 * strings: a polynomial hash is split at the deleted positions. The deletion neighbourhood of a listing word is
 * probed dozens of times per listing, so avoiding the allocations is most of the lookalike matcher's speed.
 */
public final class StringHash {
  private static final long P = 0x100000001B3L;
  private static final int MAX = 64;
  private static final long[] POW = new long[MAX + 1];

  static {
    POW[0] = 1;
    for (int i = 1; i <= MAX; i++) {
      POW[i] = POW[i - 1] * P;
    }
  }

  private final long[] prefix = new long[MAX + 1];
  private String s = "";

  /** Whether strings of this length can be hashed with deletions (longer words are never marks' lookalikes). */
  public static boolean fits(String s) {
    return s.length() <= MAX;
  }

  public static long of(CharSequence s) {
    long h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = h * P + s.charAt(i) + 1;
    }
    return mix(h, s.length());
  }

  /** Prepares {@link #without} for {@code s} (at most 64 chars). */
  public StringHash reset(String s) {
    this.s = s;
    prefix[0] = 0;
    for (int i = 0; i < s.length(); i++) {
      prefix[i + 1] = prefix[i] * P + s.charAt(i) + 1;
    }
    return this;
  }

  public long whole() {
    return mix(prefix[s.length()], s.length());
  }

  /** The hash of the string with the character at {@code i} deleted; equals {@code of(thatString)}. */
  public long without(int i) {
    int n = s.length();
    long tail = prefix[n] - prefix[i + 1] * POW[n - i - 1];
    return mix(prefix[i] * POW[n - i - 1] + tail, n - 1);
  }

  /** The hash with the characters at {@code i < j} deleted. */
  public long without(int i, int j) {
    int n = s.length();
    long mid = prefix[j] - prefix[i + 1] * POW[j - i - 1];
    long tail = prefix[n] - prefix[j + 1] * POW[n - j - 1];
    long h = (prefix[i] * POW[j - i - 1] + mid) * POW[n - j - 1] + tail;
    return mix(h, n - 2);
  }

  private static long mix(long h, int length) {
    long x = h ^ ((long) length << 56);
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }
}
