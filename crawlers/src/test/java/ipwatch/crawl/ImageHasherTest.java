package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ipwatch.crawl.sink.CollectingErrorSink;
import ipwatch.crawl.sink.CollectingListingSink;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Hashes;
import ipwatch.model.Image;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing images fetched from a scripted site on 127.0.0.1, stored as evidence and hashed into images[].sha256. */
class ImageHasherTest {
  static final byte[] RED = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
  static final byte[] BLUE = {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6};
  @TempDir Path dir;
  final CollectingListingSink listings = new CollectingListingSink();

  Crawler crawler() {
    Config c = Config.load(Path.of("../config/crawler.yaml"), Map.of()).with(Map.of(
        "marketplaces.dir", "../config/marketplaces", "evidence.dir", dir.toString(), "state.dir", "",
        "progress.interval", "0s", "politeness.minDelay", "20ms", "images.maxPerListing", "1",
        "discovery.sitemaps", "false"));
    return new Crawler(CrawlerSettings.from(c), new FileEvidenceStore(dir), listings, new CollectingErrorSink());
  }

  Map<String, Listing> crawl(LoopbackSite site) {
    try (Crawler crawler = crawler()) {
      crawler.crawl(List.of(site.url("/")), 100);
    }
    return byPath();
  }

  Map<String, Listing> byPath() {
    return listings.listings().stream()
        .collect(Collectors.toMap(l -> URI.create(l.url()).getPath(), Function.identity()));
  }

  static String product(String name, String image) {
    return "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
        + "\"Product\",\"name\":\"" + name + "\",\"brand\":\"Acme\",\"image\":\"" + image + "\",\"offers\":{"
        + "\"@type\":\"Offer\",\"price\":\"9.99\",\"priceCurrency\":\"EUR\"}}</script></head><body></body></html>";
  }

  static LoopbackSite.Route image(byte[] bytes) {
    return (ex, n) -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  static String firstImageSha(Listing l) {
    Image i = l.images().get(0);
    return i.sha256();
  }

  @Test
  void listingImagesAreStoredAsEvidenceUnderTheirSha256() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/p/1>1</a>");
      site.html("/p/1", product("Red widget", "/img/red.png"));
      site.route("/img/red.png", image(RED));

      Listing l = crawl(site).get("/p/1");

      assertNotNull(l);
      assertEquals(Hashes.sha256Hex(RED), firstImageSha(l));
      assertArrayEquals(RED, new FileEvidenceStore(dir).get(firstImageSha(l)).orElseThrow());
    }
  }

  @Test
  void anImageAlreadyHashedIsNotFetchedAgain() throws Exception {
    try (LoopbackSite site = new LoopbackSite(); Crawler crawler = crawler()) {
      site.html("/p/1", product("Widget one", "/img/shared.png"));
      site.html("/p/2", product("Widget two", "/img/shared.png"));
      site.html("/p/3", product("Widget three", "/img/blue.png"));
      site.route("/img/shared.png", image(RED));
      site.route("/img/blue.png", image(BLUE));

      crawler.crawl(List.of(site.url("/p/1")), 10);
      crawler.crawl(List.of(site.url("/p/2"), site.url("/p/3")), 10); // shops reuse one picture across listings

      Map<String, Listing> byPath = byPath();
      assertEquals(3, byPath.size(), byPath.keySet().toString());
      assertEquals(Hashes.sha256Hex(RED), firstImageSha(byPath.get("/p/1")));
      assertEquals(Hashes.sha256Hex(RED), firstImageSha(byPath.get("/p/2")));
      assertEquals(Hashes.sha256Hex(BLUE), firstImageSha(byPath.get("/p/3")));
      assertEquals(1, site.hits("/img/shared.png").size());
      assertEquals(1, site.hits("/img/blue.png").size());
    }
  }

  @Test
  void aFailingImageLeavesItsHashEmptyAndTheListingStillGoesOut() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/p/1>1</a><a href=/p/2>2</a>");
      site.html("/p/1", product("Broken picture", "/img/missing.png"));
      site.html("/p/2", product("Not a picture", "/img/page.html"));
      site.html("/img/page.html", "<html>an HTML page where an image should be</html>");

      Map<String, Listing> byPath = crawl(site);

      assertEquals(2, byPath.size(), byPath.keySet().toString());
      assertNull(firstImageSha(byPath.get("/p/1")));
      assertNull(firstImageSha(byPath.get("/p/2")));
      assertEquals("Broken picture", byPath.get("/p/1").title());
    }
  }
}
