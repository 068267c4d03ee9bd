package ipwatch.crawl;

import ipwatch.crawl.extract.ExtractedPage;
import ipwatch.crawl.extract.Links;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.state.PageState;
import ipwatch.crawl.url.SeenUrls;
import ipwatch.crawl.url.UrlCanonicalizer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl: its seen-set, page budget and counters. The frontier is the fetch scheduler's timer queue. A URL the page
 * state store knows and that is not yet due for recrawl is not fetched at all (seeds excepted: they are the way in,
 * and a conditional GET of an unchanged seed costs a 304).
 */
final class CrawlRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
  private final Crawler c;
  private final int maxPages;
  private final SeenUrls seen;
  private final Set<String> hosts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger reserved = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger emitted = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Object done = new Object();
  private final CrawlProgress progress;

  CrawlRun(Crawler crawler, int maxPages) {
    this.c = crawler;
    this.maxPages = maxPages;
    this.seen = new SeenUrls(crawler.settings.seenMaxEntries());
    this.progress = new CrawlProgress(crawler.metrics, pending::get, crawler.settings.progressInterval());
  }

  CrawlReport execute(List<URI> rawSeeds) {
    long start = System.nanoTime();
    List<URI> seeds = rawSeeds.stream().map(UrlCanonicalizer::canonicalize).flatMap(Optional::stream).toList();
    seeds.forEach(s -> hosts.add(UrlCanonicalizer.hostKey(s)));
    seeds.forEach(s -> offer(s, 0, true));
    resumeKnownPages();
    if (c.settings.useSitemaps()) {
      seeds.stream().map(s -> s.resolve("/")).distinct().forEach(this::discoverSitemaps);
    }
    awaitIdle();
    c.state.flush();
    CrawlReport report = new CrawlReport(pages.get(), emitted.get(), unchanged.get(), skipped.get(), failed.get(),
        Duration.ofNanos(System.nanoTime() - start));
    LOG.info("crawl finished: {}", report);
    return report;
  }

  /**
   * After a restart: every page we knew on these hosts goes back in the frontier, including those discovered but never
   * fetched (the frontier of a crawl that was killed); what is not due is skipped there.
   */
  private void resumeKnownPages() {
    List<PageState> known = new ArrayList<>();
    c.state.forEach(p -> known.add(p));
    for (PageState p : known) {
      UrlCanonicalizer.canonicalize(p.url()).ifPresent(u -> offer(u, p.depth(), false));
    }
  }

  private void discoverSitemaps(URI site) {
    List<URI> urls = c.sitemaps.discover(site, c.robots.sitemaps(site), r -> error(r.requestedUrl(), r, 1));
    urls.stream().map(UrlCanonicalizer::canonicalize).flatMap(Optional::stream).forEach(u -> offer(u, 0, false));
  }

  /** Queues a URL unless it is off-site, over a limit, already seen, not due, or the page budget is spent. */
  private void offer(URI url, int depth, boolean seed) {
    if (!hosts.contains(UrlCanonicalizer.hostKey(url)) || reserved.get() >= maxPages) {
      return;
    }
    if (c.limits.refusal(url).isPresent()) {
      skipped();
      return;
    }
    if (!seen.markNew(url)) {
      return;
    }
    Optional<PageState> known = c.state.get(url.toString());
    if (!seed && known.isPresent() && !c.isDue(url, known.get(), Instant.now())) {
      c.metrics.fresh.increment();
      return;
    }
    if (reserved.incrementAndGet() > maxPages) {
      return;
    }
    c.metrics.urlsDiscovered.increment();
    if (known.isEmpty()) {
      // remembered as discovered but not yet fetched, so a crawler killed before fetching it resumes it
      c.state.put(new PageState(url.toString(), depth, Validators.NONE, null, null));
    }
    pending.incrementAndGet();
    Validators v = known.map(PageState::validators).orElse(Validators.NONE);
    c.fetch.submit(url, c.htmlTypes(), v, a -> {
      CompletableFuture<Void> work;
      try {
        work = handle(url, depth, known, a);
      } catch (RuntimeException e) {
        work = CompletableFuture.failedFuture(e);
      }
      // the URL is done only when its listing reached the sink, so the run never ends with a listing in flight
      work.whenComplete((ok, e) -> {
        if (e != null) {
          Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
              ? e.getCause() : e;
          LOG.warn("handling {} failed", url, cause);
          error(url, 0, "internal error: " + cause, a.attempts());
        }
        if (pending.decrementAndGet() == 0) {
          synchronized (done) {
            done.notifyAll();
          }
        }
      });
    });
  }

  private CompletableFuture<Void> handle(URI url, int depth, Optional<PageState> known, PoliteFetch.Attempted a) {
    FetchResult r = a.result();
    PageState before = known.orElseGet(() -> new PageState(url.toString(), depth, Validators.NONE, null, null));
    switch (r.outcome()) {
      case OK -> {
        return page(url, r, depth, before);
      }
      case NOT_MODIFIED -> {
        unchanged.incrementAndGet();
        c.metrics.notModified.increment();
        c.state.put(before.withFetch(null, null, Instant.now()));
      }
      case SKIPPED -> {
        reserved.decrementAndGet();
        skipped();
      }
      default -> error(url, r, a.attempts());
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<Void> page(URI url, FetchResult r, int depth, PageState before) {
    pages.incrementAndGet();
    c.metrics.pagesFetched.increment();
    c.metrics.bytesFetched.add(r.body().length);
    URI finalUrl = UrlCanonicalizer.canonicalize(r.finalUrl()).orElse(url);
    PageHandler.Result result = c.pageHandler.handle(finalUrl, r, before.contentSha256());
    if (c.settings.followLinks() && depth < c.settings.maxDepth() && !r.noFollow()) {
      for (String link : Links.followable(result.document())) {
        UrlCanonicalizer.canonicalize(link).ifPresent(u -> offer(u, depth + 1, false));
      }
    }
    // remembered as emitted only once the sink took it: a listing the sink refused is emitted again next crawl
    return result.emitted().thenRun(() -> {
      switch (result.outcome()) {
        case EMITTED -> {
          emitted.incrementAndGet();
          c.metrics.listingsEmitted.increment();
        }
        case UNCHANGED -> {
          unchanged.incrementAndGet();
          c.metrics.unchanged.increment();
        }
        default -> { }
      }
      c.state.put(before.withFetch(r.validators(), result.contentSha256(), Instant.now()));
    });
  }

  private void skipped() {
    skipped.incrementAndGet();
    c.metrics.skipped.increment();
  }

  private void error(URI url, FetchResult r, int attempts) {
    error(url, r.status(), r.detail(), attempts);
  }

  private void error(URI url, int status, String cause, int attempts) {
    failed.incrementAndGet();
    c.metrics.errors.increment();
    c.recordError(url, status, cause, attempts);
  }

  private void awaitIdle() {
    synchronized (done) {
      while (pending.get() > 0) {
        try {
          done.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    progress.close();
  }
}
