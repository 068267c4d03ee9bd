package ipwatch.crawl;

import ipwatch.crawl.extract.Marketplaces;
import ipwatch.crawl.fetch.Backoff;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.PageFetcher;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.politeness.HostPoliteness;
import ipwatch.crawl.robots.RobotsPolicy;
import ipwatch.crawl.url.UrlCanonicalizer;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Every request of a crawl goes through here: the host's turn (delay = the larger of the configured or marketplace
 * delay and robots.txt Crawl-delay; bounded in-flight requests), then retries with backoff for 5xx and timeouts and
 * with Retry-After for 429/503. A Retry-After pauses the whole host, not just this URL.
 */
final class PoliteFetch {
  /** A fetch and how many attempts it took. */
  record Attempted(FetchResult result, int attempts) {}

  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final HostPoliteness politeness;
  private final Marketplaces marketplaces;
  private final Backoff backoff;
  private final CrawlerSettings settings;

  PoliteFetch(CrawlerSettings settings, PageFetcher fetcher, RobotsPolicy robots, HostPoliteness politeness,
      Marketplaces marketplaces) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.robots = robots;
    this.politeness = politeness;
    this.marketplaces = marketplaces;
    this.backoff = new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay());
  }

  Attempted fetch(URI url, Predicate<String> acceptType, Validators validators) throws InterruptedException {
    String host = UrlCanonicalizer.hostKey(url);
    Duration delay = delayFor(url);
    for (int attempt = 1; ; attempt++) {
      politeness.acquire(host, delay);
      FetchResult r;
      try {
        r = fetcher.fetch(url, acceptType, robots::isAllowed, validators);
      } finally {
        politeness.release(host);
      }
      if (r.outcome() != FetchResult.Outcome.RETRYABLE || attempt >= settings.retryMaxAttempts()) {
        return new Attempted(r, attempt);
      }
      politeness.pause(host, backoff.delayAfter(attempt, r.retryAfter()));
    }
  }

  Duration delayFor(URI url) {
    Duration configured = marketplaces.forHost(url.getHost()).minDelay().orElse(settings.minDelay());
    Duration crawlDelay = robots.crawlDelay(url);
    return crawlDelay.compareTo(configured) > 0 ? crawlDelay : configured;
  }
}
