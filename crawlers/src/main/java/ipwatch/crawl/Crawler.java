package ipwatch.crawl;

import ipwatch.crawl.extract.ListingExtractor;
import ipwatch.crawl.extract.Marketplaces;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.PageFetcher;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.politeness.HostPoliteness;
import ipwatch.crawl.robots.RobotsPolicy;
import ipwatch.crawl.sink.CrawlError;
import ipwatch.crawl.sink.ErrorSink;
import ipwatch.crawl.sink.ListingSink;
import ipwatch.crawl.sitemap.SitemapDiscovery;
import ipwatch.crawl.state.FilePageStateStore;
import ipwatch.crawl.state.MemoryPageStateStore;
import ipwatch.crawl.state.PageState;
import ipwatch.crawl.state.PageStateStore;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.crawl.url.UrlLimits;
import ipwatch.model.EvidenceStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A polite, bounded crawl of marketplace sites: seeds and their sitemaps, then same-host links to a maximum depth.
 * Product pages are snapshotted into the evidence store and emitted as listings; every failure becomes a
 * {@link CrawlError}. Validators (ETag, Last-Modified), content hashes and fetch times live in the page state store
 * ({@code state.dir}, in memory when unset), so a recrawl of an unchanged page emits nothing and a restarted crawler
 * fetches only what is due ({@code recrawl.after}, per marketplace overridable) and asks conditionally.
 */
public final class Crawler implements AutoCloseable {
  final CrawlerSettings settings;
  final EvidenceStore evidence;
  final ListingSink listings;
  final ErrorSink errors;
  final Marketplaces marketplaces;
  final ListingExtractor extractor;
  final RobotsPolicy robots;
  final PoliteFetch fetch;
  final SitemapDiscovery sitemaps;
  final UrlLimits limits;
  final PageStateStore state;
  final CrawlMetrics metrics = new CrawlMetrics();
  final PageHandler pageHandler;
  private final Predicate<String> htmlTypes;

  public Crawler(CrawlerSettings settings, EvidenceStore evidence, ListingSink listings, ErrorSink errors) {
    this(settings, Marketplaces.load(settings.marketplacesDir()), evidence, listings, errors);
  }

  public Crawler(CrawlerSettings settings, Marketplaces marketplaces, EvidenceStore evidence, ListingSink listings,
      ErrorSink errors) {
    this(settings, marketplaces, evidence, listings, errors,
        settings.stateDir() == null ? new MemoryPageStateStore() : new FilePageStateStore(settings.stateDir()));
  }

  public Crawler(CrawlerSettings settings, Marketplaces marketplaces, EvidenceStore evidence, ListingSink listings,
      ErrorSink errors, PageStateStore state) {
    this.settings = settings;
    this.evidence = evidence;
    this.listings = listings;
    this.errors = errors;
    this.marketplaces = marketplaces;
    this.state = state;
    this.extractor = new ListingExtractor(marketplaces);
    PageFetcher fetcher = new PageFetcher(settings.userAgent(), settings.connectTimeout(), settings.readTimeout(),
        settings.maxPageBytes(), settings.maxRedirects());
    HostPoliteness politeness = new HostPoliteness(settings.maxConcurrencyPerHost());
    // reading robots.txt is a request like any other: the host's next request waits its delay after it
    this.robots = new RobotsPolicy(settings.robotsAgent(), settings.robotsCacheTtl(), settings.maxCrawlDelay(), u -> {
      String host = UrlCanonicalizer.hostKey(u);
      Duration delay = marketplaces.forHost(u.getHost()).minDelay().orElse(settings.minDelay());
      politeness.started(host, delay);
      try {
        return fetcher.fetch(u, t -> true, x -> true, Validators.NONE);
      } finally {
        politeness.started(host, delay);
      }
    });
    this.fetch = new PoliteFetch(settings, fetcher, robots, politeness, marketplaces);
    this.sitemaps = new SitemapDiscovery(this::fetchSitemap, settings.maxSitemapUrls());
    this.limits = new UrlLimits(settings.maxUrlLength(), settings.maxRepeatedPathSegments(),
        settings.maxQueryParams());
    List<String> types = settings.htmlContentTypes().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    this.htmlTypes = types::contains;
    this.pageHandler = new PageHandler(extractor, evidence, listings,
        new ImageHasher(fetch, evidence, settings.imagesPerListing()));
  }

  /**
   * Crawls from the seeds until the frontier is empty or {@code maxPages} HTML pages were fetched. Blocks until done.
   * Only the seeds' hosts are crawled.
   */
  public CrawlReport crawl(List<URI> seeds, int maxPages) {
    try (CrawlRun run = new CrawlRun(this, maxPages)) {
      return run.execute(seeds);
    }
  }

  /** Counters since this crawler was created (a metrics endpoint can publish {@link CrawlMetrics#snapshot}). */
  public CrawlMetrics metrics() {
    return metrics;
  }

  /** Whether a page fetched before is due again: its marketplace's recrawl interval (or the global one) has passed. */
  boolean isDue(URI url, PageState known, Instant now) {
    if (known.fetchedAt() == null) {
      return true;
    }
    Duration after = marketplaces.forHost(url.getHost()).recrawlAfter().orElse(settings.recrawlAfter());
    return !known.fetchedAt().plus(after).isAfter(now);
  }

  Predicate<String> htmlTypes() {
    return htmlTypes;
  }

  void recordError(URI url, FetchResult r, int attempts) {
    recordError(url, r.status(), r.detail(), attempts);
  }

  void recordError(URI url, int status, String cause, int attempts) {
    errors.accept(new CrawlError(url.toString(), status, cause, attempts, Instant.now()));
  }

  private FetchResult fetchSitemap(URI url) {
    try {
      return fetch.fetchNow(url, t -> true, Validators.NONE).result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult(FetchResult.Outcome.FAILED, url, url, 0, null, new byte[0], Validators.NONE, false,
          java.util.Optional.empty(), "interrupted");
    }
  }

  /** Stops the fetch threads and closes the page state store (flushing it). */
  @Override
  public void close() {
    fetch.close();
    state.close();
  }
}
