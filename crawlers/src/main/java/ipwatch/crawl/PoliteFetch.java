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
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of a crawl goes through here: robots.txt, then the host's turn (delay = the larger of the configured
 * or marketplace delay and robots.txt Crawl-delay, counted from the end of the previous response, see {@link
 * HostPoliteness}; bounded in-flight requests per host), then retries with backoff for 5xx and timeouts and with Retry-After for 429/503. A Retry-After
 * pauses the whole host, not just this URL.
 *
 * <p>Each host has its own queue and at most one pending turn in the timer: requests wait there, not on a thread, and
 * the response is awaited asynchronously ({@link PageFetcher#fetchAsync}), so the pool's {@code maxConcurrency.global}
 * threads only ever start requests and parse, and throughput is the sum of the hosts' budgets, not threads / latency. The timer holds one entry per busy host rather than one per queued URL, and
 * work a listing is waiting for (its images) or that is being retried goes ahead of the host's other pages, so a
 * listing is emitted within a delay or two of its page rather than after the host's whole backlog.
 */
final class PoliteFetch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetch.class);

  /** A fetch and how many attempts it took. */
  record Attempted(FetchResult result, int attempts) {}

  /** Called once per submitted URL, on a pool thread, with the final outcome. */
  interface Done {
    void accept(Attempted a);
  }

  private record Request(URI url, Predicate<String> acceptType, Validators validators, Done done, int attempt) {}

  /** A host's waiting requests; {@code turnPending} says a turn is in the timer (guarded by this). */
  private static final class HostQueue {
    final String host;
    final ArrayDeque<Request> first = new ArrayDeque<>();
    final ArrayDeque<Request> rest = new ArrayDeque<>();
    boolean turnPending;

    HostQueue(String host) {
      this.host = host;
    }

    Request peek() {
      return first.isEmpty() ? rest.peekFirst() : first.peekFirst();
    }

    void remove(Request r) {
      if (!first.remove(r)) {
        rest.remove(r);
      }
    }
  }

  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final HostPoliteness politeness;
  private final Marketplaces marketplaces;
  private final Backoff backoff;
  private final CrawlerSettings settings;
  private final ScheduledThreadPoolExecutor pool;
  private final ConcurrentHashMap<String, HostQueue> queues = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();

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
  }

  boolean allowed(URI url) {
    return robots.isAllowed(url);
  }

  HostPoliteness politeness() {
    return politeness;
  }

  /** Fetches politely in the background; {@code done} gets the outcome (SKIPPED when robots.txt disallows). */
  void submit(URI url, Predicate<String> acceptType, Validators validators, Done done) {
    enqueue(new Request(url, acceptType, validators, done, 1), false);
  }

  /** As {@link #submit}, ahead of the host's queued pages: for work something already fetched is waiting for. */
  void submitFirst(URI url, Predicate<String> acceptType, Validators validators, Done done) {
    enqueue(new Request(url, acceptType, validators, done, 1), true);
  }

  private void enqueue(Request r, boolean first) {
    HostQueue q = queues.computeIfAbsent(UrlCanonicalizer.hostKey(r.url()), HostQueue::new);
    synchronized (q) {
      (first ? q.first : q.rest).addLast(r);
      queued.incrementAndGet();
      if (!q.turnPending) {
        q.turnPending = true;
        pool.execute(() -> turn(q));
      }
    }
  }

  private void later(HostQueue q, long nanos) {
    pool.schedule(() -> turn(q), nanos, TimeUnit.NANOSECONDS);
  }

  /** The host's turn: its first request starts if the host's manners allow it now, else the turn comes back later. */
  private void turn(HostQueue q) {
    Request r;
    synchronized (q) {
      r = q.peek();
      if (r == null) {
        q.turnPending = false;
        return;
      }
    }
    Duration delay;
    try {
      long wait = politeness.waitNanos(q.host);
      if (wait > 0) {
        later(q, wait);
        return;
      }
      // may read robots.txt, a request of its own (the Crawler's robots fetch tells the politeness): hence after the wait
      if (!robots.isAllowed(r.url())) {
        take(q, r);
        pool.execute(() -> turn(q));
        r.done().accept(new Attempted(FetchResult.of(FetchResult.Outcome.SKIPPED, r.url(), r.url(), 0,
            "robots.txt disallows"), 0));
        return;
      }
      delay = delayFor(r.url());
      wait = politeness.tryStart(q.host, delay);
      if (wait > 0) {
        later(q, wait);
        return;
      }
    } catch (RuntimeException e) {
      take(q, r);
      pool.execute(() -> turn(q));
      failed(r, e);
      return;
    }
    take(q, r);
    later(q, delay.toNanos()); // the chain goes on whatever happens to this request (it may find the host busy)
    Duration d = delay;
    guarded(r, () -> attempt(q.host, r, d));
  }

  private void take(HostQueue q, Request r) {
    synchronized (q) {
      q.remove(r);
    }
    queued.decrementAndGet();
  }

  private void attempt(String host, Request r, Duration delay) {
    CompletableFuture<FetchResult> exchange;
    try {
      exchange = fetcher.fetchAsync(r.url(), r.acceptType(), robots::isAllowed, r.validators());
    } catch (RuntimeException e) {
      politeness.finished(host, delay);
      throw e;
    }
    // the host's delay runs from the response's end, not from when a worker got round to it
    exchange.whenComplete((res, e) -> politeness.finished(host, delay))
        .whenCompleteAsync((res, e) -> guarded(r, () -> {
          if (e != null) {
            throw new IllegalStateException("fetch failed", e);
          }
          afterAttempt(host, r, res);
        }), pool);
  }

  private void afterAttempt(String host, Request r, FetchResult res) {
    if (res.outcome() != FetchResult.Outcome.RETRYABLE || r.attempt() >= settings.retryMaxAttempts()) {
      r.done().accept(new Attempted(res, r.attempt()));
      return;
    }
    politeness.pause(host, backoff.delayAfter(r.attempt(), res.retryAfter()));
    enqueue(new Request(r.url(), r.acceptType(), r.validators(), r.done(), r.attempt() + 1), true);
  }

  /** A bug while handling one URL is that URL's error, never a lost callback (the run waits for every URL). */
  private static void guarded(Request r, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      failed(r, e);
    }
  }

  private static void failed(Request r, RuntimeException e) {
    LOG.warn("crawling {} failed", r.url(), e);
    r.done().accept(new Attempted(FetchResult.of(FetchResult.Outcome.FAILED, r.url(), r.url(), 0,
        "internal error: " + e), r.attempt()));
  }

  /**
   * A blocking polite fetch with retries, for sitemaps. It waits on the calling thread rather than in the host's
   * queue: a caller on a pool thread must not wait for a turn that needs a pool thread.
   */
  Attempted fetchNow(URI url, Predicate<String> acceptType, Validators validators) throws InterruptedException {
    String host = UrlCanonicalizer.hostKey(url);
    Duration delay = delayFor(url);
    for (int attempt = 1; ; attempt++) {
      politeness.acquire(host, delay);
      FetchResult r;
      try {
        r = fetcher.fetch(url, acceptType, robots::isAllowed, validators);
      } finally {
        politeness.finished(host, delay);
      }
      if (r.outcome() != FetchResult.Outcome.RETRYABLE || attempt >= settings.retryMaxAttempts()) {
        return new Attempted(r, attempt);
      }
      politeness.pause(host, backoff.delayAfter(attempt, r.retryAfter()));
    }
  }

  /** The configured delay of the URL's host: its marketplace's, else politeness.minDelay. */
  Duration configuredDelay(URI url) {
    return marketplaces.forHost(url.getHost()).minDelay().orElse(settings.minDelay());
  }

  Duration delayFor(URI url) {
    Duration configured = configuredDelay(url);
    Duration crawlDelay = robots.crawlDelay(url);
    return crawlDelay.compareTo(configured) > 0 ? crawlDelay : configured;
  }

  /** Requests waiting for their host's turn. */
  int queued() {
    return queued.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    fetcher.close();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
