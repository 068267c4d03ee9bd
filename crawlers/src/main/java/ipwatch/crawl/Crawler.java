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
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.crawl.url.UrlLimits;
import ipwatch.model.EvidenceStore;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A polite, bounded crawl of marketplace sites: seeds and their sitemaps, then same-host links to a maximum depth.
 * Product pages are snapshotted into the evidence store and emitted as listings; every failure becomes a
 * {@link CrawlError}. One instance may run several crawls; it remembers validators (ETag, Last-Modified) and content
 * hashes between them, so a recrawl of an unchanged page emits nothing.
 */
public final class Crawler {
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
  /** Per canonical URL: validators for conditional GET and the SHA-256 of the body last emitted. */
  final Map<String, Validators> validators = new ConcurrentHashMap<>();
  final Map<String, String> lastContent = new ConcurrentHashMap<>();
  private final Predicate<String> htmlTypes;

  public Crawler(CrawlerSettings settings, EvidenceStore evidence, ListingSink listings, ErrorSink errors) {
    this(settings, Marketplaces.load(settings.marketplacesDir()), evidence, listings, errors);
  }

  public Crawler(CrawlerSettings settings, Marketplaces marketplaces, EvidenceStore evidence, ListingSink listings,
      ErrorSink errors) {
    this.settings = settings;
    this.evidence = evidence;
    this.listings = listings;
    this.errors = errors;
    this.marketplaces = marketplaces;
    this.extractor = new ListingExtractor(marketplaces);
    PageFetcher fetcher = new PageFetcher(settings.userAgent(), settings.connectTimeout(), settings.readTimeout(),
        settings.maxPageBytes(), settings.maxRedirects());
    this.robots = new RobotsPolicy(settings.robotsAgent(), settings.robotsCacheTtl(), settings.maxCrawlDelay(),
        u -> fetcher.fetch(u, t -> true, x -> true, Validators.NONE));
    this.fetch = new PoliteFetch(settings, fetcher, robots,
        new HostPoliteness(settings.maxConcurrencyPerHost()), marketplaces);
    this.sitemaps = new SitemapDiscovery(this::fetchSitemap, settings.maxSitemapUrls());
    this.limits = new UrlLimits(settings.maxUrlLength(), settings.maxRepeatedPathSegments(),
        settings.maxQueryParams());
    List<String> types = settings.htmlContentTypes().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    this.htmlTypes = types::contains;
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
      return fetch.fetch(url, t -> true, Validators.NONE).result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult(FetchResult.Outcome.FAILED, url, url, 0, null, new byte[0], Validators.NONE, false,
          java.util.Optional.empty(), "interrupted");
    }
  }
}
