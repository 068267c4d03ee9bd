package ipwatch.local.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies in milliseconds and their nearest-rank percentiles. Not thread-safe: one thread records (the case
 * watcher), the summary is read after it stopped.
 */
public final class LatencySummary {
  private long[] values = new long[1024];
  private int count;

  public void record(long millis) {
    if (count == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[count++] = millis;
  }

  /** Records every value of {@code other} as well. */
  public void addAll(LatencySummary other) {
    for (int i = 0; i < other.count; i++) {
      record(other.values[i]);
    }
  }

  public int count() {
    return count;
  }

  /** The nearest-rank percentile (0 < p <= 100): the smallest value with at least p% of the values at or below it. */
  public long percentile(double p) {
    if (count == 0) {
      throw new IllegalStateException("no latencies recorded");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, rank - 1)];
  }

  public long max() {
    return percentile(100);
  }

  /** "p50 0.41 s  p90 0.80 s  p99 1.92 s  max 2.30 s  (n=1,234)", or "no samples". */
  public String describe() {
    if (count == 0) {
      return "no samples";
    }
    return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s  (n=%,d)", seconds(percentile(50)),
        seconds(percentile(90)), seconds(percentile(99)), seconds(max()), count);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
