package ipwatch.crawl.bench;

import java.util.Arrays;

/**
 * When each loopback host received each request (nanoTime at the server), in fixed arrays: written by the server
 * thread only, read once the server has stopped. Requests past a host's capacity are counted but not timed.
 */
final class RequestLog {
  private final long[][] times;
  private final int[] counts;
  private final int[] images;
  private final char[][] kinds;

  RequestLog(int hosts, int perHost) {
    this.times = new long[hosts][perHost];
    this.counts = new int[hosts];
    this.images = new int[hosts];
    this.kinds = new char[hosts][perHost];
  }

  /** @param kind what was asked for: r(obots), s(itemap), h(ome), p(age), i(mage), o(ther) */
  void record(int host, long nanos, char kind) {
    int n = counts[host]++;
    if (n < times[host].length) {
      times[host][n] = nanos;
      kinds[host][n] = kind;
    }
    if (kind == 'i') {
      images[host]++;
    }
  }

  int hosts() {
    return counts.length;
  }

  long total() {
    return Arrays.stream(counts).asLongStream().sum();
  }

  long images() {
    return Arrays.stream(images).asLongStream().sum();
  }

  /** Requests that arrived in [from, to) over all hosts. */
  long between(long from, long to) {
    long n = 0;
    for (int h = 0; h < counts.length; h++) {
      for (int i = 0; i < Math.min(counts[h], times[h].length); i++) {
        n += times[h][i] >= from && times[h][i] < to ? 1 : 0;
      }
    }
    return n;
  }

  /** The {@code n} shortest gaps as "kind-kind ms" (which request followed which), to see what a short gap was. */
  java.util.List<String> shortest(int n) {
    return ranked(n, java.util.Comparator.comparingLong(g -> g[0]));
  }

  /** The {@code n} longest gaps, likewise. */
  java.util.List<String> longest(int n) {
    return ranked(n, java.util.Comparator.comparingLong((long[] g) -> g[0]).reversed());
  }

  private java.util.List<String> ranked(int n, java.util.Comparator<long[]> order) {
    java.util.List<long[]> all = new java.util.ArrayList<>();
    for (int h = 0; h < counts.length; h++) {
      for (int i = 1; i < Math.min(counts[h], times[h].length); i++) {
        all.add(new long[] {times[h][i] - times[h][i - 1], h, i});
      }
    }
    all.sort(order);
    return all.stream().limit(n).map(g -> String.format(java.util.Locale.ROOT, "%c-%c %.1f ms",
        kinds[(int) g[1]][(int) g[2] - 1], kinds[(int) g[1]][(int) g[2]], g[0] / 1e6)).toList();
  }

  /** Every gap between two consecutive requests to one host, in nanoseconds, sorted. */
  long[] gaps() {
    int n = 0;
    for (int h = 0; h < counts.length; h++) {
      n += Math.max(0, Math.min(counts[h], times[h].length) - 1);
    }
    long[] out = new long[n];
    int k = 0;
    for (int h = 0; h < counts.length; h++) {
      for (int i = 1; i < Math.min(counts[h], times[h].length); i++) {
        out[k++] = times[h][i] - times[h][i - 1];
      }
    }
    Arrays.sort(out);
    return out;
  }
}
