package ipwatch.crawl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crawler's counters since start, for progress lines and for a metrics endpoint ({@link #snapshot} is a flat
 * name-to-value map, ready for a Prometheus or JMX exporter). Cumulative over runs and, in serve mode, over partitions.
 */
public final class CrawlMetrics {
  final LongAdder pagesFetched = new LongAdder();
  final LongAdder listingsEmitted = new LongAdder();
  final LongAdder notModified = new LongAdder();
  final LongAdder unchanged = new LongAdder();
  final LongAdder fresh = new LongAdder();
  final LongAdder skipped = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder bytesFetched = new LongAdder();
  final LongAdder urlsDiscovered = new LongAdder();
  private final long startNanos = System.nanoTime();

  public long pagesFetched() {
    return pagesFetched.sum();
  }

  public long listingsEmitted() {
    return listingsEmitted.sum();
  }

  public long errors() {
    return errors.sum();
  }

  /** Counter name (crawler_*_total) to value, plus the uptime in seconds. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("crawler_pages_fetched_total", pagesFetched.sum());
    m.put("crawler_listings_emitted_total", listingsEmitted.sum());
    m.put("crawler_not_modified_total", notModified.sum());
    m.put("crawler_unchanged_total", unchanged.sum());
    m.put("crawler_fresh_skipped_total", fresh.sum());
    m.put("crawler_skipped_total", skipped.sum());
    m.put("crawler_errors_total", errors.sum());
    m.put("crawler_bytes_fetched_total", bytesFetched.sum());
    m.put("crawler_urls_discovered_total", urlsDiscovered.sum());
    m.put("crawler_uptime_seconds", (System.nanoTime() - startNanos) / 1_000_000_000L);
    return m;
  }
}
