package ipwatch.crawl;

import ipwatch.crawl.extract.ExtractedPage;
import ipwatch.crawl.extract.Links;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.url.SeenUrls;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.model.Hashes;
import ipwatch.model.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One crawl: its frontier (the executor's queue), seen-set, page budget and counters. */
final class CrawlRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
  private final Crawler c;
  private final int maxPages;
  private final SeenUrls seen;
  private final ExecutorService workers;
  private final Set<String> hosts = new LinkedHashSet<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger reserved = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger emitted = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Object done = new Object();

  CrawlRun(Crawler crawler, int maxPages) {
    this.c = crawler;
    this.maxPages = maxPages;
    this.seen = new SeenUrls(crawler.settings.seenMaxEntries());
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(crawler.settings.maxConcurrencyGlobal(), r -> {
      Thread t = new Thread(r, "crawler-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  CrawlReport execute(List<URI> rawSeeds) {
    long start = System.nanoTime();
    List<URI> seeds = rawSeeds.stream().map(UrlCanonicalizer::canonicalize).flatMap(Optional::stream).toList();
    seeds.forEach(s -> hosts.add(UrlCanonicalizer.hostKey(s)));
    seeds.forEach(s -> offer(s, 0));
    if (c.settings.useSitemaps()) {
      seeds.stream().map(s -> s.resolve("/")).distinct().forEach(this::discoverSitemaps);
    }
    awaitIdle();
    CrawlReport report = new CrawlReport(pages.get(), emitted.get(), unchanged.get(), skipped.get(), failed.get(),
        Duration.ofNanos(System.nanoTime() - start));
    LOG.info("crawl finished: {}", report);
    return report;
  }

  private void discoverSitemaps(URI site) {
    List<URI> urls = c.sitemaps.discover(site, c.robots.sitemaps(site), r -> error(r.requestedUrl(), r, 1));
    urls.stream().map(UrlCanonicalizer::canonicalize).flatMap(Optional::stream).forEach(u -> offer(u, 0));
  }

  /** Queues a URL unless it is off-site, over a limit, already seen, or the page budget is spent. */
  private void offer(URI url, int depth) {
    if (!hosts.contains(UrlCanonicalizer.hostKey(url)) || reserved.get() >= maxPages) {
      return;
    }
    Optional<String> refusal = c.limits.refusal(url);
    if (refusal.isPresent()) {
      skipped.incrementAndGet();
      return;
    }
    if (!seen.markNew(url)) {
      return;
    }
    pending.incrementAndGet();
    workers.execute(() -> {
      try {
        visit(url, depth);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("crawling {} failed", url, e);
        error(url, 0, "internal error: " + e, 1);
      } finally {
        if (pending.decrementAndGet() == 0) {
          synchronized (done) {
            done.notifyAll();
          }
        }
      }
    });
  }

  private void visit(URI url, int depth) throws InterruptedException {
    if (!c.robots.isAllowed(url)) {
      skipped.incrementAndGet();
      return;
    }
    if (reserved.incrementAndGet() > maxPages) {
      return;
    }
    String key = url.toString();
    PoliteFetch.Attempted a = c.fetch.fetch(url, c.htmlTypes(), c.validators.getOrDefault(key, Validators.NONE));
    FetchResult r = a.result();
    switch (r.outcome()) {
      case OK -> page(url, r, depth);
      case NOT_MODIFIED -> unchanged.incrementAndGet();
      case SKIPPED -> skipped.incrementAndGet();
      default -> error(url, r, a.attempts());
    }
  }

  private void page(URI url, FetchResult r, int depth) {
    pages.incrementAndGet();
    if (!r.validators().isEmpty()) {
      c.validators.put(url.toString(), r.validators());
    }
    URI finalUrl = UrlCanonicalizer.canonicalize(r.finalUrl()).orElse(url);
    Document doc = parse(r, finalUrl);
    Optional<ExtractedPage> product = c.extractor.extract(finalUrl, doc);
    product.ifPresent(p -> emit(p, r, finalUrl));
    if (c.settings.followLinks() && depth < c.settings.maxDepth() && !r.noFollow()) {
      for (String link : Links.followable(doc)) {
        UrlCanonicalizer.canonicalize(link).ifPresent(u -> offer(u, depth + 1));
      }
    }
  }

  private void emit(ExtractedPage p, FetchResult r, URI finalUrl) {
    String sha = Hashes.sha256Hex(r.body());
    if (sha.equals(c.lastContent.get(finalUrl.toString()))) {
      unchanged.incrementAndGet(); // same bytes as the listing we already emitted
      return;
    }
    Snapshot snapshot = c.evidence.put(r.body(), r.contentType());
    c.listings.accept(p.toListing(snapshot, Instant.now()));
    c.lastContent.put(finalUrl.toString(), sha);
    emitted.incrementAndGet();
  }

  private static Document parse(FetchResult r, URI base) {
    String charset = null;
    String ct = r.contentType() == null ? "" : r.contentType();
    var m = java.util.regex.Pattern.compile("(?i)charset=\"?([\\w.:-]+)").matcher(ct);
    if (m.find() && java.nio.charset.Charset.isSupported(m.group(1))) {
      charset = m.group(1);
    }
    try {
      return Jsoup.parse(new ByteArrayInputStream(r.body()), charset, base.toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void error(URI url, FetchResult r, int attempts) {
    error(url, r.status(), r.detail(), attempts);
  }

  private void error(URI url, int status, String cause, int attempts) {
    failed.incrementAndGet();
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
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
