package ipwatch.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.crawl.CrawlReport;
import ipwatch.crawl.Crawler;
import ipwatch.crawl.CrawlerSettings;
import ipwatch.crawl.sink.CollectingErrorSink;
import ipwatch.crawl.sink.CollectingListingSink;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real crawler, with the real config files, crawls the running demo marketplace once for all checks below. */
class DemoMarketplaceCrawlTest {
  static final Path REGISTRY = Path.of("../config/demo/registry.jsonl");
  @TempDir static Path evidenceDir;
  static DemoMarketplace market;
  static CrawlReport report;
  static Map<String, Listing> byPath;
  static CollectingErrorSink errors = new CollectingErrorSink();

  @BeforeAll
  static void crawlTheDemoMarketplace() {
    market = DemoMarketplace.start(0, REGISTRY);
    Config config = Config.load(Path.of("../config/crawler.yaml"), Map.of())
        .with(Map.of("marketplaces.dir", "../config/marketplaces", "evidence.dir", evidenceDir.toString(),
            "state.dir", ""));
    CrawlerSettings settings = CrawlerSettings.from(config);
    CollectingListingSink listings = new CollectingListingSink();
    Crawler crawler = new Crawler(settings, new FileEvidenceStore(evidenceDir), listings, errors);
    report = crawler.crawl(List.of(market.baseUrl()), 1000);
    System.out.println("demo crawl: " + report);
    byPath = listings.listings().stream()
        .collect(Collectors.toMap(l -> URI.create(l.url()).getPath(), Function.identity(), (a, b) -> a));
  }

  @AfterAll
  static void stop() {
    market.close();
  }

  @Test
  void crawlFindsAtLeastTwoHundredListingsWithoutErrors() {
    // how fast is measured by `ipwatch up` (it prints the crawl time), not asserted here
    assertTrue(report.listingsEmitted() >= 200, report.toString());
    assertTrue(errors.errors().isEmpty(), errors.errors().toString());
  }

  @Test
  void catalogueHasEveryKindOfPage() {
    DemoCatalogue c = market.catalogue();
    assertEquals(24, c.items(DemoItem.Group.GENUINE).size());
    assertEquals(60, c.items(DemoItem.Group.COUNTERFEIT).size());
    assertEquals(12, c.items(DemoItem.Group.LOOKALIKE).size());
    assertEquals(24, c.items(DemoItem.Group.ACCESSORY).size());
    assertEquals(60, c.items(DemoItem.Group.UNRELATED).size());
    assertEquals(100, c.items(DemoItem.Group.REAL_PAGE).size());
  }

  @Test
  void counterfeitPagesCarryBrandSellerAndSellerIdentifiers() {
    for (DemoItem item : market.catalogue().items(DemoItem.Group.COUNTERFEIT)) {
      Listing l = byPath.get(item.path());
      assertNotNull(l, "not crawled: " + item.path());
      assertEquals(item.brand(), l.brand());
      assertEquals(item.sellerId(), l.seller().id());
      assertNotNull(l.seller().identifiers().get("phone"), item.path());
      assertNotNull(l.seller().identifiers().get("email"), item.path());
      assertNotNull(l.price());
      assertNotNull(l.snapshot());
    }
  }

  @Test
  void genuinePagesCarryTheAuthorisedSellerId() {
    for (DemoItem item : market.catalogue().items(DemoItem.Group.GENUINE)) {
      Listing l = byPath.get(item.path());
      assertNotNull(l, "not crawled: " + item.path());
      assertTrue(l.seller().id().equals("demo-market:nordvik-official")
          || l.seller().id().equals("demo-market:lumora-store"), l.seller().id());
      assertEquals(item.sellerId(), l.seller().id());
    }
  }

  @Test
  void theCrawlerObeysRobotsTxtAndStoresEvidence() {
    assertEquals(0, market.hits("/admin/"));
    assertTrue(market.hits("/robots.txt") >= 1);
    assertTrue(market.hits("/sitemap-real.xml.gz") >= 1);
    Listing any = byPath.values().iterator().next();
    assertTrue(new FileEvidenceStore(evidenceDir).get(any.snapshot().sha256()).isPresent());
  }

  @Test
  void aFewCounterfeitSellersShareAPhoneNumber() {
    Map<String, Long> phones = market.catalogue().items(DemoItem.Group.COUNTERFEIT).stream()
        .map(i -> byPath.get(i.path()).seller())
        .distinct()
        .collect(Collectors.groupingBy(s -> s.identifiers().get("phone"), Collectors.counting()));
    assertTrue(phones.values().stream().anyMatch(n -> n >= 2), phones.toString());
  }
}
