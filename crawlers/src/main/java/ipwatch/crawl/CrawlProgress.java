package ipwatch.crawl;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress line every interval while a crawl runs: pages, the page rate over the last interval and overall, listings,
 * errors and what is still queued. Logged (the console appender of log4j2-crawler.xml prints it), so a long crawl
 * is never silent and the same figures are in {@link CrawlMetrics}.
 */
final class CrawlProgress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlProgress.class);
  private final ScheduledExecutorService timer;
  private final CrawlMetrics metrics;
  private final IntSupplier queued;
  private final long start = System.nanoTime();
  private final long pagesAtStart;
  private long lastPages;
  private long lastNanos = start;

  CrawlProgress(CrawlMetrics metrics, IntSupplier queued, java.time.Duration interval) {
    this.metrics = metrics;
    this.queued = queued;
    this.pagesAtStart = metrics.pagesFetched();
    this.lastPages = pagesAtStart;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crawl-progress");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(100, interval.toMillis());
    if (!interval.isZero()) {
      timer.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  String line() {
    long now = System.nanoTime();
    long pages = metrics.pagesFetched();
    double recent = (pages - lastPages) / Math.max(1e-9, (now - lastNanos) / 1e9);
    double overall = (pages - pagesAtStart) / Math.max(1e-9, (now - start) / 1e9);
    lastPages = pages;
    lastNanos = now;
    return String.format(Locale.ROOT, "crawl progress: pages=%d rate=%.1f/s (avg %.1f/s) listings=%d notModified=%d "
            + "errors=%d skipped=%d queued=%d", pages - pagesAtStart, recent, overall, metrics.listingsEmitted(),
        metrics.notModified.sum(), metrics.errors(), metrics.skipped.sum(), queued.getAsInt());
  }

  private void report() {
    LOG.info(line());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
