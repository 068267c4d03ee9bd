package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CrawlProgressTest {
  final CrawlMetrics metrics = new CrawlMetrics();

  @Test
  void metricsSnapshotNamesEveryCounter() {
    metrics.pagesFetched.add(3);
    metrics.listingsEmitted.add(2);
    metrics.notModified.increment();
    metrics.errors.add(4);
    metrics.bytesFetched.add(1234);
    Map<String, Long> s = metrics.snapshot();
    assertEquals(3, s.get("crawler_pages_fetched_total"));
    assertEquals(2, s.get("crawler_listings_emitted_total"));
    assertEquals(1, s.get("crawler_not_modified_total"));
    assertEquals(4, s.get("crawler_errors_total"));
    assertEquals(1234, s.get("crawler_bytes_fetched_total"));
    assertEquals(0, s.get("crawler_skipped_total"));
    assertTrue(s.containsKey("crawler_uptime_seconds"));
    assertEquals(3, metrics.pagesFetched());
    assertEquals(2, metrics.listingsEmitted());
    assertEquals(4, metrics.errors());
  }

  @Test
  void progressLineCountsOnlyPagesSinceItStartedAndGivesTheirRate() {
    metrics.pagesFetched.add(100); // an earlier run of the same crawler
    try (CrawlProgress progress = new CrawlProgress(metrics, () -> 7, Duration.ZERO)) {
      metrics.pagesFetched.add(5);
      metrics.listingsEmitted.add(2);
      metrics.errors.increment();
      String line = progress.line();
      assertTrue(line.contains("pages=5 "), line);
      assertTrue(line.contains("listings=2 "), line);
      assertTrue(line.contains("errors=1 "), line);
      assertTrue(line.contains("queued=7"), line);
      Matcher m = Pattern.compile("rate=([0-9.]+)/s \\(avg ([0-9.]+)/s\\)").matcher(line);
      assertTrue(m.find(), line);
      assertTrue(Double.parseDouble(m.group(1)) > 0 && Double.parseDouble(m.group(2)) > 0, line);

      String next = progress.line(); // nothing fetched since the last line: the recent rate drops to zero
      assertTrue(next.contains("pages=5 ") && next.contains("rate=0.0/s"), next);
    }
  }
}
