package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.crawl.sink.CollectingErrorSink;
import ipwatch.crawl.sink.CollectingListingSink;
import ipwatch.crawl.sink.CrawlError;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler against scripted servers on 127.0.0.1: manners, limits and failure handling. */
class CrawlerLoopbackTest {
  @TempDir Path evidence;
  final CollectingListingSink listings = new CollectingListingSink();
  final CollectingErrorSink errors = new CollectingErrorSink();

  Crawler crawler(Map<String, String> overrides) {
    Map<String, String> o = new java.util.HashMap<>(Map.of("marketplaces.dir", "../config/marketplaces",
        "evidence.dir", evidence.toString(), "retry.baseDelay", "50ms", "limits.maxPageBytes", "200000",
        "state.dir", "", "progress.interval", "0s"));
    o.putAll(overrides);
    Config c = Config.load(Path.of("../config/crawler.yaml"), Map.of()).with(o);
    return new Crawler(CrawlerSettings.from(c), new FileEvidenceStore(evidence), listings, errors);
  }

  Set<String> listedPaths() {
    return listings.listings().stream().map(l -> java.net.URI.create(l.url()).getPath()).collect(Collectors.toSet());
  }

  @Test
  void crawlerObeysRobotsFindsSitemapsRetriesAndRecordsWhatFails() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.route("/robots.txt", (ex, n) -> LoopbackSite.send(ex, 200, "text/plain",
          "User-agent: *\nDisallow: /private/\n\nSitemap: " + site.url("/sitemap.xml") + "\n"));
      site.route("/sitemap.xml", (ex, n) -> LoopbackSite.send(ex, 200, "application/xml",
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
              + site.url("/from-sitemap") + "</loc></url></urlset>"));
      site.html("/", "<a href=/private/secret>s</a><a href=/p/1>1</a><a href=/busy>b</a><a href=/flaky>f</a>"
          + "<a href=/loop-a>l</a><a href=/file.pdf>pdf</a><a href=/huge>h</a><a href=/missing>m</a>"
          + "<a href=/p/1?utm_source=x#top>same page</a>");
      site.html("/private/secret", LoopbackSite.product("Secret", "1.00"));
      site.html("/p/1", LoopbackSite.product("Widget", "12,50"));
      site.html("/from-sitemap", LoopbackSite.product("Hidden gem", "99.00"));
      site.route("/busy", (ex, n) -> {
        if (n == 1) {
          ex.getResponseHeaders().set("Retry-After", "1");
          LoopbackSite.send(ex, 429, "text/plain", "slow down");
        } else {
          LoopbackSite.send(ex, 200, "text/html", LoopbackSite.product("Busy", "5.00"));
        }
      });
      site.route("/flaky", (ex, n) -> LoopbackSite.send(ex, n == 1 ? 500 : 200, "text/html",
          LoopbackSite.product("Flaky", "7.00")));
      site.route("/loop-a", (ex, n) -> redirect(ex, "/loop-b"));
      site.route("/loop-b", (ex, n) -> redirect(ex, "/loop-a"));
      site.route("/file.pdf", (ex, n) -> LoopbackSite.send(ex, 200, "application/pdf", "%PDF-1.4"));
      site.route("/huge", (ex, n) -> LoopbackSite.send(ex, 200, "text/html", "x".repeat(300_000)));

      CrawlReport report = crawler(Map.of()).crawl(List.of(site.url("/")), 100);

      assertEquals(Set.of("/p/1", "/from-sitemap", "/busy", "/flaky"), listedPaths(), report.toString());
      assertEquals(0, site.hits("/private/secret").size(), "robots.txt Disallow");
      assertEquals(1, site.hits("/p/1").size(), "canonical URLs are fetched once");
      List<Long> busy = site.hits("/busy");
      assertEquals(2, busy.size());
      assertTrue(busy.get(1) - busy.get(0) >= 900_000_000L, "Retry-After: 1 honoured");
      assertEquals(2, site.hits("/flaky").size());
      Map<String, CrawlError> byPath = errors.errors().stream()
          .collect(Collectors.toMap(e -> java.net.URI.create(e.url()).getPath(), e -> e));
      assertTrue(byPath.get("/loop-a").cause().contains("redirect loop"), byPath.toString());
      assertTrue(byPath.get("/huge").cause().contains("larger than"), byPath.toString());
      assertEquals(404, byPath.get("/missing").status());
      assertEquals(Set.of("/loop-a", "/huge", "/missing"), byPath.keySet(), "non-HTML is skipped, not an error");
      Listing widget = listings.listings().stream().filter(l -> l.title().equals("Widget")).findFirst().orElseThrow();
      assertEquals("12.50", widget.price().amount());
      assertTrue(new FileEvidenceStore(evidence).get(widget.snapshot().sha256()).isPresent());
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenRecorded() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/down>down</a>");
      site.route("/down", (ex, n) -> LoopbackSite.send(ex, 503, "text/plain", "down"));
      crawler(Map.of("retry.maxAttempts", "3")).crawl(List.of(site.url("/")), 10);
      assertEquals(3, site.hits("/down").size());
      CrawlError e = errors.errors().get(0);
      assertEquals(503, e.status());
      assertEquals(3, e.attempts());
    }
  }

  @Test
  void crawlDelayFromRobotsTxtSpacesRequests() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.route("/robots.txt", (ex, n) -> LoopbackSite.send(ex, 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
      site.html("/", "<a href=/a>a</a><a href=/b>b</a>");
      site.html("/a", LoopbackSite.product("A", "1.00"));
      site.html("/b", LoopbackSite.product("B", "2.00"));
      crawler(Map.of("discovery.sitemaps", "false")).crawl(List.of(site.url("/")), 10);
      List<Long> starts = new java.util.ArrayList<>();
      List.of("/", "/a", "/b").forEach(p -> starts.addAll(site.hits(p)));
      starts.sort(null);
      assertEquals(3, starts.size());
      for (int i = 1; i < starts.size(); i++) {
        assertTrue(starts.get(i) - starts.get(i - 1) >= 950_000_000L, "requests " + i + " closer than Crawl-delay");
      }
    }
  }

  @Test
  void unchangedPagesAreNotEmittedAgainOnRecrawl() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.route("/", (ex, n) -> {
        if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          LoopbackSite.send(ex, 304, "text/html", "");
        } else {
          ex.getResponseHeaders().set("ETag", "\"v1\"");
          LoopbackSite.send(ex, 200, "text/html", LoopbackSite.product("Stable", "3.00"));
        }
      });
      Crawler crawler = crawler(Map.of("discovery.sitemaps", "false"));
      assertEquals(1, crawler.crawl(List.of(site.url("/")), 10).listingsEmitted());
      CrawlReport second = crawler.crawl(List.of(site.url("/")), 10);
      assertEquals(0, second.listingsEmitted());
      assertEquals(1, second.notModified());
      assertEquals(1, listings.listings().size());
    }
  }

  @Test
  void aServerThatAnswersTooSlowlyIsCutOffAtTheReadTimeoutAndRetried() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/slow-headers>h</a><a href=/slow-body>b</a>");
      site.route("/slow-headers", (ex, n) -> {
        sleep(3000);
        LoopbackSite.send(ex, 200, "text/html", LoopbackSite.product("Late", "1.00"));
      });
      site.route("/slow-body", (ex, n) -> {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0); // chunked: headers at once, then a byte every 200 ms for 10 s
        try (var out = ex.getResponseBody()) {
          for (int i = 0; i < 50; i++) {
            out.write(' ');
            out.flush();
            sleep(200);
          }
        } catch (java.io.IOException e) {
          // the crawler hung up: that is the point
        }
      });
      long start = System.nanoTime();
      crawler(Map.of("timeouts.read", "600ms", "retry.maxAttempts", "2", "discovery.sitemaps", "false"))
          .crawl(List.of(site.url("/")), 10);
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      Map<String, CrawlError> byPath = errors.errors().stream()
          .collect(Collectors.toMap(e -> java.net.URI.create(e.url()).getPath(), e -> e));
      assertTrue(byPath.get("/slow-headers").cause().contains("timeout"), byPath.toString());
      assertTrue(byPath.get("/slow-body").cause().contains("timeout"), byPath.toString());
      assertEquals(2, byPath.get("/slow-body").attempts());
      assertEquals(2, site.hits("/slow-body").size());
      assertTrue(seconds < 8, "a trickling body must not hold a worker for its whole length: " + seconds + "s");
      assertTrue(listings.listings().isEmpty());
    }
  }

  @Test
  void malformedHtmlAndBinaryBodiesAreDataNotCrashes() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/broken>b</a><a href=/garbage>g</a><a href=/deep>d</a><a href=/image>i</a>"
          + "<a href=/lying-binary>l</a>");
      site.html("/broken", "<html><head><title>Broken</title><script type=application/ld+json>{\"@type\":"
          + "\"Product\", // sloppy but readable\n\"name\":\"Broken <b>tag\",\"offers\":{\"price\":\"9.99\",\"priceCurrency\":"
          + "\"EUR\",},}</script><script type=application/ld+json>{\"@type\":\"Product\",\"name\":</script></head>"
          + "<body><h1>Broken<div><p>unclosed <table><tr><td>cell<a>x</a></body>");
      site.html("/garbage", "\u0000\u0001<<<>>>&&&;;<!-- never closed <script>var x = '</scr' + 'ipt>';");
      site.html("/deep", "<div>".repeat(20_000) + "deep" + LoopbackSite.product("Deep", "4.00"));
      site.route("/image", (ex, n) -> LoopbackSite.send(ex, 200, "image/png", "\u0089PNG" + "x".repeat(100_000)));
      site.route("/lying-binary", (ex, n) -> LoopbackSite.send(ex, 200, "text/html; charset=utf-8",
          new String(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3}, java.nio.charset.StandardCharsets.ISO_8859_1)));
      CrawlReport report = crawler(Map.of("discovery.sitemaps", "false")).crawl(List.of(site.url("/")), 20);
      Listing broken = listings.listings().stream().filter(l -> l.url().endsWith("/broken")).findFirst()
          .orElseThrow(() -> new AssertionError(report + " " + errors.errors()));
      assertEquals("9.99", broken.price().amount());
      assertTrue(listedPaths().contains("/deep"), report.toString());
      assertTrue(errors.errors().isEmpty(), errors.errors().toString());
      assertEquals(1, report.skipped(), "the image is skipped without being parsed: " + report);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws java.io.IOException {
    ex.getResponseHeaders().set("Location", to);
    ex.sendResponseHeaders(302, -1);
  }
}
