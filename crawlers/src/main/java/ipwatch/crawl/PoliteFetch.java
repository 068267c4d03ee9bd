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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of a crawl goes through here: robots.txt, then the host's turn (delay = the larger of the configured
 * or marketplace delay and robots.txt Crawl-delay; bounded in-flight requests per host), then retries with backoff for
 * 5xx and timeouts and with Retry-After for 429/503. A Retry-After pauses the whole host, not just this URL.
 *
 * <p>Requests wait for their host's slot in a timer queue, not on a thread: the pool has {@code maxConcurrency.global}
 * threads that only ever fetch and parse, so throughput is the sum of the hosts' budgets, not threads / delay.
 */
final class PoliteFetch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetch.class);

  /** A fetch and how many attempts it took. */
  record Attempted(FetchResult result, int attempts) {}

  /** Called once per submitted URL, on a pool thread, with the final outcome. */
  interface Done {
    void accept(Attempted a);
  }

  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final HostPoliteness politeness;
  private final Marketplaces marketplaces;
  private final Backoff backoff;
  private final CrawlerSettings settings;
  private final ScheduledThreadPoolExecutor pool;

  PoliteFetch(CrawlerSettings settings, PageFetcher fetcher, RobotsPolicy robots, HostPoliteness politeness,
      Marketplaces marketplaces) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.robots = robots;
    this.politeness = politeness;
    this.marketplaces = marketplaces;
    this.backoff = new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay());
    AtomicInteger n = new AtomicInteger();
    this.pool = new ScheduledThreadPoolExecutor(settings.maxConcurrencyGlobal(), r -> {
      Thread t = new Thread(r, "crawler-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.setRemoveOnCancelPolicy(true);
  }

  boolean allowed(URI url) {
    return robots.isAllowed(url);
  }

  HostPoliteness politeness() {
    return politeness;
  }

  /** Fetches politely in the background; {@code done} gets the outcome (SKIPPED when robots.txt disallows). */
  void submit(URI url, Predicate<String> acceptType, Validators validators, Done done) {
    pool.execute(() -> guarded(url, done, () -> {
      if (!robots.isAllowed(url)) {
        done.accept(new Attempted(FetchResult.of(FetchResult.Outcome.SKIPPED, url, url, 0,
            "robots.txt disallows"), 0));
        return;
      }
      schedule(url, acceptType, validators, done, 1, delayFor(url));
    }));
  }

  private void schedule(URI url, Predicate<String> acceptType, Validators validators, Done done, int attempt,
      Duration delay) {
    String host = UrlCanonicalizer.hostKey(url);
    long at = politeness.reserve(host, delay);
    pool.schedule(() -> guarded(url, done, () -> attempt(url, acceptType, validators, done, attempt, delay)),
        Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void attempt(URI url, Predicate<String> acceptType, Validators validators, Done done, int attempt,
      Duration delay) {
    String host = UrlCanonicalizer.hostKey(url);
    if (politeness.pausedUntil(host) - System.nanoTime() > 0 || !politeness.tryEnter(host)) {
      schedule(url, acceptType, validators, done, attempt, delay); // paused since, or too many in flight: next slot
      return;
    }
    FetchResult r;
    try {
      r = fetcher.fetch(url, acceptType, robots::isAllowed, validators);
    } finally {
      politeness.release(host);
    }
    if (r.outcome() != FetchResult.Outcome.RETRYABLE || attempt >= settings.retryMaxAttempts()) {
      done.accept(new Attempted(r, attempt));
      return;
    }
    politeness.pause(host, backoff.delayAfter(attempt, r.retryAfter()));
    schedule(url, acceptType, validators, done, attempt + 1, delay);
  }

  /** A bug while handling one URL is that URL's error, never a lost callback (the run waits for every URL). */
  private static void guarded(URI url, Done done, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("crawling {} failed", url, e);
      done.accept(new Attempted(FetchResult.of(FetchResult.Outcome.FAILED, url, url, 0, "internal error: " + e), 1));
    }
  }

  /** A blocking polite fetch with retries, for sitemaps (called outside the pool). */
  Attempted fetchNow(URI url, Predicate<String> acceptType, Validators validators) throws InterruptedException {
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

  int queued() {
    return pool.getQueue().size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
