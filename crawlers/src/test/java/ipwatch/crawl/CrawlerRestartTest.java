package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.crawl.sink.CollectingErrorSink;
import ipwatch.crawl.sink.CollectingListingSink;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page state store on disk: a restarted crawler does not refetch what it has, and asks conditionally when due. */
class CrawlerRestartTest {
  @TempDir Path evidence;
  @TempDir Path state;
  final CollectingListingSink listings = new CollectingListingSink();
  final CollectingErrorSink errors = new CollectingErrorSink();

  Crawler crawler(String recrawlAfter) {
    Map<String, String> o = new HashMap<>(Map.of("marketplaces.dir", "../config/marketplaces",
        "evidence.dir", evidence.toString(), "state.dir", state.toString(), "recrawl.after", recrawlAfter,
        "discovery.sitemaps", "false", "progress.interval", "0s"));
    Config c = Config.load(Path.of("../config/crawler.yaml"), Map.of()).with(o);
    return new Crawler(CrawlerSettings.from(c), new FileEvidenceStore(evidence), listings, errors);
  }

  /** A site whose pages answer 304 to their own ETag, like a well-behaved shop. */
  static LoopbackSite site() throws Exception {
    LoopbackSite site = new LoopbackSite();
    site.route("/", (ex, n) -> conditional(ex, "<a href=/p/1>1</a><a href=/p/2>2</a><a href=/hub>h</a>"));
    site.route("/hub", (ex, n) -> conditional(ex, "<a href=/p/3>3</a>"));
    for (int i = 1; i <= 3; i++) {
      String html = LoopbackSite.product("Item " + i, i + ".00");
      site.route("/p/" + i, (ex, n) -> conditional(ex, html));
    }
    return site;
  }

  static void conditional(com.sun.net.httpserver.HttpExchange ex, String html) throws java.io.IOException {
    String etag = "\"" + Integer.toHexString(html.hashCode()) + "\"";
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      LoopbackSite.send(ex, 304, "text/html", "");
    } else {
      ex.getResponseHeaders().set("ETag", etag);
      LoopbackSite.send(ex, 200, "text/html", html);
    }
  }

  @Test
  void aRestartedCrawlerFetchesOnlyTheSeedAndEmitsNothingNew() throws Exception {
    try (LoopbackSite site = site()) {
      try (Crawler first = crawler("1d")) {
        assertEquals(3, first.crawl(List.of(site.url("/")), 100).listingsEmitted());
      }
      try (Crawler second = crawler("1d")) {
        CrawlReport again = second.crawl(List.of(site.url("/")), 100);
        assertEquals(0, again.listingsEmitted(), again.toString());
        assertEquals(1, again.notModified(), "the seed is asked conditionally: " + again);
        assertEquals(0, again.pagesFetched(), again.toString());
      }
      for (String p : List.of("/p/1", "/p/2", "/p/3", "/hub")) {
        assertEquals(1, site.hits(p).size(), p + " was fetched again after the restart");
      }
      assertEquals(3, listings.listings().size());
      assertTrue(errors.errors().isEmpty(), errors.errors().toString());
    }
  }

  @Test
  void pagesDueForRecrawlAreAskedConditionallyAndUnchangedOnesCostNoExtraction() throws Exception {
    try (LoopbackSite site = site()) {
      try (Crawler first = crawler("0s")) {
        first.crawl(List.of(site.url("/")), 100);
      }
      try (Crawler second = crawler("0s")) {
        CrawlReport again = second.crawl(List.of(site.url("/")), 100);
        assertEquals(0, again.listingsEmitted(), again.toString());
        assertEquals(5, again.notModified(), "seed, hub and three products answered 304: " + again);
        assertEquals(0, again.pagesFetched(), again.toString());
      }
      assertEquals(2, site.hits("/p/3").size(), "known pages behind an unchanged hub are still recrawled");
      assertEquals(3, listings.listings().size());
    }
  }
}
