package ipwatch.crawl.sink;

import java.time.Instant;

/**
 * A URL the crawler gave up on (topic {@code crawl-errors}, key = url). {@code status} is the last HTTP status, or 0
 * when no response arrived (timeout, connection refused) or the page was refused by a limit.
 */
public record CrawlError(String url, int status, String cause, int attempts, Instant occurredAt) {}
