package ipwatch.link.dup;

import java.util.Collection;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code k} seeded 64-bit mixes of a shingle's hash, the minimum over the shingle
 * set. The share of equal positions between two signatures estimates the Jaccard similarity of the sets.
 */
public final class MinHasher {
  private final long[] seeds;

  public MinHasher(int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    seeds = new long[k];
    for (int i = 0; i < k; i++) {
      seeds[i] = random.nextLong();
    }
  }

  public int size() {
    return seeds.length;
  }

  public long[] signature(Collection<String> shingles) {
    long[] sig = new long[seeds.length];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (String s : shingles) {
      long base = fmix(s.hashCode() * 0x9E3779B97F4A7C15L + s.length());
      for (int i = 0; i < seeds.length; i++) {
        long h = fmix(base ^ seeds[i]) >>> 1;
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  public static double jaccard(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return a.length == 0 ? 0 : (double) same / a.length;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  static long fmix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
