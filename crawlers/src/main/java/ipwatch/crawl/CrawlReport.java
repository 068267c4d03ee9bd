package ipwatch.crawl;

import java.time.Duration;

/**
 * What one {@link Crawler#crawl} run did. {@code pagesFetched} counts HTML pages downloaded (listings and hubs);
 * {@code skipped} counts URLs refused by robots.txt, limits or content type; {@code errors} counts recorded failures.
 */
public record CrawlReport(
    int pagesFetched, int listingsEmitted, int notModified, int skipped, int errors, Duration elapsed) {

  @Override
  public String toString() {
    return "pages=" + pagesFetched + " listings=" + listingsEmitted + " notModified=" + notModified + " skipped="
        + skipped + " errors=" + errors + " elapsed=" + elapsed.toMillis() + "ms";
  }
}
